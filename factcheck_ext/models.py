"""The one data model of sphinx-factcheck.

Directives validate their raw option strings into these models, the domain
stores them, and every renderer and exporter reads them.  Field validators
raise :class:`~pydantic_core.PydanticCustomError` whose *type* is the warning
subtype (see :mod:`factcheck_ext.warnings`), so a rejected option becomes a
located warning with the right subtype without a second copy of the rules.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9_])?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

STATUSES = ("unchecked", "in-progress", "checked", "retracted")
SOURCE_KINDS = ("primary", "official", "academic", "news", "expert", "dataset", "other")
UPDATE_KINDS = ("correction", "update", "clarification")

Status = Literal["unchecked", "in-progress", "checked", "retracted"]
SourceKind = Literal["primary", "official", "academic", "news", "expert", "dataset", "other"]
UpdateKind = Literal["correction", "update", "clarification"]


# --- reusable field types -------------------------------------------------


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def _check_id(value: Any) -> str:
    if value is None or not str(value).strip():
        raise PydanticCustomError("missing-id", "an id is required")
    value = str(value).strip()
    if not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "bad-id",
            "'{value}' is not a valid id (use lower-case letters, digits, '-', '_' and '.')",
            {"value": value},
        )
    return value


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if not ISO_DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "bad-date", "'{value}' is not an ISO date (YYYY-MM-DD)", {"value": text}
        ) from None


def _check_web_url(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")) or any(
        ch.isspace() or ord(ch) < 32 for ch in value
    ):
        raise PydanticCustomError(
            "bad-url", "'{value}' is not an http(s) URL; it is not linked", {"value": value}
        )
    return value


def _split_commas(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _choice(name: str, choices: tuple[str, ...]) -> Any:
    def check(value: Any) -> Any:
        text = str(value).strip().lower()
        if text not in choices:
            raise PydanticCustomError(
                f"unknown-{name}",
                "'{value}' is not a known " + name + " (allowed: {allowed})",
                {"value": str(value), "allowed": ", ".join(choices)},
            )
        return text

    return BeforeValidator(check)


def _positive_int(value: Any) -> Any:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise PydanticCustomError(
            "bad-number", "'{value}' is not a positive whole number", {"value": str(value)}
        )
    return number


def _optional(validator: Any) -> Any:
    """Run *validator* only on a present value (``None`` means "not given")."""

    def run(value: Any) -> Any:
        return None if value is None else validator(value)

    return BeforeValidator(run)


IsoDate = Annotated[date | None, _optional(_parse_date), BeforeValidator(_blank_to_none)]
WebUrl = Annotated[str | None, _optional(_check_web_url), BeforeValidator(_blank_to_none)]
PositiveInt = Annotated[int | None, _optional(_positive_int), BeforeValidator(_blank_to_none)]
ObjectId = Annotated[str, BeforeValidator(_check_id)]
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
#: lists of ids or words are tuples: immutable, and (unlike lists) not tracked by the
#: garbage collector, which matters with tens of thousands of claims in the environment
IdList = Annotated[tuple[ObjectId, ...], BeforeValidator(_split_commas)]
TextList = Annotated[tuple[str, ...], BeforeValidator(_split_commas)]


# --- the verdict scale ------------------------------------------------------


def _relative_luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class Verdict(BaseModel):
    """One rung (or off-scale mark) of the verdict scale."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: ObjectId
    label: str = Field(min_length=1)
    description: str = Field(min_length=1)
    rating: int | None = Field(default=None, description="ClaimReview ratingValue; None: off-scale")
    needs_sources: bool = True
    style: str = Field(default="", description="CSS class of the badge")
    colour: str = Field(default="#57606a", description="badge background, #rrggbb")

    @field_validator("colour")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError(f"'{value}' is not a #rrggbb colour")
        return value.lower()

    @model_validator(mode="after")
    def _default_style(self) -> Verdict:
        if not self.style:
            object.__setattr__(self, "style", f"fc-verdict-{self.key.replace('.', '-')}")
        return self

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the badge colour."""
        black, white = "#000000", "#ffffff"
        if contrast_ratio(self.colour, black) >= contrast_ratio(self.colour, white):
            return black
        return white


class Scale(BaseModel):
    """The ordered verdict scale, best first; off-scale verdicts follow."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdicts: list[Verdict] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_keys(self) -> Scale:
        seen: set[str] = set()
        for verdict in self.verdicts:
            if verdict.key in seen:
                raise ValueError(f"verdict key {verdict.key!r} is defined twice")
            seen.add(verdict.key)
        return self

    def get(self, key: str | None) -> Verdict | None:
        by_key = self.__dict__.get("_by_key")
        if by_key is None:  # built once: the scale is looked up for every badge
            by_key = {v.key: v for v in self.verdicts}
            self.__dict__["_by_key"] = by_key
        return by_key.get(key)  # type: ignore[arg-type]

    @property
    def keys(self) -> list[str]:
        return [v.key for v in self.verdicts]

    @property
    def best_rating(self) -> int | None:
        ratings = [v.rating for v in self.verdicts if v.rating is not None]
        return max(ratings) if ratings else None

    @property
    def worst_rating(self) -> int | None:
        ratings = [v.rating for v in self.verdicts if v.rating is not None]
        return min(ratings) if ratings else None

    def order(self, key: str | None) -> int:
        """Position of a verdict in the scale, for sorting; unknown keys last."""
        return next((i for i, v in enumerate(self.verdicts) if v.key == key), len(self.verdicts))


DEFAULT_VERDICTS: list[dict[str, Any]] = [
    {
        "key": "true",
        "label": "True",
        "description": "The claim is accurate and nothing significant is missing.",
        "rating": 5,
        "colour": "#1a7f37",
    },
    {
        "key": "mostly-true",
        "label": "Mostly true",
        "description": "The claim is accurate but needs clarification or additional information.",
        "rating": 4,
        "colour": "#4d7c0f",
    },
    {
        "key": "half-true",
        "label": "Half true",
        "description": "The claim is partially accurate but leaves out important details "
        "or takes things out of context.",
        "rating": 3,
        "colour": "#f2c230",
    },
    {
        "key": "mostly-false",
        "label": "Mostly false",
        "description": "The claim contains an element of truth but ignores critical facts "
        "that would give a different impression.",
        "rating": 2,
        "colour": "#e8772e",
    },
    {
        "key": "false",
        "label": "False",
        "description": "The claim is not accurate.",
        "rating": 1,
        "colour": "#b42318",
    },
    {
        "key": "misleading",
        "label": "Misleading",
        "description": "The claim has accurate parts but creates a false impression.",
        "rating": None,
        "colour": "#8250df",
    },
    {
        "key": "unverifiable",
        "label": "Unverifiable",
        "description": "The claim cannot be established or refuted from the available evidence.",
        "rating": None,
        "needs_sources": False,
        "colour": "#57606a",
    },
    {
        "key": "opinion",
        "label": "Opinion",
        "description": "The statement expresses a view or a call to action, not a checkable fact.",
        "rating": None,
        "needs_sources": False,
        "colour": "#0969da",
    },
]

DEFAULT_SCALE = Scale(verdicts=[Verdict(**v) for v in DEFAULT_VERDICTS])


# --- the objects of a report -------------------------------------------------


def _scale_key(value: str | None, info: ValidationInfo) -> str | None:
    """A verdict key of the scale in the validation context (or of the default scale)."""
    scale: Scale = (info.context or {}).get("scale", DEFAULT_SCALE)
    if value is None:
        return None
    key = value.strip().lower()
    if scale.get(key) is None:
        raise PydanticCustomError(
            "unknown-verdict",
            "'{value}' is not a verdict of the scale (allowed: {allowed})",
            {"value": value, "allowed": ", ".join(scale.keys)},
        )
    return key


class CompactPickle(BaseModel):
    """Pickle as a tuple of field values.

    The build environment is pickled after every build and loaded before the next;
    with ten thousand claims pydantic's default state (a dict, the set of fields set,
    extras) makes that file several times larger and slower to load.
    """

    @classmethod
    def _field_names(cls) -> tuple[str, ...]:
        names = cls.__dict__.get("_fc_field_names")
        if names is None:
            names = tuple(cls.model_fields)
            setattr(cls, "_fc_field_names", names)
            # every restored instance has all fields set: one set per class, not one per
            # object (pydantic only adds field names to it, which are all there already)
            setattr(cls, "_fc_fields_set", set(names))
        return names

    def __getstate__(self) -> tuple[Any, ...]:  # type: ignore[override]
        values = self.__dict__
        return tuple([values[name] for name in self._field_names()])

    def __setstate__(self, state: Any) -> None:
        if isinstance(state, dict):  # pydantic's own format
            super().__setstate__(state)
            return
        names = type(self).__dict__.get("_fc_field_names") or self._field_names()
        setter = object.__setattr__
        setter(self, "__dict__", dict(zip(names, state)))
        setter(self, "__pydantic_fields_set__", type(self).__dict__["_fc_fields_set"])
        setter(self, "__pydantic_extra__", None)
        setter(self, "__pydantic_private__", None)


class Located(CompactPickle):
    """Where an object was defined: used for warnings, links and incremental builds."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    id: ObjectId
    title: str = ""
    docname: str = Field(default="", json_schema_extra={"description": "Sphinx document name"})
    lineno: int = Field(default=0, exclude=True)
    anchor: str = ""
    #: options the directive rejected (already warned about), so checks do not repeat them
    rejected: tuple[str, ...] = Field(default=(), exclude=True)

    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)


class Article(Located):
    """The article under review."""

    url: WebUrl = None
    publisher: OptionalText = None
    authors: TextList = Field(default=(), alias="author")
    published: IsoDate = None
    text_file: OptionalText = Field(default=None, description="srcdir-relative path of the text")
    text: str | None = Field(default=None, exclude=True, repr=False)


class TextQuoteSelector(CompactPickle):
    """Where a quote sits in its article's text (W3C Web Annotation)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["TextQuoteSelector"] = "TextQuoteSelector"
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = Field(description="offset of the first character in the article text")
    end: int = Field(description="offset after the last character in the article text")


class Update(CompactPickle):
    """A dated correction, update or clarification of a published check."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    date: Annotated[date, BeforeValidator(_parse_date)]
    kind: Annotated[UpdateKind, _choice("update-kind", UPDATE_KINDS)] = "update"
    previous_verdict: OptionalText = Field(default=None, alias="previous-verdict")
    text: str = ""
    lineno: int = Field(default=0, exclude=True)

    @field_validator("previous_verdict")
    @classmethod
    def _known_previous(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _scale_key(value, info)


class Claim(Located):
    """One checked (or to-be-checked) claim."""

    article: ObjectId | None = None
    quote: OptionalText = None
    claimant: OptionalText = None
    date: IsoDate = None
    status: Annotated[Status, _choice("status", STATUSES)] = "checked"
    verdict: OptionalText = None
    sources: IdList = ()
    cited: tuple[str, ...] = Field(
        default=(), description="sources cited with the fc:source role in the analysis"
    )
    tags: TextList = ()
    context: OptionalText = None
    occurrence: PositiveInt = None
    claimant_type: Annotated[
        Literal["person", "organization"] | None,
        _optional(_choice("claimant-type", ("person", "organization")).func),
        BeforeValidator(_blank_to_none),
    ] = Field(default=None, alias="claimant-type")
    published: IsoDate = Field(default=None, description="when the check was published")
    #: where the quote was found when the article is in the same document (found at read
    #: time, so a build need not search every article again); None: not searched yet
    quote_span: tuple[int, int] | tuple[()] | None = Field(default=None, exclude=True)
    checked_by: OptionalText = Field(default=None, alias="checked-by")
    reviewed_by: OptionalText = Field(default=None, alias="reviewed-by")
    updates: tuple[Update, ...] = ()

    @field_validator("verdict")
    @classmethod
    def _known_verdict(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _scale_key(value, info)

    @property
    def date_modified(self):  # -> date | None
        """The date of the newest update, if any."""
        return max((u.date for u in self.updates), default=None)

    @property
    def all_sources(self) -> list[str]:
        """Sources listed in ``:sources:`` then those cited inline, without repeats."""
        return list(dict.fromkeys([*self.sources, *self.cited]))

    @property
    def shown_verdict(self) -> str | None:
        """The verdict that stands: only a checked claim has one (not a retracted one)."""
        return self.verdict if self.status == "checked" else None


class Source(Located):
    """A piece of evidence a verdict rests on."""

    url: WebUrl = None
    publisher: OptionalText = None
    authors: TextList = Field(default=(), alias="author")
    date: IsoDate = None
    accessed: IsoDate = None
    archive: WebUrl = None
    kind: Annotated[SourceKind, _choice("kind", SOURCE_KINDS)] = "other"


# --- views: what a table, bibliography, summary or annotated article shows ------

CLAIM_COLUMNS = ("id", "claim", "claimant", "date", "verdict", "article", "sources", "tags")
CLAIM_SORT_KEYS = ("date", "verdict", "claimant", "id", "document")
DEFAULT_CLAIM_COLUMNS = ("claim", "claimant", "date", "verdict")


def _check_sort(value: Any) -> Any:
    text = str(value).strip().lower()
    if text.lstrip("-") not in CLAIM_SORT_KEYS:
        raise PydanticCustomError(
            "bad-filter", "'{value}' is not a sort key (allowed: {allowed}, with - for descending)",
            {"value": str(value), "allowed": ", ".join(CLAIM_SORT_KEYS)},
        )
    return text


def _check_columns(value: Any) -> Any:
    columns = _split_commas(value)
    if not columns:
        raise PydanticCustomError(
            "bad-filter", "no column given (choose from: {allowed})",
            {"allowed": ", ".join(CLAIM_COLUMNS)},
        )
    for column in columns:
        if column not in CLAIM_COLUMNS:
            raise PydanticCustomError(
                "bad-filter", "'{value}' is not a column (allowed: {allowed})",
                {"value": column, "allowed": ", ".join(CLAIM_COLUMNS)},
            )
    return columns


class View(CompactPickle):
    """Base of the view directives' options: where the view was written."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, defer_build=True)

    defined_in: str = Field(default="", description="the document holding the directive")
    lineno: int = 0

    def location(self) -> tuple[str, int]:
        return (self.defined_in, self.lineno)


class ClaimQuery(View):
    """Which claims a view shows, in which order (``fc:claims``, ``fc:summary``)."""

    article: IdList = ()
    verdict: TextList = ()
    tags: TextList = ()
    claimant: TextList = ()
    docname_glob: OptionalText = Field(default=None, alias="docname")
    sort: Annotated[str, BeforeValidator(_check_sort)] = "document"
    limit: PositiveInt = None

    @field_validator("verdict")
    @classmethod
    def _known_verdicts(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        scale: Scale = (info.context or {}).get("scale", DEFAULT_SCALE)
        keys = tuple(v.strip().lower() for v in value)
        for key in keys:
            if scale.get(key) is None:
                raise PydanticCustomError(
                    "bad-filter", "'{value}' is not a verdict of the scale (allowed: {allowed})",
                    {"value": key, "allowed": ", ".join(scale.keys)},
                )
        return keys


class ClaimsView(ClaimQuery):
    """``fc:claims``: a table or list of claims."""

    layout: Annotated[Literal["table", "list"], _choice("layout", ("table", "list"))] = "table"
    columns: Annotated[tuple[str, ...], BeforeValidator(_check_columns)] = DEFAULT_CLAIM_COLUMNS


class SummaryView(ClaimQuery):
    """``fc:summary``: the verdict breakdown of the claims a query selects."""


class SourcesView(View):
    """``fc:sources``: a bibliography."""

    kind: Annotated[tuple[SourceKind, ...], BeforeValidator(
        lambda v: [_choice("kind", SOURCE_KINDS).func(k) for k in _split_commas(v)]
    )] = ()
    article: IdList = ()
    docname_glob: OptionalText = Field(default=None, alias="docname")


class CorrectionsView(View):
    """``fc:corrections``: the log of every update, newest first."""

    kind: Annotated[tuple[UpdateKind, ...], BeforeValidator(
        lambda v: [_choice("update-kind", UPDATE_KINDS).func(k) for k in _split_commas(v)]
    )] = ()


class AnnotatedView(View):
    """``fc:annotated``: an article's full text with its claims' quotes marked."""

    article: ObjectId

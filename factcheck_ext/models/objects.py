"""The objects of a report: articles, claims, sources, claimants and updates."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .compact import CompactPickle
from .evidence import Capture, DriftCheck
from .fields import (
    OPEN_STATUSES,
    SOURCE_KINDS,
    STATUSES,
    UPDATE_KINDS,
    ClaimantKind,
    IdList,
    IsoDate,
    ObjectId,
    OptionalClaimantKind,
    OptionalText,
    PartialDate,
    PositiveInt,
    SourceKind,
    Status,
    TextList,
    UpdateKind,
    WebUrl,
    WebUrlList,
    choice,
    parse_date,
)
from .scale import DEFAULT_SCALE, Scale


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


class TextLink(CompactPickle):
    """A cross-reference inside a plain text (an fc role in an update's note): where
    it sits in the text and what it points to, so that the text can be shown again
    with its links, or with the titles of what it cites."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(description="offset of the link's first character in the text")
    end: int = Field(description="offset after the link's last character")
    type: Literal["article", "claim", "source", "claimant"]
    target: str = Field(description="the id of the object linked to")
    explicit: bool = Field(
        default=False,
        description="the link has words of its own "
        "(a role written `words <id>`) instead of the object's title",
    )


class Update(CompactPickle):
    """A dated correction, update or clarification of a published check."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    date: Annotated[date, BeforeValidator(parse_date)]
    kind: Annotated[UpdateKind, choice("update-kind", UPDATE_KINDS)] = "update"
    previous_verdict: OptionalText = Field(default=None, alias="previous-verdict")
    text: str = ""
    links: tuple[TextLink, ...] = Field(
        default=(), description="the cross-references in text, by character offsets"
    )
    lineno: int = Field(default=0, exclude=True)

    @field_validator("previous_verdict")
    @classmethod
    def _known_previous(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _scale_key(value, info)


class Appearance(CompactPickle):
    """A place and time a claim was made: a post, a speech, a page (schema.org
    ``appearance``).  The annotated article, when there is one, is the claim's main
    appearance; these are the others, as a fact-checker collects them."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    url: WebUrl = None
    title: OptionalText = Field(default=None, description="what the appearance is called")
    date: IsoDate = None
    by: OptionalText = Field(default=None, description="who made the claim there")
    medium: OptionalText = Field(default=None, description="a Facebook post, a TV debate ...")
    archive: WebUrl = Field(default=None, description="an archived copy of the address")
    lineno: int = Field(default=0, exclude=True)

    @model_validator(mode="after")
    def _somewhere(self) -> Appearance:
        if not self.url and not self.title:
            raise PydanticCustomError(
                "appearance-nowhere", "an appearance needs an http(s) address or a title"
            )
        return self


class Claim(Located):
    """One checked (or to-be-checked) claim."""

    article: ObjectId | None = None
    quote: OptionalText = None
    quote_translation: OptionalText = Field(
        default=None,
        alias="quote-translation",
        description="the quote in the report's language, when the article is in another",
    )
    claimant: OptionalText = None
    date: IsoDate = None
    status: Annotated[Status, choice("status", STATUSES)] = "checked"
    verdict: OptionalText = None
    sources: IdList = ()
    cited: tuple[str, ...] = Field(
        default=(), description="sources cited with the fc:source role in the analysis"
    )
    tags: TextList = ()
    context: OptionalText = None
    occurrence: PositiveInt = None
    claimant_type: OptionalClaimantKind = Field(default=None, alias="claimant-type")
    published: IsoDate = Field(default=None, description="when the check was published")
    #: where the quote was found when the article is in the same document (found at read
    #: time, so a build need not search every article again); None: not searched yet
    quote_span: tuple[int, int] | tuple[()] | None = Field(default=None, exclude=True)
    summary: OptionalText = Field(
        default=None,
        description="the start of the analysis as plain text, for feeds, "
        "link previews and the dataset",
    )
    rating_explanation: OptionalText = Field(
        default=None,
        alias="rating-explanation",
        description="why the verdict, in a sentence or two (ClaimReview ratingExplanation); "
        "default: the start of the analysis",
    )
    checked_by: OptionalText = Field(default=None, alias="checked-by")
    reviewed_by: OptionalText = Field(default=None, alias="reviewed-by")
    updates: tuple[Update, ...] = ()
    appearances: tuple[Appearance, ...] = Field(
        default=(), description="where else the claim was made (fc:appearance)"
    )
    language: OptionalText = Field(
        default=None,
        description="the language (BCP 47) the claim and its check are written in, "
        "when not the report's (an imported check)",
    )
    same_as: TextList = Field(
        default=(),
        alias="same-as",
        description="earlier checks of the same claim: claim ids of this project or "
        "catalogue ids (its family)",
    )
    not_same_as: TextList = Field(
        default=(),
        alias="not-same-as",
        description="suggested matches the author dismissed",
    )

    @field_validator("verdict")
    @classmethod
    def _known_verdict(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _scale_key(value, info)

    @property
    def date_modified(self) -> datetime.date | None:
        """The date of the newest update, if any."""
        return max((u.date for u in self.updates), default=None)

    @property
    def first_appearance(self) -> Appearance | None:
        """The earliest dated appearance (else the first listed)."""
        dated = [a for a in self.appearances if a.date is not None]
        if dated:
            return min(dated, key=lambda a: a.date or datetime.date.max)
        return self.appearances[0] if self.appearances else None

    @property
    def all_sources(self) -> list[str]:
        """Sources listed in ``:sources:`` then those cited inline, without repeats."""
        return list(dict.fromkeys([*self.sources, *self.cited]))

    @property
    def shown_verdict(self) -> str | None:
        """The verdict that stands: only a checked claim has one (not a retracted one)."""
        return self.verdict if self.status == "checked" else None


def is_open(claim: Claim) -> bool:
    """Whether a claim's check is not finished (see ``OPEN_STATUSES``)."""
    return claim.status in OPEN_STATUSES


class Excerpt(CompactPickle):
    """A passage of a source the analysis relies on, verbatim (``fc:excerpt``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    text: str
    selector: TextQuoteSelector | None = Field(
        default=None, description="where the passage is in the captured text, when found"
    )
    lineno: int = Field(default=0, exclude=True)


class Source(Located):
    """A piece of evidence a verdict rests on."""

    url: WebUrl = None
    publisher: OptionalText = None
    authors: TextList = Field(default=(), alias="author")
    date: PartialDate = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    accessed: IsoDate = None
    archive: WebUrl = None
    kind: Annotated[SourceKind, choice("kind", SOURCE_KINDS)] = "other"
    rating: OptionalText = Field(
        default=None,
        description='a fact-check source\'s own rating, in its words ("Pants on Fire")',
    )
    excerpts: tuple[Excerpt, ...] = ()
    capture: Capture | None = Field(
        default=None, description="the newest capture of url, from the archive ledger"
    )
    drift: DriftCheck | None = Field(
        default=None, description="how url reads now, from the drift report"
    )

    @property
    def archived_copy(self) -> str | None:
        """The archived copy's web address: the ledger's capture, else ``:archive:``."""
        capture = self.capture
        if capture is not None and capture.ok and capture.archived_url:
            return capture.archived_url
        return self.archive


class Claimant(Located):
    """Who makes claims: a person or an organisation, with a profile and a scorecard.

    A claim's ``:claimant:`` names one by id; a value that is no claimant's id stays
    free text (see :meth:`factcheck_ext.index.ProjectIndex.claimant_of`).
    """

    kind: ClaimantKind = "person"
    role: OptionalText = Field(
        default=None, description="jobTitle of a person, description of an organisation"
    )
    affiliation: OptionalText = None
    url: WebUrl = None
    same_as: WebUrlList = Field(
        default=(), alias="same-as", description="Wikidata, Wikipedia, official pages"
    )

"""Reusable field types of the data model.

Validators raise :class:`~pydantic_core.PydanticCustomError` whose *type* is the
warning subtype (see :mod:`factcheck_ext.diagnostics`), so a rejected option becomes a
located warning with the right subtype without a second copy of the rules.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ValidationInfo
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9_])?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

STATUSES = ("unchecked", "in-progress", "checked", "retracted")
#: statuses of a check that is not finished: no verdict yet, left out of publication
#: builds (``factcheck_publish_unchecked = False``), listed by the status builder
OPEN_STATUSES = ("unchecked", "in-progress")
SOURCE_KINDS = (
    "primary",
    "official",
    "academic",
    "news",
    "expert",
    "dataset",
    "fact-check",
    "other",
)
UPDATE_KINDS = ("correction", "update", "clarification")
CLAIMANT_KINDS = ("person", "organization")

Status = Literal["unchecked", "in-progress", "checked", "retracted"]
SourceKind = Literal[
    "primary", "official", "academic", "news", "expert", "dataset", "fact-check", "other"
]
UpdateKind = Literal["correction", "update", "clarification"]
ClaimantKindName = Literal["person", "organization"]


# --- reusable field types -------------------------------------------------


def blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def check_id(value: Any) -> str:
    if value is None or not str(value).strip():
        raise PydanticCustomError("missing-id", "an id is required")
    text = str(value).strip()
    if not ID_PATTERN.match(text):
        raise PydanticCustomError(
            "bad-id",
            "'{value}' is not a valid id (use lower-case letters, digits, '-', '_' and '.')",
            {"value": text},
        )
    return text


def parse_date(value: Any) -> Any:
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


LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")


def pick_language(value: Any, info: ValidationInfo) -> Any:
    """A text given per language (``{"en": "True", "fr": "Vrai"}``) as the text for the
    language in the validation context: the language itself, then its base language
    (``pt`` for ``pt_BR``), then English, then the first one given."""
    if not isinstance(value, dict):
        return value
    if not value:
        raise ValueError("gives no text in any language")
    for key, text in value.items():
        if not isinstance(key, str) or not LANGUAGE_TAG.match(key):
            raise ValueError(f"{key!r} is not a language code (such as 'fr' or 'pt_BR')")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"the text for {key!r} is empty")
    language = str((info.context or {}).get("language") or "en")
    base = re.split("[_-]", language)[0]
    for candidate in (language, language.replace("-", "_"), language.replace("_", "-"), base, "en"):
        if candidate in value:
            return value[candidate]
    return next(iter(value.values()))


PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: Any) -> Any:
    """A date known to the day, the month or the year (``2021-12-03``, ``2021-12``,
    ``2021``): sources, a bibliography's entries above all, are often dated by year."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = PARTIAL_DATE.match(text)
    try:
        if not match:
            raise ValueError
        year, month, day = match.groups()
        date(int(year), int(month or 1), int(day or 1))  # a real month and day
    except ValueError:
        raise PydanticCustomError(
            "bad-date",
            "'{value}' is not an ISO date (YYYY-MM-DD, or YYYY-MM or YYYY)",
            {"value": text},
        ) from None
    return text


def is_web_url(url: str | None) -> bool:
    """The one rule for what becomes a link: an http(s) URL without white space or
    control characters.  Anything else stays text (and is warned about when read)."""
    if not url:
        return False
    return url.lower().startswith(("http://", "https://")) and not any(
        ch.isspace() or ord(ch) < 32 for ch in url
    )


def check_web_url(value: str) -> str:
    if not is_web_url(value):
        raise PydanticCustomError(
            "bad-url", "'{value}' is not an http(s) URL; it is not linked", {"value": value}
        )
    return value


def split_commas(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def choice(name: str, choices: tuple[str, ...]) -> Any:
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


def positive_int(value: Any) -> Any:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise PydanticCustomError(
            "bad-number", "'{value}' is not a positive whole number", {"value": str(value)}
        )
    return number


def optional(validator: Any) -> Any:
    """Run *validator* only on a present value (``None`` means "not given")."""

    def run(value: Any) -> Any:
        return None if value is None else validator(value)

    return BeforeValidator(run)


IsoDate = Annotated[date | None, optional(parse_date), BeforeValidator(blank_to_none)]
#: a text that a configuration may give per language (see :func:`pick_language`)
LocalizedText = Annotated[str, BeforeValidator(pick_language)]
PartialDate = Annotated[str | None, optional(parse_partial_date), BeforeValidator(blank_to_none)]
WebUrl = Annotated[str | None, optional(check_web_url), BeforeValidator(blank_to_none)]
PositiveInt = Annotated[int | None, optional(positive_int), BeforeValidator(blank_to_none)]
ObjectId = Annotated[str, BeforeValidator(check_id)]
OptionalText = Annotated[str | None, BeforeValidator(blank_to_none)]
#: lists of ids or words are tuples: immutable, and (unlike lists) not tracked by the
#: garbage collector, which matters with tens of thousands of claims in the environment
IdList = Annotated[tuple[ObjectId, ...], BeforeValidator(split_commas)]
TextList = Annotated[tuple[str, ...], BeforeValidator(split_commas)]
#: several http(s) URLs: a bad one is dropped (and warned about), the others kept
WebUrlList = Annotated[
    tuple[Annotated[str, BeforeValidator(check_web_url)], ...], BeforeValidator(split_commas)
]


def _british_spelling(value: Any) -> Any:
    return "organization" if str(value).strip().lower() == "organisation" else value


#: ``person`` or ``organization`` (``organisation`` is read as ``organization``)
ClaimantKind = Annotated[
    ClaimantKindName, choice("kind", CLAIMANT_KINDS), BeforeValidator(_british_spelling)
]
OptionalClaimantKind = Annotated[
    ClaimantKindName | None,
    optional(choice("claimant-type", CLAIMANT_KINDS).func),
    BeforeValidator(_british_spelling),
    BeforeValidator(blank_to_none),
]

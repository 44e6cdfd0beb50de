"""Views: what a table, bibliography, summary or annotated article shows."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .fields import (
    SOURCE_KINDS,
    UPDATE_KINDS,
    IdList,
    ObjectId,
    OptionalText,
    PositiveInt,
    SourceKind,
    TextList,
    UpdateKind,
    choice,
    split_commas,
)
from .objects import CompactPickle
from .scale import DEFAULT_SCALE, Scale

CLAIM_COLUMNS = ("id", "claim", "claimant", "date", "verdict", "article", "sources", "tags")
CLAIM_SORT_KEYS = ("date", "verdict", "claimant", "id", "document")
DEFAULT_CLAIM_COLUMNS = ("claim", "claimant", "date", "verdict")


def _check_sort(value: Any) -> Any:
    text = str(value).strip().lower()
    if text.lstrip("-") not in CLAIM_SORT_KEYS:
        raise PydanticCustomError(
            "bad-filter",
            "'{value}' is not a sort key (allowed: {allowed}, with - for descending)",
            {"value": str(value), "allowed": ", ".join(CLAIM_SORT_KEYS)},
        )
    return text


def _check_columns(value: Any) -> Any:
    columns = split_commas(value)
    if not columns:
        raise PydanticCustomError(
            "bad-filter",
            "no column given (choose from: {allowed})",
            {"allowed": ", ".join(CLAIM_COLUMNS)},
        )
    for column in columns:
        if column not in CLAIM_COLUMNS:
            raise PydanticCustomError(
                "bad-filter",
                "'{value}' is not a column (allowed: {allowed})",
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
                    "bad-filter",
                    "'{value}' is not a verdict of the scale (allowed: {allowed})",
                    {"value": key, "allowed": ", ".join(scale.keys)},
                )
        return keys


class ClaimsView(ClaimQuery):
    """``fc:claims``: a table or list of claims."""

    layout: Annotated[Literal["table", "list"], choice("layout", ("table", "list"))] = "table"
    columns: Annotated[tuple[str, ...], BeforeValidator(_check_columns)] = DEFAULT_CLAIM_COLUMNS


#: what ``fc:summary :by:`` can spread the claims across
SUMMARY_GROUPS = ("affiliation", "claimant", "tag")


def _check_group(value: Any) -> Any:
    text = str(value).strip().lower()
    if text not in SUMMARY_GROUPS:
        raise PydanticCustomError(
            "bad-filter",
            "'{value}' is not something to group claims by (allowed: {allowed})",
            {"value": str(value), "allowed": ", ".join(SUMMARY_GROUPS)},
        )
    return text


class SummaryView(ClaimQuery):
    """``fc:summary``: the verdict breakdown of the claims a query selects, or (with
    ``:by:``) their spread across claimants' affiliations, claimants or tags, by year."""

    by: Annotated[
        Literal["affiliation", "claimant", "tag"] | None, BeforeValidator(_check_group)
    ] = None


class FundersView(View):
    """``fc:funders``: the table of the desk's funders."""


class MastheadView(View):
    """``fc:masthead``: the desk's people, with their roles and backgrounds."""


class SourcesView(View):
    """``fc:sources``: a bibliography."""

    kind: Annotated[
        tuple[SourceKind, ...],
        BeforeValidator(lambda v: [choice("kind", SOURCE_KINDS).func(k) for k in split_commas(v)]),
    ] = ()
    article: IdList = ()
    docname_glob: OptionalText = Field(default=None, alias="docname")


class CorrectionsView(View):
    """``fc:corrections``: the log of every update, newest first."""

    kind: Annotated[
        tuple[UpdateKind, ...],
        BeforeValidator(
            lambda v: [choice("update-kind", UPDATE_KINDS).func(k) for k in split_commas(v)]
        ),
    ] = ()


class AnnotatedView(View):
    """``fc:annotated``: an article's full text with its claims' quotes marked."""

    article: ObjectId


class BibliographyView(View):
    """``fc:bibliography``: the sources a reference manager's file defines."""

    files: tuple[str, ...] = Field(default=(), description="srcdir-relative paths")
    sources: tuple[str, ...] = Field(default=(), description="ids of the sources it defines")

"""A desk's memory: checks made before, by this desk or others (the catalogue).

Catalogue files (``factcheck_catalogues``) hold earlier checks: other reports'
``factcheck.json``, the shapes ``sphinx-factcheck import`` reads, and JSON Lines of
``{"id", "claim", ...}``.  Each check is a :class:`CatalogueEntry`; a claim links to
one with ``:same-as:``, and the build suggests likely ones (see ``memory``).
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from .compact import CompactPickle


class CatalogueEntry(CompactPickle):
    """One earlier check: who checked which claim, what they found, where and when."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    id: str = Field(description="unique in the catalogue: the file's id, or one made")
    claim: str
    title: str | None = None
    summary: str | None = Field(default=None, description="a standfirst or description")
    url: str | None = None
    rating: str | None = Field(default=None, description="the verdict or rating, in words")
    publisher: str | None = Field(default=None, description="who checked it")
    date: str | None = Field(default=None, description="when it was checked (ISO date)")
    origin: str = Field(default="", description="the catalogue file it came from")

    @property
    def text(self) -> str:
        """What matching compares: the claim, the title and the summary."""
        return " ".join(part for part in (self.claim, self.title, self.summary) if part)


class Suggestion(CompactPickle):
    """A likely earlier check of a claim that its author has not decided on."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    claim: str = Field(description="the claim's id")
    match: str = Field(description="a catalogue id, or the id of an earlier claim")
    kind: str = Field(description='"catalogue" or "claim"')
    score: float

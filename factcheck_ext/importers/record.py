"""What an imported fact-check says, whatever shape it came in.

The input readers fill these records; :mod:`.plan` turns them into the report's
models.  Dates are kept as :class:`datetime.date`, URLs only when they are http(s)
(the readers drop the others with a message), strings whitespace-folded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class ImportedPerson:
    """Who made the claim (schema.org Person or Organization)."""

    name: str
    kind: str = "person"  # or "organization"
    url: str | None = None
    same_as: list[str] = field(default_factory=list)
    role: str | None = None  # jobTitle of a person, description of an organisation
    affiliation: str | None = None


@dataclass
class ImportedWork:
    """Where the claim appeared (a CreativeWork)."""

    headline: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)


@dataclass
class ImportedRating:
    name: str | None = None  # alternateName / textualRating
    value: float | None = None
    best: float | None = None
    worst: float | None = None

    @property
    def label(self) -> str:
        """How the rating is named in messages."""
        if self.name:
            return self.name
        if self.value is not None:
            return f"ratingValue {self.value:g}"
        return "(no rating)"


@dataclass
class ImportedReview:
    """One review of one claim."""

    origin: str  # the input file, for messages
    claim: str  # claimReviewed / text
    rating: ImportedRating = field(default_factory=ImportedRating)
    url: str | None = None  # the review page
    title: str | None = None  # the review page's title (headline / name / title)
    reviewed: date | None = None  # datePublished / reviewDate
    modified: date | None = None  # dateModified
    corrections: list[tuple[date, str]] = field(default_factory=list)
    publisher: str | None = None  # who published the review
    claimant: ImportedPerson | None = None
    claim_date: date | None = None
    appearance: ImportedWork | None = None
    language: str | None = None
    #: reviews sharing a group are written on one page (an article, or a claim that
    #: several desks reviewed); None: grouped by appearance, else a page of its own
    group: str | None = None

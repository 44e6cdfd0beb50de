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
    """Where the claim appeared (a CreativeWork): an article when it has a headline
    (it becomes an ``fc:article``), else an appearance (``fc:appearance``)."""

    headline: str | None = None  # an article's headline
    name: str | None = None  # what another work is called ("State of the city address")
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    medium: str | None = None  # its schema.org type when it says more than CreativeWork


@dataclass
class ImportedRating:
    name: str | None = None  # alternateName / textualRating
    explanation: str | None = None  # ratingExplanation, when it is words
    value: float | None = None
    best: float | None = None
    worst: float | None = None

    @property
    def label(self) -> str:
        """How the rating is named in messages and in ``--map``."""
        if self.name:
            return self.name
        if self.value is not None:
            return f"ratingValue {self.value:g}"
        return "(no rating)"

    @property
    def words(self) -> str | None:
        """The rating as the desk showed it: its name, else its value on its scale."""
        if self.name:
            return self.name
        if self.value is None:
            return None
        if self.worst is not None and self.best is not None:
            return f"{self.value:g} on a scale of {self.worst:g} to {self.best:g}"
        if self.best is not None:
            return f"{self.value:g} (best {self.best:g})"
        return f"{self.value:g}"


@dataclass
class ImportedReview:
    """One review of one claim."""

    origin: str  # the input file, for messages
    claim: str  # claimReviewed / text
    rating: ImportedRating = field(default_factory=ImportedRating)
    url: str | None = None  # the review page
    title: str | None = None  # the review page's title (headline / name / title)
    reviewed: date | None = None  # datePublished / reviewDate
    #: where the date came from: "review", "page" (the page's article markup), or None
    reviewed_from: str | None = None
    modified: date | None = None  # dateModified
    corrections: list[tuple[date, str]] = field(default_factory=list)
    publisher: str | None = None  # the desk (the outlet) that published the review
    publisher_url: str | None = None
    reviewers: list[str] = field(default_factory=list)  # journalists named as authors
    claimant: ImportedPerson | None = None
    claim_date: date | None = None
    article: ImportedWork | None = None  # the article the claim appeared in (a headline)
    appearances: list[ImportedWork] = field(default_factory=list)  # every other place
    language: str | None = None  # BCP 47, of the review (or its page)
    #: reviews sharing a group are written on one page (an article, or a claim that
    #: several desks reviewed); None: grouped by appearance, else a page of its own
    group: str | None = None

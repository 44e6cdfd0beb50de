"""Editorial checks that need the whole project: run once after reading.

Each check yields :class:`Problem` records; the consistency check turns them
into located warnings, and the status builder lists them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from .models import AnnotatedView

from .warnings import warn

if TYPE_CHECKING:
    from .domain import FactCheckDomain


@dataclass(frozen=True)
class Problem:
    subtype: str
    message: str
    docname: str
    lineno: int
    claim_id: str | None = None

    @property
    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)


def find_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    index, scale = domain.index, domain.scale
    for dup in index.duplicates:
        other, first = dup.other, dup.first
        yield Problem(
            "duplicate-id",
            f"duplicate {dup.objtype} id {other.id!r}: already defined in "
            f"{first.docname} (line {first.lineno})",
            other.docname, other.lineno,
        )
    for claim in index.claims.values():
        where = (claim.docname, claim.lineno)
        label = f"fc:claim {claim.id!r}"
        if claim.status == "checked" and not claim.verdict:
            yield Problem("missing-verdict", f"{label} is checked but has no :verdict:", *where,
                          claim.id)
        if claim.status in ("unchecked", "in-progress") and claim.verdict:
            yield Problem(
                "unexpected-verdict",
                f"{label} has status {claim.status!r}, so it cannot have a :verdict: yet",
                *where, claim.id,
            )
        if claim.article and claim.article not in index.articles:
            yield Problem("unknown-article", f"{label}: unknown article {claim.article!r}",
                          *where, claim.id)
        for source_id in claim.sources:
            if source_id not in index.sources:
                yield Problem("unknown-source", f"{label}: unknown source {source_id!r}",
                              *where, claim.id)
        verdict = scale.get(claim.shown_verdict)
        if verdict and verdict.needs_sources and not claim.all_sources:
            yield Problem(
                "no-sources",
                f"{label}: the verdict {verdict.key!r} needs at least one source, and none is listed",
                *where, claim.id,
            )
        article = index.articles.get(claim.article or "")
        if claim.quote and article and article.text is not None and not index.quote_span(claim):
            found = len(index.article_text(article.id).find_all(claim.quote))  # type: ignore[union-attr]
            detail = (f" (it occurs {found} time(s); :occurrence: {claim.occurrence} is too high)"
                      if found else "")
            yield Problem(
                "quote-not-found",
                f"{label}: the quote {claim.quote!r} is not in the text of article "
                f"{article.id!r}{detail}",
                *where, claim.id,
            )


def view_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    """Filters that name nothing: an unknown article, a tag or claimant no claim has."""
    index = domain.index
    tags = {tag for claim in index.claims.values() for tag in claim.tags}
    claimants = {(claim.claimant or "").casefold() for claim in index.claims.values()}
    for docname in sorted(domain.docs):
        for view in domain.docs[docname].views:
            where = view.location()
            name = f"fc:{type(view).__name__.removesuffix('View').lower()}"
            if isinstance(view, AnnotatedView):
                article = index.articles.get(view.article)
                if article is None:
                    yield Problem("unknown-article", f"fc:annotated: unknown article "
                                  f"{view.article!r}", *where)
                elif article.text is None:
                    yield Problem("text-missing", f"fc:annotated: article {view.article!r} "
                                  "has no :text: to annotate", *where)
                continue
            for article_id in view.article:
                if article_id not in index.articles:
                    yield Problem("unknown-article", f"{name}: unknown article {article_id!r}",
                                  *where)
            for tag in getattr(view, "tags", []):
                if tag not in tags:
                    yield Problem("bad-filter", f"{name}: no claim has the tag {tag!r}", *where)
            for claimant in getattr(view, "claimant", []):
                if claimant.casefold() not in claimants:
                    yield Problem("bad-filter", f"{name}: no claim has the claimant "
                                  f"{claimant!r}", *where)


def source_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    index = domain.index
    for source in index.sources.values():
        if not index.claims_citing.get(source.id):
            yield Problem("unused-source", f"fc:source {source.id!r} is not cited by any claim",
                          source.docname, source.lineno)


def report_problems(domain: FactCheckDomain) -> None:
    for problem in chain(find_problems(domain), view_problems(domain), source_problems(domain)):
        warn(problem.message, problem.subtype, problem.location)

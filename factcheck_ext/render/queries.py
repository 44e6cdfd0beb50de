"""Select and order the claims a view shows.

Queries start from the index's per-article lists when they filter by article,
so a project with a scorecard per article does linear, not quadratic, work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase
from itertools import chain
from typing import Any

from ..domain.project_index import ProjectIndex
from ..models import Claim, ClaimQuery, Scale, Source, SourcesView


def _sort_keys(index: ProjectIndex, scale: Scale) -> dict[str, Callable[[Claim], Any]]:
    def by_date(claim: Claim) -> tuple[bool, str]:
        day = index.claim_date(claim)
        return (day is None, day.isoformat() if day else "")

    return {
        "date": by_date,
        "verdict": lambda c: scale.order(c.shown_verdict),
        "claimant": lambda c: (index.claimant_name(c) or "").casefold(),
        "id": lambda c: c.id,
        "document": lambda c: (c.docname, c.lineno),
    }


def _by_claimant(claim: Claim, index: ProjectIndex, ids: set[str], texts: set[str]) -> bool:
    """Whether a claim is by one of the claimants a view names (see ``claimant_ids``)."""
    if claim.claimant in index.claimants:
        return claim.claimant in ids
    return (claim.claimant or "").casefold() in texts


def select_claims(
    query: ClaimQuery, index: ProjectIndex, scale: Scale, ordered: bool = True
) -> list[Claim]:
    """The claims *query* selects, in its order (``ordered=False``: in any order, for
    views that only count them; a limit still takes the first ones in order)."""
    claimant_ids, claimant_texts = index.claimant_ids(query.claimant)
    candidates: Iterable[Claim]
    if query.article:
        candidates = chain.from_iterable(index.claims_by_article.get(a, []) for a in query.article)
    elif claimant_ids and not claimant_texts:  # a scorecard: only that claimant's claims
        candidates = chain.from_iterable(
            index.claims_by_claimant.get(c, []) for c in sorted(claimant_ids)
        )
    else:
        candidates = index.claims.values()
    verdicts = set(query.verdict)
    tags = set(query.tags)
    claimants = bool(query.claimant)
    if not (verdicts or tags or claimants or query.docname_glob):
        selected = list(candidates)
    else:
        selected = [
            claim
            for claim in candidates
            if (not verdicts or claim.shown_verdict in verdicts)
            and (not tags or tags.intersection(claim.tags))
            and (not claimants or _by_claimant(claim, index, claimant_ids, claimant_texts))
            and (not query.docname_glob or fnmatchcase(claim.docname, query.docname_glob))
        ]
    if not ordered and not query.limit:
        return selected
    key = query.sort.lstrip("-")
    selected.sort(key=_sort_keys(index, scale)[key], reverse=query.sort.startswith("-"))
    return selected[: query.limit] if query.limit else selected


def source_sort_key(source: Source) -> tuple[str, str]:
    """Bibliography order: first author, then title (sources without author by title)."""
    title = (source.title or source.id).casefold()
    return ((source.authors[0] if source.authors else title).casefold(), title)


def select_sources(view: SourcesView, index: ProjectIndex) -> list[Source]:
    kinds = set(view.kind)
    articles = set(view.article)
    selected = []
    for source in index.sources.values():
        citing = index.claims_citing.get(source.id, [])
        if kinds and source.kind not in kinds:
            continue
        if articles and not any(c.article in articles for c in citing):
            continue
        if view.docname_glob and not any(fnmatchcase(c.docname, view.docname_glob) for c in citing):
            continue
        selected.append(source)
    selected.sort(key=source_sort_key)
    return selected

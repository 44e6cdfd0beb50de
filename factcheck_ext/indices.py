"""The claim index (by verdict, in scale order) and the source index (by kind).

Sphinx writes them as ``fc-claimindex.html`` and ``fc-sourceindex.html`` and
labels them ``fc-claimindex`` / ``fc-sourceindex`` for ``:ref:``.
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.domains import Index, IndexEntry

from .badge_labels import status_label
from .gcpause import without_collector
from .models import SOURCE_KINDS


class IndexContent(list):  # type: ignore[type-arg]
    """An index's groups.  Sphinx logs every event's arguments with ``repr`` (cut to 100
    characters afterwards); the page context of a 10,000-entry index would be
    repr'd in full for nothing."""

    def __repr__(self) -> str:
        return f"<{len(self)} index groups>"


class ClaimIndex(Index):
    name = "claimindex"
    localname = "Claim index"
    shortname = "claims"

    @without_collector
    def generate(self, docnames: Iterable[str] | None = None
                 ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        index, scale = domain.index, domain.scale  # type: ignore[attr-defined]
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        order = [v.label for v in scale.verdicts]
        for claim in index.claims.values():
            if wanted is not None and claim.docname not in wanted:
                continue
            verdict = scale.get(claim.shown_verdict)
            group = verdict.label if verdict else status_label(claim.status)
            if group not in order:
                order.append(group)
            article = index.articles.get(claim.article or "")
            groups.setdefault(group, []).append(IndexEntry(
                claim.title or claim.id, 0, claim.docname, claim.anchor,
                article.title if article else (claim.article or ""), claim.docname, claim.id,
            ))
        content = IndexContent((g, sorted(groups[g], key=lambda e: e.name.casefold()))
                               for g in order if g in groups)
        return content, False


class SourceIndex(Index):
    name = "sourceindex"
    localname = "Source index"
    shortname = "sources"

    @without_collector
    def generate(self, docnames: Iterable[str] | None = None
                 ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        index = self.domain.index  # type: ignore[attr-defined]
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        for source in index.sources.values():
            if wanted is not None and source.docname not in wanted:
                continue
            groups.setdefault(source.kind, []).append(IndexEntry(
                source.title or source.id, 0, source.docname, source.anchor,
                source.publisher or "", source.docname, source.id,
            ))
        content = IndexContent(
            (kind.capitalize(), sorted(groups[kind], key=lambda e: e.name.casefold()))
            for kind in SOURCE_KINDS if kind in groups)
        return content, False

"""The claim index (by verdict, in scale order), the source index (by kind) and the
claimant index (people, then organisations).

Sphinx writes them as ``fc-claimindex.html``, ``fc-sourceindex.html`` and
``fc-claimantindex.html`` and labels them ``fc-claimindex``, ``fc-sourceindex`` and
``fc-claimantindex`` for ``:ref:``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, TypeVar, cast

from sphinx.domains import Index, IndexEntry

from .._gc import without_collector
from ..i18n import N_, _, ngettext
from ..i18n.labels import CLAIMANT_GROUPS, SOURCE_KIND_GROUPS, status_label
from ..models import SOURCE_KINDS, Claimant, Located, Source

if TYPE_CHECKING:
    from .factcheck_domain import FactCheckDomain


class IndexContent(list[tuple[str, list[IndexEntry]]]):
    """An index's groups.  Sphinx logs every event's arguments with ``repr`` (cut to 100
    characters afterwards); the page context of a 10,000-entry index would be
    repr'd in full for nothing."""

    def __repr__(self) -> str:
        return f"<{len(self)} index groups>"


L = TypeVar("L", bound=Located)


def _fc(index: Index) -> FactCheckDomain:
    """The domain an index belongs to, typed (indices are only ever ours)."""
    return cast("FactCheckDomain", index.domain)


def grouped(entries: Iterable[tuple[str, IndexEntry]], order: list[str]) -> IndexContent:
    """Entries by group, groups in *order* (then any others as first met), each sorted
    by name."""
    groups: dict[str, list[IndexEntry]] = {}
    for group, entry in entries:
        groups.setdefault(group, []).append(entry)
    order = order + [group for group in groups if group not in order]
    return IndexContent((group, _by_name(groups[group])) for group in order if group in groups)


def _by_name(entries: list[IndexEntry]) -> list[IndexEntry]:
    """*entries* sorted by casefolded name, ties in the order given (as a key function
    would, without a Python call per entry)."""
    keys = [entry[0].casefold() for entry in entries]
    order = sorted(range(len(entries)), key=keys.__getitem__)
    return [entries[i] for i in order]


#: IndexEntry's constructor without its Python ``__new__`` (ten thousand a build)
_new_entry = partial(tuple.__new__, IndexEntry)


def in_documents(objects: Iterable[L], docnames: Iterable[str] | None) -> Iterable[L]:
    if docnames is None:
        return objects
    wanted = set(docnames)
    return (obj for obj in objects if obj.docname in wanted)


class ClaimIndex(Index):
    name = "claimindex"
    localname = N_("Claim index")
    shortname = N_("claims")

    @without_collector
    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        index, scale = _fc(self).index, _fc(self).scale
        labels = {v.key: v.label for v in scale.verdicts}
        titles = {a.id: a.title for a in index.articles.values()}
        entries = []
        for claim in in_documents(index.claims.values(), docnames):
            verdict = claim.shown_verdict
            article = claim.article or ""
            label = labels.get(verdict) if verdict else None
            entries.append(
                (
                    status_label(claim.status) if label is None else label,
                    _new_entry(
                        (
                            claim.title or claim.id,
                            0,
                            claim.docname,
                            claim.anchor,
                            titles.get(article, article),
                            claim.docname,
                            claim.id,
                        )
                    ),
                )
            )
        return grouped(entries, [v.label for v in scale.verdicts]), False


class SourceIndex(Index):
    name = "sourceindex"
    localname = N_("Source index")
    shortname = N_("sources")

    @without_collector
    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        index = _fc(self).index

        def entry(source: Source) -> tuple[str, IndexEntry]:
            return (
                groups[source.kind],
                IndexEntry(
                    source.title or source.id,
                    0,
                    source.docname,
                    source.anchor,
                    source.publisher or "",
                    source.docname,
                    source.id,
                ),
            )

        groups = {kind: _(SOURCE_KIND_GROUPS[kind]) for kind in SOURCE_KINDS}
        sources = in_documents(index.sources.values(), docnames)
        return grouped(map(entry, sources), list(groups.values())), False


def checked_claims(count: int) -> str:
    return ngettext("{count} checked claim", "{count} checked claims", count).format(count=count)


class ClaimantIndex(Index):
    name = "claimantindex"
    localname = N_("Claimant index")
    shortname = N_("claimants")

    @without_collector
    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        index = _fc(self).index

        def entry(claimant: Claimant) -> tuple[str, IndexEntry]:
            claims = index.claims_by_claimant.get(claimant.id, ())
            count = sum(1 for claim in claims if claim.shown_verdict)
            return (
                groups[claimant.kind],
                IndexEntry(
                    claimant.title or claimant.id,
                    0,
                    claimant.docname,
                    claimant.anchor,
                    claimant.role or "",
                    "",
                    checked_claims(count),
                ),
            )

        groups = {kind: _(label) for kind, label in CLAIMANT_GROUPS.items()}
        claimants = in_documents(index.claimants.values(), docnames)
        return grouped(map(entry, claimants), list(groups.values())), False


def named_in_language(index: type[Index]) -> type[Index]:
    """*index* with its names in the build's language: a subclass made for one
    domain (one application), so that no class shared by the process changes."""
    return type(
        index.__name__,
        (index,),
        {
            "__module__": index.__module__,
            "localname": _(index.localname),
            "shortname": _(index.shortname) if index.shortname else index.shortname,
        },
    )

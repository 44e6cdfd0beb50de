"""A read-only, build-wide index of the domain data.

The domain stores objects per document (cheap to clear and merge).  Views,
back-links and checks need them by id, by article, by source; this index is
built once from the stored data, in one linear pass, and rebuilt only after
the data changed.  Nothing here is pickled.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .._gc import without_collector
from ..models import (
    Article,
    CatalogueEntry,
    Claim,
    Claimant,
    Desk,
    Funder,
    Located,
    Policy,
    Source,
    Staff,
)
from ..models.fields import split_commas
from ..text.quotes import ArticleText, article_text, selector_fields
from .records import TABLES, DocRecord


@dataclass
class Duplicate:
    objtype: str
    first: Located
    other: Located


class ProjectIndex:
    """Every object by id, plus the reverse maps the renderers need."""

    @without_collector
    def __init__(
        self, docs: Mapping[str, DocRecord], withhold: Callable[[Claim], bool] | None = None
    ):
        self.articles: dict[str, Article] = {}
        self.claims: dict[str, Claim] = {}
        self.sources: dict[str, Source] = {}
        self.claimants: dict[str, Claimant] = {}
        self.duplicates: list[Duplicate] = []
        #: claims left out of a publication build (ids), and the sources they cite
        self.withheld: set[str] = set()
        self.cited_by_withheld: set[str] = set()
        self.claims_by_article: dict[str, list[Claim]] = defaultdict(list)
        self.claims_citing: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
        #: the claims of each registered claimant (by id), in project order
        self.claims_by_claimant: dict[str, list[Claim]] = defaultdict(list)
        self.desks: dict[str, Desk] = {}
        #: policy pages by kind (a policy's id is its kind)
        self.policies: dict[str, Policy] = {}
        self.funders: dict[str, Funder] = {}
        self.staff: dict[str, Staff] = {}
        tables: dict[str, dict[str, Any]] = {
            objtype: getattr(self, table) for objtype, table in TABLES.items()
        }
        self._tables = tables
        for docname in sorted(docs):
            for objtype, obj in docs[docname].objects():
                table = tables[objtype]
                if obj.id in table:
                    self.duplicates.append(Duplicate(objtype, table[obj.id], obj))
                    continue
                if isinstance(obj, Claim) and withhold is not None and withhold(obj):
                    self.withheld.add(obj.id)
                    self.cited_by_withheld.update(obj.all_sources)
                    continue
                table[obj.id] = obj
        for claim in self.claims.values():
            self.claims_by_doc[claim.docname].append(claim)
            if claim.article:
                self.claims_by_article[claim.article].append(claim)
            for source_id in claim.all_sources:
                self.claims_citing[source_id].append(claim)
            if claim.claimant in self.claimants:
                self.claims_by_claimant[claim.claimant].append(claim)
        self._texts: dict[str, ArticleText | None] = {}
        self._spans: dict[str, tuple[int, int] | None] = {}
        self._inventory: list[tuple[str, str, str, str, str, int]] | None = None
        self._families: dict[str, tuple[str, ...]] | None = None
        self._has_archives: bool | None = None
        #: the catalogue entries this build's claims name or resemble (set by the domain)
        self.catalogue: Mapping[str, CatalogueEntry] = {}
        #: claims of other reports named by intersphinx (``report:claim-id`` -> address,
        #: title), set by the domain
        self.remote: Mapping[str, tuple[str, str]] = {}

    @property
    def has_archives(self) -> bool:
        """Whether any source has an archived copy (typed, or in the ledger)."""
        if self._has_archives is None:
            self._has_archives = any(
                s.archive or s.capture is not None for s in self.sources.values()
            )
        return self._has_archives

    @property
    def has_families(self) -> bool:
        if self._families is None:
            self._families = _families(self.claims.values())
        return bool(self._families)

    def family(self, claim_id: str) -> tuple[str, ...]:
        """The other members of a claim's family: every claim and catalogue id linked to
        it by ``:same-as:``, either way and through others (sorted; empty for none)."""
        if self._families is None:
            self._families = _families(self.claims.values())
        return self._families.get(claim_id, ())

    def inventory(self) -> list[tuple[str, str, str, str, str, int]]:
        """The domain's objects for the search index and objects.inv (both ask)."""
        if self._inventory is None:
            self._inventory = [
                # dispname is the id too: the search index splits names at dots,
                # and claim titles are sentences
                (obj_id, obj_id, objtype, table[obj_id].docname, table[obj_id].anchor, 1)
                for objtype, table in self._tables.items()
                for obj_id in sorted(table)
            ]
        return self._inventory

    def get(self, objtype: str, obj_id: str) -> Located | None:
        return self._tables[objtype].get(obj_id)

    @property
    def desk(self) -> Desk | None:
        """The desk the project declares (``fc:desk``), if it does."""
        return next(iter(self.desks.values()), None)

    def people(self, names: str | None) -> list[tuple[str, Staff | None]]:
        """A ``:checked-by:`` or ``:reviewed-by:`` value, person by person (commas
        separate them): each name with the staff member whose id it is, or None for
        free text."""
        return [(name, self.staff.get(name)) for name in split_commas(names or "")]

    def claimant_of(self, claim: Claim) -> Claimant | None:
        """The registered claimant a claim names by id; None for free text or none."""
        return self.claimants.get(claim.claimant) if claim.claimant else None

    def claimant_name(self, claim: Claim) -> str | None:
        """Who made the claim, as readers see it: a claimant's name, or the free text."""
        claimant = self.claimant_of(claim)
        return (claimant.title or claimant.id) if claimant else claim.claimant

    def claimant_ids(self, names: Iterable[str]) -> tuple[set[str], set[str]]:
        """Split a view's ``:claimant:`` values into claimant ids (a value that is an id,
        or a registered claimant's name) and free-text names (casefolded)."""
        ids: set[str] = set()
        texts: set[str] = set()
        by_name = None
        for name in names:
            if name in self.claimants:
                ids.add(name)
                continue
            if by_name is None:
                by_name = {(c.title or c.id).casefold(): c.id for c in self.claimants.values()}
            folded = name.casefold()
            if folded in by_name:
                ids.add(by_name[folded])
            else:
                texts.add(folded)
        return ids, texts

    def article_text(self, article_id: str | None) -> ArticleText | None:
        """The folded text of an article, computed once per build."""
        key = article_id or ""
        if key not in self._texts:
            article = self.articles.get(key)
            self._texts[key] = (
                article_text(article.text) if article and article.text is not None else None
            )
        return self._texts[key]

    def quote_span(self, claim: Claim) -> tuple[int, int] | None:
        """Where the claim's quote is in its article's text (None: not found or no text)."""
        if claim.id not in self._spans:
            article = self.articles.get(claim.article or "")
            if claim.quote_span is not None and article and article.docname == claim.docname:
                self._spans[claim.id] = claim.quote_span or None  # found when read
                return self._spans[claim.id]
            text = self.article_text(claim.article)
            self._spans[claim.id] = (
                text.find(claim.quote, claim.occurrence) if text and claim.quote else None
            )
        return self._spans[claim.id]

    def selector(self, claim: Claim) -> dict[str, str | int] | None:
        """The claim's TextQuoteSelector (as its fields), when the quote was found."""
        span = self.quote_span(claim)
        article = self.articles.get(claim.article or "")
        if span is None or article is None or article.text is None:
            return None
        return selector_fields(article.text, *span)

    def claim_date(self, claim: Claim) -> date | None:
        """A claim's date, defaulting to its article's publication date."""
        if claim.date:
            return claim.date
        article = self.articles.get(claim.article or "")
        return article.published if article else None


def _families(claims: Iterable[Claim]) -> dict[str, tuple[str, ...]]:
    """Claim id -> the rest of its family (connected by ``:same-as:``, in both ways)."""
    claims = list(claims)
    if not any(claim.same_as for claim in claims):
        return {}  # no claim names another: no family (most projects, most builds)
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    members = []
    for claim in claims:
        members.append(claim.id)
        for other in claim.same_as:
            parent[root(other)] = root(claim.id)
    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        groups[root(node)].append(node)
    families = {}
    for claim_id in members:
        group = groups.get(root(claim_id), [])
        if len(group) > 1:
            families[claim_id] = tuple(sorted(g for g in group if g != claim_id))
    return families

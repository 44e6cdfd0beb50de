"""The ``fc`` domain: where every article, claim, source and claimant of a project lives.

Its directives and roles are registered by ``setup()`` (they sit above the domain
in the import order); the domain keeps the records, resolves references and runs
the project-wide checks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, Index, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from .._gc import promote_to_oldest_generation
from ..config import project_scale
from ..models import (
    CatalogueEntry,
    Claim,
    Claimant,
    Located,
    Scale,
    Suggestion,
    View,
    is_open,
)
from .checks import report_problems
from .indices import ClaimantIndex, ClaimIndex, SourceIndex, named_in_language
from .project_index import ProjectIndex
from .records import EMPTY_RECORD, TABLES, DocRecord, DocRecords, ObjectType
from .remote import remote_claims

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: a reference to a claim that should show the claim's verdict badge (the attribute
#: names the claim; the render layer adds the badge once references are resolved)
BADGE_ATTRIBUTE = "fc_badge_claim"


class FactCheckDomain(Domain):
    """Articles, claims, sources and claimants, with roles to link them across documents."""

    name = "fc"
    label = "Fact-check"
    object_types: ClassVar[dict[str, ObjType]] = {
        "article": ObjType("article", "article"),
        "claim": ObjType("claim", "claim"),
        "source": ObjType("source", "source"),
        "claimant": ObjType("claimant", "claimant"),
        "desk": ObjType("desk", "desk"),
        "policy": ObjType("policy", "policy"),
        "funder": ObjType("funder", "funder"),
        "staff": ObjType("staff member", "staff"),
    }
    indices: ClassVar[list[type[Index]]] = [ClaimIndex, SourceIndex, ClaimantIndex]
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "article": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "claim": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "source": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "claimant": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "desk": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "policy": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "funder": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "staff": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
    }
    initial_data: ClassVar[dict[str, Any]] = {"docs": DocRecords()}
    data_version = 1

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # the index names in this build's language (the catalog is loaded by now)
        # (Sphinx's own idiom: class variables made instance ones, see Domain.__init__)
        self.indices = [named_in_language(i) for i in self.indices]  # type: ignore[misc]
        self._index: ProjectIndex | None = None
        self._scale: Scale | None = None
        #: problems already warned about in this build (see checks.report_problems)
        self.reported_problems: set[Any] = set()
        #: the desk's memory for this build (set by ``memory.suggestions`` once the
        #: project is read): catalogue entries the claims name or resemble, and the
        #: undecided likely matches of each claim
        self.catalogue: Mapping[str, CatalogueEntry] = {}
        self.suggestions: Mapping[str, tuple[Suggestion, ...]] = {}

    # --- storage --------------------------------------------------------

    @property
    def docs(self) -> Mapping[str, DocRecord]:
        """Document name -> its record (read-only: change them with the note_* methods)."""
        docs: DocRecords = self.data["docs"]
        return docs

    def _store(self, docname: str, record: DocRecord) -> None:
        self.data["docs"][docname] = record
        self._index = None

    def note_object(self, objtype: ObjectType, obj: Located) -> None:
        """Store an object read from the current document."""
        self._store(obj.docname, self.docs.get(obj.docname, EMPTY_RECORD).adding(objtype, obj))

    def note_view(self, docname: str, view: View) -> None:
        """Store a view directive (a table, a summary...) of *docname*."""
        self._store(docname, self.docs.get(docname, EMPTY_RECORD).adding_view(view))

    def note_translated(
        self, docname: str, changes: Mapping[tuple[ObjectType, str, int], dict[str, Any]]
    ) -> None:
        """Replace fields of objects of *docname* (by type, id and line) with their
        translations."""
        record = self.docs.get(docname)
        if record is None or not changes:
            return
        tables = {}
        translated: set[ObjectType] = {objtype for objtype, _id, _line in changes}
        for objtype in translated:
            objects: tuple[Located, ...] = getattr(record, TABLES[objtype])
            tables[TABLES[objtype]] = tuple(
                obj.model_copy(update=changes[key])
                if (key := (objtype, obj.id, obj.lineno)) in changes
                else obj
                for obj in objects
            )
        self._store(docname, record.replacing(**tables))

    def note_dependencies(self, docname: str, keys: Iterable[str]) -> None:
        """Record what *docname*'s page shows of other documents (dependency keys).

        The keys are interned: most are shared by many pages (``claims:*``, a source
        cited on ten pages), and the environment's pickle then stores each once."""
        record = self.docs.get(docname, EMPTY_RECORD)
        self.data["docs"][docname] = record.replacing(depends_on=map(sys.intern, keys))

    def note_memory(
        self,
        catalogue: Mapping[str, CatalogueEntry],
        suggestions: Mapping[str, tuple[Suggestion, ...]],
    ) -> None:
        """The catalogue entries and suggested matches of this build (not stored in
        the environment: they are worked out again by every build)."""
        self.catalogue, self.suggestions = dict(catalogue), dict(suggestions)

    @property
    def evidence_state(self) -> tuple[Any, Mapping[str, str]]:
        """The evidence files' stamp at the last build and, per address, a fingerprint of
        what they said of it (see :mod:`.evidence`)."""
        state: tuple[Any, Mapping[str, str]] = self.data.get("evidence") or ((None, None), {})
        return state[0], state[1]

    def note_evidence(self, stamp: Any, digests: Mapping[str, str]) -> None:
        self.data["evidence"] = (stamp, dict(digests))

    def release_objects(self, docname: str) -> None:
        """*docname* has been read: keep its record packed until it is used."""
        record = self.docs.get(docname)
        if record is not None:
            record.release_objects()

    def clear_doc(self, docname: str) -> None:
        if self.data["docs"].pop(docname, None) is not None:
            self._index = None

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["docs"]:
                self.data["docs"][docname] = otherdata["docs"][docname]
        self._index = None

    # --- the build-wide view ------------------------------------------------

    @property
    def scale(self) -> Scale:
        """The project's verdict scale in the build's language, made once per build."""
        if self._scale is None:
            self._scale = project_scale(self.env.config)
        return self._scale

    @property
    def index(self) -> ProjectIndex:
        if self._index is None:
            withhold = None if self.env.config.factcheck_publish_unchecked else is_open
            self._index = ProjectIndex(self.docs, withhold)
            promote_to_oldest_generation()
            named = {o for c in self._index.claims.values() for o in c.same_as}
            self._index.remote = remote_claims(self.env, sorted(named - self._index.claims.keys()))
        self._index.catalogue = self.catalogue
        return self._index

    # --- references -------------------------------------------------------

    def _refnode(
        self,
        builder: Builder,
        fromdocname: str,
        objtype: str,
        obj: Located,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference:
        content: nodes.Node | list[nodes.Node] = contnode
        if objtype == "claim" and not node.get("refexplicit"):
            assert isinstance(obj, Claim)
            content = [nodes.inline("", obj.title or obj.id, classes=["fc-claim-ref"])]
        elif not node.get("refexplicit") and obj.title:
            content = nodes.inline("", obj.title, classes=[f"fc-{objtype}-ref"])
        title = node.get("fc_reftitle") or obj.title
        if isinstance(obj, Claimant) and obj.role and not node.get("fc_reftitle"):
            title = f"{obj.title}, {obj.role}"
        refnode = make_refnode(builder, fromdocname, obj.docname, obj.anchor, content, title)
        if objtype == "claim" and node.get("fc_badge", True):
            refnode[BADGE_ATTRIBUTE] = obj.id
        return refnode

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ not in self.object_types:
            return None
        obj = self.index.get(typ, target.strip())
        if obj is None:
            return None
        return self._refnode(builder, fromdocname, typ, obj, node, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in self.object_types:
            obj = self.index.get(typ, target.strip())
            if obj is not None:
                refnode = self._refnode(builder, fromdocname, typ, obj, node, contnode)
                results.append((f"fc:{typ}", refnode))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        return iter(self.index.inventory())

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        target = node.get("reftarget")
        return str(target) if target is not None else None

    # --- project-wide checks --------------------------------------------------

    def check_consistency(self) -> None:
        report_problems(self)


def get_domain(env: BuildEnvironment) -> FactCheckDomain:
    """The ``fc`` domain of *env*, typed (the one way to reach it)."""
    return cast("FactCheckDomain", env.get_domain("fc"))

"""The ``fc`` domain: where every article, claim and source of a project lives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .config import get_scale
from .directives.article import ArticleDirective
from .directives.bibliography import BibliographyDirective
from .directives.claim import ClaimDirective
from .directives.claimant import ClaimantDirective
from .directives.source import SourceDirective
from .directives.update import UpdateDirective
from .directives.views import (
    AnnotatedDirective,
    ClaimsDirective,
    CorrectionsDirective,
    SourcesDirective,
    SummaryDirective,
)
from .gcpause import settle_young
from .index import ProjectIndex
from .indices import ClaimantIndex, ClaimIndex, SourceIndex
from .models import Claim, Claimant, Located, Scale
from .render.badge import claim_badge
from .roles import verdict_role
from .storage import DocRecord, DocRecords

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

def is_unpublished(claim: Claim) -> bool:
    """Left out of publication builds: a check that is not finished."""
    return claim.status in ("unchecked", "in-progress")


class FactCheckDomain(Domain):
    """Articles, claims, sources and claimants, with roles to link them across documents."""

    name = "fc"
    label = "Fact-check"
    object_types = {
        "article": ObjType("article", "article"),
        "claim": ObjType("claim", "claim"),
        "source": ObjType("source", "source"),
        "claimant": ObjType("claimant", "claimant"),
    }
    directives = {
        "article": ArticleDirective,
        "claim": ClaimDirective,
        "source": SourceDirective,
        "claimant": ClaimantDirective,
        "claims": ClaimsDirective,
        "sources": SourcesDirective,
        "summary": SummaryDirective,
        "annotated": AnnotatedDirective,
        "corrections": CorrectionsDirective,
        "update": UpdateDirective,
        "bibliography": BibliographyDirective,
    }
    indices = [ClaimIndex, SourceIndex, ClaimantIndex]
    roles = {
        "article": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "claim": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "source": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "claimant": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "verdict": verdict_role,
    }
    initial_data: dict[str, Any] = {"docs": DocRecords()}
    data_version = 1

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._index: ProjectIndex | None = None
        #: problems already warned about in this build (see problems.report_problems)
        self.reported_problems: set[Any] = set()
        #: documents re-read in this build, and their records before (incremental.py)
        self._reread: set[str] = set()
        self._before: dict[str, DocRecord | None] = {}

    # --- storage --------------------------------------------------------

    @property
    def docs(self) -> dict[str, DocRecord]:
        return self.data["docs"]

    def record(self, docname: str) -> DocRecord:
        self._index = None
        return self.docs.setdefault(docname, DocRecord()).changing()

    def note_object(self, objtype: str, obj: Located) -> None:
        """Store an object read from the current document."""
        getattr(self.record(obj.docname), f"{objtype}s").append(obj)

    def clear_doc(self, docname: str) -> None:
        if self.docs.pop(docname, None) is not None:
            self._index = None

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["docs"]:
                self.docs[docname] = otherdata["docs"][docname]
        self._index = None

    # --- the build-wide view ------------------------------------------------

    @property
    def scale(self) -> Scale:
        return get_scale(self.env.config)

    @property
    def index(self) -> ProjectIndex:
        if self._index is None:
            withhold = None if self.env.config.factcheck_publish_unchecked else is_unpublished
            self._index = ProjectIndex(self.docs, withhold)
            settle_young()
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
        if objtype == "claim" and node.get("fc_badge", True):
            assert isinstance(obj, Claim)
            content = [*(content if isinstance(content, list) else [content]), nodes.Text(" ")]
            content.append(claim_badge(obj, self.scale))
        title = node.get("fc_reftitle") or obj.title
        if isinstance(obj, Claimant) and obj.role and not node.get("fc_reftitle"):
            title = f"{obj.title}, {obj.role}"
        return make_refnode(builder, fromdocname, obj.docname, obj.anchor, content, title)

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
        return node.get("reftarget")

    # --- project-wide checks --------------------------------------------------

    def check_consistency(self) -> None:
        from .problems import report_problems

        report_problems(self)


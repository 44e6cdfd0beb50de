"""Render the placeholders once every document has been read.

A post-transform running before Sphinx resolves references: it replaces each
placeholder with generic nodes built from the domain's models, and the
``pending_xref`` nodes it leaves are then resolved like any role's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import article_block, claim_block, fc_placeholder, source_block
from .render.article import render_article
from .render.claim import render_claim
from .render.source import render_source

Renderer = Callable[..., nodes.Node]

#: placeholder class -> (index table name, renderer)
BLOCK_RENDERERS: dict[type[fc_placeholder], tuple[str, Renderer]] = {
    article_block: ("articles", render_article),
    claim_block: ("claims", render_claim),
    source_block: ("sources", render_source),
}

#: placeholders of views (tables, summaries...) register here: class -> renderer(node, domain, docname)
VIEW_RENDERERS: dict[type[fc_placeholder], Renderer] = {}


class RenderFactCheck(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        domain = self.env.domains["fc"]
        index, scale = domain.index, domain.scale  # type: ignore[attr-defined]
        docname = self.env.docname
        for node in list(self.document.findall(fc_placeholder)):
            if type(node) in VIEW_RENDERERS:
                rendered = VIEW_RENDERERS[type(node)](node, domain, docname)
            else:
                rendered = self.render_block(node, index, scale, docname)
            if isinstance(rendered, nodes.Element):
                rendered["ids"] = node["ids"] + rendered["ids"]
                rendered.source, rendered.line = node.source, node.line
            if rendered is None:
                node.parent.remove(node)
            else:
                node.replace_self(rendered)

    def render_block(self, node: fc_placeholder, index: Any, scale: Any,
                     docname: str) -> nodes.Node | None:
        """Render an object's block; None when the object is withheld from this build."""
        table, render = BLOCK_RENDERERS[type(node)]
        obj = getattr(index, table).get(node["fc_id"])
        if obj is not None and (obj.docname, obj.lineno) == (node["fc_docname"], node["fc_lineno"]):
            return render(obj, list(node.children), index, scale, docname)
        if table == "claims" and node["fc_id"] in index.withheld:
            return None
        # a duplicate: the first definition owns the id; keep this one's body visible
        return nodes.container("", *node.children, classes=["fc-duplicate"])

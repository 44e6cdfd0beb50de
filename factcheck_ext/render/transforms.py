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

from ..domain import get_domain
from ..domain.factcheck_domain import BADGE_ATTRIBUTE
from ..domain.nodes import (
    annotated_view,
    article_block,
    bibliography_view,
    claim_block,
    claimant_block,
    claims_view,
    corrections_view,
    desk_block,
    fc_placeholder,
    funder_block,
    funders_view,
    masthead_view,
    policy_block,
    source_block,
    sources_view,
    staff_block,
    summary_view,
)
from ..domain.translations import is_text_node
from .annotated import render_annotated_view
from .article import render_article
from .badge import claim_badge
from .claim import render_claim, split_updates
from .claimant import render_claimant
from .claims_table import render_claims_view
from .corrections import render_corrections_view
from .desk import (
    render_desk,
    render_funder,
    render_funders_view,
    render_masthead_view,
    render_policy,
    render_staff,
)
from .source import render_source
from .source_lists import render_bibliography_view, render_sources_view
from .summary import render_summary_view

Renderer = Callable[..., nodes.Node]

#: placeholder class -> (index table name, renderer)
BLOCK_RENDERERS: dict[type[fc_placeholder], tuple[str, Renderer]] = {
    article_block: ("articles", render_article),
    claim_block: ("claims", render_claim),
    source_block: ("sources", render_source),
    claimant_block: ("claimants", render_claimant),
    desk_block: ("desks", render_desk),
    policy_block: ("policies", render_policy),
    funder_block: ("funders", render_funder),
    staff_block: ("staff", render_staff),
}

#: view placeholder class -> renderer(view model, index, scale, docname); a summary
#: also takes its position on the page (see ``RenderFactCheck.run``)
VIEW_RENDERERS: dict[type[fc_placeholder], Renderer] = {
    claims_view: render_claims_view,
    sources_view: render_sources_view,
    annotated_view: render_annotated_view,
    corrections_view: render_corrections_view,
    bibliography_view: render_bibliography_view,
    funders_view: render_funders_view,
    masthead_view: render_masthead_view,
}


class RenderFactCheck(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        index, scale = domain.index, domain.scale
        docname = self.env.docname
        for serial, node in enumerate(list(self.document.findall(fc_placeholder))):
            if type(node) is summary_view:
                rendered = render_summary_view(node["fc_view"], index, scale, docname, serial)
            elif type(node) in VIEW_RENDERERS:
                rendered = VIEW_RENDERERS[type(node)](node["fc_view"], index, scale, docname)
            else:
                rendered = self.render_block(node, index, scale, docname)
            if isinstance(rendered, nodes.Element):
                rendered["ids"] = node["ids"] + rendered["ids"]
                rendered.source, rendered.line = node.source, node.line
            if rendered is None:
                node.parent.remove(node)
            else:
                node.replace_self(rendered)

    def render_block(
        self, node: fc_placeholder, index: Any, scale: Any, docname: str
    ) -> nodes.Node | None:
        """Render an object's block; None when the object is withheld from this build."""
        table, render = BLOCK_RENDERERS[type(node)]
        obj = getattr(index, table).get(node["fc_id"])
        body = [child for child in node.children if not is_text_node(child)]
        if obj is not None and (obj.docname, obj.lineno) == (node["fc_docname"], node["fc_lineno"]):
            return render(obj, body, index, scale, docname)
        if table == "claims" and node["fc_id"] in index.withheld:
            return None
        # a duplicate: the first definition owns the id; keep this one's body visible
        updates, rest = split_updates(body)
        return nodes.container("", *updates, *rest, classes=["fc-duplicate"])


class AddClaimBadges(SphinxPostTransform):
    """A resolved reference to a claim shows the claim's verdict badge after its title.

    The domain marks such references when it resolves them (``BADGE_ATTRIBUTE``, the
    claim's id); the badge itself is drawn here, in the render layer."""

    default_priority = 11  # after ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for ref in list(self.document.findall(nodes.reference)):
            claim_id = ref.attributes.pop(BADGE_ATTRIBUTE, None)
            if claim_id is None:
                continue
            claim = domain.index.claims.get(claim_id)
            if claim is not None:
                ref += [nodes.Text(" "), claim_badge(claim, domain.scale)]


class KeepTextsForGettext(SphinxPostTransform):
    """For the gettext builder: the objects' translatable texts (see
    :mod:`factcheck_ext.domain.translations`) moved out of their placeholders, so that they are
    extracted although the placeholders are rendered without them."""

    builders = ("gettext",)
    default_priority = 4  # before RenderFactCheck

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(fc_placeholder)):
            texts = [child for child in node.children if is_text_node(child)]
            for text in texts:
                node.remove(text)
            node.parent.insert(node.parent.index(node) + 1, texts)

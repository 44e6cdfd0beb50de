"""Translated reports: the models' text fields, as Sphinx's gettext workflow translates them.

Sphinx translates a document's paragraphs (``sphinx-build -b gettext`` extracts them,
a translated build replaces them), but a claim's statement, a source's title and
the other texts of the models come from directive options, which it never sees.
So each object directive also leaves its translatable texts in the document as
paragraphs of their own (class ``fc-text``, with the field they hold): gettext
extracts them like any paragraph, and once the document is read, and translated,
the translated texts go back into the model, with the start of the analysis and
the texts of the updates made again from their translated paragraphs.  Renderers
then find the translation wherever the object is shown: its block, tables, links,
indices, the feed, ClaimReview and the dataset.  The paragraphs are not shown
(the post-transform leaves them out), except to the gettext builder.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..models import Located
from ..text.analysis import analysis_summary
from ..text.linked import folded, text_and_links
from .factcheck_domain import get_domain
from .nodes import (
    claim_block,
    claimant_block,
    desk_block,
    fc_placeholder,
    funder_block,
    source_block,
    staff_block,
)
from .records import ObjectType

#: object type -> the fields a translation replaces
TRANSLATABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "claim": ("title", "context", "quote_translation"),
    "source": ("title",),
    "claimant": ("role", "affiliation"),
    # (a desk's or a person's name is a name: not translated)
    "desk": ("legal_status", "based_in"),
    "staff": ("role", "background"),
    "funder": ("kind", "amount", "restrictions"),
}
FIELD = "fc_field"
_TYPES: dict[type[fc_placeholder], ObjectType] = {
    claim_block: "claim",
    source_block: "source",
    claimant_block: "claimant",
    desk_block: "desk",
    staff_block: "staff",
    funder_block: "funder",
}


def text_nodes(objtype: str, model: Located) -> list[nodes.paragraph]:
    """The paragraphs holding an object's translatable texts (see the module docstring)."""
    texts = []
    for name in TRANSLATABLE_FIELDS.get(objtype, ()):
        value = getattr(model, name)
        if isinstance(value, str) and value.strip():
            texts.append(nodes.paragraph(value, value, classes=["fc-text"], **{FIELD: name}))
    return texts


def is_text_node(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and FIELD in node


def _is_translated(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and bool(node.get("translated"))


def _translated_fields(block: fc_placeholder) -> dict[str, Any]:
    fields: dict[str, Any] = {
        node[FIELD]: folded(node)
        for node in block.children
        if is_text_node(node) and node.get("translated")
    }
    body = [child for child in block.children if not is_text_node(child)]
    if isinstance(block, claim_block) and any(
        True for child in body for _node in child.findall(_is_translated)
    ):
        fields["summary"] = analysis_summary(body)
        fields["updates"] = tuple(
            child["fc_update"].model_copy(
                update=dict(
                    zip(("text", "links"), text_and_links(child.children[1:]), strict=False)
                )
            )
            for child in body
            if isinstance(child, nodes.Element) and "fc_update" in child
        )
    return fields


def read_translations(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: translated texts into the models of the document just read.

    Only builds in another language than English look: a document that no catalog
    translated has nothing marked translated."""
    if (app.config.language or "en") == "en":
        return
    changes: dict[tuple[ObjectType, str, int], dict[str, Any]] = {}
    for block in doctree.findall(fc_placeholder):
        objtype = _TYPES.get(type(block))
        if objtype is None:
            continue
        fields = _translated_fields(block)
        if fields:
            changes[(objtype, block["fc_id"], block["fc_lineno"])] = fields
    get_domain(app.env).note_translated(app.env.docname, changes)

"""A source's citation and the claims that cite it."""

from __future__ import annotations

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..i18n.labels import SOURCE_KIND_LABELS
from ..models import Scale, Source
from .common import joined, link, xref


def citation(source: Source, title: nodes.Node | None = None) -> list[nodes.Node]:
    """Author. Title. Publisher, date. Accessed ... Archived copy.

    The title links to the source's URL unless another *title* node is given.
    """
    parts: list[nodes.Node] = []
    if source.authors:
        # "Smith, John; Berg, Anna": names written last name first keep their commas
        separator = "; " if any("," in author for author in source.authors) else ", "
        parts.append(nodes.Text(separator.join(source.authors) + ". "))
    parts.append(title or link(source.url, nodes.strong("", source.title or source.id)))
    parts.append(nodes.Text(". "))
    if source.rating:
        parts.append(
            nodes.strong(
                "",
                _("Checked by {desk}: {rating}.").format(
                    desk=source.publisher or _("another desk"), rating=source.rating
                ),
                classes=["fc-other-rating"],
            )
        )
        parts.append(nodes.Text(" "))
    tail = [p for p in (source.publisher, source.date) if p]
    if tail:
        parts.append(nodes.emphasis("", ", ".join(tail)))
        parts.append(nodes.Text(". "))
    if source.accessed:
        parts.append(
            nodes.Text(_("Accessed {date}.").format(date=source.accessed.isoformat()) + " ")
        )
    if source.archive:
        parts.append(link(source.archive, _("Archived copy")))
        parts.append(nodes.Text(". "))
    parts.append(
        nodes.inline("", f"[{_(SOURCE_KIND_LABELS[source.kind])}]", classes=["fc-source-kind"])
    )
    return parts


def cited_by(source: Source, index: ProjectIndex, docname: str) -> nodes.paragraph:
    para = nodes.paragraph(classes=["fc-cited-by"])
    para += nodes.strong("", _("Cited by:") + " ")
    claims = index.claims_citing.get(source.id, [])
    if claims:
        para += joined([xref("claim", c.id, docname) for c in claims], "; ")
    else:
        para += nodes.emphasis("", _("no claim yet"))
    return para


def render_source(
    source: Source, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    block = nodes.container(classes=["fc-source", f"fc-kind-{source.kind}"])
    block += nodes.paragraph("", "", *citation(source), classes=["fc-citation"])
    if body:
        block += nodes.container("", *body, classes=["fc-source-note"])
    block += cited_by(source, index, docname)
    return block

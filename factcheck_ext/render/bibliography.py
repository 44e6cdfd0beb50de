"""``fc:sources``: a bibliography with back-links to the citing claims."""

from __future__ import annotations

from docutils import nodes

from ..index import ProjectIndex
from ..models import Scale, SourcesView
from ..queries import select_sources
from .common import xref
from .source import citation, cited_by


def render_sources_view(view: SourcesView, index: ProjectIndex, scale: Scale,
                        docname: str) -> nodes.Element:
    sources = select_sources(view, index)
    if not sources:
        return nodes.paragraph("", "No sources match.", classes=["fc-no-match"])
    items = nodes.bullet_list(classes=["fc-bibliography"])
    for source in sources:
        entry = xref("source", source.id, docname, nodes.strong("", source.title or source.id))
        item = nodes.list_item()
        item += nodes.paragraph("", "", *citation(source, title=entry), classes=["fc-citation"])
        item += cited_by(source, index, docname)
        items += item
    return items

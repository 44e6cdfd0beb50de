"""``fc:sources`` and ``fc:bibliography``: bibliographies with back-links to the
citing claims."""

from __future__ import annotations

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..models import BibliographyView, Scale, Source, SourcesView
from .common import xref
from .queries import select_sources, source_sort_key
from .source import citation, cited_by


def bibliography(
    sources: list[Source], index: ProjectIndex, docname: str, anchored: bool = False
) -> nodes.bullet_list:
    """Citations with their back-links; *anchored*: the entries are defined here, and
    carry their anchors (``source-<id>``)."""
    items = nodes.bullet_list(classes=["fc-bibliography"])
    for source in sources:
        # an entry defined here links its title to the source's address; elsewhere the
        # title links to the entry, and the address is given on its own
        entry = (
            None
            if anchored
            else xref("source", source.id, docname, nodes.strong("", source.title or source.id))
        )
        item = nodes.list_item(ids=[source.anchor] if anchored else [])
        item += nodes.paragraph(
            "", "", *citation(source, title=entry, docname=docname), classes=["fc-citation"]
        )
        item += cited_by(source, index, docname)
        items += item
    return items


def render_sources_view(
    view: SourcesView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    sources = select_sources(view, index)
    if not sources:
        return nodes.paragraph("", _("No sources match."), classes=["fc-no-match"])
    return bibliography(sources, index, docname)


def render_bibliography_view(
    view: BibliographyView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    """The entries of a reference manager's file, sorted like any bibliography.  An entry
    whose id another source took first (a duplicate, warned about) is left out."""
    sources = [
        index.sources[i]
        for i in dict.fromkeys(view.sources)
        if i in index.sources and index.sources[i].location() == (view.defined_in, view.lineno)
    ]
    if not sources:
        return nodes.paragraph("", _("No sources in this bibliography."), classes=["fc-no-match"])
    sources.sort(key=source_sort_key)
    return bibliography(sources, index, docname, anchored=True)

"""An article's metadata and the claims checked in it."""

from __future__ import annotations

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..models import Article, Scale
from .common import field_list, iso, link, xref


def render_article(
    article: Article, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    block = nodes.container(classes=["fc-article"])
    title = nodes.paragraph(classes=["fc-article-title"])
    title += link(article.url, nodes.strong("", article.title or article.id))
    block += title
    meta = field_list(
        [
            (_("Publisher"), article.publisher),
            (_("Author"), ", ".join(article.authors)),
            (_("Published"), iso(article.published)),
            (_("URL"), link(article.url, article.url) if article.url else None),
        ],
        classes=["fc-article-meta"],
    )
    if meta is not None:
        block += meta
    if body:
        block += nodes.container("", *body, classes=["fc-article-note"])
    claims = index.claims_by_article.get(article.id, [])
    block += nodes.rubric("", _("Claims checked in this article"))
    if claims:
        items = nodes.bullet_list(classes=["fc-article-claims"])
        for claim in claims:
            items += nodes.list_item("", nodes.paragraph("", "", xref("claim", claim.id, docname)))
        block += items
    else:
        block += nodes.paragraph("", _("No claims from this article yet."))
    return block

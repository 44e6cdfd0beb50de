"""The HTML pages of the claim index and the source index.

Sphinx writes every domain index on every HTML build, through the theme's
``domainindex.html``: a Jinja loop over every entry, which in a large project is
most of what writing the indices costs (see docs/guide/performance.rst).  When that
template is
Sphinx's own (the basic theme's, which alabaster, classic, nature and most themes
inherit), the table is built here instead, with the same markup, and the page
around it is still the theme's.  A theme or project with its own
``domainindex.html`` keeps it.

Either way the group headings (verdict labels, from the configuration) are
escaped: Sphinx's template writes them into the page as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

import sphinx
from jinja2 import TemplateNotFound
from markupsafe import escape as markup_escape
from sphinx.application import Sphinx
from sphinx.domains import IndexEntry

from ..domain import get_domain

#: our template: the theme's domainindex.html with its ``body`` block replaced
TEMPLATES_DIR = Path(__file__).parent.parent / "templates"
TEMPLATE = "factcheck-domainindex.html"
_BASIC_TEMPLATE = Path(sphinx.__file__).parent / "themes" / "basic" / "domainindex.html"

Groups = Sequence[tuple[str, Sequence[IndexEntry]]]


def index_body(title: str, groups: Groups, pathto: Callable[[str], str]) -> str:
    """What the basic theme's ``body`` block renders for *groups*, whitespace and
    all, but with every heading escaped.  Our indices have no sub-entries."""
    # every entry of a document shares its link, article and document name: work
    # each out once
    links: dict[str, str] = {}
    extras: dict[str, str] = {}
    qualifiers: dict[str, str] = {}

    def link(page: str) -> str:
        if page not in links:
            links[page] = f'<a href="{escape(pathto(page))}#'
        return links[page]

    def em(extra: str) -> str:
        if extra not in extras:
            extras[extra] = f" <em>({escape(extra)})</em>" if extra else ""
        return extras[extra]

    def strong(qualifier: str) -> str:
        if qualifier not in qualifiers:
            qualifiers[qualifier] = f"<strong>{escape(qualifier)}:</strong>" if qualifier else ""
        return qualifiers[qualifier]

    jump = " | ".join(
        f'\n   <a href="#cap-{escape(group)}"><strong>{escape(group)}</strong></a>'
        for group, _entries in groups
    )
    out = [
        f'\n\n   <h1>{escape(title)}</h1>\n\n   <div class="modindex-jumpbox">{jump}\n   </div>\n\n'
        + '   <table class="indextable modindextable">'
    ]
    for group, entries in groups:
        out.append(
            '\n     <tr class="pcap"><td></td><td>&#160;</td><td></td></tr>\n'
            f'     <tr class="cap" id="cap-{escape(group)}"><td></td><td>\n'
            f"       <strong>{escape(group)}</strong></td><td></td></tr>"
        )
        for name, _subtype, page, anchor, extra, qualifier, description in entries:
            opening = f'{link(page)}{escape(anchor)}">' if page else ""
            out.append(
                f"\n     <tr>\n       <td></td>\n       <td>\n       {opening}"
                f'<code class="xref">{escape(name)}</code>{"</a>" if page else ""}{em(extra)}'
                f"</td><td>{strong(qualifier)}\n       <em>{escape(description)}</em></td></tr>"
            )
    out.append("\n   </table>\n\n")
    return "".join(out)


def _theme_template_is_basic(app: Sphinx) -> bool:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:
        return False
    try:
        filename = environment.get_template("domainindex.html").filename
    except TemplateNotFound:  # a theme without the template: leave the page to Sphinx
        return False
    return filename is not None and Path(filename).resolve() == _BASIC_TEMPLATE.resolve()


def render_index_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> str | None:
    """``html-page-context``: build our index pages' table, or escape its headings
    for the theme's own template."""
    if templatename != "domainindex.html" or pagename not in _our_pages(app):
        return None
    if not _theme_template_is_basic(app):
        # Markup: escaped once, whether or not the theme's template escapes it again
        context["content"] = [
            (markup_escape(group), entries) for group, entries in context["content"]
        ]
        return None
    context["factcheck_index_body"] = index_body(
        context["indextitle"], context["content"], context["pathto"]
    )
    return TEMPLATE


def _our_pages(app: Sphinx) -> set[str]:
    domain = get_domain(app.env)
    return {f"{domain.name}-{index.name}" for index in domain.indices}


def add_templates_path(app: Sphinx, config: Any) -> None:
    """Make our template findable (``config-inited``: see static_css.add_static_path)."""
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]

"""Small node builders shared by the renderers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..domain.nodes import robust_reference
from ..models import TextLink, is_web_url
from ..text.linked import text_parts

#: prefix of an address relative to the output's root (a local capture's package),
#: made relative to the page by :class:`.transforms.LocalEvidenceLinks`
OUTPUT_ROOT = "fc-output-root:"


#: the ``rel`` of links to where a false claim was made: no endorsement for search
#: engines (not amplifying misinformation), user-generated content, no opener
UNTRUSTED = "nofollow ugc noopener"


def robust_link(
    url: str | None,
    archived: str | None,
    day: str | None,
    *content: nodes.Node | str,
    original: str | None = None,
    rel: str | None = None,
) -> nodes.Node:
    """A link that names its archived copy (Robust Links: ``data-originalurl``,
    ``data-versionurl``, ``data-versiondate``), so that a reader's tools can fall back
    to the copy, and carries *rel* (HTML); a plain link in the formats that cannot say
    so."""
    node = link(url, *content)
    if not isinstance(node, nodes.reference) or not (archived or rel):
        return node
    robust = robust_reference("", "", *node.children, refuri=node["refuri"], internal=False)
    attributes = {"rel": rel} if rel else {}
    if archived:
        attributes["data-originalurl"] = original or url or ""
        attributes["data-versionurl"] = archived
        if day:
            attributes["data-versiondate"] = day
    robust["robust_links"] = attributes
    return robust


def link(url: str | None, *content: nodes.Node | str) -> nodes.Node:
    children = [nodes.Text(c) if isinstance(c, str) else c for c in content]
    if url and url.startswith(OUTPUT_ROOT):
        return nodes.reference("", "", *children, refuri=url, internal=False)
    if not is_web_url(url):
        return nodes.inline("", "", *children)
    return nodes.reference("", "", *children, refuri=url, internal=False)


def xref(
    objtype: str,
    target: str,
    docname: str,
    *content: nodes.Node | str,
    explicit: bool = False,
    **attributes: Any,
) -> pending_xref:
    """A cross-reference resolved later by the domain, like a role would make.

    ``fc_badge=False`` leaves out a claim's verdict badge; ``fc_reftitle`` sets
    the link's tooltip.
    """
    children = [nodes.Text(c) if isinstance(c, str) else c for c in content]
    if not children:
        children = [nodes.inline("", target)]
    elif len(children) > 1:  # Sphinx's resolver keeps the first child only
        children = [nodes.inline("", "", *children)]
    return pending_xref(
        "",
        *children,
        refdomain="fc",
        reftype=objtype,
        reftarget=target,
        refdoc=docname,
        refexplicit=explicit or bool(content),
        refwarn=False,
        **attributes,
    )


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Sequence[nodes.Node]]],
    classes: Sequence[str] = (),
    widths: Sequence[int] | None = None,
) -> nodes.table:
    """A plain docutils table, which every builder can write."""
    node = nodes.table(classes=list(classes))
    group = nodes.tgroup(cols=len(headers))
    node += group
    for width in text_widths(widths or [1] * len(headers)):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph("", h)) for h in headers))
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *c)) for c in cells))
    group += body
    return node


#: the width of a table in the text builder, which reads ``colwidth`` as characters
TEXT_TABLE_WIDTH = 72


def text_widths(proportions: Sequence[int]) -> list[int]:
    """Column widths in the same proportions, adding up to about a line of text.

    HTML and LaTeX read ``colwidth`` as proportions; the text builder reads it as
    characters, so a column of width 1 would print one character per line (and
    Sphinx before 9 loops forever wrapping it, sphinx-doc/sphinx#13741)."""
    total = sum(proportions) or 1
    return [max(4, width * TEXT_TABLE_WIDTH // total) for width in proportions]


def field_list(
    rows: Iterable[tuple[str, nodes.Node | str | Sequence[nodes.Node] | None]],
    classes: Sequence[str] = (),
) -> nodes.field_list | None:
    """A field list of the rows that have a value; None when there is none."""
    fields = nodes.field_list(classes=list(classes))
    for name, value in rows:
        if value is None or value == "" or value == []:
            continue
        body = nodes.paragraph()
        if isinstance(value, str):
            body += nodes.Text(value)
        elif isinstance(value, nodes.Node):
            body += value
        else:
            body.extend(value)
        fields += nodes.field("", nodes.field_name("", name), nodes.field_body("", body))
    return fields if fields.children else None


def joined(items: Sequence[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(separator))
        out.append(item)
    return out


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def linked_nodes(text: str, links: Sequence[TextLink], docname: str) -> list[nodes.Node]:
    """A text with links (see :mod:`factcheck_ext.text.linked`) as nodes, each link a
    cross-reference resolved like the role it was written as."""
    result: list[nodes.Node] = []
    for words, link in text_parts(text, links):
        if link is None:
            if words:
                result.append(nodes.Text(words))
        elif link.explicit:
            result.append(xref(link.type, link.target, docname, words))
        else:
            result.append(xref(link.type, link.target, docname))
    return result


def profile_block(
    kind: str,
    name: str,
    url: str | None,
    rows: Iterable[tuple[str, nodes.Node | str | Sequence[nodes.Node] | None]],
    body: list[nodes.Node],
) -> nodes.container:
    """A named entry (a claimant, the desk, a person, a funder): the name, linked to
    their own site, the details that are given, then what the author wrote."""
    block = nodes.container(classes=[f"fc-{kind}"])
    heading = nodes.paragraph(classes=[f"fc-{kind}-name"])
    heading += link(url, nodes.strong("", name))
    block += heading
    meta = field_list(rows, classes=[f"fc-{kind}-meta"])
    if meta is not None:
        block += meta
    block += body
    return block

"""Small node builders shared by the renderers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..models import Located


def is_web_url(url: str | None) -> bool:
    """Only http(s) URLs become links; anything else stays text."""
    return bool(url) and url.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def link(url: str | None, *content: nodes.Node | str) -> nodes.Node:
    children = [nodes.Text(c) if isinstance(c, str) else c for c in content]
    if not is_web_url(url):
        return nodes.inline("", "", *children)
    return nodes.reference("", "", *children, refuri=url, internal=False)


def xref(objtype: str, target: str, docname: str, *content: nodes.Node | str,
         explicit: bool = False) -> pending_xref:
    """A cross-reference resolved later by the domain, like a role would make."""
    children = [nodes.Text(c) if isinstance(c, str) else c for c in content]
    if not children:
        children = [nodes.inline("", target)]
    return pending_xref(
        "", *children, refdomain="fc", reftype=objtype, reftarget=target,
        refdoc=docname, refexplicit=explicit, refwarn=False,
    )


def object_xref(objtype: str, obj: Located, docname: str) -> pending_xref:
    return xref(objtype, obj.id, docname)


def field_list(rows: Iterable[tuple[str, nodes.Node | str | Sequence[nodes.Node] | None]],
               classes: Sequence[str] = ()) -> nodes.field_list | None:
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

"""Plain texts that keep their cross-references: an update's note.

A note is stored as plain text (for the exports and the ledger), but the roles in
it point to sources, claims and the rest.  :func:`text_and_links` records where
each ``fc`` reference sits in the text; the corrections log then shows the note
with its links (``render.common.linked_nodes``), and the exports with the
titles of what it cites instead of their ids (:func:`resolved_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..models import Located, TextLink
from .folding import fold_whitespace

#: where a link was, while the text is folded (private-use characters: docutils
#: drops NULs from a text, and an author's text holds no such characters)
_MARK = re.compile("\ue000(\\d+)\ue001")
_LINKED = {"article", "claim", "source", "claimant"}


def folded(node: nodes.Node) -> str:
    """A node's text with its whitespace folded, as the models keep texts."""
    return fold_whitespace(node.astext())


def text_and_links(body: Iterable[nodes.Node]) -> tuple[str, tuple[TextLink, ...]]:
    """The text of *body* with its whitespace folded, and the spans of its fc links."""
    found: list[tuple[str, str, bool, str]] = []
    pieces = []
    for node in body:
        if isinstance(node, nodes.Element):
            node = node.deepcopy()
            for ref in list(node.findall(pending_xref)):
                if ref.get("refdomain") == "fc" and ref.get("reftype") in _LINKED:
                    found.append(
                        (
                            ref["reftype"],
                            ref["reftarget"],
                            bool(ref.get("refexplicit")),
                            folded(ref),
                        )
                    )
                    ref.replace_self(nodes.Text(f"\ue000{len(found) - 1}\ue001"))
        pieces.append(folded(node))
    marked = " ".join(pieces)
    text, links, position = [], [], 0
    for match in _MARK.finditer(marked):
        text.append(marked[position : match.start()])
        start = sum(map(len, text))
        objtype, target, explicit, words = found[int(match.group(1))]
        text.append(words)
        links.append(
            TextLink(
                start=start, end=start + len(words), type=objtype, target=target, explicit=explicit
            )
        )
        position = match.end()
    text.append(marked[position:])
    return "".join(text), tuple(links)


def text_parts(text: str, links: Sequence[TextLink]) -> Iterator[tuple[str, TextLink | None]]:
    """The text cut at its links: (plain text, None) and (link words, link)."""
    position = 0
    for link in sorted(links, key=lambda link: link.start):
        if link.start < position or link.end > len(text):
            continue  # (not this text's links)
        yield text[position : link.start], None
        yield text[link.start : link.end], link
        position = link.end
    yield text[position:], None


def resolved_text(
    text: str, links: Sequence[TextLink], lookup: Callable[[str, str], Located | None]
) -> str:
    """The text with each link's id replaced by the title of what it points to
    (*lookup* finds an object by type and id, e.g. ``ProjectIndex.get``)."""
    words = []
    for part, link in text_parts(text, links):
        obj = lookup(link.type, link.target) if link and not link.explicit else None
        words.append(obj.title if obj is not None else part)
    return "".join(words)

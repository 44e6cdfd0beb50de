"""The start of a claim's analysis as plain text.

Feeds, link previews and the dataset describe a check in a sentence or two; the
analysis is the author's own words for it.  Taken from the parsed body of the
claim (its paragraphs, not its update notes), whitespace folded, cut at a word.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from .folding import fold_whitespace

SUMMARY_LENGTH = 280


def shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """*text* whitespace-folded, cut at the last word boundary before *limit*."""
    text = fold_whitespace(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(" ,;:") + "\u2026"


def analysis_summary(body: Iterable[nodes.Node]) -> str | None:
    """The analysis's paragraphs, shortened (None when the claim has no analysis)."""
    words: list[str] = []
    for top in body:
        if not isinstance(top, nodes.Element) or "fc_update" in top:
            continue
        for paragraph in top.findall(nodes.paragraph):
            words.append(paragraph.astext())
            if sum(map(len, words)) > SUMMARY_LENGTH:
                return shorten(" ".join(words))
    return shorten(" ".join(words)) or None

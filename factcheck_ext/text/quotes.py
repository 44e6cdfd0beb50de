"""Find a claim's quote in its article's text.

Quotes are matched after folding whitespace runs to one space and curly
quotation marks to straight ones, because a quote copied from a web page rarely
keeps either.  Offsets are reported in the *original* text, so the annotated
view and the TextQuoteSelector point at the real characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .folding import fold_quote, straighten_quotes

_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
AFFIX_LENGTH = 32
CONTEXT_LIMIT = 300


@dataclass
class ArticleText:
    """An article's text with its folded form and the map back to offsets."""

    original: str
    folded: str = field(init=False)
    _breaks: list[int] = field(init=False, default_factory=list)
    _shifts: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        pieces: list[str] = []
        position = shift = 0  # position in the original, shift = original - folded
        translated = straighten_quotes(self.original)
        for match in _WHITESPACE.finditer(translated):
            pieces.append(translated[position : match.start()])
            pieces.append(" ")
            removed = match.end() - match.start() - 1
            if removed:
                shift += removed
                self._breaks.append(match.start() + 1 - (shift - removed))
                self._shifts.append(shift)
            position = match.end()
        pieces.append(translated[position:])
        self.folded = "".join(pieces)

    def to_original(self, folded_offset: int) -> int:
        index = bisect_right(self._breaks, folded_offset) - 1
        return folded_offset + (self._shifts[index] if index >= 0 else 0)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) of *quote* in the original text, in order."""
        needle = fold_quote(quote)
        if not needle:
            return []
        spans = []
        at = self.folded.find(needle)
        while at >= 0:
            spans.append((self.to_original(at), self.to_original(at + len(needle) - 1) + 1))
            at = self.folded.find(needle, at + 1)
        return spans

    def find(self, quote: str, occurrence: int | None = None) -> tuple[int, int] | None:
        spans = self.find_all(quote)
        index = (occurrence or 1) - 1
        return spans[index] if index < len(spans) else None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding ``[start, end)``, within a paragraph."""
    left = text.rfind("\n", 0, start) + 1
    for match in _SENTENCE_END.finditer(text, left, start):
        left = match.end()
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    sentence_end = _SENTENCE_END.search(text, end, right)
    if sentence_end:
        right = sentence_end.start() + len(sentence_end.group().rstrip())
    left = max(left, start - CONTEXT_LIMIT)
    right = min(right, end + CONTEXT_LIMIT)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def selector_fields(text: str, start: int, end: int) -> dict[str, str | int]:
    """The fields of the W3C TextQuoteSelector of ``text[start:end]``."""
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - AFFIX_LENGTH) : start],
        "suffix": text[end : end + AFFIX_LENGTH],
        "start": start,
        "end": end,
    }


@lru_cache(maxsize=64)
def article_text(text: str) -> ArticleText:
    """The folded form of an article's text, shared by the claims that quote it."""
    return ArticleText(text)

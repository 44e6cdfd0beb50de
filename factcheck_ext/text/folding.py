"""The comparison and storage forms of texts: white space folded (and, for quotes,
curly quotation marks made straight, since a quote copied from a web page rarely
keeps either)."""

from __future__ import annotations

_QUOTE_FOLD = str.maketrans(
    {**{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"},
     **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}}
)


def fold_whitespace(text: str) -> str:
    """*text* with every run of white space made one space, and none at the ends."""
    return " ".join(text.split())


def straighten_quotes(text: str) -> str:
    """*text* with curly quotation marks (and primes, guillemets) made straight."""
    return text.translate(_QUOTE_FOLD)


def fold_quote(text: str) -> str:
    """The comparison form of a short string (a claim's quote)."""
    return fold_whitespace(straighten_quotes(text))

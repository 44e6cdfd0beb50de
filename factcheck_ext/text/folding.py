"""The comparison and storage forms of texts: white space folded (and, for quotes,
curly quotation marks made straight, since a quote copied from a web page rarely
keeps either)."""

from __future__ import annotations

_QUOTE_FOLD = str.maketrans({**dict.fromkeys("‘’‚‛′`´", "'"), **dict.fromkeys("“”„‟″«»", '"')})


def fold_whitespace(text: str) -> str:
    """*text* with every run of white space made one space, and none at the ends."""
    return " ".join(text.split())


def straighten_quotes(text: str) -> str:
    """*text* with curly quotation marks (and primes, guillemets) made straight."""
    return text.translate(_QUOTE_FOLD)


def fold_quote(text: str) -> str:
    """The comparison form of a short string (a claim's quote)."""
    return fold_whitespace(straighten_quotes(text))

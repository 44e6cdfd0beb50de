"""The words claim matching compares: folded, stemmed, without noise.

Case, accents and punctuation do not count; a tweet's signature ("— Name (@handle)
February 25, 2016") and addresses are dropped, hashtags split into their words,
common English function words left out, and plural and verb endings trimmed.  Word
pairs (bigrams) are kept beside the words: "tax cut" is not "cut tax"; and the
letters of the unstemmed words, as character trigrams, re-rank the best candidates.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

_FUNCTION_WORDS = """
a an the and or of to in on for is are was were be been it its this that with as at by
from has have had not no but if so do does did will would can could should about into
than then there their they them he she his her we you your our i me my what which who
whom whose when where why how all any some more most other such only own same too very
just also
"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())
_SIGNATURE = re.compile(r"\s+[—–-]\s+[^—–]*\(@\w+\)\s+\w+ \d{1,2}, \d{4}\s*$")
_ADDRESS = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[^\W_]+")
_ENDINGS = ("ingly", "edly", "ing", "ed", "ies", "es", "s", "ly")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def stem(word: str) -> str:
    for ending in _ENDINGS:
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def words(text: str) -> list[str]:
    """The compared words of *text*, in order."""
    text = _ADDRESS.sub(" ", _SIGNATURE.sub(" ", text))
    text = _HASHTAG.sub(lambda found: " " + _CAMEL.sub(" ", found.group(1)) + " ", text)
    text = text.replace("@", " ")
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1]


def letters(text: str) -> str:
    """The folded words of *text* as written (no stemming, function words out), for
    :func:`trigrams`.  A post's signature stays: who wrote it is often who the earlier
    check names."""
    return " ".join(w for w in _WORD.findall(fold(_ADDRESS.sub(" ", text))) if w not in STOPWORDS)


def trigrams(letters: str) -> Counter[str]:
    """The runs of three characters of a text of plain words (spaces included, so
    that word starts and ends count): "vaccine" and "vaccination" share most of theirs,
    in any language the folding keeps letters of."""
    padded = f" {letters} "
    return Counter(padded[i : i + 3] for i in range(len(padded) - 2))


def pairs(tokens: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]

"""Earlier checks in SQLite, and the ranking of candidates for a claim.

Entries (catalogue checks and the project's claims) are kept in a SQLite database
with an FTS5 index of their words and word pairs (the standard library's
``sqlite3``: a real embedded database, no server), so that a catalogue of a hundred
thousand checks is read once and kept between builds.  FTS5 finds the candidates
that share the query's rarest words; they are ranked by BM25 over words and word
pairs (k1 1.2, b 0.75, pairs weighing half a word), each score divided by the query's score
against itself, so that it says how much of the query an entry holds (from 0; 1 or a
little more when it holds all of it).  The best 20 are then re-ranked by their letters
(:func:`letter_similarity`, from 0 to 1), and the score is the mean of the two:
``factcheck_match_threshold`` applies to it.  Every setting was tuned on the CLEF-2021
CheckThat! 2A training split (see ``bench/match.py``).

Where a desk outgrows one machine, this class is the one interface to replace: an
OpenSearch or Elasticsearch index answers :meth:`MatchIndex.search` the same way
(see docs/guide/memory.rst).
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..models import CatalogueEntry
from .words import letters, pairs, trigrams, words

K1, B, PAIR_WEIGHT = 1.2, 0.75, 0.5
#: the rarest query words that select candidates, how many candidates are ranked by
#: BM25, and how many of the best of those are re-ranked by their letters
QUERY_WORDS, CANDIDATES, RERANKED = 32, 100, 20
#: bump when the tables change: an index kept from an older version is made afresh
SCHEMA_VERSION = "2"
SCHEMA = """
create table if not exists entries (
  rowid integer primary key, id text unique not null, kind text not null,
  claim text not null, title text, url text, rating text, publisher text, date text,
  origin text, words text not null, length integer not null, letters text not null);
create virtual table if not exists terms using fts5(
  words, pairs, content='', tokenize="unicode61 tokenchars '_'");
create virtual table if not exists vocabulary using fts5vocab(terms, 'row');
create table if not exists meta (key text primary key, value text);
"""


@dataclass(frozen=True)
class Match:
    id: str
    score: float  # how alike: the mean of the words held and the letters shared, 0 to ~1
    kind: str  # "catalogue" or "claim"


class MatchIndex:
    def __init__(self, path: Path | str = ":memory:") -> None:
        self.db = sqlite3.connect(str(path))
        self.db.executescript(SCHEMA)
        if self.meta("schema") != SCHEMA_VERSION:
            self.db.executescript(
                "drop table if exists entries; drop table if exists vocabulary; "
                "drop table if exists terms; drop table if exists meta;" + SCHEMA
            )
            self.set_meta("schema", SCHEMA_VERSION)
            self.db.commit()
        self._stats: tuple[int, float] | None = None
        self._df: dict[str, int] = {}

    def close(self) -> None:
        self.db.close()

    # --- content -------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("insert or replace into meta values (?, ?)", (key, value))

    def clear(self, kind: str | None = None) -> None:
        rows = self.db.execute(
            "select rowid, words from entries" + (" where kind = ?" if kind else ""),
            (kind,) if kind else (),
        ).fetchall()
        for rowid, text in rows:  # a contentless table forgets a row given its words
            tokens = text.split()
            self.db.execute(
                "insert into terms(terms, rowid, words, pairs) values ('delete', ?, ?, ?)",
                (rowid, text, " ".join(pairs(tokens))),
            )
        self.db.execute(
            "delete from entries" + (" where kind = ?" if kind else ""), (kind,) if kind else ()
        )
        self._forget()

    def add(self, entries: Iterable[tuple[str, str, str, CatalogueEntry | None]]) -> int:
        """Add (id, kind, text to match, catalogue entry or None); the first of an id
        wins.  Returns how many were added."""
        added = 0
        for entry_id, kind, text, entry in entries:
            tokens = words(text)
            cursor = self.db.execute(
                "insert or ignore into entries (id, kind, claim, title, url, rating, publisher,"
                " date, origin, words, length, letters) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    entry_id,
                    kind,
                    entry.claim if entry else text,
                    entry.title if entry else None,
                    entry.url if entry else None,
                    entry.rating if entry else None,
                    entry.publisher if entry else None,
                    entry.date if entry else None,
                    entry.origin if entry else "",
                    " ".join(tokens),
                    len(tokens),
                    letters(text),
                ),
            )
            if cursor.rowcount:
                self.db.execute(
                    "insert into terms(rowid, words, pairs) values (?, ?, ?)",
                    (cursor.lastrowid, " ".join(tokens), " ".join(pairs(tokens))),
                )
                added += 1
        self.db.commit()
        self._forget()
        return added

    def entry(self, entry_id: str) -> CatalogueEntry | None:
        row = self.db.execute(
            "select id, claim, title, url, rating, publisher, date, origin from entries "
            "where id = ? and kind = 'catalogue'",
            (entry_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "claim", "title", "url", "rating", "publisher", "date", "origin")
        return CatalogueEntry(**dict(zip(keys, row, strict=True)))

    # --- ranking ---------------------------------------------------------------------

    def _forget(self) -> None:
        self._stats, self._df = None, {}

    def _collection(self) -> tuple[int, float]:
        if self._stats is None:
            count, total = self.db.execute("select count(*), sum(length) from entries").fetchone()
            self._stats = (count or 0, (total or 0) / count if count else 1.0)
        return self._stats

    def _document_frequency(self, terms: Iterable[str]) -> dict[str, int]:
        missing = [t for t in terms if t not in self._df]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(
                self.db.execute(
                    f"select term, doc from vocabulary where term in ({marks})", chunk
                ).fetchall()
            )
            for term in chunk:
                self._df[term] = found.get(term, 0)
        return self._df

    def _bm25(self, query: Counter[str], document: Counter[str], length: int) -> float:
        count, average = self._collection()
        df = self._df
        score = 0.0
        for term in query:  # each query word once: a word repeated in a tweet is no surer
            weight = PAIR_WEIGHT if "_" in term else 1.0
            tf = document.get(term)
            if not tf:
                continue
            idf = math.log((count + 1) / (df.get(term, 0) + 0.5))
            score += weight * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
        return score

    def search(
        self, text: str, top: int = 5, kind: str | None = None, exclude: Iterable[str] = ()
    ) -> list[Match]:
        """The entries most like *text*, best first (ties: id descending, as the
        CheckThat! scorer orders them)."""
        tokens = words(text)
        if not tokens:
            return []
        query = _bag(tokens)
        df = self._document_frequency(list(query))
        chosen = sorted((t for t in query if df.get(t)), key=lambda t: df[t])[:QUERY_WORDS]
        if not chosen:
            return []
        match = " OR ".join(f'"{term}"' for term in chosen)
        rows = self.db.execute(
            "select entries.id, entries.kind, entries.words, entries.length, entries.letters "
            "from terms "
            "join entries on entries.rowid = terms.rowid where terms match ? "
            + ("and entries.kind = ? " if kind else "")
            + "order by bm25(terms, 1.0, 0.5) limit ?",
            (match, kind, CANDIDATES) if kind else (match, CANDIDATES),
        ).fetchall()
        itself = self._bm25(query, query, len(tokens)) or 1.0
        excluded = set(exclude)
        scored = [
            (self._bm25(query, _bag(text_.split()), length) / itself, entry_id, k, letters)
            for entry_id, k, text_, length, letters in rows
            if entry_id not in excluded
        ]
        scored.sort(key=lambda found: (-found[0], _descending(found[1])))
        best = scored[:RERANKED]
        alike = letter_similarity(letters(text), [found[3] for found in best])
        matches = [
            Match(entry_id, (score + similar) / 2, k)
            for (score, entry_id, k, _text), similar in zip(best, alike, strict=True)
        ]
        matches.sort(key=lambda m: (-m.score, _descending(m.id)))
        return matches[:top]


def _descending(entry_id: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in entry_id)


def _weighted(grams: Counter[str], frequency: Counter[str], count: int) -> dict[str, float]:
    vector = {
        gram: (1 + math.log(n)) * math.log(count / (1 + frequency[gram]) + 1)
        for gram, n in grams.items()
    }
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {gram: w / norm for gram, w in vector.items()}


def letter_similarity(query: str, candidates: list[str]) -> list[float]:
    """How alike the letters of *query* and each candidate are (0 to 1): the cosine of
    their character trigrams, each weighed by how rare it is among the candidates.
    Words that share a stem or a root but not a form ("vaccine", "vaccination";
    "Covid19", "covid-19"), which BM25's words miss, count here."""
    grams = [trigrams(text) for text in candidates]
    frequency: Counter[str] = Counter()
    for found in grams:
        frequency.update(found.keys())
    count = len(candidates) or 1
    wanted = _weighted(trigrams(query), frequency, count)
    similarity = []
    for found in grams:
        vector = _weighted(found, frequency, count)
        similarity.append(sum(w * vector.get(g, 0.0) for g, w in wanted.items()))
    return similarity


def _bag(tokens: list[str]) -> Counter[str]:
    """Word counts, and the word pairs present (a pair counts once, at half a word:
    repeated pairs mostly repeat a name)."""
    bag: Counter[str] = Counter(tokens)
    for pair in pairs(tokens):
        bag[pair] = PAIR_WEIGHT  # type: ignore[assignment]
    return bag

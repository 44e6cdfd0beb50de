"""Serialised records of ``factcheck.json`` (claims, articles, sources, claimants) and
rows of ``factcheck.csv``, kept between builds.

With ten thousand claims, dumping every claim record again is most of what
writing the dataset costs, though an incremental build changed a handful.  A
claim's record and row depend on its own document (the claim), on its article's
document (the fallback date, the quote's place in the text, the title), on its
claimant's document (whether it is registered, its name) and on its sources'
documents (their archived copies, in the row), plus the verdict scale,
the builder and base URL (the row's link) and the code that shapes them: the
extension's source files and pydantic's serialiser, fingerprinted.  The dataset's
JSON Schema depends on that code alone, so it is kept too.  Each document is
fingerprinted by its packed record (see :mod:`factcheck_ext.domain.records`), so a cached
record is reused only when none of those changed; anything else is dumped
afresh.  The cache lives in the doctree directory and is a cache: a missing or
unreadable file costs one full dump, never a wrong dataset.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pydantic_core

from ..domain.project_index import ProjectIndex
from ..domain.records import DocRecord

CACHE_FILE = "factcheck-records.sqlite"
#: the cache as earlier versions kept it (one pickle, rewritten whole)
_OLD_CACHE_FILE = "factcheck-records.pickle"
T = TypeVar("T")

#: a claim's serialised dataset record and its CSV row
Dumped = tuple[bytes, str]


def fingerprint(record: DocRecord | None) -> bytes:
    return b"" if record is None else record.fingerprint()


def claim_inputs(
    index: ProjectIndex,
    docname: str,
    claims: list[Any],
    fingerprint_of: Callable[[str], bytes],
) -> tuple[Any, ...]:
    """What the published records of a document's claims depend on (see the module
    docstring): its own fingerprint and those of the documents of their articles,
    registered claimants, family members and sources."""
    others = {index.articles[c.article].docname for c in claims if c.article in index.articles}
    # a record names its claimant's id only while that claimant exists
    registered = sorted({c.claimant for c in claims if c.claimant in index.claimants})
    others.update(index.claimants[c].docname for c in registered)
    # a record names its claims' families, which other documents' claims join
    if index.has_families:
        others.update(
            index.claims[member].docname
            for c in claims
            for member in index.family(c.id)
            if member in index.claims
        )
    # a row names its sources' archived copies (their captures), when any source has one
    sources = index.sources
    if index.has_archives:
        for c in claims:
            for source_id in (*c.sources, *c.cited):
                source = sources.get(source_id)
                if source is not None:
                    others.add(source.docname)
    return (
        fingerprint_of(docname),
        tuple(registered),
        *((name, fingerprint_of(name)) for name in sorted(others)),
    )


def document_inputs(index: ProjectIndex, docs: Mapping[str, DocRecord]) -> dict[str, Any]:
    """:func:`claim_inputs` of every document with claims, worked out once per build
    (the dataset's cache and ``factcheck.sqlite`` both ask)."""
    known: dict[str, Any] | None = getattr(index, "_document_inputs", None)
    if known is None:
        known = {
            docname: claim_inputs(index, docname, claims, lambda name: fingerprint(docs.get(name)))
            for docname, claims in index.claims_by_doc.items()
        }
        index._document_inputs = known  # type: ignore[attr-defined]
    return known


class RecordsCache:
    """Reuse serialised records whose inputs have not changed.

    Kept in SQLite, a row per document and part (``claims``: the claims' records and
    rows; ``objects``: the document's articles, sources and claimants), so that a
    build that changed one document rewrites one row, not the whole cache (sixteen
    megabytes at ten thousand claims)."""

    def __init__(self, doctreedir: str | Path, key: str) -> None:
        self.path = Path(doctreedir) / CACHE_FILE
        self.key = key
        #: the dataset's JSON Schema, serialised (None: not cached, make it afresh)
        self.schema: bytes | None = None
        #: (part, document) -> its pickled inputs and payload, as stored
        self.old: dict[tuple[str, str], tuple[bytes, bytes]] = {}
        self._load()
        #: rows to store, made afresh in this build: their inputs and payload (pickled
        #: one by one as they are stored, so that a first build does not hold every
        #: record twice)
        self.changed: dict[tuple[str, str], tuple[Any, Any]] = {}
        self.seen: set[tuple[str, str]] = set()

    def _load(self) -> None:
        try:
            with closing(sqlite3.connect(self.path)) as db:
                key, schema = db.execute("SELECT key, schema FROM meta").fetchone()
                if key != self.key:
                    return
                rows = db.execute("SELECT part, document, inputs, payload FROM rows").fetchall()
        except (sqlite3.Error, TypeError, ValueError):  # missing, damaged, another shape
            return
        self.schema = schema
        self.old = {(part, document): (inputs, payload) for part, document, inputs, payload in rows}

    def reuse(self, part: str, document: str, inputs: Any, make: Callable[[], T]) -> T:
        """The payload stored for *document*'s *part* when it was made from equal
        *inputs*; else ``make()``, stored for the next build."""
        where = (part, document)
        self.seen.add(where)
        stored = self.old.get(where)
        if stored is not None:
            try:
                if pickle.loads(stored[0]) == inputs:
                    payload: T = pickle.loads(stored[1])
                    return payload
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
                pass  # another version's row: made afresh below
        payload = make()
        self.changed[where] = (inputs, payload)
        return payload

    def records(
        self, index: ProjectIndex, docs: Mapping[str, DocRecord], dump: Callable[[str], Dumped]
    ) -> list[Dumped]:
        """The dumped records of every published claim, sorted by id; *dump* dumps one
        claim (by id) when its cached record cannot be reused.

        Checked document by document: a document's records are reused together, while
        it and the documents of its claims' articles and claimants are unchanged."""
        texts: dict[str, Dumped] = {}
        all_inputs = document_inputs(index, docs)
        for docname, claims in index.claims_by_doc.items():
            ids = sorted(claim.id for claim in claims)

            def make(ids: list[str] = ids) -> dict[str, Dumped]:
                return {claim_id: dump(claim_id) for claim_id in ids}

            texts.update(self.reuse("claims", docname, (all_inputs[docname], ids), make))
        return [texts[claim_id] for claim_id in sorted(texts)]

    def save(self, schema: bytes) -> None:
        """Keep what changed and *schema* for the next build, in one transaction
        (builders sharing a doctree directory may run side by side)."""
        removed = self.old.keys() - self.seen
        if not self.changed and not removed and schema == self.schema:
            return  # every row reused, none removed: the file holds them already
        try:
            with closing(sqlite3.connect(self.path)) as db, db:
                db.execute("PRAGMA synchronous = OFF")  # a cache: a lost write costs a dump
                if not self.old:  # a new file, another key or another shape: start afresh
                    self.path.with_name(_OLD_CACHE_FILE).unlink(missing_ok=True)
                    db.execute("DROP TABLE IF EXISTS meta")
                    db.execute("DROP TABLE IF EXISTS rows")
                    db.execute("CREATE TABLE meta (key TEXT, schema BLOB)")
                    db.execute(
                        "CREATE TABLE rows (part TEXT, document TEXT, inputs BLOB, "
                        "payload BLOB, PRIMARY KEY (part, document))"
                    )
                db.execute("DELETE FROM meta")
                db.execute("INSERT INTO meta VALUES (?, ?)", (self.key, schema))
                db.executemany("DELETE FROM rows WHERE part = ? AND document = ?", sorted(removed))
                db.executemany(
                    "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)",
                    (
                        (*where, _pickled(inputs), _pickled(payload))
                        for where, (inputs, payload) in sorted(self.changed.items())
                    ),
                )
        except sqlite3.Error:
            self.path.unlink(missing_ok=True)  # a cache: the next build dumps every record


def _pickled(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@cache
def code_fingerprint() -> str:
    """The extension's source files and pydantic-core's version, hashed: a record or
    schema made by other code is not reused (about a millisecond, once a process)."""
    package = Path(__file__).parent.parent
    digest = hashlib.blake2b(pydantic_core.__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(*parts: Any) -> str:
    """What every record depends on besides its documents (scale, options...), with
    the code that makes the records."""
    return hashlib.blake2b(repr((code_fingerprint(), parts)).encode(), digest_size=16).hexdigest()

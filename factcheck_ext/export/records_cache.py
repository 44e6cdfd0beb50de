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
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pydantic_core

from ..domain.project_index import ProjectIndex
from ..domain.records import DocRecord

CACHE_FILE = "factcheck-records.sqlite"
#: the cache as earlier versions kept it (one pickle, rewritten whole)
_OLD_CACHE_FILE = "factcheck-records.pickle"


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
    # (every claim of a build is looked at: each name is looked up once a document)
    articles, claimants = index.articles, index.claimants
    named = {c.article for c in claims}
    others = {articles[a].docname for a in named if a in articles}
    # a record names its claimant's id only while that claimant exists
    registered = sorted({c.claimant for c in claims} & claimants.keys())
    others.update(claimants[c].docname for c in registered)
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


#: the dataset's arrays whose elements are kept, by the part of a document they come
#: from: its claims, or its other objects
PARTS: dict[str, tuple[str, ...]] = {
    "claims": ("claims",),
    "objects": ("articles", "sources", "claimants"),
}
#: one element as stored: its array, its id, its JSON (indented in place) and, for a
#: claim, its CSV row
Element = tuple[str, str, bytes, str | None]

_TABLES = (
    "CREATE TABLE meta (key TEXT, schema BLOB)",
    "CREATE TABLE inputs (part TEXT, document TEXT, inputs BLOB, PRIMARY KEY (part, document))",
    "CREATE TABLE elements (array TEXT, id TEXT, document TEXT, json BLOB, csv TEXT, "
    "PRIMARY KEY (array, id))",
    "CREATE INDEX elements_document ON elements (document)",
)


class RecordsCache:
    """The serialised elements of the dataset's arrays, kept per document in SQLite.

    Each document's parts (its claims; its articles, sources and claimants) are
    stored with the inputs they were made from (see :func:`claim_inputs`); a part
    whose inputs are unchanged is not touched, a changed one is made again and its
    rows replaced.  SQLite then hands back each array's elements in id order, so an
    edit costs the changed document's rows, not the unpacking and sorting of ten
    thousand cached records.  Everything happens in one transaction, taken when the
    cache opens (builders sharing a doctree directory may run side by side).  A file
    that cannot be used is replaced by a database in memory: the dataset is then
    made afresh, never wrong."""

    def __init__(self, doctreedir: str | Path, key: str, *, in_memory: bool = False) -> None:
        self.path = Path(doctreedir) / CACHE_FILE
        self.key = key
        #: the dataset's JSON Schema, serialised (None: not cached, make it afresh)
        self.schema: bytes | None = None
        #: (part, document) -> the pickled inputs its stored rows were made from
        self.old: dict[tuple[str, str], bytes] = {}
        self.seen: set[tuple[str, str]] = set()
        if in_memory:
            self.db = self._open(":memory:")
            return
        try:
            self.db = self._open(self.path)
        except sqlite3.OperationalError:  # locked by another build, unwritable...
            self.db = self._open(":memory:")
        except sqlite3.DatabaseError:  # not a database: the next build starts afresh
            self.path.unlink(missing_ok=True)
            self.db = self._open(":memory:")

    def _open(self, where: str | Path) -> sqlite3.Connection:
        db = sqlite3.connect(where, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous = OFF")  # a cache: a lost write costs a dump
            db.execute("BEGIN IMMEDIATE")
            try:
                key, self.schema = db.execute("SELECT key, schema FROM meta").fetchone()
                stored = db.execute("SELECT part, document, inputs FROM inputs").fetchall()
            except (sqlite3.Error, TypeError, ValueError):  # new, or another shape
                key, stored = None, []
            if key != self.key:  # another key or shape (or none): start afresh
                self.schema = None
                self._create(db)
                stored = []
            self.old = {(part, document): inputs for part, document, inputs in stored}
        except BaseException:
            db.close()
            raise
        return db

    def _create(self, db: sqlite3.Connection) -> None:
        if db.execute("PRAGMA database_list").fetchone()[2]:  # a file, not memory
            self.path.with_name(_OLD_CACHE_FILE).unlink(missing_ok=True)
        for table in ("meta", "rows", "inputs", "elements"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES:
            db.execute(statement)

    def refresh(
        self, part: str, document: str, inputs: Any, make: Callable[[], Iterable[Element]]
    ) -> None:
        """Keep *document*'s *part* as stored when it was made from equal *inputs*; else
        store the elements ``make()`` gives instead."""
        where = (part, document)
        self.seen.add(where)
        stored = self.old.get(where)
        if stored is not None and _unpickled(stored) == inputs:
            return
        self._drop(part, document)
        self.db.executemany(
            "INSERT OR REPLACE INTO elements VALUES (?, ?, ?, ?, ?)",
            ((array, element_id, document, text, row) for array, element_id, text, row in make()),
        )
        self.db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?)", (part, document, _pickled(inputs))
        )

    def _drop(self, part: str, document: str) -> None:
        marks = ", ".join("?" * len(PARTS[part]))
        self.db.execute(
            f"DELETE FROM elements WHERE document = ? AND array IN ({marks})",
            (document, *PARTS[part]),
        )

    def drop_unseen(self) -> None:
        """Forget the parts no :meth:`refresh` asked for (their documents are gone, or
        no longer define such objects)."""
        for part, document in sorted(self.old.keys() - self.seen):
            self._drop(part, document)
            self.db.execute("DELETE FROM inputs WHERE part = ? AND document = ?", (part, document))

    def elements(self, array: str) -> list[tuple[bytes, str | None]]:
        """The JSON of *array*'s elements with, for claims, their CSV rows, in id order."""
        found: list[tuple[bytes, str | None]] = self.db.execute(
            "SELECT json, csv FROM elements WHERE array = ? ORDER BY id", (array,)
        ).fetchall()
        return found

    def close(self, schema: bytes | None = None) -> None:
        """Keep *schema* and everything stored for the next build (without *schema*:
        give up this build's changes), and close the database."""
        try:
            if schema is None:
                self.db.execute("ROLLBACK")
            else:
                self.db.execute("DELETE FROM meta")
                self.db.execute("INSERT INTO meta VALUES (?, ?)", (self.key, schema))
                self.db.execute("COMMIT")
        finally:
            self.db.close()


def _unpickled(stored: bytes) -> Any:
    try:
        return pickle.loads(stored)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None  # another version's row: made afresh


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

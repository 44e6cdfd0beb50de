"""Serialised claim records of ``factcheck.json`` and rows of ``factcheck.csv``, kept
between builds.

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
import os
import pickle
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pydantic_core

from ..domain.project_index import ProjectIndex
from ..domain.records import DocRecord

CACHE_FILE = "factcheck-records.pickle"

#: a claim's serialised dataset record and its CSV row
Dumped = tuple[bytes, str]
#: document -> (what its claims' records depend on: its fingerprint and those of the
#: documents of their articles and claimants; the dumped record of each claim, by id)
Entries = dict[str, tuple[tuple[Any, ...], dict[str, Dumped]]]


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
    """Reuse serialised claim records whose inputs have not changed."""

    def __init__(self, doctreedir: str | Path, key: str) -> None:
        self.path = Path(doctreedir) / CACHE_FILE
        self.key = key
        #: the dataset's JSON Schema, serialised (None: not cached, make it afresh)
        self.schema: bytes | None = None
        self.old: Entries = {}
        self._load()
        self.new: Entries = {}
        #: whether any record was dumped afresh (then the cache is saved again)
        self.dumped = False
        self._fingerprints: dict[str, bytes] = {}

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as stream:
                key, schema, entries = pickle.load(stream)
        except (
            OSError,
            EOFError,
            pickle.UnpicklingError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
        ):  # missing, truncated, from another version: start afresh
            return
        if key == self.key:
            self.schema, self.old = schema, entries

    def _fingerprint(self, docs: Mapping[str, DocRecord], docname: str) -> bytes:
        if docname not in self._fingerprints:
            self._fingerprints[docname] = fingerprint(docs.get(docname))
        return self._fingerprints[docname]

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
            inputs = all_inputs[docname]
            cached = self.old.get(docname)
            if (
                cached is not None
                and cached[0] == inputs
                and cached[1].keys() == {claim.id for claim in claims}
            ):
                records = cached[1]
            else:
                records = {claim.id: dump(claim.id) for claim in claims}
                self.dumped = True
            self.new[docname] = (inputs, records)
            texts.update(records)
        return [texts[claim_id] for claim_id in sorted(texts)]

    def save(self, schema: bytes) -> None:
        """Keep the records and *schema* for the next build: only if they changed, and
        atomically (builders sharing a doctree directory may run side by side)."""
        if not self.dumped and len(self.new) == len(self.old) and schema == self.schema:
            return  # every record reused, none removed: the file holds them already
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(partial, "wb") as stream:
                pickle.dump((self.key, schema, self.new), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)
        except OSError:
            partial.unlink(missing_ok=True)  # a cache: the next build dumps every record


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

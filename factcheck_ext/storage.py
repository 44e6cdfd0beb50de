"""How the domain's records are kept in the pickled build environment.

Sphinx pickles the whole environment after every build that read something and
loads it before the next; parallel readers send their records back pickled too.
With ten thousand claims two things dominate an incremental build that edits one
document: pickling every record again, and the cyclic collector scanning the
whole environment, again and again, while tens of thousands of small objects are
unpacked.  So each document's record is pickled on its own into bytes, and a
record loaded from the environment keeps those bytes: saving the environment
again re-pickles only the documents read in this build.  A loaded record is
unpacked when it is first used (the objects it holds are then born after Sphinx
has loaded the rest of the environment, and a document read again is never
unpacked).  Likewise, once a document has been read its record is pickled and its
objects dropped until the build needs them: they are not kept alive, and scanned by
the collector, while the rest of the project is read.  Packing and unpacking run
with the collector paused (see :mod:`factcheck_ext.gcpause`).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .gcpause import collector_paused
from .models import Article, Claim, Claimant, Located, Source, View

_PROTOCOL = pickle.HIGHEST_PROTOCOL


@dataclass
class DocRecord:
    """What one document defines and what its rendered page depends on."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claimants: list[Claimant] = field(default_factory=list)
    #: the view directives (tables, summaries...) of the document
    views: list[View] = field(default_factory=list)
    #: dependency keys (see :mod:`factcheck_ext.incremental`); kept out of the packed
    #: form: every incremental build asks every record for them, and must not unpack
    #: a thousand records to answer
    depends_on: set[str] = field(default_factory=set)
    #: this record pickled, as loaded from the environment or as last saved (None: not
    #: pickled since it changed); the domain drops it whenever it hands the record out
    #: to write
    packed: bytes | None = field(default=None, repr=False, compare=False)
    #: a digest of *packed*, kept with it: what caches of derived output compare
    digest: bytes | None = field(default=None, repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:
        # only for a field not set yet: a record from the environment, still packed
        if name in _FIELDS and self.__dict__.get("packed") is not None:
            with collector_paused():
                self.__dict__.update(zip(_FIELDS, pickle.loads(self.__dict__["packed"])))
            return self.__dict__[name]
        raise AttributeError(name)

    def changing(self) -> DocRecord:
        """This record, about to change: unpacked, and to be pickled afresh."""
        self.articles  # noqa: B018 (unpacks a record loaded from the environment)
        self.packed = self.digest = None
        return self

    def park(self) -> None:
        """Keep only the pickled form until the record is used again: a document that has
        been read does not keep its objects alive (and scanned by the collector) while
        the rest of the project is read."""
        with collector_paused():
            self.pack()
        for name in _FIELDS:
            self.__dict__.pop(name, None)

    def objects(self) -> Iterable[tuple[str, Located]]:
        for article in self.articles:
            yield "article", article
        for claim in self.claims:
            yield "claim", claim
        for source in self.sources:
            yield "source", source
        for claimant in self.claimants:
            yield "claimant", claimant

    def pack(self) -> bytes:
        if self.packed is None:
            state = tuple(getattr(self, name) for name in _FIELDS)
            self.packed = pickle.dumps(state, protocol=_PROTOCOL)
            self.digest = None
        return self.packed

    def fingerprint(self) -> bytes:
        """Equal fingerprints, equal records: computed once, then stored with the record."""
        packed = self.pack()
        if self.digest is None:
            self.digest = hashlib.blake2b(packed, digest_size=16).digest()
        return self.digest

    def __reduce__(self) -> tuple[Any, ...]:
        return (unpack_record, (self.pack(), self.fingerprint(), self.depends_on))


#: the fields a record is packed from, in order
_FIELDS = ("articles", "claims", "sources", "claimants", "views")


def unpack_record(packed: bytes, digest: bytes | None = None,
                  depends_on: set[str] | None = None) -> DocRecord:
    """A record as stored: its fields are unpacked on first use."""
    record = DocRecord.__new__(DocRecord)
    record.packed, record.digest = packed, digest
    record.depends_on = depends_on if depends_on is not None else set()
    return record


class DocRecords(dict[str, DocRecord]):
    """Document name -> :class:`DocRecord`, pickled with the collector paused."""

    def __reduce__(self) -> tuple[Any, ...]:
        with collector_paused():
            return (_unpack_records, ({name: (record.pack(), record.fingerprint(),
                                              record.depends_on)
                                       for name, record in self.items()},))

    def __deepcopy__(self, memo: dict[int, Any]) -> DocRecords:
        # Domain.__init__ deep-copies ``initial_data``; any copy goes through the packed form
        func, args = self.__reduce__()
        return func(*args)


def _unpack_records(packed: dict[str, tuple[bytes, bytes, set[str]]]) -> DocRecords:
    with collector_paused():
        return DocRecords((name, unpack_record(*stored)) for name, stored in packed.items())

"""How the domain's records are kept in the pickled build environment.

Sphinx pickles the whole environment after every build that read something and
loads it before the next; parallel readers send their records back pickled too.
So each document's record is pickled on its own into bytes, and a record loaded
from the environment keeps those bytes: saving the environment again re-pickles
only the documents read in this build, and a record is unpacked only when first
used.  Once a document has been read, its record keeps only the bytes until the
build needs its objects (see :meth:`DocRecord.release_objects`).

Keeping the bytes is safe only if the content cannot change behind them, so a
record is immutable by construction: its fields are tuples of frozen models, its
attributes cannot be set, and a change makes a new record (:meth:`DocRecord.adding`,
:meth:`DocRecord.replacing`) with no bytes yet.  Packing and unpacking run with the
collector paused (see :mod:`factcheck_ext._gc`).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from .._gc import collector_paused
from ..models import Article, Claim, Claimant, Desk, Funder, Located, Policy, Source, Staff, View

#: bump when the stored domain data changes shape: forces a full re-read
ENV_VERSION = 13

_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: the fields a record is packed from, in order
_FIELDS = (
    "articles",
    "claims",
    "sources",
    "claimants",
    "views",
    "desks",
    "policies",
    "funders",
    "staff",
)
ObjectType = Literal["article", "claim", "source", "claimant", "desk", "policy", "funder", "staff"]
OBJECT_TYPES: tuple[ObjectType, ...] = (
    "article",
    "claim",
    "source",
    "claimant",
    "desk",
    "policy",
    "funder",
    "staff",
)
#: object type -> the record field (and index table) holding its objects
TABLES: dict[ObjectType, str] = {
    "article": "articles",
    "claim": "claims",
    "source": "sources",
    "claimant": "claimants",
    "desk": "desks",
    "policy": "policies",
    "funder": "funders",
    "staff": "staff",
}


class DocRecord:
    """What one document defines and what its rendered page depends on (immutable)."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    claimants: tuple[Claimant, ...]
    #: the view directives (tables, summaries...) of the document
    views: tuple[View, ...]
    #: what the desk declares about itself (see :mod:`factcheck_ext.models.desk`)
    desks: tuple[Desk, ...]
    policies: tuple[Policy, ...]
    funders: tuple[Funder, ...]
    staff: tuple[Staff, ...]
    #: dependency keys (see :mod:`factcheck_ext.domain.dependencies`); kept out of the
    #: packed form: every incremental build asks every record for them, and must not
    #: unpack a thousand records to answer
    depends_on: frozenset[str]

    def __init__(
        self,
        articles: Iterable[Article] = (),
        claims: Iterable[Claim] = (),
        sources: Iterable[Source] = (),
        claimants: Iterable[Claimant] = (),
        views: Iterable[View] = (),
        depends_on: Iterable[str] = (),
        desks: Iterable[Desk] = (),
        policies: Iterable[Policy] = (),
        funders: Iterable[Funder] = (),
        staff: Iterable[Staff] = (),
    ) -> None:
        state = self.__dict__
        values = (articles, claims, sources, claimants, views, desks, policies, funders, staff)
        for name, items in zip(_FIELDS, values, strict=True):
            state[name] = tuple(items)
        state["depends_on"] = frozenset(depends_on)
        state["_packed"] = state["_digest"] = None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(
            f"a DocRecord cannot change ({name}): make a new one with adding() or replacing()"
        )

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a DocRecord cannot change ({name})")

    def __getattr__(self, name: str) -> Any:
        # only for a field not in __dict__: a record still (or again) packed
        state = self.__dict__
        if name in _FIELDS and state.get("_packed") is not None:
            with collector_paused():
                state.update(zip(_FIELDS, pickle.loads(state["_packed"]), strict=False))
            return state[name]
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocRecord):
            return NotImplemented
        return self.fingerprint() == other.fingerprint() and self.depends_on == other.depends_on

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in _FIELDS)
        return f"<DocRecord {counts}>"

    # --- changes: always a new record ---------------------------------------

    def adding(self, objtype: ObjectType, obj: Located) -> DocRecord:
        """A copy of this record with *obj* added to its objects of *objtype*."""
        table = TABLES[objtype]
        return self.replacing(**{table: (*getattr(self, table), obj)})

    def adding_view(self, view: View) -> DocRecord:
        return self.replacing(views=(*self.views, view))

    def replacing(self, **changes: Any) -> DocRecord:
        """A copy of this record with some fields replaced.  A copy that changes only
        *depends_on* keeps the packed form (it is not part of it)."""
        if set(changes) <= {"depends_on"}:
            copy = unpack_record(
                self.pack(), self.fingerprint(), changes.get("depends_on", self.depends_on)
            )
            return copy
        fields = {name: changes.get(name, getattr(self, name)) for name in _FIELDS}
        return DocRecord(**fields, depends_on=changes.get("depends_on", self.depends_on))

    # --- storage ---------------------------------------------------------------

    def objects(self) -> Iterable[tuple[ObjectType, Located]]:
        for objtype in OBJECT_TYPES:
            for obj in getattr(self, TABLES[objtype]):
                yield objtype, obj

    def pack(self) -> bytes:
        """The pickled fields, made once: the record cannot change afterwards."""
        state = self.__dict__
        if state["_packed"] is None:
            fields = tuple(getattr(self, name) for name in _FIELDS)
            state["_packed"] = pickle.dumps(fields, protocol=_PROTOCOL)
        packed: bytes = state["_packed"]
        return packed

    @property
    def is_packed(self) -> bool:
        return self.__dict__["_packed"] is not None

    def fingerprint(self) -> bytes:
        """Equal fingerprints, equal records: computed once, then stored with the record."""
        state = self.__dict__
        if state["_digest"] is None:
            state["_digest"] = hashlib.blake2b(self.pack(), digest_size=16).digest()
        digest: bytes = state["_digest"]
        return digest

    def release_objects(self) -> None:
        """Pack the record and drop its unpacked objects until they are used again: a
        document that has been read does not keep its objects alive (and scanned by
        the collector) while the rest of the project is read."""
        with collector_paused():
            self.pack()
        for name in _FIELDS:
            self.__dict__.pop(name, None)

    def __reduce__(self) -> tuple[Any, ...]:
        return (unpack_record, (self.pack(), self.fingerprint(), self.depends_on))


def unpack_record(
    packed: bytes, digest: bytes | None = None, depends_on: Iterable[str] = ()
) -> DocRecord:
    """A record as stored: its fields are unpacked on first use."""
    record = DocRecord.__new__(DocRecord)
    record.__dict__.update(_packed=packed, _digest=digest, depends_on=frozenset(depends_on))
    return record


#: the record of a document that defines nothing
EMPTY_RECORD = DocRecord()


class DocRecords(dict[str, DocRecord]):
    """Document name -> :class:`DocRecord`, pickled with the collector paused."""

    def __reduce__(self) -> tuple[Any, ...]:
        with collector_paused():
            return (
                _unpack_records,
                (
                    {
                        name: (record.pack(), record.fingerprint(), record.depends_on)
                        for name, record in self.items()
                    },
                ),
            )

    def __deepcopy__(self, memo: dict[int, Any]) -> DocRecords:
        # Domain.__init__ deep-copies ``initial_data``; any copy goes through the packed form
        func, args = self.__reduce__()
        result: DocRecords = func(*args)
        return result


def _unpack_records(packed: Mapping[str, tuple[bytes, bytes, frozenset[str]]]) -> DocRecords:
    with collector_paused():
        return DocRecords((name, unpack_record(*stored)) for name, stored in packed.items())

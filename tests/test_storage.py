"""How the domain's records are stored in the pickled environment."""

from __future__ import annotations

import gc
import hashlib
import pickle
from pathlib import Path

import pytest
from conftest import copy_root, factcheck_warnings

from factcheck_ext.storage import DocRecord, DocRecords


def _stored_records(app) -> DocRecords:
    with open(Path(app.doctreedir) / "environment.pickle", "rb") as stream:
        return pickle.load(stream).domaindata["fc"]["docs"]


def test_records_survive_the_environment_and_keep_their_packed_form(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    live = app.env.domains["fc"].docs
    stored = _stored_records(app)
    assert isinstance(stored, DocRecords) and set(stored) == set(live)
    for docname, record in stored.items():
        assert record == live[docname]  # the same articles, claims, sources, views, deps
        assert record.packed is not None
    claim = next(c for r in stored.values() for c in r.claims)
    assert claim.model_dump() == next(
        c for r in live.values() for c in r.claims if c.id == claim.id).model_dump()
    # saving again reuses each unchanged record's bytes instead of pickling it afresh
    packed = {name: record.packed for name, record in stored.items()}
    again = pickle.loads(pickle.dumps(stored))
    assert all(stored[name].pack() is packed[name] for name in stored)
    assert {name: r.packed for name, r in again.items()} == packed
    assert gc.isenabled()  # the collector, paused while unpacking, is back on


def test_a_record_handed_out_for_writing_is_pickled_afresh(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    domain = app.env.domains["fc"]
    docname = next(name for name, record in domain.docs.items() if record.claims)
    record = domain.docs[docname]
    record.pack()
    assert record.packed is not None
    assert domain.record(docname) is record and record.packed is None
    record.claims = record.claims[:1]
    assert pickle.loads(pickle.dumps(DocRecords({docname: record})))[docname].claims == \
        record.claims


def test_a_deep_copy_is_a_separate_mapping_with_the_same_records():
    import copy

    empty = DocRecords()
    copied = copy.deepcopy({"docs": empty})["docs"]  # what Domain.__init__ does
    assert isinstance(copied, DocRecords) and copied == {} and copied is not empty
    full = DocRecords({"a": DocRecord(depends_on={"claims:*"})})
    copied = copy.deepcopy(full)
    assert copied == full and copied["a"] is not full["a"]


def test_a_stored_record_is_unpacked_on_first_use_only(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    stored = _stored_records(app)
    docname = next(name for name, record in app.env.domains["fc"].docs.items()
                   if record.claims)
    record = stored[docname]
    assert "claims" not in vars(record)  # loaded, not yet unpacked
    # what its page depends on is read without unpacking (every incremental build asks
    # every record)
    assert record.depends_on == app.env.domains["fc"].docs[docname].depends_on
    assert "claims" not in vars(record)
    # its fingerprint was stored with it, not computed again
    assert record.digest == hashlib.blake2b(record.packed, digest_size=16).digest()
    assert record.fingerprint() is record.digest
    packed = record.pack()
    assert "claims" not in vars(record)  # saving it again needs no unpacking
    assert record.claims == app.env.domains["fc"].docs[docname].claims
    assert {"articles", "claims", "sources", "views", "depends_on"} <= set(vars(record))
    assert record.packed is packed  # unpacking is not a change
    # a record about to change is unpacked first, so nothing it held is lost
    other = pickle.loads(pickle.dumps(DocRecords({docname: DocRecord()})))
    other[docname].packed = packed
    for field in ("articles", "claims", "sources", "views", "depends_on"):
        vars(other[docname]).pop(field, None)
    assert other[docname].changing().claims == record.claims
    assert other[docname].packed is None and other[docname].digest is None
    with pytest.raises(AttributeError):
        record.no_such_field  # noqa: B018


def test_a_document_read_keeps_only_its_packed_record_until_used(make_app, tmp_path):
    """While the rest of the project is read, the objects of the documents read so far
    are not kept alive (the collector would scan them again and again)."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    seen: dict[str, bool] = {}

    def spy(app, env):
        for docname, record in env.domains["fc"].docs.items():
            seen[docname] = "claims" in vars(record) or record.packed is None

    app.connect("env-updated", spy)
    app.build()
    assert seen and not any(seen.values())  # every record parked after its document
    domain = app.env.domains["fc"]
    assert any(record.claims for record in domain.docs.values())  # and unpacked on use
    assert factcheck_warnings(app) == []


def _fresh_index(app):
    """The domain's index built again from records as loaded from the environment."""
    domain = app.env.domains["fc"]
    domain.data["docs"] = pickle.loads(pickle.dumps(domain.docs))
    domain._index = None
    return domain.index


def test_the_index_objects_settle_in_the_oldest_generation(make_app, tmp_path):
    """They live until the build ends: the collector should not scan them as young."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    gc.disable()  # no collection may move them while the test looks
    try:
        index = _fresh_index(app)
        claim = next(iter(index.claims.values()))
        assert any(obj is claim for obj in gc.get_objects(generation=2))
        assert gc.get_freeze_count() == 0  # nothing left frozen
    finally:
        gc.enable()


def test_objects_frozen_by_someone_else_stay_frozen(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    sentinel: list[object] = [object()]  # a container: tracked by the collector
    gc.freeze()
    try:
        _fresh_index(app)
        # still in the permanent generation, in none of the collector's three
        assert not any(obj is sentinel for generation in range(3)
                       for obj in gc.get_objects(generation=generation))
    finally:
        gc.unfreeze()


def test_the_loaded_heap_is_frozen_while_building_and_given_back_after(make_app, tmp_path):
    """An incremental build's collections should not scan the loaded environment again
    and again; once the build ends the collector has every object back."""
    src = copy_root("basic", tmp_path / "src")
    make_app("html", srcdir=src).build()
    seen: list[int] = []
    app = make_app("html", srcdir=src)  # loads the pickled environment
    app.connect("build-finished", lambda app, exc: seen.append(gc.get_freeze_count()),
                priority=800)  # (after the exports, before the extension thaws)
    loaded = next(iter(app.env.domains["fc"].docs.values()))
    app.build()
    assert seen and seen[0] > 0
    assert gc.get_freeze_count() == 0
    assert any(obj is loaded for obj in gc.get_objects(generation=2))  # collectable again


def test_a_heap_frozen_by_someone_else_is_left_as_it_is(make_app, tmp_path):
    sentinel: list[object] = [object()]
    gc.freeze()
    try:
        app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
        app.build()
        # not thawed by the build: still in the permanent generation
        assert gc.get_freeze_count() > 0
        assert not any(obj is sentinel for generation in range(3)
                       for obj in gc.get_objects(generation=generation))
    finally:
        gc.unfreeze()

"""How the domain's records are stored in the pickled environment."""

from __future__ import annotations

import gc
import hashlib
import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from factcheck_ext.domain import get_domain
from factcheck_ext.domain.records import DocRecord, DocRecords

from .helpers import copy_root, factcheck_warnings, write_project


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
        assert record.is_packed
    claim = next(c for r in stored.values() for c in r.claims)
    assert (
        claim.model_dump()
        == next(c for r in live.values() for c in r.claims if c.id == claim.id).model_dump()
    )
    # saving again reuses each unchanged record's bytes instead of pickling it afresh
    packed = {name: record.pack() for name, record in stored.items()}
    again = pickle.loads(pickle.dumps(stored))
    assert all(stored[name].pack() is packed[name] for name in stored)
    assert {name: r.pack() for name, r in again.items()} == packed
    assert gc.isenabled()  # the collector, paused while unpacking, is back on


def test_a_dependency_key_shared_by_pages_is_stored_once(make_app, tmp_path):
    """Many pages depend on the same keys (a project-wide view, a claim shown on several
    pages): the environment's pickle keeps one copy of each, so loading it gives the
    records one shared string."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    keys: dict[str, list[str]] = {}
    for record in _stored_records(app).values():
        for key in record.depends_on:
            keys.setdefault(key, []).append(key)
    shared = {key: copies for key, copies in keys.items() if len(copies) > 1}
    assert shared, "the test project needs a key that two pages depend on"
    for copies in shared.values():
        assert all(copy is copies[0] for copy in copies)


def test_a_packed_record_cannot_change_behind_its_bytes(make_app, tmp_path):
    """Its pickled form is kept and sent as it is (-j, the saved environment): so a
    record cannot be changed in place at all; the domain makes a new one."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    domain = get_domain(app.env)
    docname = next(name for name, record in domain.docs.items() if record.claims)
    record = _stored_records(app)[docname]  # as loaded: packed, not yet unpacked
    claim = record.claims[0]
    with pytest.raises(AttributeError):
        record.claims = ()
    with pytest.raises(AttributeError):
        record.claims.append(claim)  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        claim.title = "changed"  # the models are frozen too
    with pytest.raises(AttributeError):
        del record.claims
    assert pickle.loads(pickle.dumps(record)).claims == record.claims
    # a change goes through the domain, which stores a new record with no bytes yet
    renamed = claim.model_copy(update={"id": "another", "title": "Another"})
    domain.note_object("claim", renamed)
    changed = domain.docs[docname]
    assert changed is not record and not changed.is_packed
    again = pickle.loads(pickle.dumps(DocRecords({docname: changed})))[docname]
    assert [c.id for c in again.claims] == [*(c.id for c in record.claims), "another"]


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
    docname = next(name for name, record in app.env.domains["fc"].docs.items() if record.claims)
    record = stored[docname]
    assert "claims" not in vars(record)  # loaded, not yet unpacked
    # what its page depends on is read without unpacking (every incremental build asks
    # every record)
    assert record.depends_on == app.env.domains["fc"].docs[docname].depends_on
    assert "claims" not in vars(record)
    # its fingerprint was stored with it, not computed again
    fingerprint = record.fingerprint()
    assert "claims" not in vars(record)
    packed = record.pack()
    assert fingerprint == hashlib.blake2b(packed, digest_size=16).digest()
    assert "claims" not in vars(record)  # saving it again needs no unpacking
    assert record.claims == app.env.domains["fc"].docs[docname].claims
    assert {"articles", "claims", "sources", "views", "depends_on"} <= set(vars(record))
    assert record.pack() is packed  # unpacking is not a change
    with pytest.raises(AttributeError):
        record.no_such_field  # noqa: B018


def test_a_document_read_keeps_only_its_packed_record_until_used(make_app, tmp_path):
    """While the rest of the project is read, the objects of the documents read so far
    are not kept alive (the collector would scan them again and again)."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    seen: dict[str, bool] = {}

    def spy(app, env):
        for docname, record in env.domains["fc"].docs.items():
            seen[docname] = "claims" in vars(record) or not record.is_packed

    app.connect("env-updated", spy)
    app.build()
    assert seen and not any(seen.values())  # every record parked after its document
    domain = app.env.domains["fc"]
    assert any(record.claims for record in domain.docs.values())  # and unpacked on use
    assert factcheck_warnings(app) == []


def _fresh_index(app):
    """The domain's index built again from records as loaded from the environment."""
    domain = get_domain(app.env)
    domain.merge_domaindata(list(domain.docs), {"docs": pickle.loads(pickle.dumps(domain.docs))})
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
        assert not any(
            obj is sentinel
            for generation in range(3)
            for obj in gc.get_objects(generation=generation)
        )
    finally:
        gc.unfreeze()


def test_the_loaded_heap_is_frozen_while_building_and_given_back_after(make_app, tmp_path):
    """An incremental build's collections should not scan the loaded environment again
    and again; once the build ends the collector has every object back."""
    src = copy_root("basic", tmp_path / "src")
    make_app("html", srcdir=src).build()
    seen: list[int] = []
    app = make_app("html", srcdir=src)  # loads the pickled environment
    assert gc.get_freeze_count() == 0  # not before the build starts
    app.connect("env-updated", lambda app, env: seen.append(gc.get_freeze_count()))
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: seen.append(gc.get_freeze_count())
    )
    loaded = next(iter(app.env.domains["fc"].docs.values()))
    app.build()
    assert seen and all(count > 0 for count in seen)  # reading and writing
    assert gc.get_freeze_count() == 0
    assert any(obj is loaded for obj in gc.get_objects(generation=2))  # collectable again


def test_the_environment_loads_with_the_collector_paused(make_app, tmp_path, monkeypatch):
    """Unpickling the environment makes no garbage: the collector's full scans of the
    growing heap would be wasted.  What was loaded joins the oldest generation."""
    import sphinx.application

    src = copy_root("basic", tmp_path / "src")
    make_app("html", srcdir=src).build()
    during: list[bool] = []
    load = sphinx.application.pickle.load

    def watched_load(stream):
        during.append(gc.isenabled())
        return load(stream)

    monkeypatch.setattr(sphinx.application.pickle, "load", watched_load)
    app = make_app("html", srcdir=src)
    assert during == [False]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()  # no collection may move it while the test looks
    try:
        assert any(obj is app.env.domains["fc"].docs for obj in gc.get_objects(generation=2))
    finally:
        gc.enable()


def test_a_failed_environment_load_leaves_the_collector_on(make_app, tmp_path, monkeypatch):
    from sphinx.application import Sphinx

    src = copy_root("basic", tmp_path / "src")
    make_app("html", srcdir=src).build()

    def fail(self, filename):
        assert not gc.isenabled()
        raise _Interrupt

    monkeypatch.setattr(Sphinx, "_load_existing_env", fail)
    with pytest.raises(_Interrupt):
        make_app("html", srcdir=src)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_sphinx_without_the_private_load_method_is_left_as_it_is():
    """The wrapped method is private to Sphinx: if a version drops it, nothing breaks
    and nothing is added."""
    from types import SimpleNamespace

    from factcheck_ext._gc import pause_while_loading_environment

    app = SimpleNamespace()
    pause_while_loading_environment(app)
    assert vars(app) == {}


def test_a_small_build_runs_with_the_collector_paused(make_app, tmp_path):
    """An edit that rewrites a few pages makes little cyclic garbage: the collector
    waits until the build is over, and what the build made lives on in the oldest
    generation, not in the young ones that the next collections scan."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    enabled: list[bool] = []
    app.connect("doctree-resolved", lambda app, doctree, docname: enabled.append(gc.isenabled()))
    app.build()
    assert enabled and not any(enabled)
    assert gc.isenabled()
    claim = next(iter(get_domain(app.env).index.claims.values()))
    gc.disable()  # no collection may move it while the test looks
    try:
        assert any(obj is claim for obj in gc.get_objects(generation=2))
    finally:
        gc.enable()


def test_nothing_made_during_a_build_is_frozen(make_app, tmp_path):
    """Only what is alive when the build starts is frozen: freezing again later (when
    the index is built, say) would also freeze the doctrees a full build has read and
    not yet collected, and keep them until the build ends."""
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    counts: list[int] = []
    app.connect(
        "env-before-read-docs", lambda app, env, docnames: counts.append(gc.get_freeze_count())
    )
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: counts.append(gc.get_freeze_count())
    )
    app.build()
    # (frozen objects freed by the build make it smaller)
    assert len(counts) > 1 and max(counts[1:]) <= counts[0]


def test_a_large_build_collects_once_it_is_not_small(make_app, tmp_path):
    """Past SMALL_BUILD documents read or written, the doctrees left behind need the
    collector: it runs again for the rest of the build."""
    from factcheck_ext._gc import SMALL_BUILD

    pages = [f"p{n:02}" for n in range(SMALL_BUILD)]
    files = {f"{page}.rst": f"{page}\n{'=' * len(page)}\n\nText.\n" for page in pages}
    files["index.rst"] = "I\n=\n\n.. toctree::\n\n" + "".join(f"   {p}\n" for p in pages)
    app = make_app("html", srcdir=write_project(tmp_path / "src", files))
    read: list[bool] = []
    written: list[bool] = []
    app.connect("doctree-read", lambda app, doctree: read.append(gc.isenabled()))
    app.connect("doctree-resolved", lambda app, doctree, docname: written.append(gc.isenabled()))
    app.build()
    assert len(read) == SMALL_BUILD + 1
    assert not any(read[:SMALL_BUILD])  # the first documents: paused
    assert read[SMALL_BUILD] and written and all(written)  # past the limit: collecting
    assert gc.isenabled()


def test_documents_read_in_parallel_count_towards_a_large_build(make_app, tmp_path):
    """With ``-j``, documents are read in other processes and merged here: the merged
    environments left behind need the collector as much as doctrees do."""
    from factcheck_ext._gc import SMALL_BUILD

    pages = [f"p{n:02}" for n in range(SMALL_BUILD + 5)]
    files = {f"{page}.rst": f"{page}\n{'=' * len(page)}\n\nText.\n" for page in pages}
    files["index.rst"] = "I\n=\n\n.. toctree::\n\n" + "".join(f"   {p}\n" for p in pages)
    app = make_app("html", srcdir=write_project(tmp_path / "src", files), parallel=2)
    merged: list[int] = []
    after_reading: list[bool] = []
    app.connect("env-merge-info", lambda app, env, docnames, other: merged.append(len(docnames)))
    app.connect("env-updated", lambda app, env: after_reading.append(gc.isenabled()))
    app.build()
    if not merged:
        pytest.skip("Sphinx read the documents in this process")
    assert after_reading == [True]
    assert gc.isenabled()


def test_an_application_never_built_leaves_nothing_frozen(make_app, tmp_path):
    make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    assert gc.get_freeze_count() == 0


class _Interrupt(BaseException):
    """Like KeyboardInterrupt: Sphinx does not catch it, nor emit build-finished."""


def test_an_interrupted_build_leaves_nothing_frozen(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))

    def interrupt(app, doctree):
        assert gc.get_freeze_count() > 0
        raise _Interrupt

    app.connect("doctree-read", interrupt)
    with pytest.raises(_Interrupt):
        app.build()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_heap_frozen_by_someone_else_is_left_as_it_is(make_app, tmp_path):
    sentinel: list[object] = [object()]
    gc.freeze()
    try:
        app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
        app.build()
        # not thawed by the build: still in the permanent generation
        assert gc.get_freeze_count() > 0
        assert not any(
            obj is sentinel
            for generation in range(3)
            for obj in gc.get_objects(generation=generation)
        )
    finally:
        gc.unfreeze()


def test_builds_in_threads_leave_the_collector_as_they_found_it():
    """The pause and the freeze are process-wide: overlapping builds in two threads
    share them, and the last to finish restores the collector."""
    import threading

    from factcheck_ext._gc import collector_paused, heap_frozen

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, tuple[int, bool]] = {}

    def first() -> None:
        with heap_frozen(), collector_paused():
            first_in.set()
            second_in.wait(5)
        seen["first left"] = (gc.get_freeze_count(), gc.isenabled())
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with heap_frozen(), collector_paused():
            second_in.set()
            first_out.wait(5)
            # the first build has ended: this one still runs paused and frozen
            seen["second inside"] = (gc.get_freeze_count(), gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen["first left"][0] > 0 and not seen["first left"][1]
    assert seen["second inside"][0] > 0 and not seen["second inside"][1]
    assert gc.get_freeze_count() == 0 and gc.isenabled()

"""The cyclic collector during a build: paused while the environment loads, around
project-wide passes and while a build is small; the heap frozen while a builder builds.

The build-wide passes (the index, the checks, the domain indices, the dataset)
allocate tens of thousands of short-lived containers that form no reference cycles:
reference counting frees them.  Left on, CPython's cyclic collector would scan the
whole heap (the build environment, every doctree in memory) several times while they
are alive, which in a large project costs more than the passes themselves.  And an
incremental build loads an environment of hundreds of thousands of objects, then
changes a few pages: freezing what is alive when the build starts keeps the
collector's full collections from scanning that environment again and again.

Loading the pickled environment makes those hundreds of thousands of objects and
no garbage, so it runs with the collector paused too (see
:func:`pause_while_loading_environment`), and what it loaded joins the oldest
generation unscanned.

A small build (an edit that rereads a page and rewrites a handful) makes little
cyclic garbage: the doctrees of the pages it handles.  Its collections would still
scan everything the build made that lives on (the index, the loaded search index):
the build starts with the collector paused, and the pause ends once the build has
read (or merged from parallel readers) or written :data:`SMALL_BUILD` documents, so
that a large build collects its doctrees as usual.  When the build ends, what it made
is moved to the oldest generation unscanned (frozen, then thawed with the rest).  The
figures are in ``docs/guide/performance.rst``.

The collector's state is process-global.  So every change here is counted under a
lock: the first pause switches the collector off (if it was on) and the last one
switches it back; the first build to start freezes the heap (unless someone else
has frozen objects) and the last one to end unfreezes it.  A host that builds in
several threads at once is therefore left as it was once the last build is over;
meanwhile its builds share one pause and one freeze (a build that starts while
another holds the heap frozen gets no freeze of its own).  Every freeze and pause is
undone in a ``finally``: an interrupted build, or an application created and never
built, leaves nothing frozen and the collector as it was.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class _CollectorState:
    """The counts behind :func:`collector_paused` and :func:`heap_frozen`."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pauses = 0
        self.enable_after = False
        self.builds = 0
        self.we_froze = False


_STATE = _CollectorState()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block (restored as found by the last to leave)."""
    state = _STATE
    with state.lock:
        if state.pauses == 0:
            state.enable_after = gc.isenabled()
            gc.disable()
        state.pauses += 1
    try:
        yield
    finally:
        with state.lock:
            state.pauses -= 1
            if state.pauses == 0 and state.enable_after:
                gc.enable()


def without_collector(function: Callable[P, R]) -> Callable[P, R]:
    """Run *function* with the cyclic collector paused (see the module docstring)."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return run


def promote_to_oldest_generation() -> None:
    """Move every object in the young generations to the oldest one, unscanned.

    Called once the build-wide index exists (its objects live until the build ends,
    and left young they would be scanned twice before they settle), and once the
    environment is loaded (see :func:`pause_while_loading_environment`).  ``gc.freeze()``
    then ``gc.unfreeze()`` moves them in constant time.  Skipped while anything is
    frozen (a build in progress, see :func:`heap_frozen`): unfreezing would release
    that freeze, and freezing again would also freeze whatever else is alive at that
    moment (in a full build, the doctrees read so far and not yet collected), which
    the collector could then not free until the build ends.  (Our own freeze is known
    without asking: ``gc.get_freeze_count()`` walks every frozen object.)"""
    with _STATE.lock:
        if _STATE.builds == 0 and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Everything alive when the first build starts is left out of the collector's
    scans until the last build ends (see the module docstring)."""
    state = _STATE
    with state.lock:
        if state.builds == 0 and gc.get_freeze_count() == 0:
            gc.freeze()
            state.we_froze = True
        state.builds += 1
    try:
        yield
    finally:
        with state.lock:
            state.builds -= 1
            if state.builds == 0 and state.we_froze:
                state.we_froze = False
                # what the build made joins the oldest generation unscanned
                gc.freeze()
                gc.unfreeze()


#: documents a build reads or writes before the collector, paused when it starts,
#: runs again (see the module docstring)
SMALL_BUILD = 20


class SmallBuildPause:
    """The collector paused while one application's build is small."""

    def __init__(self) -> None:
        self.handled = 0
        self._pause = ExitStack()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Pause the collector for a build (ended early by :meth:`note_document`)."""
        self.handled = 0
        with ExitStack() as self._pause:
            self._pause.enter_context(collector_paused())
            yield

    def note_document(self, *_args: Any) -> None:
        """``doctree-read`` and ``doctree-resolved``: one more document handled; past
        :data:`SMALL_BUILD`, the build is not small and its doctrees need collecting."""
        self.note_documents(1)

    def note_merged(self, _app: Any, _env: Any, docnames: Any, _other: Any) -> None:
        """``env-merge-info``: documents read by a parallel reader (whose
        ``doctree-read`` ran in another process) count as handled here too."""
        self.note_documents(len(docnames))

    def note_documents(self, count: int) -> None:
        self.handled += count
        if self.handled > SMALL_BUILD:
            self._pause.close()


def pause_while_loading_environment(app: Any) -> None:
    """``setup()``: Sphinx's ``_init_env`` (loading the pickled environment) runs with
    the collector paused, and what it loaded joins the oldest generation unscanned.

    Unpickling an environment makes hundreds of thousands of objects and no
    garbage; on its way the collector would scan the growing heap in full, once or
    twice (the figures are in ``docs/guide/performance.rst``).  There is no event
    around the load (``config-inited`` comes before it, ``builder-inited`` after the
    builder is made, and a failure in between would leave a pause begun at the one
    and never ended at the other), so the method is wrapped on this application:
    the pause ends with the call, whatever happens.  A Sphinx without the method
    (it is private) loads as usual."""
    load = getattr(app, "_init_env", None)
    if load is None:
        return

    @wraps(load)
    def load_with_collector_paused(*args: Any, **kwargs: Any) -> Any:
        with collector_paused():
            environment = load(*args, **kwargs)
            promote_to_oldest_generation()
            return environment

    app._init_env = load_with_collector_paused


def freeze_heap_while_building(app: Any) -> None:
    """``builder-inited``: the builder's ``build()`` (reading and writing) runs inside
    :func:`heap_frozen`, and while it is small with the collector paused, so both end
    with it, whatever happens."""
    builder = app.builder
    build = builder.build
    pause = SmallBuildPause()
    app.connect("doctree-read", pause.note_document)
    app.connect("doctree-resolved", pause.note_document)
    app.connect("env-merge-info", pause.note_merged)

    @wraps(build)
    def build_with_heap_frozen(*args: Any, **kwargs: Any) -> Any:
        # the freeze ends first: the build's objects leave the young generations
        # before the collector can run again
        with pause.paused(), heap_frozen():
            return build(*args, **kwargs)

    builder.build = build_with_heap_frozen

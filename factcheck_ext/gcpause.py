"""The cyclic collector around project-wide passes: paused during them, and their
long-lived results settled afterwards.

The build-wide passes (the index, the checks, the domain indices, the dataset)
allocate tens of thousands of short-lived containers that never form reference
cycles: reference counting frees them.  Left on, CPython's cyclic collector
would still scan the whole heap (the build environment, every doctree in memory)
several times while they are alive; in a 10,000-claim project those scans cost
more than the passes themselves.  ``gc.disable`` is process-wide state, so it is
switched off only for the duration of a pass and restored as it was found.

The objects the passes keep (the build-wide index and the records it holds) live
until the build ends; :func:`settle_young` files them with the long-lived objects
at once, so that the collector does not scan them as young ones first.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: whether this process's build froze the heap (see :func:`freeze_loaded_heap`)
_FROZEN_BY_US = [False]


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_collector(function: Callable[P, R]) -> Callable[P, R]:
    """Run *function* with the cyclic collector paused (see the module docstring)."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return run


def settle_young() -> None:
    """Move every object still in the young generations into the oldest one, unscanned.

    Called once the build-wide index exists: its tens of thousands of objects live
    until the build ends.  Left young, the collector would scan each of them twice
    (as they leave the youngest generation, then the middle one) before they settle,
    and count them towards its next full collection.  ``gc.freeze()`` followed by
    ``gc.unfreeze()`` moves them in constant time and changes no setting.  Skipped
    when anything is frozen already, :func:`freeze_loaded_heap` included: unfreezing
    would release those objects too, and freezing the index along with them would
    also freeze whatever else is alive at that moment (a document being read, with its
    reference cycles), which the collector could then not free until the build ends
    (tried: a full build of 10,000 claims peaked at 1.3 GiB instead of 0.25).
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def freeze_loaded_heap(app: object) -> None:
    """``builder-inited``: file everything alive now (the build environment just loaded
    from its pickle, the extensions, Sphinx) as permanent until the build ends.

    An incremental build of a large project loads an environment of hundreds of
    thousands of objects and then changes a handful of pages; every full collection
    while it does so scanned that whole environment again (two of the four full
    collections of a 10,000-claim incremental build ran inside Sphinx's toctree
    copies, 0.35 s together).  Frozen objects are left out of those scans; what the
    build allocates afterwards is collected as usual, and :func:`thaw_heap` gives
    the frozen objects back to the collector when the build ends.  Nothing is done
    when something else has frozen objects already."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        _FROZEN_BY_US[0] = True


def thaw_heap(app: object, exception: BaseException | None) -> None:
    """``build-finished``: undo :func:`freeze_loaded_heap` (last, after our exports)."""
    if _FROZEN_BY_US[0]:
        _FROZEN_BY_US[0] = False
        gc.unfreeze()

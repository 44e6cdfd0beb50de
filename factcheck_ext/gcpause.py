"""Project-wide passes without collector pauses.

The build-wide passes (the index, the checks, the domain indices, the dataset)
allocate tens of thousands of short-lived containers that never form reference
cycles: reference counting frees them.  Left on, CPython's cyclic collector
would still scan the whole heap (the build environment, every doctree in memory)
several times while they are alive; in a 10,000-claim project those scans cost
more than the passes themselves.  ``gc.disable`` is process-wide state, so it is
switched off only for the duration of a pass and restored as it was found.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


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

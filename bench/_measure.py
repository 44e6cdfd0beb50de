"""Run one sphinx-build in this process and print, as JSON, its wall time, its peak
memory (KiB) and the time CPython's cyclic collector took in this process.

Used by run.py so that every measurement gets a fresh process: ru_maxrss is a
high-water mark and would otherwise carry over between builds.  The collector is
timed with ``gc.callbacks`` (two clock reads per collection; a 1,000-claim build
runs about 2,300 collections): it is the part of a build's time that depends on
how much the whole process holds, not only on the work done, so the report shows
it apart.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
import time
from typing import Any

from sphinx.cmd.build import build_main

collector = {"gc_seconds": 0.0, "collections": 0, "full_collections": 0}
_started = [0.0]


def time_collection(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _started[0] = time.perf_counter()
        return
    collector["gc_seconds"] += time.perf_counter() - _started[0]
    collector["collections"] += 1
    if info["generation"] == 2:
        collector["full_collections"] += 1


gc.callbacks.append(time_collection)
start = time.perf_counter()
status = build_main(sys.argv[1:])
elapsed = time.perf_counter() - start
peak = max(
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
)
print(json.dumps({"status": status, "seconds": elapsed, "peak_kib": peak, **collector}))

"""Run one sphinx-build in this process and print its peak memory (KiB) as JSON.

Used by run.py so that every measurement gets a fresh process: ru_maxrss is a
high-water mark and would otherwise carry over between builds.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from sphinx.cmd.build import build_main

start = time.perf_counter()
status = build_main(sys.argv[1:])
elapsed = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"status": status, "seconds": elapsed, "peak_kib": peak}))

"""Local captures' packages, copied into the HTML output so that citations can link them.

A capture made with the ``local`` backend is a WACZ file in the project
(``_evidence/``); its citation links the copy under the same path in the output,
which any replayer (ReplayWeb.page, pywb) opens.  Only the packages of sources the
project cites are copied, and only when they changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..domain import get_domain


def copy_local_captures(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    srcdir, outdir = Path(app.srcdir), Path(app.outdir)
    for source in get_domain(app.env).index.sources.values():
        capture = source.capture
        if capture is None or not capture.ok or not capture.wacz:
            continue
        original, copy = srcdir / capture.wacz, outdir / capture.wacz
        if not original.is_file():
            continue
        if copy.is_file() and _same(copy, original):
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(original, copy)


def _same(copy: Path, original: Path) -> bool:
    """Copied already: same size, and not older than the original."""
    a, b = copy.stat(), original.stat()
    return a.st_size == b.st_size and a.st_mtime_ns >= b.st_mtime_ns

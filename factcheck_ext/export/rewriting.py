"""Writing a large output file over its previous version.

``factcheck.json`` is sixteen megabytes at ten thousand claims and is written by
every build.  Opening it with ``"wb"`` truncates it first, and the operating
system frees the old file's cached pages only to allocate them again: on Linux
that costs several times the writing itself.  Writing over the old bytes, then
cutting what is left, gives the same file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def rewritten(path: Path) -> Iterator[BinaryIO]:
    """*path* open for writing from its start; whatever the old file had beyond what is
    written is cut when the block ends."""
    try:
        stream: BinaryIO = open(path, "r+b")  # noqa: SIM115 (closed below)
    except FileNotFoundError:
        stream = open(path, "wb")  # noqa: SIM115
    with stream:
        yield stream
        stream.truncate()

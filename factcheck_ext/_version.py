"""The package's version, written once: in ``pyproject.toml``, read from the installed
metadata."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sphinx-factcheck")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

"""Fixtures for every test: the test roots, Sphinx's message catalogs forgotten after
each test, and the tools the ``browser`` and ``latex`` tests need."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sphinx.locale

from .helpers import ROOTS, pywb_bin

#: marker -> (what the tests need, how to get it)
TOOLS = {
    "browser": ("/usr/bin/chromium", "apt install chromium, and pip install -e '.[browser]'"),
    "latex": ("latexmk", "apt install latexmk texlive-latex-extra poppler-utils"),
}


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(autouse=True)
def _forget_catalogs() -> Iterator[None]:
    """Sphinx keeps the message catalogs it loaded for the rest of the process (see
    docs/guide/translating.rst); tests that build with ``build_main`` forget them
    afterwards, as Sphinx's test applications do on cleanup."""
    yield
    sphinx.locale.translators.clear()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``browser`` or ``latex`` fails, saying what to install, when its
    tool is missing: deselect them with ``-m "not browser and not latex and not pywb"`` instead."""
    if item.get_closest_marker("pywb") and pywb_bin() is None:
        pytest.fail(
            "this test needs pywb (python3 -m venv .venv-pywb && .venv-pywb/bin/pip install "
            "pywb, or FACTCHECK_PYWB=<its bin folder>); or deselect the pywb tests with "
            "-m 'not pywb'",
            pytrace=False,
        )
    for marker, (tool, install) in TOOLS.items():
        if item.get_closest_marker(marker) and shutil.which(tool) is None:
            pytest.fail(
                f"this test needs {tool} ({install}); or deselect the {marker} "
                f"tests with -m 'not {marker}'",
                pytrace=False,
            )

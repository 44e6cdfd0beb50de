"""Helpers shared by the tests: the test roots, throwaway projects, and what a build
produced (its warnings, its pages)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

ROOTS = Path(__file__).parent / "roots"
SEED = Path(__file__).parents[1] / "docs" / "_articles" / "reuters-2022-01-07-ablyazov.txt"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: every builder the extension must work with (the design card's list, and more)
BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "latex",
    "text",
    "man",
    "texinfo",
    "epub",
    "xml",
    "pseudoxml",
    "json",
    "pickle",
    "gettext",
]


def warnings_of(app: Any) -> list[str]:
    """The warning lines of a build, without colour codes."""
    text = _ANSI.sub("", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def factcheck_warnings(app: Any) -> list[str]:
    return [w for w in warnings_of(app) if "[factcheck." in w]


def page(app: Any, docname: str) -> Any:
    """The built HTML page of *docname*, parsed."""
    path = Path(app.outdir) / f"{docname}.html"
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def html_pages(outdir: Path) -> dict[str, str]:
    """The HTML pages of a build by name, to compare two builds of the same project."""
    pages = {}
    for path in sorted(outdir.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        # the search page and index embed build-order-dependent data; compare the documents
        pages[path.name] = re.sub(r"\?v=[0-9a-f]+", "", text)
    return pages


def text_of(element: Any) -> str:
    return " ".join(element.text_content().split())


def write_project(path: Path, files: dict[str, str], conf: str = "") -> Path:
    """A throwaway Sphinx project: conf.py with the extension, plus *files*."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "conf.py").write_text(
        'extensions = ["factcheck_ext"]\nproject = "t"\nexclude_patterns = ["_build"]\n'
        'html_baseurl = "https://t.example/"\n' + conf,
        encoding="utf-8",
    )
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return path


def copy_root(name: str, dest: Path) -> Path:
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def pywb_bin() -> Path | None:
    """The folder of pywb's ``wayback`` and ``wb-manager``: ``$FACTCHECK_PYWB``, the
    repository's ``.venv-pywb`` (pywb pins its own dependencies, so it lives apart), or
    the PATH."""
    candidates = [os.environ.get("FACTCHECK_PYWB"), Path(__file__).parents[1] / ".venv-pywb/bin"]
    for folder in candidates:
        if folder and (Path(folder) / "wayback").is_file():
            return Path(folder)
    found = shutil.which("wayback")
    return Path(found).parent if found else None

"""Read a project the way Sphinx does, for the commands that work on one.

``sphinx-factcheck import`` (to merge with what the project holds) and
``sphinx-factcheck archive`` (to find every cited address) read the project's
``conf.py`` and every document into a throwaway environment with the ``dummy``
builder: nothing is guessed from the files' text, and nothing of the project's own
build output is touched.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from .project_index import ProjectIndex


def read_project(
    srcdir: Path, confdir: Path | None, overrides: dict[str, Any] | None = None
) -> ProjectIndex | None:
    """The project's index, or None when Sphinx cannot read it (no root document yet)."""
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from .factcheck_domain import get_domain

    # as sphinx-build does: docutils' registries are put back afterwards, so that a
    # build later in the same process starts clean
    with (
        tempfile.TemporaryDirectory() as scratch,
        patch_docutils(confdir),
        docutils_namespace(),
    ):
        try:
            app = Sphinx(
                str(srcdir),
                str(confdir) if confdir else None,
                str(Path(scratch) / "out"),
                str(Path(scratch) / "doctrees"),
                "dummy",
                confoverrides=overrides or {},
                status=None,
                warning=io.StringIO(),
                freshenv=True,
            )
            app.build()
        except SphinxError:
            return None
        return get_domain(app.env).index

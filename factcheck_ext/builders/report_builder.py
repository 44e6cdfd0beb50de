"""What the report builders share: they render no pages, only a report in ``finish()``."""

from __future__ import annotations

from collections.abc import Set

from docutils import nodes
from sphinx.builders import Builder


class ReportBuilder(Builder):
    """A builder that reads the project, writes no page, and reports at the end (like
    ``linkcheck``): the status builder and the standards report."""

    format = ""
    allow_parallel = True

    def get_outdated_docs(self) -> str:
        return "all documents"  # nothing is written per document

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        pass  # no pages: only the report in finish()

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

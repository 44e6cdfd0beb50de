"""``factcheck.csv``: one row per claim, for the editors who live in spreadsheets.

Written next to ``factcheck.json`` by every builder that writes the dataset.  RFC
4180 quoting (Python's csv module, CRLF line ends), UTF-8 with a byte-order mark
so that Excel reads the accents right, a header row.  A cell that a spreadsheet
would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is prefixed with an apostrophe, which spreadsheets show as text:
an imported claim or a claimant's name cannot run code on an editor's machine.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sphinx.application import Sphinx

from ..domain.project_index import ProjectIndex
from ..models import Claim, Scale
from .addresses import page_address
from .rewriting import rewritten

CSV_FILE = "factcheck.csv"
COLUMNS = (
    "id",
    "statement",
    "claimant",
    "date",
    "verdict",
    "verdict_label",
    "status",
    "article",
    "sources",
    "url",
    "appearances",
    "source_archives",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: str) -> str:
    """*value*, made inert for a spreadsheet (see the module docstring)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


class Rows:
    """The CSV lines of claims, for one build (page addresses worked out once a page)."""

    def __init__(self, app: Sphinx, index: ProjectIndex, scale: Scale) -> None:
        self.app, self.index, self.scale = app, index, scale
        self._uris: dict[str, str] = {}

    def page_url(self, docname: str) -> str:
        """The page's address in this build's output, absolute with ``html_baseurl``."""
        if docname not in self._uris:
            self._uris[docname] = page_address(self.app, docname)
        return self._uris[docname]

    def archives(self, claim: Claim) -> list[str]:
        """The archived copies of the claim's sources: a capture's replay address or
        local package (as a path in the output), else the typed ``:archive:``."""
        found = []
        for source_id in claim.all_sources:
            source = self.index.sources.get(source_id)
            capture = source.capture if source is not None else None
            local = capture.wacz if capture is not None and capture.ok else None
            copy = source.archived_copy or local if source is not None else None
            if copy:
                found.append(copy)
        return found

    def line(self, claim: Claim) -> str:
        """One claim's row, as CSV text with its line end."""
        index = self.index
        verdict = self.scale.get(claim.verdict)
        day = index.claim_date(claim)
        article = index.articles.get(claim.article or "")
        row = [
            claim.id,
            claim.title,
            index.claimant_name(claim) or "",
            day.isoformat() if day else "",
            claim.verdict or "",
            verdict.label if verdict else "",
            claim.status,
            article.title if article else claim.article or "",
            "; ".join(claim.all_sources),
            f"{self.page_url(claim.docname)}#{claim.anchor}",
            " ".join(a.url for a in claim.appearances if a.url),
            " ".join(self.archives(claim)),
        ]
        return csv_lines([[neutralised(cell) for cell in row]])


def csv_lines(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_table(path: Path, lines: list[str]) -> None:
    """The table: the header, then *lines* (see :meth:`Rows.line`)."""
    with rewritten(path) as stream:
        stream.write((csv_lines([list(COLUMNS)]) + "".join(lines)).encode("utf-8-sig"))

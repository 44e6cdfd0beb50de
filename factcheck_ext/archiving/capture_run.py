"""Capture every http(s) address a project cites that has no capture yet.

The project is read the way Sphinx reads it (``domain.reading``): sources' and
articles' ``:url:`` and claims' appearances.  The ledger is written after each
capture, so an interrupted run loses nothing and the next one captures only what is
missing (and retries what failed).  A failure is recorded with its reason.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..domain.project_index import ProjectIndex
from ..models import is_web_url
from ..models.evidence import ArchiveLedger, Capture, load, save

OK, FAILED, STOPPED = 0, 1, 2


def cited_addresses(index: ProjectIndex) -> list[str]:
    """Every http(s) address of the project's sources, articles and appearances."""
    found: list[str | None] = [s.url for s in index.sources.values()]
    found += [a.url for a in index.articles.values()]
    found += [place.url for claim in index.claims.values() for place in claim.appearances]
    return sorted({url for url in found if url and is_web_url(url)})


@dataclass
class RunReport:
    captured: list[Capture] = field(default_factory=list)
    failed: list[Capture] = field(default_factory=list)
    kept: int = 0  # already captured

    @property
    def status(self) -> int:
        return FAILED if self.failed else OK


class Progress:
    """``[3/12] https://...`` on one line, on a terminal only."""

    def __init__(self, total: int, out: TextIO) -> None:
        self.total, self.out = total, out
        self.live = out.isatty()

    def show(self, done: int, url: str) -> None:
        if self.live:
            self.out.write(f"\r\x1b[K[{done}/{self.total}] {url[:100]}")
            self.out.flush()

    def close(self) -> None:
        if self.live:
            self.out.write("\r\x1b[K")


def capture_all(
    urls: Iterable[str], ledger_path: Path, backend: object, say: TextIO = sys.stderr
) -> RunReport:
    """Capture what the ledger lacks (or has only failures for), saving after each."""
    ledger = load(ledger_path, ArchiveLedger)
    report = RunReport()
    todo = []
    for url in urls:
        known = ledger.captures.get(url)
        if known is not None and known.ok:
            report.kept += 1
        else:
            todo.append(url)
    progress = Progress(len(todo), say)
    for done, url in enumerate(todo, start=1):
        progress.show(done, url)
        capture: Capture = backend.capture(url)  # type: ignore[attr-defined]
        ledger.captures[url] = capture
        save(ledger_path, ledger)
        (report.captured if capture.ok else report.failed).append(capture)
    progress.close()
    return report


def summary(report: RunReport) -> str:
    lines = [
        f"captured {len(report.captured)}, failed {len(report.failed)}, "
        f"already captured {report.kept}"
    ]
    lines += [f"  failed: {c.url}: {c.error}" for c in report.failed]
    return "\n".join(lines)

"""The evidence files, as the build reads them: the capture ledger and the drift report.

A source's capture and drift check are read into its model when its document is read
(see ``SourceDirective``), so that everything that shows a source (its block, the
lists, the exports, the dependency tracking of incremental builds) sees them without
looking anything up again.  When a file changes between builds,
:func:`outdated_by_evidence` names the documents whose sources' addresses changed in
it, and Sphinx reads them again; the rest follows as for any other change.  The build
never touches the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ..diagnostics import warn
from ..models.evidence import (
    ArchiveLedger,
    Capture,
    DriftCheck,
    DriftReport,
    EvidenceFileError,
    digest,
    load,
)
from .factcheck_domain import get_domain

Stamp = tuple[tuple[int, int] | None, tuple[int, int] | None]


@dataclass(frozen=True)
class Evidence:
    ledger: ArchiveLedger = field(default_factory=ArchiveLedger)
    drift: DriftReport = field(default_factory=DriftReport)
    problem: str | None = None  # a file that could not be read

    def capture(self, url: str | None) -> Capture | None:
        return self.ledger.captures.get(url) if url else None

    def check(self, url: str | None) -> DriftCheck | None:
        return self.drift.checks.get(url) if url else None

    def digests(self) -> dict[str, str]:
        """Address -> fingerprint of what the files say of it."""
        urls = self.ledger.captures.keys() | self.drift.checks.keys()
        return {
            url: digest([digest_of(self.capture(url)), digest_of(self.check(url))]) for url in urls
        }


def digest_of(value: Any) -> str:
    return "" if value is None else digest(value)


def evidence_paths(srcdir: Path, config: Config) -> tuple[Path, Path]:
    return (
        Path(srcdir) / config.factcheck_archive_file,
        Path(srcdir) / config.factcheck_drift_file,
    )


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


_CACHE: dict[tuple[Path, Path], tuple[Stamp, Evidence]] = {}


def load_evidence(srcdir: Path, config: Config) -> tuple[Stamp, Evidence]:
    """The project's evidence files, read once per process while they are unchanged
    (parallel readers each keep their own copy)."""
    paths = evidence_paths(srcdir, config)
    stamp: Stamp = (_stamp(paths[0]), _stamp(paths[1]))
    cached = _CACHE.get(paths)
    if cached is not None and cached[0] == stamp:
        return cached
    try:
        evidence = Evidence(load(paths[0], ArchiveLedger), load(paths[1], DriftReport))
    except EvidenceFileError as exc:
        evidence = Evidence(problem=str(exc))
    _CACHE[paths] = (stamp, evidence)
    return stamp, evidence


def evidence_for(env: BuildEnvironment) -> Evidence:
    return load_evidence(Path(env.srcdir), env.config)[1]


def outdated_by_evidence(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the documents whose sources' captures or drift checks
    changed since the last build (nothing is compared when the files did not change)."""
    domain = get_domain(env)
    stamp, evidence = load_evidence(Path(env.srcdir), env.config)
    if evidence.problem:
        warn(evidence.problem, "bad-evidence-file", None)
    known_stamp, known = domain.evidence_state
    if stamp == known_stamp:
        return []
    digests = evidence.digests()
    urls = {url for url in known.keys() | digests.keys() if known.get(url) != digests.get(url)}
    domain.note_evidence(stamp, digests)
    if not urls:
        return []
    return sorted(
        docname
        for docname, record in domain.docs.items()
        if docname not in changed and any(source.url in urls for source in record.sources)
    )


_EMBEDDED = re.compile(r"^/(?:[^/]+/)?(\d{4,14})(?:[a-z]{2}_|\*)?/(.+)$")
_ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is")


def _comparable(url: str) -> str:
    """An address without scheme, ``www.``, trailing slash or fragment: what two
    spellings of one page share."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def archive_mismatch(url: str | None, archive: str) -> str | None:
    """Why a hand-typed archive address is not a copy of *url*, or None.

    A Wayback-style address (``/web/<timestamp>/<address>``, as the Internet Archive,
    pywb and most web archives write them) must embed the source's own address; an
    archive's home page is a copy of nothing."""
    parts = urlsplit(archive)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path
    if path.rstrip("/") in ("", "/web") and not parts.query:
        return f"{archive!r} is the home page of an archive, not a copy of a page"
    found = _EMBEDDED.match(path + (f"?{parts.query}" if parts.query else ""))
    if found is None:
        if host in _ARCHIVE_HOSTS and host.endswith("archive.org"):
            return f"{archive!r} does not name the address it is a copy of"
        return None  # perma.cc/ABCD-1234, archive.today/abcde: the id says nothing to check
    embedded = found.group(2)
    if url and _comparable(embedded) != _comparable(url):
        return f"{archive!r} is a copy of {embedded!r}, not of {url!r}"
    return None

"""The ``archive`` and ``drift`` subcommands: arguments in, exit status out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..archiving.backends import ArchiveError, make_backend
from ..archiving.capture_run import STOPPED, capture_all, cited_addresses, summary
from ..archiving.drift import check_all, table
from ..archiving.fetching import Fetcher
from ..domain.reading import read_project
from ..models.evidence import ArchiveLedger, DriftReport, EvidenceFileError, load, save


def _settings(srcdir: Path) -> tuple[str, str]:
    """The ledger's and the drift report's file names, from the project's conf.py."""
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    namespace = eval_config_file(srcdir / "conf.py", Tags())
    return (
        namespace.get("factcheck_archive_file", "factcheck-archive.json"),
        namespace.get("factcheck_drift_file", "factcheck-drift.json"),
    )


def missing_tools() -> list[str]:
    """The ``archive`` extra's libraries that are not installed."""
    from importlib.util import find_spec

    return [name for name in ("warcio", "wacz", "trafilatura", "pypdf") if find_spec(name) is None]


def _fetcher(args: argparse.Namespace) -> Fetcher:
    return Fetcher(timeout=args.timeout, max_bytes=args.max_bytes, rate=args.rate)


def _project_dir(args: argparse.Namespace) -> Path | None:
    """The project's folder, or None (said why) when the command cannot work on it."""
    if missing := missing_tools():
        print(
            f"error: {', '.join(missing)} not installed: pip install 'sphinx-factcheck[archive]'",
            file=sys.stderr,
        )
        return None
    srcdir: Path = args.srcdir.resolve()
    if not (srcdir / "conf.py").is_file():
        print(f"error: {srcdir} has no conf.py", file=sys.stderr)
        return None
    return srcdir


def archive_command(args: argparse.Namespace) -> int:
    srcdir = _project_dir(args)
    if srcdir is None:
        return STOPPED
    ledger_name, _drift = _settings(srcdir)
    index = read_project(srcdir, srcdir)
    if index is None:
        print(f"error: Sphinx cannot read the project in {srcdir}", file=sys.stderr)
        return STOPPED
    try:
        backend = make_backend(args.backend, srcdir, _fetcher(args), pywb=args.pywb, poll=args.poll)
    except ArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return STOPPED
    urls = cited_addresses(index)
    try:
        report = capture_all(urls, srcdir / ledger_name, backend)
    except EvidenceFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return STOPPED
    print(summary(report), file=sys.stderr)
    return report.status


def drift_command(args: argparse.Namespace) -> int:
    srcdir = _project_dir(args)
    if srcdir is None:
        return STOPPED
    ledger_name, drift_name = _settings(srcdir)
    try:
        ledger = load(srcdir / ledger_name, ArchiveLedger)
    except EvidenceFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return STOPPED
    captures = [c for c in ledger.captures.values() if c.ok]
    report: DriftReport = check_all(captures, _fetcher(args))
    save(srcdir / drift_name, report)
    print(table(report))
    bad = [c for c in report.checks.values() if c.status != "same"]
    return 1 if args.strict and bad else 0

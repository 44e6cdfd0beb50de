"""The ``sphinx-factcheck`` command: argparse subcommands, nothing else.

``sphinx-factcheck import`` turns published fact-checks into report pages (see
:mod:`factcheck_ext.importers`); ``sphinx-factcheck init`` scaffolds a new report
project (see :mod:`factcheck_ext.cli.scaffold`).  ``python -m factcheck_ext`` is the
same command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-factcheck",
        description="Tools for sphinx-factcheck reports: import published fact-checks, "
        "start a new report.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    imports = commands.add_parser(
        "import",
        help="turn ClaimReview markup, DataFeeds or Fact Check Tools API JSON into report pages",
        description="Read ClaimReview JSON-LD (in HTML pages or JSON files, lists, @graph, "
        "DataFeeds) and Google Fact Check Tools API responses, and write "
        "report pages: one per reviewed article or claim, with the claims, "
        "their claimants and the original reviews as sources. Nothing is "
        "fetched from the network.",
    )
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imports.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help="where the pages go (the verdict scale is read from the "
        "conf.py of the project DIR is in)",
    )
    imports.add_argument(
        "--format",
        choices=("rst", "md"),
        default="rst",
        help="reStructuredText (default) or MyST Markdown",
    )
    imports.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="RATING=VERDICT",
        help="map a rating name to a verdict key (repeatable)",
    )
    imports.add_argument(
        "--default-verdict",
        metavar="KEY",
        help="the verdict of ratings that map to nothing (otherwise they stop the import)",
    )
    imports.add_argument(
        "--own",
        action="store_true",
        help="the reviews are this desk's own (an archive being moved): they become "
        "checked claims with their verdicts. Otherwise only reviews whose publisher is "
        "factcheck_publisher are; other desks' reviews become sources of unchecked claims",
    )
    imports.add_argument(
        "--force",
        action="store_true",
        help="accepted for older scripts: a batch never overwrites a page (new pages take "
        "new names)",
    )

    archive = commands.add_parser(
        "archive",
        help="capture every cited address that has no capture yet",
        description="Read the project the way Sphinx does, and capture every http(s) "
        "address its sources, articles and claims' appearances cite that has no capture "
        "in SRCDIR/factcheck-archive.json (failed ones are tried again). The ledger is "
        "written after each capture. Exit status 1 when a capture failed.",
    )
    archive.add_argument("srcdir", type=Path, metavar="SRCDIR")
    archive.add_argument(
        "--backend",
        choices=("local", "pywb", "wayback", "perma"),
        default="local",
        help="local: a WACZ under SRCDIR/_evidence (default); pywb: a pywb in record "
        "mode (--pywb); wayback: Save Page Now 2 (WAYBACK_ACCESS_KEY, WAYBACK_SECRET_KEY); "
        "perma: perma.cc (PERMA_API_KEY)",
    )
    archive.add_argument("--pywb", metavar="URL/COLLECTION", help="the pywb collection")
    archive.add_argument(
        "--poll",
        type=float,
        default=5.0,
        metavar="S",
        help="seconds between two status checks of Save Page Now (default 5)",
    )
    _fetch_options(archive)

    drift = commands.add_parser(
        "drift",
        help="compare each captured address with the live page",
        description="Fetch every captured address live and compare its main text with "
        "the capture's: same, changed, gone or soft-404. Writes "
        "SRCDIR/factcheck-drift.json, which the build reads, and prints a table.",
    )
    drift.add_argument("srcdir", type=Path, metavar="SRCDIR")
    drift.add_argument(
        "--strict", action="store_true", help="exit 1 when anything is gone or changed"
    )
    _fetch_options(drift)

    from ..memory.command import add_parser as add_match

    add_match(commands)

    init = commands.add_parser(
        "init",
        help="start a new report project",
        description="Write a new report project that builds with -W as created: conf.py, "
        "an example page with an article, a claim and a source, a claims page, "
        "a bibliography page and .gitignore. Asks for what is not given when "
        "run in a terminal.",
    )
    init.add_argument("directory", type=Path, metavar="DIR")
    init.add_argument("--project", help="the report's name")
    init.add_argument("--publisher", help="who publishes the fact-checks (ClaimReview author)")
    init.add_argument("--url", help="the address the report will be published at")
    init.add_argument(
        "--format",
        choices=("rst", "md"),
        default="rst",
        help="reStructuredText (default) or MyST Markdown pages",
    )
    init.add_argument(
        "--force", action="store_true", help="write into a directory that is not empty"
    )
    return parser


def _fetch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="per request (default 30)"
    )
    command.add_argument(
        "--max-bytes",
        type=int,
        default=50_000_000,
        metavar="N",
        help="the largest body fetched (default 50 MB)",
    )
    command.add_argument(
        "--rate",
        type=float,
        default=1.0,
        metavar="S",
        help="seconds between two requests to one host (default 1)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "match":
        from ..memory.command import run

        return run(args)
    if args.command in ("archive", "drift"):
        from .evidence import archive_command, drift_command

        command = archive_command if args.command == "archive" else drift_command
        return command(args)
    if args.command == "import":
        from ..importers.run import import_reviews

        return import_reviews(
            args.files,
            args.out,
            output_format=args.format,
            mapping=args.map,
            default_verdict=args.default_verdict,
            force=args.force,
            own=args.own,
        ).status
    from .scaffold import scaffold

    return scaffold(
        args.directory,
        project=args.project,
        publisher=args.publisher,
        url=args.url,
        output_format=args.format,
        force=args.force,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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

"""``sphinx-factcheck match``: the build's matcher, from the command line.

    sphinx-factcheck match --catalogue vclaims.jsonl --queries dev.jsonl --top 5

prints ``query_id<TAB>catalogue_id<TAB>score`` lines, best first, for each query (a
``--queries`` file is JSON Lines of ``{"id", "text"}``; ``--query`` is one text, its
id ``query``).  The scores are those ``factcheck_match_threshold`` applies to.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from .catalogue import CatalogueError, read_catalogue
from .index import MatchIndex


def add_parser(commands: argparse._SubParsersAction) -> None:
    match = commands.add_parser(
        "match",
        help="rank earlier checks against claims, as the build does",
        description="Index the catalogue files and print, for each query, the best "
        "matching entries: query_id<TAB>catalogue_id<TAB>score, best first.",
    )
    match.add_argument("--catalogue", type=Path, nargs="+", required=True, metavar="FILE")
    source = match.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--queries", type=Path, metavar="FILE.jsonl", help='lines of {"id", "text"}'
    )
    source.add_argument("--query", metavar="TEXT")
    match.add_argument("--top", type=int, default=5, metavar="K")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    index = MatchIndex()
    try:
        for path in args.catalogue:
            entries = read_catalogue(path)
            index.add((e.id, "catalogue", e.text, e) for e in entries)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.query is not None:
        queries = [("query", args.query)]
    else:
        queries = []
        for line in args.queries.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                queries.append((str(data["id"]), str(data.get("text") or data.get("claim") or "")))
    for query_id, text in queries:
        for found in index.search(text, top=args.top):
            out.write(f"{query_id}\t{found.id}\t{found.score:.6f}\n")
    return 0

"""How well claim matching finds earlier checks: CLEF-2021 CheckThat! Task 2A.

    python bench/match.py [--data ../shared/claimmatch] [--split dev]

Runs ``sphinx-factcheck match`` (the build's matcher) with the 13,824 Snopes
fact-checks as the catalogue and the split's tweets as queries, then scores the run
with the organisers' measures (``evaluate.py`` of the data folder: MAP@1, MAP@5, MRR,
Recall@5).  The matcher's settings were chosen on the train split; report dev.  The
data is public research data kept outside the repository (see its README).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT = HERE.parent.parent / "shared" / "claimmatch"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    args = parser.parse_args()
    if not (args.data / "vclaims.jsonl").is_file():
        raise SystemExit(f"the claimmatch data is not at {args.data}")
    with tempfile.TemporaryDirectory() as scratch:
        run = Path(scratch) / f"{args.split}.tsv"
        started = time.perf_counter()
        with open(run, "w", encoding="utf-8") as out:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "factcheck_ext",
                    "match",
                    "--catalogue",
                    str(args.data / "vclaims.jsonl"),
                    "--queries",
                    str(args.data / f"{args.split}.jsonl"),
                    "--top",
                    "20",
                ],
                stdout=out,
                check=True,
            )
        seconds = time.perf_counter() - started
        scores = subprocess.run(
            [sys.executable, str(args.data / "evaluate.py"), str(run), args.split],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    wanted = ("MAP@1", "MAP@5", "MRR", "Recall@5")
    lines = [line for line in scores.splitlines() if line.split("\t")[0] in wanted]
    print(f"{args.split}: " + ", ".join(line.replace("\t", " ") for line in lines))
    print(f"(indexing 13,824 checks and matching the queries: {seconds:.1f} s)")


if __name__ == "__main__":
    main()

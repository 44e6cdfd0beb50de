"""What evidence costs a build: the full build with every source captured, against
the same build without a ledger.

    python bench/evidence.py --claims 10000 --repeat 3

It generates the extension's benchmark project (see generate.py), then builds it
(``-E``) alternately without and with a ledger holding a capture of every source's
address (a synthetic one: the ledger's size and shape as ``sphinx-factcheck archive``
writes it, without fetching anything), and prints the median of each and their
ratio.  The target (docs/guide/performance.rst): at most 1.02.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate
from run import build, compile_extension

HERE = Path(__file__).parent


def source_urls(root: Path) -> list[str]:
    """The sources' addresses of the generated project (its ``:url:`` lines)."""
    urls = set()
    for page in (root / "sources").glob("*.rst"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(":url:"):
                urls.add(line.split(":url:", 1)[1].strip())
    return sorted(urls)


def write_ledger(root: Path, urls: list[str]) -> None:
    captures = {}
    for number, url in enumerate(urls):
        digest = hashlib.sha256(url.encode()).hexdigest()
        captures[url] = {
            "url": url,
            "backend": "local",
            "captured_at": "2026-11-30T10:00:00Z",
            "wacz": f"_evidence/capture-{number}.wacz",
            "status": 200,
            "content_type": "text/html",
            "final_url": url,
            "sha256": digest,
            "text_sha256": digest,
            "text_file": f"_evidence/capture-{number}.txt",
        }
    (root / "factcheck-archive.json").write_text(
        json.dumps({"format_version": 1, "captures": captures}, indent=1), encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=HERE / "_work")
    args = parser.parse_args()
    compile_extension()
    root = args.work / f"evidence-{args.claims}"
    shutil.rmtree(root, ignore_errors=True)
    generate(root, args.claims, plain=False)
    ledger = root / "factcheck-archive.json"
    urls = source_urls(root)
    times: dict[str, list[float]] = {"without": [], "with": []}
    for _turn in range(args.repeat):
        for kind in ("without", "with"):
            if kind == "with":
                write_ledger(root, urls)
            else:
                ledger.unlink(missing_ok=True)
            times[kind].append(build(root, "-E")["seconds"])
            print(f"{kind} ledger: {times[kind][-1]:.2f} s", flush=True)
    without, with_ = statistics.median(times["without"]), statistics.median(times["with"])
    print(
        f"{args.claims} claims, {len(urls)} sources captured: full build {without:.2f} s "
        f"without a ledger, {with_:.2f} s with one: ratio {with_ / without:.3f}"
    )


if __name__ == "__main__":
    main()

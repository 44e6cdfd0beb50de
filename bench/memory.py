"""What the desk's memory costs: a 100,000-entry catalogue, and a 10,000-claim build.

    python bench/memory.py --claims 10000 --entries 100000 --repeat 5

Generates a catalogue of *entries* made-up checks (JSON Lines, words drawn from a
fixed vocabulary with a long tail, as real claims are) and measures:

* indexing it (``sphinx-factcheck match`` reads and indexes it, then answers one
  query): target under a minute;
* the benchmark project's full build (``-E``) without a catalogue, with it on a cold
  cache (the doctree directory's index and match cache removed) and warm (kept, as
  a build after the first finds them): target at most 1.10 warm (``--full-repeat K``
  alternates K more full builds each way and compares medians);
* the incremental build after one verdict edit, without and with it (median of
  ``--repeat``): target at most 1.05.

The project's claims get varied statements (see :func:`varied_titles`); with
``--templated`` they keep the generator's near-identical ones.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import Claim, edit_everywhere, generate
from run import build, compile_extension

HERE = Path(__file__).parent


def vocabulary(size: int, rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnoprstuvw"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(size)]


def write_catalogue(path: Path, entries: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    words = vocabulary(20000, rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf: a long tail
    with open(path, "w", encoding="utf-8") as out:
        for number in range(entries):
            claim = " ".join(rng.choices(words, weights, k=rng.randint(8, 20)))
            out.write(
                json.dumps(
                    {
                        "id": f"entry-{number}",
                        "claim": claim.capitalize() + ".",
                        "rating": rng.choice(["False", "Misleading", "True"]),
                        "publisher": f"Desk {number % 40}",
                        "date": f"20{10 + number % 15}-0{1 + number % 9}-1{number % 9}",
                    }
                )
                + "\n"
            )


def varied_titles(seed: int = 11) -> None:
    """Give the benchmark project's claims statements as varied as real ones: drawn
    from the same long-tailed vocabulary as the catalogue (a claim's own seed, so the
    project is the same on every run).  The generator's templated statements
    ("Indicator 3 of region 17 rose by 6 percent.") are near-copies of one another,
    and the matcher rightly reports most of them as repeats of their neighbours: a
    worst case no desk has (``--templated`` measures it)."""
    vocabulary_words = vocabulary(20000, random.Random(seed))
    weights = [1 / (rank + 1) for rank in range(len(vocabulary_words))]

    def title(claim: Claim) -> str:
        rng = random.Random(claim.doc * 1000 + claim.number)
        return (
            " ".join(rng.choices(vocabulary_words, weights, k=rng.randint(8, 16))).capitalize()
            + "."
        )

    Claim.title = property(title)  # type: ignore[assignment,method-assign]


def with_catalogue(root: Path, on: bool) -> None:
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8").split("\n# memory bench\n")[0]
    if on:
        text += '\n# memory bench\nfactcheck_catalogues = ["catalogue.jsonl"]\n'
    conf.write_text(text, encoding="utf-8")


def forget_caches(root: Path) -> None:
    for name in ("factcheck-memory.sqlite", "factcheck-memory.pickle"):
        for found in (root / "_build").rglob(name):
            found.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / "_work")
    parser.add_argument(
        "--full-repeat",
        type=int,
        default=0,
        help="then alternate this many more full builds without and with the catalogue",
    )
    parser.add_argument(
        "--templated",
        action="store_true",
        help="keep the generator's near-identical statements (most claims then repeat others)",
    )
    args = parser.parse_args()
    if not args.templated:
        varied_titles()
    compile_extension()
    root = args.work / f"memory-{args.claims}"
    shutil.rmtree(root, ignore_errors=True)
    generate(root, args.claims, plain=False)
    catalogue = root / "catalogue.jsonl"
    write_catalogue(catalogue, args.entries)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck_ext",
            "match",
            "--catalogue",
            str(catalogue),
            "--query",
            "indicator rose percent",
        ],
        check=True,
        capture_output=True,
    )
    print(f"indexing {args.entries} entries (and one query): {time.perf_counter() - started:.1f} s")
    with_catalogue(root, False)
    without = build(root, "-E")["seconds"]
    print(f"full build without a catalogue: {without:.1f} s", flush=True)
    with_catalogue(root, True)
    forget_caches(root)
    cold = build(root, "-E")["seconds"]
    print(f"full build with it, cold cache: {cold:.1f} s ({cold / without:.2f})", flush=True)
    warm = build(root, "-E")["seconds"]
    print(f"full build with it, warm cache: {warm:.1f} s ({warm / without:.2f})", flush=True)
    if args.full_repeat:
        # one full build each is at the mercy of the machine's noise (about 10% here):
        # alternate, and compare medians
        full: dict[bool, list[float]] = {False: [without], True: [warm]}
        for _turn in range(args.full_repeat):
            for on in (False, True):
                with_catalogue(root, on)
                full[on].append(build(root, "-E")["seconds"])
        off, on_ = statistics.median(full[False]), statistics.median(full[True])
        print(
            f"full builds, median of {args.full_repeat + 1} alternated: {off:.1f} s without, "
            f"{on_:.1f} s with a warm cache ({on_ / off:.2f})",
            flush=True,
        )
    times: dict[bool, list[float]] = {False: [], True: []}
    for on in (False, True):
        with_catalogue(root, on)
        build(root)  # settle after the configuration change
        for turn in range(args.repeat):
            if turn % 2 == 0:
                edit_everywhere(root, args.claims, plain=False)
            else:
                generate(root, args.claims, plain=False)
            with_catalogue(root, on)
            times[on].append(build(root)["seconds"])
    off, on_ = statistics.median(times[False]), statistics.median(times[True])
    print(
        f"incremental after a verdict edit: {off:.2f} s without, {on_:.2f} s with ({on_ / off:.2f})"
    )


if __name__ == "__main__":
    main()

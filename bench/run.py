"""Benchmark sphinx-factcheck against its plain-Sphinx twin.

    python bench/run.py --claims 100 1000 10000

For each N it generates the project and its twin (see generate.py), then measures,
alternating extension and twin: the full build (``-E``: the median wall time of
``--full-repeat`` builds, the cyclic collector's share of it, and peak RSS),
the full build with ``-j 2``, and the incremental rebuild after changing one
claim's verdict (the median wall time of ``--repeat`` builds, the verdict changing
back and forth, and how many pages were rewritten; the whole measurement is made
``--rounds`` times and the round of median ratio kept, every round's ratio printed;
the twin is measured
twice: with the edit in the claim's page only, its floor, and with the same change
made by hand in every page that shows the claim).  It prints a table
with absolute numbers, the ratios extension / twin, and the cost per claim, both
whole and outside the collector (whose full collections rescan everything the
process holds, so that its cost per claim grows with the project, whoever's).

With ``--pairs K`` it then builds the 1,000-claim and the largest project back to
back, K times each for the extension and the twin, and prints the median growth per
claim over those pairs and its range: a machine whose speed drifts over a long run
distorts a growth taken from two builds far apart in time.  ``--pairs-only`` measures
the pairs and nothing else.

With ``--peer sphinx-needs`` (when it is installed) it measures a third project
the same way: the same claims and sources as sphinx-needs objects, claims linking
to the sources they cite, and one project-wide needtable.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import EDIT, edit_everywhere, edit_one_claim, generate, generate_needs

HERE = Path(__file__).parent


def build(src: Path, *extra: str) -> dict:
    out = src / "_build" / "html"
    command = [
        sys.executable,
        str(HERE / "_measure.py"),
        "-q",
        *extra,
        "-b",
        "html",
        str(src),
        str(out),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode or not lines:
        raise SystemExit(f"build failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    data = json.loads(lines[-1])
    if result.stderr.strip():
        data["warnings"] = len([line for line in result.stderr.splitlines() if "WARNING" in line])
    if data["status"]:
        raise SystemExit(f"build returned {data['status']}: {result.stderr[-2000:]}")
    return data


def snapshot(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def measure(
    work: Path,
    claims: int,
    parallel: bool,
    repeat: int,
    peer: str | None = None,
    full_repeat: int = 1,
    rounds: int = 3,
) -> dict[str, dict]:
    kinds = ["ext", "twin"] + (["peer"] if peer else [])
    writers = {
        "ext": lambda root, edit=None: generate(root, claims, plain=False, overrides=edit),
        "twin": lambda root, edit=None: generate(root, claims, plain=True, overrides=edit),
        "peer": lambda root, edit=None: generate_needs(root, claims, overrides=edit),
    }
    results: dict[str, dict] = {}
    roots = {}
    for kind in kinds:
        root = work / f"{kind}-{claims}"
        shutil.rmtree(root, ignore_errors=True)
        roots[kind] = writers[kind](root)
    # alternate the kinds for each measurement
    fulls: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for _turn in range(full_repeat):
        for kind in kinds:
            fulls[kind].append(build(roots[kind], "-E"))
    for kind in kinds:
        results[kind] = {"full": median_run(fulls[kind])}
    if parallel:
        for kind in kinds:
            results[kind]["j2"] = build(roots[kind], "-E", "-j", "2")
        for kind in kinds:  # leave a serial build behind for the incremental step
            build(roots[kind], "-E")

    def incremental(kind: str, edit) -> dict:
        out = roots[kind] / "_build" / "html"
        before = snapshot(out)
        edit()
        result = build(roots[kind])
        after = snapshot(out)
        result["pages"] = sum(1 for page, mtime in after.items() if before.get(page) != mtime)
        return result

    def restore(kind: str):
        return lambda: writers[kind](roots[kind])

    # Each incremental build is repeated (the verdict changes, then changes back) and
    # the median kept: one build of a second or two is at the mercy of a noisy machine.
    # The extension (and the peer): the verdict changes in the claim's document, and the
    # tool updates every page that shows it.  The twin, as a floor: only the claim's own
    # page is edited (its lists elsewhere go stale).  Extension and twin alternate; the
    # peer's builds come after theirs, since a build that follows one several times its
    # length was measured 10% slower on our machine.
    edits = {
        "ext": lambda: edit_everywhere(roots["ext"], claims, plain=False),
        "twin": lambda: edit_one_claim(roots["twin"], plain=True),
        "peer": lambda: writers["peer"](roots["peer"], EDIT),
    }
    # The whole measurement is made *rounds* times; the round of median ratio is kept,
    # and every round's ratio reported: one round of builds can still fall on a noisy
    # stretch of the machine.
    measured: list[dict[str, dict]] = []
    for _round in range(rounds):
        runs: dict[str, list[dict]] = {kind: [] for kind in kinds}
        for group in (["ext", "twin"], ["peer"] if peer else []):
            for turn in range(repeat):
                forth = turn % 2 == 0
                for kind in group:
                    runs[kind].append(incremental(kind, edits[kind] if forth else restore(kind)))
            if repeat % 2:  # leave every project as generated for the next round
                for kind in group:
                    restore(kind)()
                    build(roots[kind])
        measured.append({kind: median_run(runs[kind]) for kind in kinds})
    by_ratio = sorted(measured, key=lambda m: m["ext"]["seconds"] / m["twin"]["seconds"])
    for kind in kinds:
        results[kind]["incremental"] = by_ratio[len(by_ratio) // 2][kind]
    results["ext"]["incremental_rounds"] = [
        round(m["ext"]["seconds"] / m["twin"]["seconds"], 3) for m in measured
    ]
    # ... and the twin with the same change made by hand in every page that shows the claim
    everywhere = [
        incremental(
            "twin",
            (lambda: edit_everywhere(roots["twin"], claims, plain=True))
            if turn % 2 == 0
            else restore("twin"),
        )
        for turn in range(repeat)
    ]
    results["twin"]["incremental_everywhere"] = median_run(everywhere)
    return results


def measure_pairs(work: Path, small: int, large: int, pairs: int) -> dict[str, list[dict]]:
    """Full builds of the *small* and the *large* project back to back, *pairs* times,
    for the extension and the twin.

    Growth per claim compares two builds minutes apart; on a machine whose speed drifts
    by 10% or more over a run, one build of each size, taken a quarter of an hour apart,
    can show a growth of several tens of percent either way.  Each pair is measured
    back to back (a few minutes), so the spread of the pairs shows what the drift does.
    """
    measured: dict[str, list[dict]] = {"ext": [], "twin": []}
    for _turn in range(pairs):
        for kind, runs in measured.items():
            runs.append(
                {str(claims): build(work / f"{kind}-{claims}", "-E") for claims in (small, large)}
            )
    return measured


def report_pairs(measured: dict[str, list[dict]]) -> str:
    """One line a kind: the median growth per claim of its pairs, and their range."""
    lines = []
    for kind, name in (("ext", "extension"), ("twin", "twin")):
        runs = [{int(claims): run for claims, run in pair.items()} for pair in measured[kind]]
        small, large = sorted(runs[0])
        whole = sorted(growth(pair, "seconds") for pair in runs)
        outside = sorted(growth(pair, "outside") for pair in runs)
        lines.append(
            f"time per claim, {small} -> {large} claims, {len(runs)} "
            f"pair{'s' if len(runs) != 1 else ''} of builds "
            f"({name}): median {whole[len(whole) // 2]:+.1f}% (from {whole[0]:+.1f}% to "
            f"{whole[-1]:+.1f}%); outside the cyclic collector median "
            f"{outside[len(outside) // 2]:+.1f}%"
        )
    return "\n".join(lines)


def median_run(runs: list[dict]) -> dict:
    """The run of median time, with every time kept (for incremental builds, the first
    run's page count: a change and its reversal rewrite the same pages)."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    result = dict(ordered[len(ordered) // 2])
    result["all_seconds"] = [r["seconds"] for r in runs]
    if "pages" in runs[0]:
        result["pages"] = runs[0]["pages"]
    return result


def compile_extension() -> None:
    """Measure the extension as installed: pip compiles an installed package's bytecode,
    but an editable install run with PYTHONDONTWRITEBYTECODE set would compile every
    module again in every measured build (about 25 ms that the twin does not pay)."""
    import compileall

    import factcheck_ext

    compileall.compile_dir(Path(factcheck_ext.__file__).parent, quiet=1)


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else ""


def report(all_results: dict[int, dict]) -> str:
    """The table: extension, twin and their ratio, plus sphinx-needs when measured."""
    peer = any("peer" in res for res in all_results.values())
    rows = [
        ("claims", "measure", "extension", "twin", "ext/twin")
        + (("sphinx-needs", "ext/needs") if peer else ())
    ]

    def line(
        first: str, measure: str, values: tuple[float | None, ...], fmt: str, ratios: bool = True
    ) -> None:
        e, t, p = values
        cells = [first, measure, show(e, fmt), show(t, fmt), ratio(e, t) if ratios else ""]
        if peer:
            cells += [show(p, fmt), ratio(e, p) if ratios else ""]
        rows.append(tuple(cells))

    def get(
        res: dict, kind: str, key: str, field: str = "seconds", scale: float = 1
    ) -> float | None:
        value = res.get(kind, {}).get(key, {}).get(field)
        return None if value is None else value / scale

    for claims, res in all_results.items():

        def three(key: str, field: str = "seconds", scale: float = 1, res: dict = res) -> tuple:
            return tuple(get(res, kind, key, field, scale) for kind in ("ext", "twin", "peer"))

        line(str(claims), "full build (s)", three("full"), "{:.2f}")
        line("", "  of which cyclic collector (s)", three("full", "gc_seconds"), "{:.2f}")
        line("", "peak RSS (MiB)", three("full", "peak_kib", 1024), "{:.0f}")
        if "j2" in res["ext"]:
            line("", "full build -j 2 (s)", three("j2"), "{:.2f}")
        line("", "incremental, twin edits 1 page (s)", three("incremental"), "{:.2f}")
        if res["ext"].get("incremental_rounds"):
            rounds = ", ".join(f"{r:.2f}" for r in res["ext"]["incremental_rounds"])
            rows.append(("", f"  ext/twin by round (median kept): {rounds}", "", "", ""))
        line("", "  pages rewritten", three("incremental", "pages"), "{:.0f}", ratios=False)
        line(
            "",
            "incremental, twin edits every page (s)",
            (get(res, "ext", "incremental"), get(res, "twin", "incremental_everywhere"), None),
            "{:.2f}",
        )
        line(
            "",
            "  pages rewritten",
            (
                get(res, "ext", "incremental", "pages"),
                get(res, "twin", "incremental_everywhere", "pages"),
                None,
            ),
            "{:.0f}",
            ratios=False,
        )
        line("", "ms per claim (full)", three("full", scale=claims / 1000), "{:.2f}", ratios=False)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    counts = sorted(all_results)
    if len(counts) >= 2:
        first, last = growth_span(counts)
        for kind, name in (("ext", "extension"), ("twin", "twin"), ("peer", "sphinx-needs")):
            if any(kind not in all_results[n] for n in (first, last)):
                continue
            full = {n: all_results[n][kind]["full"] for n in (first, last)}
            text = (
                f"time per claim, {first} -> {last} claims ({name}): "
                f"{growth(full, 'seconds'):+.1f}%"
            )
            if all("gc_seconds" in run for run in full.values()):
                text += (
                    f"; outside the cyclic collector {growth(full, 'outside'):+.1f}%, "
                    f"the collector alone {growth(full, 'gc_seconds'):+.1f}%"
                )
            lines.append(text)
    return "\n".join(lines)


def growth_span(counts: list[int]) -> tuple[int, int]:
    """The claim counts growth per claim is measured between: from 1,000 claims on when
    measured (below that, fixed costs dominate) to the largest."""
    first = 1000 if 1000 in counts and counts[-1] > 1000 else counts[0]
    return first, counts[-1]


def growth(full: dict[int, dict], field: str) -> float:
    """How much a full build's *field* per claim grows between the two claim counts, in
    percent ("outside": the build's time less the collector's)."""

    def per_claim(claims: int) -> float:
        run = full[claims]
        value = run["seconds"] - run["gc_seconds"] if field == "outside" else run[field]
        return value / claims

    first, last = sorted(full)
    return (per_claim(last) / per_claim(first) - 1) * 100


def show(value: float | None, fmt: str) -> str:
    return "" if value is None else fmt.format(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--work", type=Path, default=HERE / "_work")
    parser.add_argument("--no-parallel", action="store_true", help="skip the -j 2 builds")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="incremental builds per measurement; the median is reported",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="incremental measurements (each of --repeat builds); the median round is kept",
    )
    parser.add_argument(
        "--full-repeat",
        type=int,
        default=1,
        help="full builds per project, alternating; the median is reported",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=0,
        help="then build the 1,000-claim (or smallest) and the largest "
        "project back to back this many times, for growth per claim",
    )
    parser.add_argument(
        "--pairs-only",
        action="store_true",
        help="with --pairs: generate the projects and measure only the pairs",
    )
    parser.add_argument(
        "--peer",
        choices=["sphinx-needs"],
        help="also measure the same claims as sphinx-needs objects",
    )
    args = parser.parse_args()
    if args.peer and importlib.util.find_spec("sphinx_needs") is None:
        parser.error(
            "--peer sphinx-needs: sphinx-needs is not installed (pip install sphinx-needs)"
        )
    if args.pairs and len(args.claims) < 2:
        parser.error("--pairs needs two claim counts")
    if args.pairs_only and not args.pairs:
        parser.error("--pairs-only needs --pairs K")
    compile_extension()
    results = {}
    for claims in [] if args.pairs_only else args.claims:
        print(f"measuring {claims} claims ...", flush=True)
        results[claims] = measure(
            args.work,
            claims,
            not args.no_parallel,
            args.repeat,
            args.peer,
            args.full_repeat,
            args.rounds,
        )
    pairs = {}
    if args.pairs:
        small, large = growth_span(sorted(args.claims))
        if args.pairs_only:
            for claims in (small, large):
                for kind, plain in (("ext", False), ("twin", True)):
                    generate(args.work / f"{kind}-{claims}", claims, plain=plain)
        print(f"measuring {small} and {large} claims in pairs ...", flush=True)
        pairs = measure_pairs(args.work, small, large, args.pairs)
    print()
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    if results:
        print(report(results))
    if pairs:
        print(report_pairs(pairs))
    if args.json:
        args.json.write_text(json.dumps({**results, "pairs": pairs}, indent=2))


if __name__ == "__main__":
    main()

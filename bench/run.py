"""Benchmark sphinx-factcheck against its plain-Sphinx twin.

    python bench/run.py --claims 100 1000 10000

For each N it generates the project and its twin (see generate.py), then measures,
alternating extension and twin: the full build (``-E``) wall time and peak RSS,
the full build with ``-j 2``, and the incremental rebuild after changing one
claim's verdict (the median wall time of ``--repeat`` builds, the verdict changing
back and forth, and how many pages were rewritten; the twin is measured
twice: with the edit in the claim's page only, its floor, and with the same change
made by hand in every page that shows the claim).  It prints a table
with absolute numbers, the ratios extension / twin, and the cost per claim.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import edit_everywhere, edit_one_claim, generate  # noqa: E402

HERE = Path(__file__).parent


def build(src: Path, *extra: str) -> dict:
    out = src / "_build" / "html"
    command = [sys.executable, str(HERE / "_measure.py"), "-q", *extra, "-b", "html",
               str(src), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [l for l in result.stdout.splitlines() if l.startswith("{")]
    if result.returncode or not lines:
        raise SystemExit(f"build failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    data = json.loads(lines[-1])
    if result.stderr.strip():
        data["warnings"] = len([l for l in result.stderr.splitlines() if "WARNING" in l])
    if data["status"]:
        raise SystemExit(f"build returned {data['status']}: {result.stderr[-2000:]}")
    return data


def snapshot(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def measure(work: Path, claims: int, parallel: bool, repeat: int) -> dict[str, dict]:
    results: dict[str, dict] = {}
    roots = {}
    for kind in ("ext", "twin"):
        root = work / f"{kind}-{claims}"
        shutil.rmtree(root, ignore_errors=True)
        roots[kind] = generate(root, claims, plain=(kind == "twin"))
    # alternate: ext, twin for each measurement
    for kind in ("ext", "twin"):
        results[kind] = {"full": build(roots[kind], "-E")}
    if parallel:
        for kind in ("ext", "twin"):
            results[kind]["j2"] = build(roots[kind], "-E", "-j", "2")
        for kind in ("ext", "twin"):  # leave a serial build behind for the incremental step
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
        return lambda: generate(roots[kind], claims, plain=(kind == "twin"))

    # Each incremental build is repeated (the verdict changes, then changes back) and
    # the median kept: one build of a second or two is at the mercy of a noisy machine.
    # The extension: the verdict changes in the claim's document, and the extension
    # updates every page that shows it.  The twin, as a floor: only the claim's own
    # page is edited (its lists elsewhere go stale).  Alternating the two.
    runs: dict[str, list[dict]] = {"ext": [], "twin": []}
    for turn in range(repeat):
        forth = turn % 2 == 0
        runs["ext"].append(incremental("ext", (
            lambda: edit_everywhere(roots["ext"], claims, plain=False)) if forth
            else restore("ext")))
        runs["twin"].append(incremental("twin", (
            lambda: edit_one_claim(roots["twin"], plain=True)) if forth else restore("twin")))
    for kind in ("ext", "twin"):
        results[kind]["incremental"] = median_run(runs[kind])
    # ... and the twin with the same change made by hand in every page that shows the claim
    if repeat % 2:
        restore("twin")()
        build(roots["twin"])
    everywhere = [incremental("twin", (
        lambda: edit_everywhere(roots["twin"], claims, plain=True)) if turn % 2 == 0
        else restore("twin")) for turn in range(repeat)]
    results["twin"]["incremental_everywhere"] = median_run(everywhere)
    return results


def median_run(runs: list[dict]) -> dict:
    """The run of median time, with every time kept (the first run's page count: a
    change and its reversal rewrite the same pages)."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    result = dict(ordered[len(ordered) // 2])
    result["all_seconds"] = [r["seconds"] for r in runs]
    result["pages"] = runs[0]["pages"]
    return result


def compile_extension() -> None:
    """Measure the extension as installed: pip compiles an installed package's bytecode,
    but an editable install run with PYTHONDONTWRITEBYTECODE set would compile every
    module again in every measured build (about 25 ms that the twin does not pay)."""
    import compileall

    import factcheck_ext

    compileall.compile_dir(Path(factcheck_ext.__file__).parent, quiet=1)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def report(all_results: dict[int, dict]) -> str:
    rows = [("claims", "measure", "extension", "twin", "ext/twin")]
    for claims, res in all_results.items():
        e, t = res["ext"], res["twin"]
        rows.append((str(claims), "full build (s)", f"{e['full']['seconds']:.2f}",
                     f"{t['full']['seconds']:.2f}",
                     ratio(e["full"]["seconds"], t["full"]["seconds"])))
        rows.append(("", "peak RSS (MiB)", f"{e['full']['peak_kib'] / 1024:.0f}",
                     f"{t['full']['peak_kib'] / 1024:.0f}",
                     ratio(e["full"]["peak_kib"], t["full"]["peak_kib"])))
        if "j2" in e:
            rows.append(("", "full build -j 2 (s)", f"{e['j2']['seconds']:.2f}",
                         f"{t['j2']['seconds']:.2f}",
                         ratio(e["j2"]["seconds"], t["j2"]["seconds"])))
        rows.append(("", "incremental, twin edits 1 page (s)",
                     f"{e['incremental']['seconds']:.2f}", f"{t['incremental']['seconds']:.2f}",
                     ratio(e["incremental"]["seconds"], t["incremental"]["seconds"])))
        rows.append(("", "  pages rewritten", str(e["incremental"]["pages"]),
                     str(t["incremental"]["pages"]), ""))
        every = t["incremental_everywhere"]
        rows.append(("", "incremental, twin edits every page (s)",
                     f"{e['incremental']['seconds']:.2f}", f"{every['seconds']:.2f}",
                     ratio(e["incremental"]["seconds"], every["seconds"])))
        rows.append(("", "  pages rewritten", str(e["incremental"]["pages"]),
                     str(every["pages"]), ""))
        rows.append(("", "ms per claim (full)", f"{1000 * e['full']['seconds'] / claims:.2f}",
                     f"{1000 * t['full']['seconds'] / claims:.2f}", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    counts = sorted(all_results)
    if len(counts) >= 2:
        # from 1,000 claims on when measured: below that, fixed costs dominate
        first = 1000 if 1000 in counts and counts[-1] > 1000 else counts[0]
        last = counts[-1]
        for kind, name in (("ext", "extension"), ("twin", "twin")):
            per = {n: all_results[n][kind]["full"]["seconds"] / n for n in (first, last)}
            lines.append(f"time per claim, {first} -> {last} claims ({name}): "
                         f"{(per[last] / per[first] - 1) * 100:+.1f}%")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--work", type=Path, default=HERE / "_work")
    parser.add_argument("--no-parallel", action="store_true", help="skip the -j 2 builds")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--repeat", type=int, default=5,
                        help="incremental builds per measurement; the median is reported")
    args = parser.parse_args()
    compile_extension()
    results = {}
    for claims in args.claims:
        print(f"measuring {claims} claims ...", flush=True)
        results[claims] = measure(args.work, claims, not args.no_parallel, args.repeat)
    print()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}")
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

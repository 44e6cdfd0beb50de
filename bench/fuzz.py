"""Property-based fuzzing of every directive and role.

    python bench/fuzz.py --examples 10000

Each example is a small project of random directives and roles, with random ids
(valid, invalid, missing, duplicated), dates, URLs, verdicts, statuses, quotes
(unicode, control characters, huge strings, markup) and view options.  The
properties: the build never raises or prints a traceback, every warning the
extension emits names a file and line, and every input the oracle knows to be
invalid (a malformed id, a bad date, a non-http URL, an unknown verdict) is
reported with its warning subtype.  The test suite runs a bounded number of
examples (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9_])?$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VERDICTS = [
    "true",
    "mostly-true",
    "half-true",
    "mostly-false",
    "false",
    "misleading",
    "unverifiable",
    "opinion",
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# text that stays on one line of reStructuredText (docutils splits lines at these)
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
one_line = st.text(
    alphabet=st.characters(blacklist_characters=_LINE_BREAKS, blacklist_categories=("Cs",)),
    max_size=60,
)
huge = st.builds(lambda s, n: (s or "x") * n, one_line, st.integers(200, 2000))
markup = st.sampled_from(
    [
        "*",
        "**",
        "`",
        "``",
        ":fc:claim:`x`",
        "|sub|",
        "[#]_",
        "<b>",
        "</script>",
        "_`t`",
        ".. x::",
        "\\",
        "{{",
        "${}",
        "&amp;",
    ]
)
wild = st.one_of(one_line, huge, st.lists(markup, max_size=6).map(" ".join))
ids = st.one_of(
    st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda s: len(s) < 40),
    st.sampled_from(["a", "b", "claim-1", "src-1", "art"]),
    one_line,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    one_line,
    st.sampled_from(["2022-02-30", "2022-13-01", "7 Jan 2022"]),
)
urls = st.one_of(
    st.sampled_from(
        [
            "https://example.org/x",
            "http://a.b",
            "javascript:alert(1)",
            "ftp://x",
            "//x",
            "https://ex ample.org",
        ]
    ),
    one_line,
)
verdicts = st.one_of(st.sampled_from(VERDICTS), one_line)
statuses = st.one_of(
    st.sampled_from(["checked", "unchecked", "in-progress", "retracted"]), one_line
)


@dataclass
class Directive:
    name: str
    argument: str | None
    options: dict[str, str]
    body: str = ""

    def rst(self) -> str:
        head = f".. fc:{self.name}::" + (f" {self.argument}" if self.argument else "")
        lines = [head] + [f"   :{k}: {v}" for k, v in self.options.items()]
        if self.body:
            lines += ["", "   " + self.body]
        return "\n".join(lines) + "\n\n"


def _options(**strategies: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional=strategies)


articles = st.builds(
    Directive,
    st.just("article"),
    st.one_of(st.none(), one_line),
    _options(
        id=ids,
        url=urls,
        publisher=wild,
        author=wild,
        published=dates,
        text=st.sampled_from(["a.txt", "missing.txt", "../outside.txt", "/a.txt"]),
    ),
    st.one_of(st.just(""), wild),
)
claims = st.builds(
    Directive,
    st.just("claim"),
    st.one_of(st.none(), one_line, huge),
    _options(
        id=ids,
        article=ids,
        quote=st.one_of(wild, st.just("words here")),
        claimant=wild,
        date=dates,
        status=statuses,
        verdict=verdicts,
        sources=st.lists(ids, max_size=4).map(", ".join),
        tags=wild,
        context=wild,
        occurrence=st.one_of(one_line, st.just("2")),
        published=dates,
        **{"checked-by": wild, "reviewed-by": wild, "claimant-type": one_line},
    ),
    st.one_of(st.just(""), wild, ids.map(lambda i: f":fc:source:`{i}`")),
)
sources = st.builds(
    Directive,
    st.just("source"),
    st.one_of(st.none(), one_line),
    _options(
        id=ids,
        url=urls,
        archive=urls,
        date=dates,
        accessed=dates,
        kind=st.one_of(st.sampled_from(["news", "official"]), one_line),
        author=wild,
        publisher=wild,
    ),
    st.one_of(st.just(""), wild),
)
views = st.one_of(
    st.builds(
        Directive,
        st.just("claims"),
        st.none(),
        _options(
            article=ids,
            verdict=verdicts,
            tags=wild,
            claimant=wild,
            docname=wild,
            sort=st.one_of(st.sampled_from(["date", "-verdict", "id"]), one_line),
            limit=one_line,
            columns=one_line,
            layout=st.one_of(st.sampled_from(["table", "list"]), one_line),
        ),
    ),
    st.builds(Directive, st.just("summary"), st.none(), _options(article=ids, verdict=verdicts)),
    st.builds(Directive, st.just("sources"), st.none(), _options(kind=one_line, article=ids)),
    st.builds(Directive, st.just("annotated"), ids.filter(bool), st.just({})),
    st.builds(Directive, st.just("corrections"), st.none(), _options(kind=one_line)),
)
roles = st.builds(
    lambda role, target: f":fc:{role}:`{target}`",
    st.sampled_from(["claim", "source", "article", "verdict"]),
    st.one_of(ids, one_line.filter(lambda s: "`" not in s)),
)
projects = st.tuples(
    st.lists(st.one_of(articles, claims, sources, views), min_size=1, max_size=8),
    st.lists(roles, max_size=4),
    st.one_of(wild, st.just("words here and more words here")),
)


@dataclass
class Outcome:
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def expected_subtypes(directives: list[Directive]) -> list[tuple[str, int]]:
    """(subtype, directive number) pairs the build must report, for inputs known to be
    invalid.  A directive whose option block docutils itself rejects is reported by
    docutils instead, at the directive's line; run_example accepts that."""
    expected = []
    for number, d in enumerate(directives):
        if d.name not in ("article", "claim", "source"):
            continue
        # docutils drops NUL characters (its own escape marker) before a directive runs
        d = Directive(d.name, d.argument, {k: v.replace("\x00", "") for k, v in d.options.items()})
        raw_id = d.options.get("id")
        if raw_id is None or not raw_id.strip():
            expected.append(("missing-id", number))
            continue
        if not ID_PATTERN.match(raw_id.strip()):
            expected.append(("bad-id", number))
            continue
        for key in ("date", "published", "accessed"):
            value = d.options.get(key, "").strip()
            if value and not DATE_PATTERN.match(value):
                expected.append(("bad-date", number))
        for key in ("url", "archive"):
            value = d.options.get(key, "").strip()
            if value and not value.lower().startswith(("http://", "https://")):
                expected.append(("bad-url", number))
        verdict = d.options.get("verdict", "").strip().lower()
        if d.name == "claim" and verdict and verdict not in VERDICTS:
            expected.append(("unknown-verdict", number))
    return expected


def run_example(project: tuple, workdir: Path, conf_extra: str = "") -> Outcome:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    directives, role_texts, article = project
    if workdir.exists():
        shutil.rmtree(workdir)
    src = workdir / "src"
    src.mkdir(parents=True)
    (workdir / "outside.txt").write_text("outside\n")
    (src / "conf.py").write_text(
        'extensions = ["factcheck_ext"]\nhtml_baseurl = "https://fuzz.example/"\n' + conf_extra
    )
    (src / "a.txt").write_text(article, encoding="utf-8")
    body = "Fuzz\n====\n\n"
    starts = []  # the line of each directive, to recognise what docutils reports itself
    for d in directives:
        starts.append(body.count("\n") + 1)
        body += d.rst()
    body += "Roles: " + " ".join(role_texts) + "\n" if role_texts else ""
    (src / "index.rst").write_text(body, encoding="utf-8")
    status, warning = StringIO(), StringIO()
    outcome = Outcome()
    try:
        # a namespace of its own: Sphinx registers its node classes with docutils, and
        # the next application in this process would warn that they are registered
        with docutils_namespace():
            app = Sphinx(
                str(src),
                str(src),
                str(workdir / "out"),
                str(workdir / "doctrees"),
                "html",
                status=status,
                warning=warning,
                freshenv=True,
            )
            app.build()
    except Exception as exc:  # noqa: BLE001 (the property: nothing at all escapes a build)
        import traceback

        outcome.problems.append(f"raised {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        return outcome
    text = ANSI.sub("", warning.getvalue() + status.getvalue())
    # Python's own header, not the word: an input value echoed in a warning
    # ("'Traceback' is not a date") is no traceback
    if "Traceback (most recent call last)" in text:
        outcome.problems.append("printed a traceback")
    outcome.warnings = [
        line for line in ANSI.sub("", warning.getvalue()).splitlines() if line.strip()
    ]
    for line in outcome.warnings:
        if "[factcheck." in line and not re.search(r"index\.rst:\d+: WARNING", line):
            outcome.problems.append(f"unlocated warning: {line[:200]}")
    for subtype, number in expected_subtypes(directives):
        if any(f"[factcheck.{subtype}]" in w for w in outcome.warnings):
            continue
        if any(f"index.rst:{starts[number]}: ERROR: " in w for w in outcome.warnings):
            continue  # docutils rejected the directive's options itself, located
        outcome.problems.append(f"no {subtype} warning for an invalid input")
    return outcome


def fuzz(
    examples: int, seed: int = 0, shrink: bool = True, report: Path | None = None
) -> tuple[int, list[str]]:
    failures: list[str] = []
    count = 0
    workdir = Path(tempfile.mkdtemp(prefix="fc-fuzz-"))
    phases = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if shrink else [])

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis_seed(seed)
    @given(projects)
    def check(project: tuple) -> None:
        nonlocal count
        count += 1
        outcome = run_example(project, workdir / "example")
        if outcome.problems:
            source = "".join(d.rst() for d in project[0]) + " ".join(project[1])
            if report is not None and not failures:
                report.write_text("; ".join(outcome.problems) + "\n" + source, encoding="utf-8")
            failures.append("; ".join(outcome.problems) + "\n" + source[:6000])
            raise AssertionError(outcome.problems)

    try:
        check()
    except AssertionError:
        pass
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return count, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--no-shrink", action="store_true", help="report failures unshrunk")
    parser.add_argument("--report", type=Path, help="write the first failing project here")
    args = parser.parse_args()
    start = time.perf_counter()
    import random

    seed = args.seed if args.seed is not None else random.getrandbits(64)
    print(f"seed {seed}", flush=True)
    count, failures = fuzz(args.examples, seed, not args.no_shrink, args.report)
    elapsed = time.perf_counter() - start
    print(f"{count} examples in {elapsed:.0f} s: {len(failures)} failing")
    for failure in failures[:1]:  # hypothesis reports every shrinking step; the first is enough
        print("---\n" + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

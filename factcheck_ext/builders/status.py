"""``sphinx-build -b factcheck``: the desk's "what is left to do" view.

Like ``linkcheck`` it renders no pages.  It lists every claim with its status,
verdict, sources, sign-off and open problems (failed captures of sources too),
writes ``status.json`` and ``status.txt``, and warns about every open problem, so
``-W`` fails the build until nothing is left to do.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sphinx.util import logging

from ..domain import get_domain
from ..domain.checks import Problem, all_problems, report_problems
from ..domain.project_index import ProjectIndex
from ..i18n.labels import status_label
from ..models import is_open
from .report_builder import ReportBuilder

logger = logging.getLogger(__name__)

COLUMNS = (
    "document",
    "id",
    "status",
    "verdict",
    "sources",
    "checked-by",
    "reviewed-by",
    "problems",
)


def open_checks(index: ProjectIndex) -> list[Problem]:
    return [
        Problem(
            "open-check",
            f"fc:claim {c.id!r}: {status_label(c.status).lower()}",
            c.docname,
            c.lineno,
            c.id,
        )
        for c in index.claims.values()
        if is_open(c)
    ]


def failed_captures(index: ProjectIndex) -> list[Problem]:
    """Sources whose last capture failed (``sphinx-factcheck archive``): work left.
    (With ``factcheck_require_archive`` the checks report them already.)"""
    return [
        Problem(
            "unarchived-source",
            f"fc:source {s.id!r}: the capture of {s.url} failed: {s.capture.error}",
            s.docname,
            s.lineno,
        )
        for s in index.sources.values()
        if s.capture is not None and not s.capture.ok
    ]


def disagreeing_families(index: ProjectIndex) -> list[Problem]:
    """Families (``:same-as:``) whose checked members have different verdicts: the
    desk should know before it publishes one more."""
    problems = []
    for claim in sorted(index.claims.values(), key=lambda c: c.id):
        members = [index.claims[m] for m in index.family(claim.id) if m in index.claims]
        verdicts = {c.shown_verdict for c in [claim, *members] if c.shown_verdict}
        if len(verdicts) > 1 and claim.shown_verdict:
            others = ", ".join(f"{c.id} ({c.shown_verdict})" for c in members if c.shown_verdict)
            problems.append(
                Problem(
                    "family-disagrees",
                    f"fc:claim {claim.id!r} ({claim.shown_verdict}) is the same claim as "
                    f"{others}, with another verdict",
                    claim.docname,
                    claim.lineno,
                    claim.id,
                )
            )
    return problems


def status_report(index: ProjectIndex, problems: list[Problem]) -> dict[str, Any]:
    by_claim: dict[str, list[str]] = {}
    for problem in problems:
        if problem.claim_id:
            by_claim.setdefault(problem.claim_id, []).append(problem.subtype)
    claims = [
        {
            "document": c.docname,
            "id": c.id,
            "status": c.status,
            "verdict": c.verdict,
            "sources": len(c.all_sources),
            "checked-by": c.checked_by,
            "reviewed-by": c.reviewed_by,
            "problems": sorted(set(by_claim.get(c.id, []))),
        }
        for c in sorted(index.claims.values(), key=lambda c: (c.docname, c.lineno))
    ]
    return {
        "counts": {
            "claims": len(claims),
            "status": dict(sorted(Counter(c["status"] for c in claims).items())),
            "verdict": dict(sorted(Counter(c["verdict"] or "none" for c in claims).items())),
            "problems": dict(sorted(Counter(p.subtype for p in problems).items())),
        },
        "claims": claims,
        "problems": [
            {
                "subtype": p.subtype,
                "message": p.message,
                "document": p.file or p.docname,
                "line": p.lineno,
                "claim": p.claim_id,
            }
            for p in sorted(problems, key=lambda p: (p.docname, p.lineno, p.subtype))
        ],
    }


def text_table(report: dict[str, Any]) -> str:
    rows = [list(COLUMNS)] + [
        [str(c[k]) if c[k] not in (None, []) else "-" for k in COLUMNS[:-1]]
        + [", ".join(c["problems"]) or "-"]
        for c in report["claims"]
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    counts = report["counts"]
    lines += ["", f"{counts['claims']} claims"]
    lines += [f"  status {k}: {v}" for k, v in counts["status"].items()]
    lines += [f"  verdict {k}: {v}" for k, v in counts["verdict"].items()]
    lines += ["", f"{len(report['problems'])} open problems"]
    lines += [
        f"  {p['document']}:{p['line']}: {p['subtype']}: {p['message']}" for p in report["problems"]
    ]
    return "\n".join(lines) + "\n"


class FactCheckStatusBuilder(ReportBuilder):
    name = "factcheck"
    epilog = "The fact-check status is in %(outdir)s/status.txt and status.json."

    def finish(self) -> None:
        domain = get_domain(self.env)
        index = domain.index
        problems = all_problems(domain) + open_checks(index)
        if not self.config.factcheck_require_archive:
            problems += failed_captures(index)
        problems += disagreeing_families(index)
        report_problems(domain, problems)
        report = status_report(index, problems)
        outdir = Path(self.outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        (outdir / "status.json").write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        table = text_table(report)
        (outdir / "status.txt").write_text(table, encoding="utf-8")
        logger.info("\n" + table)

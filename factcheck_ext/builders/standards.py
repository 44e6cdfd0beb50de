"""``sphinx-build -b factcheck-standards``: the desk's evidence for IFCN and EFCSN.

Like the status builder it renders no pages.  It maps every commitment of the IFCN
Code of Principles and the EFCSN Code of Standards to what this project shows
(:mod:`.commitments`), writes ``standards.json`` and a self-contained
``standards.html`` to attach to an application or a renewal, and warns about every
gap (``standards-gap``), so ``-W`` makes the report a gate.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging
from sphinx.util.i18n import format_date

from .._version import __version__
from ..diagnostics import warn
from ..domain import get_domain
from ..models import is_web_url
from .report_builder import ReportBuilder

if TYPE_CHECKING:
    from .commitments import Framework

logger = logging.getLogger(__name__)

REPORT_JSON = "standards.json"
REPORT_HTML = "standards.html"
STATUS_WORDS = {"met": "Evidence", "gap": "Gap", "info": "For information"}


class StandardsBuilder(ReportBuilder):
    name = "factcheck-standards"
    epilog = "The standards report is in %(outdir)s/standards.html and standards.json."

    def page_url(self, docname: str) -> str | None:
        """Where a page of the published report is: only known with ``html_baseurl``."""
        base = str(self.config.html_baseurl or "")
        if not is_web_url(base):
            return None
        suffix = str(getattr(self.config, "html_file_suffix", None) or ".html")
        return base.rstrip("/") + "/" + docname + suffix

    def finish(self) -> None:
        # imported here: every build loads the extension, few build this report, and
        # the frameworks' models are most of what importing the builder costs
        from .commitments import Project, corrections_logs, evaluate

        domain = get_domain(self.env)
        project = Project(
            index=domain.index,
            scale=domain.scale,
            corrections_logs=corrections_logs(
                {doc: list(record.views) for doc, record in domain.docs.items()}
            ),
            require_archive=self.config.factcheck_require_archive,
        )
        frameworks = evaluate(project)
        self.warn_gaps(frameworks)
        report = self.report(frameworks)
        outdir = Path(self.outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        (outdir / REPORT_JSON).write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (outdir / REPORT_HTML).write_text(standards_html(report), encoding="utf-8")
        met = sum(c["met"] for f in report["frameworks"] for c in f["commitments"])
        total = sum(len(f["commitments"]) for f in report["frameworks"])
        logger.info(f"{met} of {total} commitments have evidence for every part")

    def warn_gaps(self, frameworks: list[Framework]) -> None:
        """One warning per missing thing, naming every commitment that needs it, at the
        desk's declaration (else the root document)."""
        needed_by: dict[str, list[str]] = {}
        for framework in frameworks:
            for commitment in framework.commitments:
                for evidence in commitment.evidence:
                    if evidence.status == "gap" and evidence.missing:
                        needed_by.setdefault(evidence.missing, []).append(commitment.code)
        desk = get_domain(self.env).index.desk
        # (without a desk: the top of the root document, where the report starts)
        location = desk.location() if desk else (self.config.root_doc, 1)
        for missing, codes in needed_by.items():
            warn(f"{missing} (needed by {', '.join(codes)})", "standards-gap", location)

    def report(self, frameworks: list[Framework]) -> dict[str, Any]:
        index = get_domain(self.env).index
        desk = index.desk
        data: dict[str, Any] = {
            "generator": f"sphinx-factcheck {__version__}",
            # (today, or SOURCE_DATE_EPOCH's day for a reproducible build)
            "date": format_date("%Y-%m-%d", language="en"),
            "project": self.config.project,
            "desk": desk.model_dump(mode="json") if desk else None,
            "frameworks": [],
        }
        for framework in frameworks:
            commitments = []
            for commitment in framework.commitments:
                evidence = []
                for item in commitment.evidence:
                    entry = item.model_dump(mode="json", exclude={"pages"})
                    entry["pages"] = [
                        {"title": title, "document": doc, "url": self.page_url(doc)}
                        for title, doc in item.pages
                    ]
                    evidence.append(entry)
                commitments.append(
                    {
                        "code": commitment.code,
                        "title": commitment.title,
                        "met": commitment.met,
                        "evidence": evidence,
                    }
                )
            data["frameworks"].append(
                {
                    "name": framework.name,
                    "url": framework.url,
                    "note": framework.note,
                    "commitments": commitments,
                }
            )
        return data


def standards_html(report: dict[str, Any]) -> str:
    """The report as one HTML page: every word escaped, statuses in words (not colour
    alone), readable without the project's theme."""
    desk = report["desk"] or {}
    name = desk.get("title") or report["project"]
    title = f"Standards report: {name}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;color:#1a1a1a;background:#fff}"
        ".fc-met{color:#1d5e20}.fc-gap{color:#8a1c1c;font-weight:bold}.fc-info{color:#333}"
        "li{margin:.4rem 0}@media (prefers-color-scheme:dark){body{color:#eee;background:#111}"
        ".fc-met{color:#8fd694}.fc-gap{color:#ff9b9b}.fc-info{color:#ddd}a{color:#9cc3ff}}"
        "</style></head><body><main>",
        f"<h1>{escape(title)}</h1>",
        f"<p>Generated on {escape(report['date'])} by {escape(report['generator'])} from the "
        "project's own pages and checks.</p>",
    ]
    for framework in report["frameworks"]:
        out.append(f'<h2><a href="{escape(framework["url"])}">{escape(framework["name"])}</a></h2>')
        if framework["note"]:
            out.append(f"<p>{escape(framework['note'])}</p>")
        for commitment in framework["commitments"]:
            verdict = "all parts have evidence" if commitment["met"] else "gaps"
            out.append(f"<h3>{escape(commitment['title'])} ({verdict})</h3><ul>")
            for item in commitment["evidence"]:
                status = item["status"]
                pages = ", ".join(
                    f'<a href="{escape(p["url"])}">{escape(p["title"])}</a>'
                    if p["url"]
                    else escape(p["document"])
                    for p in item["pages"]
                )
                line = (
                    f'<li><span class="fc-{status}">{STATUS_WORDS[status]}:</span> '
                    f"{escape(item['label'])}: {escape(item['detail'])}"
                )
                if pages:
                    line += f" ({pages})"
                if item["missing"]:
                    line += f"<br>Missing: {escape(item['missing'])}"
                out.append(line + "</li>")
            out.append("</ul>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"

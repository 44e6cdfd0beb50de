"""``fc:summary``: counts and shares per verdict, as a table and an SVG bar chart.

The chart is inline SVG written by us (no JavaScript, no external service),
drawn in the scale's colours, labelled for screen readers, and repeats the
numbers as text; builders other than HTML get the table only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from docutils import nodes

from ..index import ProjectIndex
from ..models import Scale, SummaryView, Verdict
from ..queries import select_claims
from .badge import verdict_badge
from .common import table

BAR_WIDTH, ROW_HEIGHT, LABEL_WIDTH, NUMBER_WIDTH = 300, 26, 130, 90


@dataclass(frozen=True)
class Breakdown:
    rows: list[tuple[Verdict, int]]
    checked: int
    unchecked: int

    def share(self, count: int) -> str:
        return f"{100 * count / self.checked:.0f}%" if self.checked else "0%"


def breakdown(view: SummaryView, index: ProjectIndex, scale: Scale) -> Breakdown:
    claims = select_claims(view, index, scale, ordered=False)
    counts = Counter(c.shown_verdict for c in claims)
    rows = [(v, counts.get(v.key, 0)) for v in scale.verdicts]  # off-scale keys drop out
    checked = sum(count for _verdict, count in rows)
    return Breakdown(rows, checked, len(claims) - checked)


def svg_chart(data: Breakdown, chart_id: str, caption: str) -> str:
    height = ROW_HEIGHT * len(data.rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH
    most = max((count for _v, count in data.rows), default=0) or 1
    summary = "; ".join(f"{v.label}: {n} ({data.share(n)})" for v, n in data.rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fc-summary-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title">',
        f'<title id="{chart_id}-title">{escape(caption)}: {escape(summary)}</title>',
    ]
    for row, (verdict, count) in enumerate(data.rows):
        y = 4 + row * ROW_HEIGHT
        bar = round(BAR_WIDTH * count / most)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" '
            f'font-size="13">{escape(verdict.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="{ROW_HEIGHT - 8}" '
            f'fill="{verdict.colour}" stroke="#24292f" stroke-width="{1 if bar else 0}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 17}" font-size="13">'
            f'{count} ({data.share(count)})</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_summary_view(view: SummaryView, index: ProjectIndex, scale: Scale, docname: str,
                        serial: int = 0) -> nodes.Element:
    data = breakdown(view, index, scale)
    subject = (", ".join(index.articles[a].title if a in index.articles else a
                         for a in view.article) if view.article else "all claims")
    caption = f"Verdicts for {subject}"
    container = nodes.container(classes=["fc-summary"])
    container += nodes.paragraph("", caption, classes=["fc-summary-caption"])
    chart_id = f"fc-summary-{docname.replace('/', '-')}-{serial}"
    # kept out of the search index (class no-search): Sphinx indexes raw HTML with its tags
    # stripped, which glues the chart's labels to its numbers ("True1250"); the table
    # below holds the same words
    container += nodes.raw("", svg_chart(data, chart_id, caption), format="html",
                           classes=["no-search"])
    rows = [[[verdict_badge(v)], [nodes.Text(str(n))], [nodes.Text(data.share(n))]]
            for v, n in data.rows]
    rows.append([[nodes.strong("", "Checked claims")], [nodes.Text(str(data.checked))],
                 [nodes.Text("100%" if data.checked else "0%")]])
    container += table(["Verdict", "Claims", "Share"], rows, ["fc-summary-table"], [3, 1, 1])
    if data.unchecked:
        container += nodes.paragraph(
            "", f"{data.unchecked} more claim(s) not yet checked.", classes=["fc-summary-note"])
    return container

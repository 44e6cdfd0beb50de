"""Verdict breakdowns: ``fc:summary`` and the scorecard of every claimant.

Counts per verdict, and shares of the *rated* claims: a verdict whose scale entry
says ``in_shares: False`` (opinion and unverifiable in the default scale) rates
nothing, so its claims are counted and listed but left out of the percentages.
The chart is inline SVG written by us (no JavaScript, no external service),
drawn in the scale's colours, labelled for screen readers, and repeats the
numbers as text; builders other than HTML get the table only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from docutils import nodes

from ..domain.nodes import html_chart
from ..domain.project_index import ProjectIndex
from ..i18n import N_, _, ngettext
from ..models import Claim, Scale, SummaryView, Verdict
from .badge import verdict_badge
from .common import table
from .latex_assets import summary_bar
from .queries import select_claims

BAR_WIDTH, ROW_HEIGHT, LABEL_WIDTH, NUMBER_WIDTH = 300, 26, 130, 110
NOT_RATED = N_("not rated")


@dataclass(frozen=True)
class Breakdown:
    rows: list[tuple[Verdict, int]]
    #: claims with a standing verdict of the scale
    checked: int
    #: of which with a verdict counted in the shares
    rated: int
    unchecked: int

    def share(self, verdict: Verdict, count: int) -> str:
        if not verdict.in_shares:
            return _(NOT_RATED)
        return f"{100 * count / self.rated:.0f}%" if self.rated else "0%"


def breakdown_of(claims: Iterable[Claim], scale: Scale) -> Breakdown:
    counts = Counter(c.shown_verdict for c in claims)
    rows = [(v, counts.get(v.key, 0)) for v in scale.verdicts]  # off-scale keys drop out
    checked = sum(count for _verdict, count in rows)
    rated = sum(count for verdict, count in rows if verdict.in_shares)
    return Breakdown(rows, checked, rated, sum(counts.values()) - checked)


def breakdown(view: SummaryView, index: ProjectIndex, scale: Scale) -> Breakdown:
    return breakdown_of(select_claims(view, index, scale, ordered=False), scale)


def svg_chart(data: Breakdown, chart_id: str, caption: str) -> str:
    height = ROW_HEIGHT * len(data.rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH
    most = max((count for _v, count in data.rows), default=0) or 1
    summary = "; ".join(
        _("{verdict}: {count} ({share})").format(verdict=v.label, count=n, share=data.share(v, n))
        for v, n in data.rows
    )
    title = _("{caption}: {summary}").format(caption=caption, summary=summary)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fc-summary-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for row, (verdict, count) in enumerate(data.rows):
        y = 4 + row * ROW_HEIGHT
        bar = round(BAR_WIDTH * count / most)
        # text and outlines in the page's text colour (currentColor), so that they
        # keep their contrast in a theme's dark mode
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" '
            f'font-size="13" fill="currentColor">{escape(verdict.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="{ROW_HEIGHT - 8}" '
            f'fill="{verdict.colour}" stroke="currentColor" stroke-width="{1 if bar else 0}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 17}" font-size="13" fill="currentColor">'
            f"{count} ({data.share(verdict, count)})</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def render_breakdown(data: Breakdown, caption: str, chart_id: str) -> nodes.container:
    """The caption, the chart (HTML only) and the table of a breakdown."""
    container = nodes.container(classes=["fc-summary"])
    container += nodes.paragraph("", caption, classes=["fc-summary-caption"])
    # kept out of the search index (class no-search): Sphinx indexes raw HTML with its tags
    # stripped, which glues the chart's labels to its numbers ("True1250"); the table
    # below holds the same words
    container += html_chart(svg=svg_chart(data, chart_id, caption), classes=["no-search"])
    most = max((n for _v, n in data.rows), default=0) or 1
    # the count, and in PDF output a bar in the verdict's colour (the chart is HTML)
    rows = [
        [
            [verdict_badge(v)],
            [nodes.Text(str(n)), nodes.raw("", summary_bar(i, n / most), format="latex")],
            [nodes.Text(data.share(v, n))],
        ]
        for i, (v, n) in enumerate(data.rows)
    ]
    rows.append(
        [
            [nodes.strong("", _("Rated claims"))],
            [nodes.Text(str(data.rated))],
            [nodes.Text("100%" if data.rated else "0%")],
        ]
    )
    if data.checked != data.rated:
        rows.append(
            [
                [nodes.strong("", _("Checked claims"))],
                [nodes.Text(str(data.checked))],
                [nodes.Text("")],
            ]
        )
    container += table(
        [_("Verdict"), _("Claims"), _("Share of rated claims")],
        rows,
        ["fc-summary-table"],
        [3, 1, 1],
    )
    if data.checked and not data.rated:
        container += nodes.paragraph(
            "",
            _("None of these verdicts rates a claim, so there are no shares."),
            classes=["fc-summary-note"],
        )
    if data.unchecked:
        container += nodes.paragraph(
            "",
            ngettext(
                "{count} more claim not yet checked.",
                "{count} more claims not yet checked.",
                data.unchecked,
            ).format(count=data.unchecked),
            classes=["fc-summary-note"],
        )
    return container


def summary_subject(view: SummaryView, index: ProjectIndex, scale: Scale) -> str:
    """What a summary counts, in words: its articles, or "claims", then every other
    filter it has (a scorecard names its claimant, not "all claims")."""
    qualifiers = []
    if view.claimant:
        names = [
            (index.claimants[name].title or name) if name in index.claimants else name
            for name in view.claimant
        ]
        qualifiers.append(_("by {names}").format(names=", ".join(names)))
    if view.tags:
        qualifiers.append(_("tagged {tags}").format(tags=", ".join(view.tags)))
    if view.verdict:
        labels = [verdict.label if (verdict := scale.get(key)) else key for key in view.verdict]
        qualifiers.append(_("rated {verdicts}").format(verdicts=", ".join(labels)))
    if view.docname_glob:
        qualifiers.append(_("in documents {pattern}").format(pattern=view.docname_glob))
    if view.article:
        base = ", ".join(
            index.articles[a].title if a in index.articles else a for a in view.article
        )
    elif qualifiers:
        base = _("the claims")
    else:
        return _("all claims")
    return " ".join([base, ", ".join(qualifiers)]) if qualifiers else base


def group_names(claim: Claim, by: str, index: ProjectIndex) -> list[str]:
    """The groups a claim counts in for ``:by:``: its claimant's affiliation, its
    claimant, or each of its tags."""
    if by == "tag":
        return list(claim.tags) or [_("Untagged")]
    if by == "claimant":
        return [index.claimant_name(claim) or _("No claimant")]
    claimant = index.claimant_of(claim)
    if claimant is not None and claimant.affiliation:
        return [claimant.affiliation]
    if claimant is not None and claimant.kind == "organization":
        return [claimant.title or claimant.id]  # a party (or an agency) speaks for itself
    return [_("Affiliation not recorded")]


def largest_first(groups: Counter[str]) -> list[str]:
    """Group names by size, largest first (ties by name); the groups of claims with no
    claimant, affiliation or tag last."""
    unknown = {_("Untagged"), _("No claimant"), _("Affiliation not recorded")}
    return sorted(groups, key=lambda g: (g in unknown, -groups[g], g.casefold()))


def counted(counts: Counter[str]) -> str:
    return ", ".join(f"{key}: {n}" for key, n in counts.items())


def render_spread(
    view: SummaryView, index: ProjectIndex, scale: Scale, subject: str
) -> nodes.Element:
    """How the selected claims spread across groups (``:by:``), with their verdicts and
    the years the checks were published: the desk's evidence of nonpartisanship,
    computed from its checks."""
    assert view.by is not None
    claims = select_claims(view, index, scale, ordered=False)
    verdicts: dict[str, Counter[str]] = {}
    years: dict[str, Counter[str]] = {}
    for claim in claims:
        verdict = scale.get(claim.shown_verdict)
        day = claim.published or index.claim_date(claim)
        for group in group_names(claim, view.by, index):
            verdicts.setdefault(group, Counter())[verdict.label if verdict else _("not rated")] += 1
            years.setdefault(group, Counter())[str(day.year) if day else _("undated")] += 1
    captions = {
        "affiliation": _("Checks by the claimant's affiliation, for {subject}"),
        "claimant": _("Checks by claimant, for {subject}"),
        "tag": _("Checks by tag, for {subject}"),
    }
    container = nodes.container(classes=["fc-summary", "fc-spread"])
    container += nodes.paragraph(
        "", captions[view.by].format(subject=subject), classes=["fc-summary-caption"]
    )
    if not claims:
        container += nodes.paragraph("", _("No claims to count."), classes=["fc-no-match"])
        return container
    total = len(claims)
    order = largest_first(Counter({g: sum(counts.values()) for g, counts in verdicts.items()}))
    rows = []
    for group in order:
        count = sum(years[group].values())
        rows.append(
            [
                [nodes.Text(group)],
                [nodes.Text(f"{count} ({100 * count / total:.0f}%)")],
                [nodes.Text(counted(verdicts[group]))],
                [nodes.Text(counted(Counter(dict(sorted(years[group].items())))))],
            ]
        )
    headers = {"affiliation": _("Affiliation"), "claimant": _("Claimant"), "tag": _("Tag")}
    container += table(
        [headers[view.by], _("Claims"), _("Verdicts"), _("By year")],
        rows,
        ["fc-spread-table"],
        [3, 2, 4, 3],
    )
    if view.by == "tag":
        container += nodes.paragraph(
            "",
            _("A claim with several tags counts once under each."),
            classes=["fc-summary-note"],
        )
    return container


def render_summary_view(
    view: SummaryView, index: ProjectIndex, scale: Scale, docname: str, serial: int = 0
) -> nodes.Element:
    subject = summary_subject(view, index, scale)
    if view.by is not None:
        return render_spread(view, index, scale, subject)
    chart_id = f"fc-summary-{docname.replace('/', '-')}-{serial}"
    return render_breakdown(
        breakdown(view, index, scale), _("Verdicts for {subject}").format(subject=subject), chart_id
    )

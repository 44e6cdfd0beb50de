"""``fc:claims``: claims as a table or a list."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import N_, _
from ..models import Claim, ClaimsView, Scale
from .badge import claim_badge
from .claimant import claimant_ref
from .common import iso, joined, table, xref
from .queries import select_claims

NO_MATCH = N_("No claims match.")
HEADERS = {
    "id": N_("Id"),
    "claim": N_("Claim"),
    "claimant": N_("Claimant"),
    "date": N_("Date"),
    "verdict": N_("Verdict"),
    "article": N_("Article"),
    "sources": N_("Sources"),
    "tags": N_("Tags"),
}

Cell = Callable[[Claim, ProjectIndex, Scale, str], list[nodes.Node]]


def _text(value: str | None) -> list[nodes.Node]:
    return [nodes.Text(value)] if value else []


CELLS: dict[str, Cell] = {
    "id": lambda c, i, s, d: [xref("claim", c.id, d, nodes.literal("", c.id), fc_badge=False)],
    "claim": lambda c, i, s, d: [xref("claim", c.id, d, c.title or c.id, fc_badge=False)],
    "claimant": lambda c, i, s, d: claimant_ref(c, i, d),
    "date": lambda c, i, s, d: _text(iso(i.claim_date(c))),
    "verdict": lambda c, i, s, d: [claim_badge(c, s)],
    "article": lambda c, i, s, d: (
        [xref("article", c.article, d)] if c.article in i.articles else _text(c.article)
    ),
    "sources": lambda c, i, s, d: joined(
        [xref("source", sid, d) if sid in i.sources else nodes.Text(sid) for sid in c.all_sources],
        "; ",
    ),
    "tags": lambda c, i, s, d: _text(", ".join(c.tags)),
}


def render_claims_view(
    view: ClaimsView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    claims = select_claims(view, index, scale)
    if not claims:
        return nodes.paragraph("", _(NO_MATCH), classes=["fc-no-match"])
    if view.layout == "list":
        items = nodes.bullet_list(classes=["fc-claims", "fc-claims-list"])
        for claim in claims:
            para = nodes.paragraph("", "", xref("claim", claim.id, docname))
            day = iso(index.claim_date(claim))
            details = [*claimant_ref(claim, index, docname), *([nodes.Text(day)] if day else [])]
            if details:
                para += nodes.Text(" (")
                para += joined(details)
                para += nodes.Text(")")
            items += nodes.list_item("", para)
        return items
    linked = "claim" in view.columns or "id" in view.columns
    rows = []
    for claim in claims:
        cells = [CELLS[column](claim, index, scale, docname) for column in view.columns]
        if not linked:  # every row links to its claim
            cells[0] = [
                xref(
                    "claim",
                    claim.id,
                    docname,
                    *(cells[0] or [nodes.Text(claim.id)]),
                    fc_badge=False,
                )
            ]
        rows.append(cells)
    widths = [4 if c == "claim" else 2 for c in view.columns]
    return table([_(HEADERS[c]) for c in view.columns], rows, ["fc-claims"], widths)

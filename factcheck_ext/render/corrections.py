"""``fc:corrections``: the public log of corrections, updates and clarifications."""

from __future__ import annotations

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..i18n.labels import UPDATE_KIND_LABELS
from ..models import CorrectionsView, Scale
from .badge import verdict_badge
from .common import linked_nodes, xref


def render_corrections_view(
    view: CorrectionsView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    kinds = set(view.kind)
    entries = [
        (update, claim)
        for claim in index.claims.values()
        for update in claim.updates
        if not kinds or update.kind in kinds
    ]
    if not entries:
        return nodes.paragraph("", _("No corrections or updates so far."), classes=["fc-no-match"])
    entries.sort(key=lambda e: (e[0].date, e[1].id), reverse=True)
    log = nodes.bullet_list(classes=["fc-corrections"])
    for update, claim in entries:
        para = nodes.paragraph()
        para += nodes.strong(
            "",
            _("{date}, {kind}:").format(
                date=update.date.isoformat(), kind=_(UPDATE_KIND_LABELS[update.kind])
            )
            + " ",
        )
        para += xref("claim", claim.id, docname)
        previous = scale.get(update.previous_verdict)
        if previous is not None:
            para += nodes.Text(" (" + _("previous verdict:") + " ")
            para += verdict_badge(previous)
            para += nodes.Text(")")
        if update.text:
            para += nodes.Text(". ")
            para += linked_nodes(update.text, update.links, docname)
        log += nodes.list_item("", para)
    return log

"""``fc:annotated``: the article's text with every checked quote marked.

The text is cut at every quote boundary.  A stretch inside one or more quotes
links to the innermost claim covering it, in that claim's verdict colour, with
the verdict in its tooltip; after the end of each quote a small badge links to
that claim, so overlapping quotes all stay reachable, and screen readers and
text builders read the verdict as a word.
"""

from __future__ import annotations

import itertools

from docutils import nodes

from ..domain.nodes import visually_hidden
from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..models import AnnotatedView, Claim, Scale
from .badge import claim_badge
from .common import xref


def _marks(article_id: str, index: ProjectIndex) -> list[tuple[int, int, Claim]]:
    marks = []
    for claim in index.claims_by_article.get(article_id, []):
        span = index.quote_span(claim)
        if span:
            marks.append((span[0], span[1], claim))
    return sorted(marks, key=lambda m: (m[0], -m[1]))


def _tooltip(claim: Claim, index: ProjectIndex, scale: Scale) -> str:
    verdict = scale.get(claim.shown_verdict)
    label = verdict.label if verdict else claim_badge(claim, scale).astext()
    claimant = index.claimant_name(claim)
    text = _("{verdict}: {claim}").format(verdict=label, claim=claim.title)
    return text + (f" ({claimant})" if claimant else "")


def render_annotated_view(
    view: AnnotatedView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    text = index.article_text(view.article)
    container = nodes.container(classes=["fc-annotated"])
    if text is None:
        container += nodes.paragraph("", _("The text of this article is not available."))
        return container
    original = text.original
    marks = _marks(view.article, index)
    cuts = sorted(
        {
            0,
            len(original),
            *(m[0] for m in marks),
            *(m[1] for m in marks),
            *(i + 1 for i, ch in enumerate(original) if ch == "\n"),
        }
    )
    ends: dict[int, list[Claim]] = {}
    for _start, end, claim in marks:
        ends.setdefault(end, []).append(claim)
    para = nodes.paragraph()
    for left, right in itertools.pairwise(cuts):
        piece = original[left:right]
        covering = [m for m in marks if m[0] <= left and right <= m[1]]
        if covering:
            _start, end, claim = min(covering, key=lambda m: m[1] - m[0])  # innermost
            verdict = scale.get(claim.shown_verdict)
            mark = nodes.inline(
                "",
                piece.rstrip("\n"),
                classes=["fc-mark", verdict.style if verdict else "fc-status"],
            )
            # a screen reader announces the verdict with the quote (sighted readers see
            # the colour, and the badge after the quote)
            spoken = visually_hidden(
                "",
                " (" + _("verdict: {label}").format(label=claim_badge(claim, scale).astext()) + ")",
            )
            para += xref(
                "claim",
                claim.id,
                docname,
                mark,
                spoken,
                fc_badge=False,
                fc_reftitle=_tooltip(claim, index, scale),
            )
        elif piece.rstrip("\n"):
            para += nodes.Text(piece.rstrip("\n"))
        for claim in ends.get(right, []):
            badge = claim_badge(claim, scale)
            badge["classes"].append("fc-marker")
            para += nodes.Text(" ")
            para += xref(
                "claim",
                claim.id,
                docname,
                badge,
                fc_badge=False,
                fc_reftitle=_tooltip(claim, index, scale),
            )
        if piece.endswith("\n"):
            if para.children:
                container += para
            para = nodes.paragraph()
    if para.children:
        container += para
    return container

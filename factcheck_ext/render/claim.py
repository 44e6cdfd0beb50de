"""The claim block: claim, verdict, quote in context, analysis and sources."""

from __future__ import annotations

from docutils import nodes

from ..index import ProjectIndex
from ..models import Claim, Scale
from .badge import claim_badge
from .common import field_list, iso, joined, xref


def quote_in_context(claim: Claim, index: ProjectIndex) -> nodes.paragraph | None:
    """The sentence of the article holding the quote, with the quote emphasised."""
    span = index.quote_span(claim)
    text = index.article_text(claim.article)
    if span is None or text is None:
        return None
    start, end = span
    left, right = text.sentence_around(start, end)
    original = text.original
    para = nodes.paragraph(classes=["fc-context"])
    para += nodes.strong("", "In the article: ")
    para += nodes.Text(("\u2026" if left > 0 and original[left - 1] not in "\n" else "")
                       + original[left:start])
    para += nodes.emphasis("", original[start:end], classes=["fc-quote-match"])
    para += nodes.Text(original[end:right] + ("\u2026" if right < len(original.rstrip()) and
                                              original[right:right + 1] not in "\n" else ""))
    return para


def render_claim(claim: Claim, body: list[nodes.Node], index: ProjectIndex, scale: Scale,
                 docname: str) -> nodes.container:
    verdict = scale.get(claim.shown_verdict)
    classes = ["fc-claim", f"fc-status-{claim.status}"]
    if verdict:
        classes.append(verdict.style)
    block = nodes.container(classes=classes)

    header = nodes.paragraph(classes=["fc-claim-header"])
    header += claim_badge(claim, scale)
    header += nodes.Text(" ")
    header += nodes.strong("", claim.title or claim.id, classes=["fc-claim-title"])
    block += header

    article = index.articles.get(claim.article or "")
    claim_date = index.claim_date(claim)
    meta = field_list(
        [
            ("Claimant", claim.claimant),
            ("Date", iso(claim_date)),
            ("Verdict", f"{verdict.label}: {verdict.description}" if verdict else None),
            ("Article", xref("article", article.id, docname) if article else claim.article),
            ("Tags", ", ".join(claim.tags)),
            ("Checked by", claim.checked_by),
            ("Reviewed by", claim.reviewed_by),
        ],
        classes=["fc-claim-meta"],
    )
    if meta is not None:
        block += meta

    if claim.quote:
        quote = nodes.block_quote(classes=["fc-quote"])
        quote += nodes.paragraph("", f"\u201c{claim.quote}\u201d")
        attribution = nodes.attribution()
        attribution += nodes.Text(claim.claimant or "Unattributed")
        if article:
            attribution += nodes.Text(", in ")
            attribution += xref("article", article.id, docname)
        quote += attribution
        block += quote
    context = quote_in_context(claim, index)
    if context is not None:
        block += context
    if claim.context:
        note = nodes.paragraph(classes=["fc-context-note"])
        note += nodes.strong("", "Context: ")
        note += nodes.Text(claim.context)
        block += note

    if body:
        analysis = nodes.container(classes=["fc-analysis"])
        analysis += body
        block += analysis

    sources = claim.all_sources
    if sources:
        para = nodes.paragraph(classes=["fc-claim-sources"])
        para += nodes.strong("", "Sources: ")
        items = [
            xref("source", sid, docname) if sid in index.sources else nodes.inline("", sid)
            for sid in sources
        ]
        para += joined(items, "; ")
        block += para
    return block

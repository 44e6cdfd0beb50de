"""The claim block: claim, verdict, quote in context, analysis and sources."""

from __future__ import annotations

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..models import Appearance, Claim, Scale
from ..text.quotes import sentence_around
from .badge import claim_badge
from .claimant import claimant_ref
from .common import UNTRUSTED, field_list, iso, joined, link, robust_link, xref
from .desk import people_nodes, standards_note


def quote_in_context(claim: Claim, index: ProjectIndex) -> nodes.paragraph | None:
    """The sentence of the article holding the quote, with the quote emphasised."""
    span = index.quote_span(claim)
    article = index.articles.get(claim.article or "")
    if span is None or article is None or article.text is None:
        return None
    start, end = span
    original = article.text
    left, right = sentence_around(original, start, end)
    para = nodes.paragraph(classes=["fc-context"])
    para += nodes.strong("", _("In the article:") + " ")
    before = "\u2026 " if left > 0 and original[left - 1] != "\n" else ""
    after = (
        " \u2026" if right < len(original.rstrip()) and original[right : right + 1] != "\n" else ""
    )
    para += nodes.Text(before + original[left:start])
    para += nodes.emphasis("", original[start:end], classes=["fc-quote-match"])
    para += nodes.Text(original[end:right] + after)
    return para


def appearance_item(appearance: Appearance) -> nodes.list_item:
    """One appearance: when, who, in what, where.  The archived copy comes first, and
    links to where a claim was made tell search engines not to follow them
    (``rel="nofollow ugc noopener"``): a check should not lift a false claim's page."""
    para = nodes.paragraph()
    lead = [w for w in (iso(appearance.date), appearance.by, appearance.medium) if w]
    if lead:
        para += nodes.Text(", ".join(lead) + ": ")
    words = appearance.title or appearance.url or ""
    if appearance.archive:
        para += robust_link(
            appearance.archive,
            appearance.archive,
            iso(appearance.date),
            words,
            original=appearance.url,
            rel=UNTRUSTED,
        )
        if appearance.url:
            para += nodes.Text(" (")
            para += robust_link(
                appearance.url, appearance.archive, None, _("original"), rel=UNTRUSTED
            )
            para += nodes.Text(")")
    else:
        para += robust_link(appearance.url, None, None, words, rel=UNTRUSTED)
    return nodes.list_item("", para)


def appearances_list(claim: Claim) -> list[nodes.Element]:
    """Where else the claim was made, earliest first (undated ones last)."""
    if not claim.appearances:
        return []
    ordered = sorted(
        claim.appearances, key=lambda a: (a.date is None, a.date.isoformat() if a.date else "")
    )
    heading = nodes.paragraph(classes=["fc-appearances-title"])
    heading += nodes.strong("", _("Where the claim appeared:"))
    items = nodes.bullet_list(classes=["fc-appearances"])
    items += [appearance_item(a) for a in ordered]
    return [heading, items]


def previously_checked(
    claim: Claim, index: ProjectIndex, scale: Scale, docname: str
) -> list[nodes.Element]:
    """The claim's family (``:same-as:``): every earlier check of the same claim, with
    its verdict or rating, who checked it and when, linked."""
    members = index.family(claim.id)
    if not members:
        return []
    items = nodes.bullet_list(classes=["fc-family"])
    for member in members:
        para = nodes.paragraph()
        other = index.claims.get(member)
        entry = index.catalogue.get(member)
        if other is not None:
            # the reference carries the claim's verdict (or status) badge already
            para += xref("claim", other.id, docname)
            if other.published:
                para += nodes.Text(" \u2014 " + other.published.isoformat())
        elif entry is not None:
            para += link(entry.url, entry.title or entry.claim)
            details = [d for d in (entry.rating, entry.publisher, entry.date) if d]
            if details:
                para += nodes.Text(" \u2014 " + ", ".join(details))
        elif member in index.remote:
            uri, title = index.remote[member]
            para += link(uri, title)
            para += nodes.Text(" (" + member.partition(":")[0] + ")")
        else:
            para += nodes.literal("", member)
        items += nodes.list_item("", para)
    heading = nodes.paragraph(classes=["fc-family-title"])
    heading += nodes.strong("", _("Previously checked:"))
    return [heading, items]


def split_updates(body: list[nodes.Node]) -> tuple[list[nodes.Element], list[nodes.Node]]:
    """The claim's update notes, newest first, and the rest of its body."""
    updates = [n for n in body if isinstance(n, nodes.Element) and "fc_update" in n]
    rest = [n for n in body if n not in updates]
    updates.sort(key=lambda n: n["fc_update"].date, reverse=True)
    for note in updates:
        del note["fc_update"]  # the model lives in the domain; writers need not see it
    return updates, rest


def retraction_notice(claim: Claim, scale: Scale) -> nodes.paragraph:
    verdict = scale.get(claim.verdict)
    para = nodes.paragraph(classes=["fc-retraction"])
    para += nodes.strong("", _("Retracted.") + " ")
    para += nodes.Text(
        _(
            "This check has been withdrawn and is kept for the record; its verdict ({verdict}) "
            "no longer stands."
        ).format(verdict=verdict.label)
        if verdict
        else _("This check has been withdrawn and is kept for the record.")
    )
    return para


def render_claim(
    claim: Claim, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    updates, body = split_updates(body)
    verdict = scale.get(claim.shown_verdict)
    classes = ["fc-claim", f"fc-status-{claim.status}"]
    if verdict:
        classes.append(verdict.style)
    block = nodes.container(classes=classes)

    header = nodes.paragraph(classes=["fc-claim-header"])
    header += claim_badge(claim, scale)
    header += nodes.Text(" ")
    header += nodes.strong("", claim.title or claim.id, classes=["fc-claim-title"])
    if claim.date_modified:
        header += nodes.Text(" ")
        updated = _("Updated {date}").format(date=claim.date_modified.isoformat())
        header += nodes.emphasis("", updated, classes=["fc-updated"])
    block += header
    if claim.status == "retracted":
        block += retraction_notice(claim, scale)
    block += updates

    article = index.articles.get(claim.article or "")
    claim_date = index.claim_date(claim)
    meta = field_list(
        [
            (_("Claimant"), claimant_ref(claim, index, docname)),
            (_("Date"), iso(claim_date)),
            (
                _("Verdict"),
                _("{label}: {meaning}").format(label=verdict.label, meaning=verdict.description)
                if verdict
                else None,
            ),
            (_("Article"), xref("article", article.id, docname) if article else claim.article),
            (_("Tags"), ", ".join(claim.tags)),
            (_("Checked by"), people_nodes(claim.checked_by, index, docname)),
            (_("Reviewed by"), people_nodes(claim.reviewed_by, index, docname)),
        ],
        classes=["fc-claim-meta"],
    )
    if meta is not None:
        block += meta

    if claim.quote:
        quote = nodes.block_quote(classes=["fc-quote"])
        quote += nodes.paragraph("", f"\u201c{claim.quote}\u201d")
        if claim.quote_translation:
            translation = nodes.paragraph(classes=["fc-quote-translation"])
            translation += nodes.strong("", _("Translation:") + " ")
            translation += nodes.emphasis("", claim.quote_translation)
            quote += translation
        attribution = nodes.attribution()
        attribution += claimant_ref(claim, index, docname) or nodes.Text(_("Unattributed"))
        if article:
            attribution += nodes.Text(_(", in "))
            attribution += xref("article", article.id, docname)
        quote += attribution
        block += quote
    context = quote_in_context(claim, index)
    if context is not None:
        block += context
    if claim.context:
        note = nodes.paragraph(classes=["fc-context-note"])
        note += nodes.strong("", _("Context:") + " ")
        note += nodes.Text(claim.context)
        block += note

    block += appearances_list(claim)
    block += previously_checked(claim, index, scale, docname)

    if body:
        analysis = nodes.container(classes=["fc-analysis"])
        analysis += body
        block += analysis

    sources = claim.all_sources
    if sources:
        para = nodes.paragraph(classes=["fc-claim-sources"])
        para += nodes.strong("", _("Sources:") + " ")
        items = [
            xref("source", sid, docname) if sid in index.sources else nodes.inline("", sid)
            for sid in sources
        ]
        para += joined(items, "; ")
        block += para
    standards = standards_note(index, docname)
    if standards is not None:
        block += standards
    return block

"""A source's citation and the claims that cite it."""

from __future__ import annotations

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..i18n.labels import SOURCE_KIND_LABELS
from ..models import Scale, Source, is_web_url
from .common import OUTPUT_ROOT, joined, robust_link, xref


def archived_address(source: Source) -> tuple[str | None, str | None]:
    """The archived copy to offer and its date: the ledger's capture (a replay address,
    or the local package, copied into the output and linked relative to the page: see
    ``visitors``), else the hand-typed ``:archive:``."""
    capture = source.capture
    if capture is not None and capture.ok:
        if capture.archived_url:
            return capture.archived_url, capture.day.isoformat()
        if capture.wacz:
            return OUTPUT_ROOT + capture.wacz, capture.day.isoformat()
    return source.archive, None


def original_link(source: Source, *content: nodes.Node | str) -> nodes.Node:
    """The source's own address, with the Robust Links attributes of its copy."""
    archived, day = archived_address(source)
    return robust_link(source.url, archived, day, *content)


def drift_note(source: Source) -> nodes.Node | None:
    check = source.drift
    if check is None or check.status == "same":
        return None
    words = {
        "changed": _("Changed since we cited it (checked {date})."),
        "gone": _("No longer online (checked {date})."),
        "soft-404": _(
            "No longer online: the address now serves a page not found (checked {date})."
        ),
    }[check.status]
    return nodes.emphasis(
        "",
        words.format(date=check.checked_at.date().isoformat()),
        classes=["fc-drift", f"fc-drift-{check.status}"],
    )


def citation(
    source: Source, title: nodes.Node | None = None, docname: str = ""
) -> list[nodes.Node]:
    """Author. Title. Rating. Publisher, date. Address. Accessed ... Archived copy.

    The title links to the source's URL unless another *title* node is given (a link to
    its entry); the URL is then given on its own, so that it reaches the reader."""
    parts: list[nodes.Node] = []
    if source.authors:
        # "Smith, John; Berg, Anna": names written last name first keep their commas
        separator = "; " if any("," in author for author in source.authors) else ", "
        parts.append(nodes.Text(separator.join(source.authors) + ". "))
    parts.append(title or original_link(source, nodes.strong("", source.title or source.id)))
    parts.append(nodes.Text(". "))
    if source.rating:
        parts.append(
            nodes.strong(
                "",
                _("Checked by {desk}: {rating}.").format(
                    desk=source.publisher or _("another desk"), rating=source.rating
                ),
                classes=["fc-other-rating"],
            )
        )
        parts.append(nodes.Text(" "))
    tail = [p for p in (source.publisher, source.date) if p]
    if tail:
        parts.append(nodes.emphasis("", ", ".join(tail)))
        parts.append(nodes.Text(". "))
    if title is not None and is_web_url(source.url):
        parts.append(original_link(source, source.url or ""))
        parts.append(nodes.Text(". "))
    if source.accessed:
        parts.append(
            nodes.Text(_("Accessed {date}.").format(date=source.accessed.isoformat()) + " ")
        )
    archived, day = archived_address(source)
    if archived:
        words = _("Archived copy, {date}").format(date=day) if day else _("Archived copy")
        parts.append(robust_link(archived, archived, day, words, original=source.url))
        parts.append(nodes.Text(". "))
    note = drift_note(source)
    if note is not None:
        parts += [note, nodes.Text(" ")]
    parts.append(
        nodes.inline("", f"[{_(SOURCE_KIND_LABELS[source.kind])}]", classes=["fc-source-kind"])
    )
    return parts


def excerpts(source: Source) -> list[nodes.Node]:
    """The passages the analysis relies on, as quoted from the source."""
    return [
        nodes.block_quote("", nodes.paragraph("", f"\u201c{e.text}\u201d"), classes=["fc-excerpt"])
        for e in source.excerpts
    ]


def cited_by(source: Source, index: ProjectIndex, docname: str) -> nodes.paragraph:
    para = nodes.paragraph(classes=["fc-cited-by"])
    para += nodes.strong("", _("Cited by:") + " ")
    claims = index.claims_citing.get(source.id, [])
    if claims:
        para += joined([xref("claim", c.id, docname) for c in claims], "; ")
    else:
        para += nodes.emphasis("", _("no claim yet"))
    return para


def render_source(
    source: Source, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    block = nodes.container(classes=["fc-source", f"fc-kind-{source.kind}"])
    block += nodes.paragraph("", "", *citation(source, docname=docname), classes=["fc-citation"])
    block += excerpts(source)
    if body:
        block += nodes.container("", *body, classes=["fc-source-note"])
    block += cited_by(source, index, docname)
    return block

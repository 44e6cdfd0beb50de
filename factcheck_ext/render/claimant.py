"""A claimant's profile and scorecard, and how a claim names its claimant.

The scorecard needs no markup from the author: the verdict breakdown of the
claimant's claims (the same chart and table as ``fc:summary``) and the list of
those claims, newest first, each linked with its badge and article.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..i18n.labels import CLAIMANT_KIND_LABELS
from ..models import Claim, Claimant, Scale
from .common import iso, joined, link, profile_block, xref
from .summary import breakdown_of, render_breakdown

#: readable names for the reference sites desks link claimants to
_SITE_NAMES = {"wikidata.org": "Wikidata", "wikipedia.org": "Wikipedia"}


def site_name(url: str) -> str:
    """``Wikidata``, ``Wikipedia (fr)``, or the host name of any other site."""
    host = (urlsplit(url).hostname or url).removeprefix("www.").removeprefix("m.")
    for domain, name in _SITE_NAMES.items():
        if host == domain or host.endswith("." + domain):
            language = host[: -len(domain) - 1].split(".")[0]
            return f"{name} ({language})" if language and domain == "wikipedia.org" else name
    return host


def elsewhere(urls: tuple[str, ...]) -> list[nodes.Node] | None:
    """Pages that identify someone, each named by its site (Wikidata, Wikipedia ...)."""
    return joined([link(url, site_name(url)) for url in urls]) if urls else None


def claimant_ref(claim: Claim, index: ProjectIndex, docname: str) -> list[nodes.Node]:
    """The claimant of *claim* as readers see it: a link to the profile of a registered
    claimant, the free text otherwise (nothing when there is no claimant)."""
    claimant = index.claimant_of(claim)
    if claimant is not None:
        return [xref("claimant", claimant.id, docname)]
    return [nodes.Text(claim.claimant)] if claim.claimant else []


def newest_first(claims: list[Claim], index: ProjectIndex) -> list[Claim]:
    """Claims by date, newest first; undated ones last, in project order."""
    dated = [(index.claim_date(c), position, c) for position, c in enumerate(claims)]
    dated.sort(
        key=lambda item: (item[0] is None, -(item[0].toordinal() if item[0] else 0), item[1])
    )
    return [claim for _day, _position, claim in dated]


def claims_list(claims: list[Claim], index: ProjectIndex, docname: str) -> nodes.Element:
    items = nodes.bullet_list(classes=["fc-claimant-claims"])
    for claim in newest_first(claims, index):
        para = nodes.paragraph()
        day = iso(index.claim_date(claim))
        if day:
            para += nodes.Text(_("{date}:").format(date=day) + " ")
        para += xref("claim", claim.id, docname)
        if claim.article in index.articles:
            para += nodes.Text(_(", in "))
            para += xref("article", claim.article, docname)
        items += nodes.list_item("", para)
    return items


def render_claimant(
    claimant: Claimant, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    rows = [
        (_("Kind"), _(CLAIMANT_KIND_LABELS[claimant.kind])),
        (_("Role"), claimant.role),
        (_("Affiliation"), claimant.affiliation),
        (_("Website"), link(claimant.url, claimant.url) if claimant.url else None),
        (_("Elsewhere"), elsewhere(claimant.same_as)),
    ]
    note = [nodes.container("", *body, classes=["fc-claimant-note"])] if body else []
    block = profile_block("claimant", claimant.title or claimant.id, claimant.url, rows, note)
    block["classes"].append(f"fc-claimant-{claimant.kind}")
    claims = index.claims_by_claimant.get(claimant.id, [])
    name_text = claimant.title or claimant.id
    block += nodes.rubric("", _("Scorecard of {name}").format(name=name_text))
    if not claims:
        block += nodes.paragraph(
            "",
            _("No claims by {name} checked yet.").format(name=name_text),
            classes=["fc-no-match"],
        )
        return block
    caption = _("Verdicts on claims by {name}").format(name=name_text)
    block += render_breakdown(breakdown_of(claims, scale), caption, f"fc-scorecard-{claimant.id}")
    block += nodes.rubric("", _("Claims by {name}, newest first").format(name=name_text))
    block += claims_list(claims, index, docname)
    return block

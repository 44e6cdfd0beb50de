"""The desk's own pages: its profile, policy markers, funders and masthead.

A desk shows who it is where readers (and IFCN/EFCSN assessors) look for it: the
"About" page holds ``fc:desk`` and lists every policy page; ``fc:funders`` and
``fc:masthead`` are tables made from the project's ``fc:funder`` and ``fc:staff``
entries, so the masthead counts each person's checks instead of asserting them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from docutils import nodes

from ..domain.project_index import ProjectIndex
from ..i18n import _, ngettext
from ..i18n.labels import POLICY_LABELS, policy_label
from ..models import Claim, Desk, Funder, FundersView, MastheadView, Policy, Scale, Staff
from .claimant import elsewhere
from .common import joined, link, profile_block, table, xref


def contact_link(contact: str | None) -> nodes.Node | None:
    """An e-mail address as a ``mailto:`` link, a web address as a link."""
    if not contact:
        return None
    if "@" in contact and not contact.lower().startswith(("http://", "https://")):
        return nodes.reference("", contact, refuri=f"mailto:{contact}", internal=False)
    return link(contact, contact)


def policy_links(index: ProjectIndex, docname: str) -> nodes.bullet_list | None:
    """Every policy page of the desk, in the order of the kinds."""
    kinds = [kind for kind in POLICY_LABELS if kind in index.policies]
    if not kinds:
        return None
    items = nodes.bullet_list(classes=["fc-desk-policies"])
    for kind in kinds:
        items += nodes.list_item("", nodes.paragraph("", "", xref("policy", kind, docname)))
    return items


def render_desk(
    desk: Desk, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    rows = [
        (_("Website"), link(desk.url, desk.url) if desk.url else None),
        (_("Legal status"), desk.legal_status),
        (_("Founded"), desk.founded),
        (_("Based in"), desk.based_in),
        (_("Contact"), contact_link(desk.contact)),
        (_("Elsewhere"), elsewhere(desk.same_as)),
    ]
    block = profile_block("desk", desk.title or desk.id, desk.url, rows, body)
    policies = policy_links(index, docname)
    if policies is not None:
        block += nodes.rubric("", _("Our policies"))
        block += policies
    return block


def render_policy(
    policy: Policy, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    """The marker itself shows only when the policy was last reviewed (the page's own
    words state the policy); machines find it through the desk (JSON-LD, standards)."""
    block = nodes.container(classes=["fc-policy", f"fc-policy-{policy.kind}"])
    if policy.updated:
        block += nodes.paragraph(
            "",
            _("{policy}, last reviewed {date}.").format(
                policy=policy_label(policy.kind), date=policy.updated.isoformat()
            ),
            classes=["fc-policy-note"],
        )
    block += body
    return block


def render_funder(
    funder: Funder, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    return profile_block(
        "funder", funder.title or funder.id, funder.url, funder_fields(funder), body
    )


def funder_fields(funder: Funder) -> list[tuple[str, Any]]:
    return [
        (_("Kind"), funder.kind),
        (_("Years"), funder.years),
        (_("Amount"), funder.amount),
        (_("Share of income"), funder.share),
        (_("Restrictions"), funder.restrictions),
    ]


def render_staff(
    person: Staff, body: list[nodes.Node], index: ProjectIndex, scale: Scale, docname: str
) -> nodes.container:
    rows = [
        (_("Role"), person.role),
        (_("Background"), person.background),
        (_("Elsewhere"), elsewhere(person.same_as)),
    ]
    return profile_block("staff", person.title or person.id, person.url, rows, body)


def render_funders_view(
    view: FundersView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    funders = list(index.funders.values())
    if not funders:
        return nodes.paragraph("", _("No funders are declared."), classes=["fc-no-match"])
    headers = [_("Funder"), _("Kind"), _("Years"), _("Amount"), _("Share of income")]
    headers.append(_("Restrictions"))
    rows = []
    for funder in funders:
        cells: list[list[nodes.Node]] = [[xref("funder", funder.id, docname)]]
        cells += [[nodes.Text(value or "")] for _label, value in funder_fields(funder)]
        rows.append(cells)
    return table(headers, rows, ["fc-funders-table"], [3, 2, 2, 2, 2, 4])


def checks_by_person(claims: list[Claim], index: ProjectIndex) -> Counter[str]:
    """How many published checks each staff member checked or reviewed."""
    counts: Counter[str] = Counter()
    for claim in claims:
        named = {
            name
            for text in (claim.checked_by, claim.reviewed_by)
            for name, person in index.people(text)
            if person is not None
        }
        counts.update(named)
    return counts


def render_masthead_view(
    view: MastheadView, index: ProjectIndex, scale: Scale, docname: str
) -> nodes.Element:
    people = list(index.staff.values())
    if not people:
        return nodes.paragraph("", _("No staff are declared."), classes=["fc-no-match"])
    counts = checks_by_person(list(index.claims.values()), index)
    rows = []
    for person in people:
        count = counts.get(person.id, 0)
        rows.append(
            [
                [xref("staff", person.id, docname)],
                [nodes.Text(person.role or "")],
                [nodes.Text(person.background or "")],
                [
                    nodes.Text(
                        ngettext("{count} check", "{count} checks", count).format(count=count)
                    )
                ],
            ]
        )
    headers = [_("Name"), _("Role"), _("Background"), _("Checked or reviewed")]
    return table(headers, rows, ["fc-masthead-table"], [3, 3, 5, 2])


def people_nodes(names: str | None, index: ProjectIndex, docname: str) -> list[nodes.Node]:
    """A ``:checked-by:`` value as readers see it: staff linked, free text kept."""
    parts: list[nodes.Node] = [
        xref("staff", name, docname) if person is not None else nodes.Text(name)
        for name, person in index.people(names)
    ]
    return joined(parts)


def standards_note(index: ProjectIndex, docname: str) -> nodes.paragraph | None:
    """How the desk checks and corrects, linked from every claim (IFCN asks for both)."""
    kinds = [kind for kind in ("methodology", "corrections") if kind in index.policies]
    if not kinds:
        return None
    para = nodes.paragraph(classes=["fc-claim-standards"])
    para += nodes.Text(_("How we check and correct:") + " ")
    para += joined([xref("policy", kind, docname) for kind in kinds], " \u00b7 ")
    return para

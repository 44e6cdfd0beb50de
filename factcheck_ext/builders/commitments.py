"""What the IFCN and EFCSN ask of a desk, and the evidence this project holds for it.

Each commitment is a list of checks; each check looks at the project (its desk,
policy pages, funders, staff, claims, sources and captures) and says what it found.
A check is either *required* (nothing found is a gap, warned about as
``standards-gap``) or *for information* (a number the assessor will want, such as the
spread of checks across parties, that no rule turns into a pass or a fail).

The IFCN commitments are the five of its Code of Principles, by their names.  The
EFCSN Code of Standards is longer; its areas are grouped here as we read them, and
the Code's own text (https://efcsn.com/code-of-standards/) is the authority.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..domain.project_index import ProjectIndex
from ..i18n.labels import policy_label
from ..models import CorrectionsView, Scale, Staff
from ..render.summary import group_names, largest_first

Status = Literal["met", "gap", "info"]


class Evidence(BaseModel):
    """One thing an assessor looks for, and what the project shows of it."""

    model_config = ConfigDict(extra="forbid")

    check: str = Field(description="the check's name, the same in every report")
    label: str
    status: Status
    detail: str
    #: (title, document name) of the pages that show it
    pages: list[tuple[str, str]] = Field(default_factory=list)
    #: what to add when the status is a gap
    missing: str | None = None


class Commitment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    evidence: list[Evidence]

    @property
    def met(self) -> bool:
        return all(e.status != "gap" for e in self.evidence)


class Framework(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    url: str
    note: str = ""
    commitments: list[Commitment]


@dataclass(frozen=True)
class Project:
    """What the checks read: the project's index and the few settings they need."""

    index: ProjectIndex
    scale: Scale
    #: document names holding an ``fc:corrections`` log
    corrections_logs: tuple[str, ...]
    require_archive: bool


Check = Callable[[Project], Evidence]


def _share(part: int, whole: int, what: str) -> str:
    """ "3 of 4 (75%) verdicts ..." (the caller says what there is when *whole* is 0)."""
    return f"{part} of {whole} ({100 * part / whole:.0f}%) {what}"


def policy_check(*kinds: str, label: str) -> Check:
    """Required: a page marked with ``fc:policy`` of one of *kinds*."""

    def check(project: Project) -> Evidence:
        found = [project.index.policies[k] for k in kinds if k in project.index.policies]
        name = "policy:" + "|".join(kinds)
        if found:
            pages = [(policy_label(p.kind), p.docname) for p in found]
            reviewed = [f" (last reviewed {p.updated.isoformat()})" for p in found if p.updated]
            detail = "stated on " + ", ".join(p.docname for p in found) + "".join(reviewed[:1])
            return Evidence(check=name, label=label, status="met", detail=detail, pages=pages)
        wanted = " or ".join(f"'.. fc:policy:: {k}'" for k in kinds)
        return Evidence(
            check=name,
            label=label,
            status="gap",
            detail="no page states it",
            missing=f"no {label.lower()}: mark the page that states it with {wanted}",
        )

    return check


def desk_identity(project: Project) -> Evidence:
    desk = project.index.desk
    label = "The organisation: name, address, legal status"
    if desk is None:
        return Evidence(
            check="desk",
            label=label,
            status="gap",
            detail="no fc:desk",
            missing="no desk declared: add '.. fc:desk:: NAME' with :url: and :legal-status: "
            "to the page about the organisation",
        )
    lacking = [
        name
        for name, value in (("url", desk.url), ("legal-status", desk.legal_status))
        if not value
    ]
    detail = ", ".join(
        part
        for part in (
            desk.title,
            desk.url,
            desk.legal_status,
            desk.founded and f"founded {desk.founded}",
        )
        if part
    )
    return Evidence(
        check="desk",
        label=label,
        status="gap" if lacking else "met",
        detail=detail,
        pages=[(desk.title, desk.docname)],
        missing=f"fc:desk has no {', '.join(':' + n + ':' for n in lacking)}" if lacking else None,
    )


def contact(project: Project) -> Evidence:
    index = project.index
    label = "A way for readers to contact the desk"
    desk_contact = index.desk.contact if index.desk else None
    page = index.policies.get("contact")
    if desk_contact or page:
        pages = [(policy_label("contact"), page.docname)] if page else []
        detail = ", ".join(x for x in (desk_contact, page and f"page {page.docname}") if x)
        return Evidence(check="contact", label=label, status="met", detail=detail, pages=pages)
    return Evidence(
        check="contact",
        label=label,
        status="gap",
        detail="no contact",
        missing="no contact: give fc:desk a :contact: (an e-mail address or a web address), "
        "or mark a page with '.. fc:policy:: contact'",
    )


def funding(project: Project) -> Evidence:
    index = project.index
    label = "Who funds the desk"
    funders = list(index.funders.values())
    page = index.policies.get("funding") or index.policies.get("ownership")
    if not funders and page is None:
        return Evidence(
            check="funding",
            label=label,
            status="gap",
            detail="no funders and no funding page",
            missing="no funding information: declare each funder with '.. fc:funder::' "
            "(or say you have none on a page marked '.. fc:policy:: funding')",
        )
    parts = [", ".join(f.title or f.id for f in funders)] if funders else []
    unrestricted = [f.title or f.id for f in funders if not f.restrictions]
    if unrestricted:
        parts.append("no restrictions stated for " + ", ".join(unrestricted))
    pages = [(f.title or f.id, f.docname) for f in funders[:1]]
    if page is not None:
        pages.append((policy_label(page.kind), page.docname))
        parts.append(f"funding page {page.docname}")
    return Evidence(
        check="funding", label=label, status="met", detail="; ".join(parts), pages=pages
    )


def person_and_role(person: Staff) -> str:
    name = person.title or person.id
    return f"{name} ({person.role})" if person.role else name


def masthead(project: Project) -> Evidence:
    index = project.index
    label = "Who works at the desk, and their professional background"
    people = list(index.staff.values())
    page = index.policies.get("masthead")
    if not people:
        if page is not None:
            return Evidence(
                check="masthead",
                label=label,
                status="met",
                detail=f"masthead page {page.docname}",
                pages=[(policy_label("masthead"), page.docname)],
            )
        return Evidence(
            check="masthead",
            label=label,
            status="gap",
            detail="no staff declared",
            missing="no masthead: declare the people who check and edit with '.. fc:staff::' "
            "(:role: and :background:) and list them with '.. fc:masthead::'",
        )
    lacking = [p.id for p in people if not p.background]
    return Evidence(
        check="masthead",
        label=label,
        status="gap" if lacking else "met",
        detail=f"{len(people)} {'person' if len(people) == 1 else 'people'}: "
        + ", ".join(map(person_and_role, people)),
        pages=[(people[0].title or people[0].id, people[0].docname)],
        missing=f"no :background: for staff {', '.join(lacking)}" if lacking else None,
    )


def sourced_verdicts(project: Project) -> Evidence:
    index, scale = project.index, project.scale
    needs = {v.key for v in scale.verdicts if v.needs_sources}
    rated = [c for c in index.claims.values() if c.shown_verdict in needs]
    sourced = [c for c in rated if c.all_sources]
    bare = sorted(c.id for c in rated if not c.all_sources)
    return Evidence(
        check="sources",
        label="Verdicts that cite their sources",
        status="gap" if bare else "met",
        detail=_share(len(sourced), len(rated), "verdicts cite at least one source")
        if rated
        else "no verdict that needs a source yet",
        missing=f"verdicts without a source: {', '.join(bare)}" if bare else None,
    )


def archived_sources(project: Project) -> Evidence:
    index = project.index
    cited = {s for c in index.claims.values() for s in c.all_sources if s in index.sources}
    linked = [index.sources[s] for s in sorted(cited) if index.sources[s].url]
    archived = [s for s in linked if s.archived_copy or (s.capture is not None and s.capture.ok)]
    lacking = [s.id for s in linked if s not in archived]
    required = project.require_archive and bool(lacking)
    return Evidence(
        check="archives",
        label="Cited web sources with an archived copy",
        status="gap" if required else "info",
        detail=_share(len(archived), len(linked), "cited web sources are archived")
        if linked
        else "no web source cited yet",
        missing=f"sources without a capture: {', '.join(lacking)} (run sphinx-factcheck archive)"
        if required
        else None,
    )


def corrections_log(project: Project) -> Evidence:
    index = project.index
    updates = [u for c in index.claims.values() for u in c.updates]
    counts = Counter(u.kind for u in updates)
    detail = ", ".join(f"{n} {kind}(s)" for kind, n in sorted(counts.items())) or "no updates yet"
    if project.corrections_logs:
        return Evidence(
            check="corrections-log",
            label="A public log of corrections",
            status="met",
            detail=f"{detail}, listed on {', '.join(project.corrections_logs)}",
            pages=[("Corrections", project.corrections_logs[0])],
        )
    return Evidence(
        check="corrections-log",
        label="A public log of corrections",
        status="gap",
        detail=detail,
        missing="no corrections log: add '.. fc:corrections::' to a page",
    )


def spread(by: str, label: str) -> Check:
    """For information: how the checks spread across claimants' affiliations (parties)
    or claimants.  Evidence of fairness is the numbers, not a rule about them."""

    def check(project: Project) -> Evidence:
        index = project.index
        counts: Counter[str] = Counter()
        for claim in index.claims.values():
            counts.update(group_names(claim, by, index))
        total = sum(counts.values())
        detail = "; ".join(
            f"{group}: {counts[group]} ({100 * counts[group] / total:.0f}%)"
            for group in largest_first(counts)
        )
        return Evidence(
            check=f"spread:{by}", label=label, status="info", detail=detail or "no claims yet"
        )

    return check


def signed_checks(project: Project) -> Evidence:
    checked = [c for c in project.index.claims.values() if c.shown_verdict]
    signed = [c for c in checked if c.checked_by]
    reviewed = [c for c in checked if c.reviewed_by]
    return Evidence(
        check="signed",
        label="Checks that name who checked and who reviewed them",
        status="info",
        detail=_share(len(signed), len(checked), "checks name who checked them")
        + f"; {len(reviewed)} name who reviewed them"
        if checked
        else "no checks yet",
    )


NONPARTISANSHIP = policy_check("nonpartisanship", "ethics", label="Nonpartisanship policy")
METHODOLOGY = policy_check("methodology", label="Methodology")
SUBMISSIONS = policy_check("submissions", label="Invitation to readers to send claims")
CORRECTIONS = policy_check("corrections", label="Corrections policy")
BY_AFFILIATION = spread("affiliation", "Checks by the claimant's affiliation")
BY_CLAIMANT = spread("claimant", "Checks by claimant")

IFCN: list[tuple[str, str, list[Check]]] = [
    (
        "ifcn-1",
        "A commitment to non-partisanship and fairness",
        [
            NONPARTISANSHIP,
            BY_AFFILIATION,
            BY_CLAIMANT,
        ],
    ),
    (
        "ifcn-2",
        "A commitment to standards and transparency of sources",
        [sourced_verdicts, archived_sources],
    ),
    (
        "ifcn-3",
        "A commitment to transparency of funding and organisation",
        [desk_identity, funding, masthead, contact],
    ),
    (
        "ifcn-4",
        "A commitment to standards and transparency of methodology",
        [
            METHODOLOGY,
            SUBMISSIONS,
            signed_checks,
        ],
    ),
    (
        "ifcn-5",
        "A commitment to an open and honest corrections policy",
        [CORRECTIONS, corrections_log],
    ),
]

EFCSN: list[tuple[str, str, list[Check]]] = [
    (
        "efcsn-methodology",
        "Methodological standards",
        [METHODOLOGY, sourced_verdicts, archived_sources],
    ),
    (
        "efcsn-integrity",
        "Ethics, independence and fairness",
        [
            NONPARTISANSHIP,
            BY_AFFILIATION,
        ],
    ),
    (
        "efcsn-transparency",
        "Transparency of organisation, funding and people",
        [desk_identity, funding, masthead, contact],
    ),
    (
        "efcsn-corrections",
        "Corrections and complaints",
        [
            CORRECTIONS,
            corrections_log,
            SUBMISSIONS,
        ],
    ),
]

FRAMEWORKS = [
    (
        "IFCN Code of Principles",
        "https://ifcncodeofprinciples.poynter.org/the-commitments",
        "",
        IFCN,
    ),
    (
        "EFCSN European Code of Standards",
        "https://efcsn.com/code-of-standards/",
        "Areas grouped as sphinx-factcheck reads the Code; the Code's text is the authority.",
        EFCSN,
    ),
]


def evaluate(project: Project) -> list[Framework]:
    """Every framework's commitments with the evidence found (each check runs once)."""
    done: dict[Check, Evidence] = {}

    def run(check: Check) -> Evidence:
        if check not in done:
            done[check] = check(project)
        return done[check]

    return [
        Framework(
            name=name,
            url=url,
            note=note,
            commitments=[
                Commitment(code=code, title=title, evidence=[run(c) for c in checks])
                for code, title, checks in commitments
            ],
        )
        for name, url, note, commitments in FRAMEWORKS
    ]


def corrections_logs(views: dict[str, list[object]]) -> tuple[str, ...]:
    """The documents with an ``fc:corrections`` view, from each document's views."""
    return tuple(
        sorted(
            doc
            for doc, doc_views in views.items()
            if any(isinstance(v, CorrectionsView) for v in doc_views)
        )
    )

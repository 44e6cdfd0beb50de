"""The markup authors write: the ``fc`` directives (one module per family), the
``:fc:verdict:`` role (:mod:`.roles`) and option validation (:mod:`.validation`).

``setup()`` registers :data:`DIRECTIVES` with the domain."""

from __future__ import annotations

from typing import Any

from .appearance import AppearanceDirective
from .article import ArticleDirective
from .bibliography import BibliographyDirective
from .claim import ClaimDirective
from .claimant import ClaimantDirective
from .desk import DeskDirective, FunderDirective, PolicyDirective, StaffDirective
from .excerpt import ExcerptDirective
from .roles import verdict_role
from .source import SourceDirective
from .update import UpdateDirective
from .views import (
    AnnotatedDirective,
    ClaimsDirective,
    CorrectionsDirective,
    FundersDirective,
    MastheadDirective,
    SourcesDirective,
    SummaryDirective,
)

#: directive name (in the ``fc`` domain) -> directive class
DIRECTIVES: dict[str, Any] = {
    "article": ArticleDirective,
    "claim": ClaimDirective,
    "source": SourceDirective,
    "claimant": ClaimantDirective,
    "claims": ClaimsDirective,
    "sources": SourcesDirective,
    "summary": SummaryDirective,
    "annotated": AnnotatedDirective,
    "corrections": CorrectionsDirective,
    "update": UpdateDirective,
    "appearance": AppearanceDirective,
    "excerpt": ExcerptDirective,
    "bibliography": BibliographyDirective,
    "desk": DeskDirective,
    "policy": PolicyDirective,
    "funder": FunderDirective,
    "staff": StaffDirective,
    "funders": FundersDirective,
    "masthead": MastheadDirective,
}

#: role name (in the ``fc`` domain) -> role function; the cross-reference roles are
#: declared on the domain itself
ROLES: dict[str, Any] = {"verdict": verdict_role}

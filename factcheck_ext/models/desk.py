"""The desk behind a report: the organisation, its policies, its funders and its people.

Fact-checkers are judged on transparency (the IFCN Code of Principles, the EFCSN
standards): who they are, who pays, who checks, how they check and correct.  These
models hold what a desk declares about itself; the standards report
(:mod:`factcheck_ext.builders.standards`) maps them to those commitments, and the
ClaimReview author carries them as the Trust Project's schema.org properties.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .fields import (
    IsoDate,
    OptionalText,
    PartialDate,
    WebUrl,
    WebUrlList,
    blank_to_none,
    choice,
    is_web_url,
)
from .objects import Located

#: the kinds of policy page a desk can mark with ``fc:policy`` (see POLICY_PROPERTIES)
PolicyKind = Literal[
    "methodology",
    "corrections",
    "nonpartisanship",
    "funding",
    "ownership",
    "masthead",
    "contact",
    "submissions",
    "ethics",
    "principles",
    "coverage",
    "diversity",
    "unnamed-sources",
]
POLICY_KINDS: tuple[str, ...] = get_args(PolicyKind)

#: policy kind -> the schema.org (Trust Project) property of the desk's Organization
#: that points at the page; kinds without one (nonpartisanship, contact) are still
#: evidence in the standards report, and contact becomes a ContactPoint
POLICY_PROPERTIES: dict[str, str] = {
    "principles": "publishingPrinciples",
    "methodology": "verificationFactCheckingPolicy",
    "corrections": "correctionsPolicy",
    "funding": "ownershipFundingInfo",
    "ownership": "ownershipFundingInfo",
    "masthead": "masthead",
    "submissions": "actionableFeedbackPolicy",
    "ethics": "ethicsPolicy",
    "coverage": "missionCoveragePrioritiesPolicy",
    "diversity": "diversityPolicy",
    "unnamed-sources": "unnamedSourcesPolicy",
}

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def _contact(value: Any) -> Any:
    """An e-mail address or an http(s) URL: the two ways a reader can reach a desk."""
    text = blank_to_none(value)
    if text is None or _EMAIL.match(text) or is_web_url(text):
        return text
    raise PydanticCustomError(
        "bad-option",
        "'{value}' is neither an e-mail address nor an http(s) URL",
        {"value": text},
    )


Contact = Annotated[str | None, BeforeValidator(_contact)]


class Desk(Located):
    """The organisation that publishes the checks (``fc:desk``, once per project)."""

    url: WebUrl = None
    logo: WebUrl = None
    legal_status: OptionalText = Field(
        default=None, alias="legal-status", description="a charity, a company, a newsroom ..."
    )
    founded: PartialDate = None
    based_in: OptionalText = Field(
        default=None, alias="location", description="where the desk is based"
    )
    contact: Contact = Field(default=None, description="an e-mail address or an http(s) URL")
    same_as: WebUrlList = Field(default=(), alias="same-as")
    description: OptionalText = Field(
        default=None, description="the desk's description as plain text (from the body)"
    )

    @property
    def email(self) -> str | None:
        return self.contact if self.contact and not is_web_url(self.contact) else None


class Policy(Located):
    """A page that states one of the desk's policies (``fc:policy KIND``); its id is
    its kind, so a kind has one page."""

    kind: Annotated[PolicyKind, choice("policy-kind", POLICY_KINDS)]
    updated: IsoDate = Field(default=None, description="when the policy was last reviewed")


class Funder(Located):
    """Who pays for the desk's work, and on what terms (``fc:funder``)."""

    url: WebUrl = None
    years: OptionalText = Field(default=None, description='"2021-2023", "since 2020"')
    amount: OptionalText = Field(default=None, description="as published: EUR 20,000 a year")
    share: OptionalText = Field(default=None, description="share of the desk's income")
    kind: OptionalText = Field(default=None, description="grant, donation, contract, in kind")
    restrictions: OptionalText = Field(
        default=None, description="what the funder may and may not influence"
    )


class Staff(Located):
    """A person (or team) who checks, edits or runs the desk (``fc:staff``)."""

    role: OptionalText = None
    background: OptionalText = Field(default=None, description="professional background")
    url: WebUrl = None
    same_as: WebUrlList = Field(default=(), alias="same-as")

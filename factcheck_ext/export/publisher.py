"""Who publishes the checks, as schema.org sees it: the ClaimReview ``author``.

The desk (``fc:desk``) when the project declares one, else ``factcheck_publisher``,
else the project's name; with the Trust Project's properties pointing at the
desk's policy pages (``correctionsPolicy``, ``verificationFactCheckingPolicy``,
``ownershipFundingInfo``...), which is how search engines and the IFCN's assessors
find them.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..domain import get_domain
from ..models import POLICY_PROPERTIES, Desk, is_web_url
from .addresses import page_address


def organisation(name: str, url: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if is_web_url(url):
        org["url"] = url
    return org


def desk_details(desk: Desk) -> dict[str, Any]:
    """What ``fc:desk`` adds to the Organization beyond its name and address."""
    details: dict[str, Any] = {}
    if is_web_url(desk.logo):
        details["logo"] = desk.logo
    if desk.same_as:
        details["sameAs"] = list(desk.same_as)
    if desk.founded:
        details["foundingDate"] = desk.founded
    if desk.description:
        details["description"] = desk.description
    if desk.based_in:
        details["location"] = desk.based_in
    if desk.email:
        details["email"] = desk.email
    elif is_web_url(desk.contact):
        details["contactPoint"] = {"@type": "ContactPoint", "url": desk.contact}
    return details


def publisher_of(app: Sphinx) -> dict[str, Any]:
    """The desk as a schema.org Organization, with its policy pages."""
    index = get_domain(app.env).index
    configured = app.config.factcheck_publisher or {}
    desk = index.desk
    org = organisation(
        (desk.title if desk else None) or configured.get("name") or app.config.project,
        (desk.url if desk else None) or configured.get("url") or app.config.html_baseurl or None,
    )
    if desk is not None:
        org.update(desk_details(desk))
    for kind, policy in index.policies.items():
        address = page_address(app, policy.docname)
        if kind == "contact" and "contactPoint" not in org:
            org["contactPoint"] = {"@type": "ContactPoint", "url": address}
        elif kind in POLICY_PROPERTIES:
            # (funding and ownership share one property: the first page stated wins)
            org.setdefault(POLICY_PROPERTIES[kind], address)
    if any(prop in org for prop in set(POLICY_PROPERTIES.values())):
        # (the subtype of Organization that schema.org gives every Trust Project property)
        org["@type"] = "NewsMediaOrganization"
    return org

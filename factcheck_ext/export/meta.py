"""Link previews: ``<meta name="description">`` and Open Graph tags for pages with claims.

A fact-check travels as a link in a chat or a post; the preview should say what
was checked and how it rated, not repeat the page's first words.  A page holding
one claim is described by its verdict, the claim and the start of the analysis; a
page holding several by the count of each verdict.  With sphinxext-opengraph
enabled, that extension writes the tags and we hand it our description (no
duplicate tags); without it, we write them.  Values are escaped for an HTML
attribute.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from sphinx.application import Sphinx

from ..domain import get_domain
from ..domain.project_index import ProjectIndex
from ..i18n import _, ngettext
from ..i18n.labels import status_label
from ..models import Claim, Scale
from ..text.analysis import shorten
from .addresses import base_url, page_address

DESCRIPTION_LENGTH = 200
OPENGRAPH = "sphinxext.opengraph"


def page_claims(app: Sphinx, index: ProjectIndex, pagename: str) -> list[Claim]:
    if app.builder.name == "singlehtml":
        return list(index.claims.values())
    return index.claims_by_doc.get(pagename, [])


def describe(claims: list[Claim], index: ProjectIndex, scale: Scale) -> str:
    """One sentence or two that sum up the checks of a page."""
    if len(claims) == 1:
        claim = claims[0]
        verdict = scale.get(claim.shown_verdict)
        label = verdict.label if verdict else status_label(claim.status)
        claimant = index.claimant_name(claim)
        said = f" ({claimant})" if claimant else ""
        text = _("{verdict}: {claim}").format(verdict=label, claim=claim.title) + said
        return shorten(f"{text}. {claim.summary}" if claim.summary else text, DESCRIPTION_LENGTH)
    counts = Counter(claim.shown_verdict for claim in claims)
    rated = [f"{counts[v.key]} {v.label}" for v in scale.verdicts if counts.get(v.key)]
    checked = sum(counts[v.key] for v in scale.verdicts)
    open_checks = len(claims) - checked
    parts = []
    if checked:
        parts.append(
            _("{claims}: {verdicts}").format(
                claims=ngettext("{count} claim checked", "{count} claims checked", checked).format(
                    count=checked
                ),
                verdicts=", ".join(rated),
            )
        )
    if open_checks:
        parts.append(
            ngettext(
                "{count} still being checked", "{count} still being checked", open_checks
            ).format(count=open_checks)
        )
    return shorten("; ".join(parts) + ".", DESCRIPTION_LENGTH)


def page_url(app: Sphinx, pagename: str) -> str | None:
    return page_address(app, pagename) if base_url(app) else None


def _tag(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{escape(content)}" />'


def add_link_preview(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``, before sphinxext-opengraph's (see ``setup()``)."""
    if app.builder.name == "epub" or doctree is None:
        return
    domain = get_domain(app.env)
    index, scale = domain.index, domain.scale
    claims = page_claims(app, index, pagename)
    if not claims:
        return
    description = describe(claims, index, scale)
    written = context.get("metatags", "")
    # a description the author gave with Sphinx's meta directive wins
    tags = [] if 'name="description"' in written else [_tag("name", "description", description)]
    if OPENGRAPH in app.extensions:
        # sphinxext-opengraph takes og: values from the page's metadata; a copy, since
        # context["meta"] is the environment's own metadata of the page
        context["meta"] = {
            **(context.get("meta") or {}),
            "og:description": description,
            "og:type": "article",
        }
    else:
        title = app.env.titles[pagename].astext() if pagename in app.env.titles else ""
        tags += [
            _tag("property", "og:title", title or app.config.project),
            _tag("property", "og:description", description),
            _tag("property", "og:type", "article"),
            _tag("property", "og:site_name", app.config.project),
        ]
        url = page_url(app, pagename)
        if url:
            tags.append(_tag("property", "og:url", url))
    if tags:
        context["metatags"] = written + "\n" + "\n".join(tags) + "\n"

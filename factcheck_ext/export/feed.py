"""``factcheck.atom``: an Atom feed (RFC 4287) of the published checks.

Readers and other desks follow a fact-checker in their feed reader.  One entry per
published check, newest first by its publication or latest update: the claim and
its verdict, the claimant, the start of the analysis, the link, and, for an
updated check, the update.  Written with feedgen (a maintained Atom writer) at the
end of an HTML build, with absolute links from ``html_baseurl``; without it the
feed is not written and the build says why.  Claims withheld from a publication
build are not in the index, so never in the feed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from ..diagnostics import warn
from ..domain import get_domain
from ..domain.project_index import ProjectIndex
from ..i18n import _
from ..i18n.labels import UPDATE_KIND_LABELS
from ..models import Claim, Scale
from ..text.linked import resolved_text
from .addresses import base_url, page_address
from .claimreview import build_date
from .publisher import publisher_of

FEED_FILE = "factcheck.atom"
FEED_TYPE = "application/atom+xml"
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


def check_feed_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: a feed needs feedgen; say how to get it before reading."""
    if not config.factcheck_feed:
        return
    try:
        import feedgen  # noqa: F401
    except ImportError:
        raise ConfigError(
            "factcheck_feed = True needs the feedgen package: pip install 'sphinx-factcheck[feed]'"
        ) from None


def feed_title(app: Sphinx) -> str:
    return app.config.factcheck_feed_title or _("{publisher}: fact-checks").format(
        publisher=publisher_of(app)["name"]
    )


def wants_feed(app: Sphinx) -> bool:
    return bool(app.config.factcheck_feed) and app.builder.name in HTML_BUILDERS


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def published_checks(index: ProjectIndex, scale: Scale) -> list[Claim]:
    """Checks a reader can read a verdict of (and retractions of published ones)."""
    return [
        claim
        for claim in index.claims.values()
        if claim.verdict
        and claim.status in ("checked", "retracted")
        and scale.get(claim.verdict) is not None
    ]


def entry_dates(claim: Claim, today: date) -> tuple[date, date]:
    """When the check was published, and when it last changed."""
    published = claim.published or today
    return published, max(published, claim.date_modified or published)


def entry_title(claim: Claim, scale: Scale) -> str:
    verdict = scale.get(claim.verdict)
    label = verdict.label if verdict else claim.verdict
    if claim.status == "retracted":
        return _("Retracted: {claim}").format(claim=claim.title)
    return _("{verdict}: {claim}").format(verdict=label, claim=claim.title)


def entry_summary(claim: Claim, index: ProjectIndex, scale: Scale) -> str:
    parts = []
    latest = max(claim.updates, key=lambda u: u.date, default=None)
    if latest is not None:
        kind = _(UPDATE_KIND_LABELS[latest.kind])
        parts.append(
            _("{kind} of {date}:").format(kind=kind, date=latest.date.isoformat())
            + (f" {resolved_text(latest.text, latest.links, index.get)}" if latest.text else "")
        )
    claimant = index.claimant_name(claim)
    verdict = scale.get(claim.verdict)
    quoted = f"\u201c{claim.title}\u201d"
    parts.append(
        _("Claim by {claimant}: {claim}").format(claimant=claimant, claim=quoted)
        if claimant
        else _("Claim: {claim}").format(claim=quoted)
    )
    if verdict is not None and claim.status == "checked":
        parts.append(
            _("Our verdict: {verdict}.").format(verdict=verdict.label) + f" {verdict.description}"
        )
    elif claim.status == "retracted":
        parts.append(_("This check has been retracted; its verdict no longer stands."))
    if claim.summary:
        parts.append(claim.summary)
    return "\n\n".join(parts)


def claim_url(app: Sphinx, claim: Claim) -> str:
    return page_address(app, claim.docname, claim.anchor)


def build_feed(app: Sphinx, index: ProjectIndex, scale: Scale) -> bytes:
    from feedgen.feed import FeedGenerator

    from .._version import __version__

    base = base_url(app)
    publisher = publisher_of(app)
    today = build_date()
    checks = published_checks(index, scale)
    dated = sorted(
        ((*entry_dates(c, today), c) for c in checks),
        key=lambda item: (item[1], item[0], item[2].id),
        reverse=True,
    )
    limit = app.config.factcheck_feed_entries
    dated = dated[:limit] if limit else dated

    feed = FeedGenerator()
    feed.id(urljoin(base, FEED_FILE))
    feed.title(feed_title(app))
    feed.author(
        {"name": publisher["name"], **({"uri": publisher["url"]} if publisher.get("url") else {})}
    )
    feed.link(href=base, rel="alternate", type="text/html")
    feed.link(href=urljoin(base, FEED_FILE), rel="self", type=FEED_TYPE)
    feed.generator("sphinx-factcheck", version=__version__)
    if app.config.language:
        feed.language(app.config.language)
    newest = dated[0][1] if dated else today
    feed.updated(_moment(newest))
    for published, updated, claim in reversed(dated):  # feedgen prepends
        url = claim_url(app, claim)
        entry = feed.add_entry()
        entry.id(url)
        entry.title(entry_title(claim, scale))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(_moment(published))
        entry.updated(_moment(updated))
        entry.summary(entry_summary(claim, index, scale))
        verdict = scale.get(claim.verdict)
        if verdict is not None:
            entry.category(term=verdict.key, label=verdict.label)
    atom: bytes = feed.atom_str(pretty=True)
    return atom


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the feed of an HTML build that asks for one."""
    if exception is not None or not wants_feed(app):
        return
    domain = get_domain(app.env)
    index, scale = domain.index, domain.scale
    if not app.config.html_baseurl:
        warn(
            "factcheck_feed is on but html_baseurl is not set: a feed needs absolute "
            "links, so factcheck.atom was not written; set html_baseurl to the address "
            "the report is published at",
            "no-baseurl",
        )
        return
    Path(app.outdir, FEED_FILE).write_bytes(build_feed(app, index, scale))


def link_feed(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: every page names the feed, so browsers and readers find it."""
    if not wants_feed(app) or not app.config.html_baseurl:
        return
    title = feed_title(app)
    href = context["pathto"](FEED_FILE, resource=True)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" type="{FEED_TYPE}" title="{escape(title)}" '
        f'href="{escape(href)}" />'
    )

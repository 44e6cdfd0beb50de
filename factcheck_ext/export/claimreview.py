"""schema.org ClaimReview JSON-LD for every HTML page that holds claims.

We follow the property set of Google's fact-check markup guidelines (the de-facto
contract of ClaimReview consumers): ``claimReviewed``, ``reviewRating`` with
``alternateName``, ``url``, ``author``, ``datePublished`` and an ``itemReviewed``
Claim with ``author``, ``datePublished`` and ``appearance``; updates add
``dateModified`` and a ``correction`` per correction.  Claims marked as opinion
are not checkable, and claims not checked or retracted have no standing verdict:
they get none.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, date, datetime
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..diagnostics import warn
from ..domain import get_domain
from ..domain.project_index import ProjectIndex
from ..i18n import language_of
from ..models import (
    Appearance,
    Article,
    Claim,
    Claimant,
    Scale,
    Source,
    Verdict,
    is_web_url,
)
from ..text.linked import resolved_text
from .addresses import base_url, page_address
from .publisher import organisation, publisher_of

#: verdicts that mean "not a checkable claim": no ClaimReview is emitted
NOT_CHECKABLE = frozenset({"opinion"})

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def build_date() -> date:
    """Today, or the date of SOURCE_DATE_EPOCH for reproducible builds."""
    from os import environ

    epoch = environ.get("SOURCE_DATE_EPOCH")
    moment = float(epoch) if epoch and epoch.isdigit() else time.time()
    return datetime.fromtimestamp(moment, tz=UTC).date()


def registered_claimant(claimant: Claimant) -> dict[str, Any]:
    """A claimant object as a schema.org Person or Organization: ``sameAs`` lets
    aggregators tell two people of the same name apart."""
    person = claimant.kind == "person"
    author: dict[str, Any] = {
        "@type": "Person" if person else "Organization",
        "name": claimant.title or claimant.id,
    }
    if is_web_url(claimant.url):
        author["url"] = claimant.url
    if claimant.same_as:
        author["sameAs"] = list(claimant.same_as)
    if claimant.role:
        author["jobTitle" if person else "description"] = claimant.role
    if claimant.affiliation and person:
        author["affiliation"] = organisation(claimant.affiliation)
    return author


def claimant(
    claim: Claim, article: Article | None, registered: Claimant | None = None
) -> dict[str, Any] | None:
    """The claim's author: the registered claimant it names, or its free text."""
    if registered is not None:
        return registered_claimant(registered)
    if not claim.claimant:
        return None
    kind = claim.claimant_type or (
        "organization" if article and article.publisher == claim.claimant else "person"
    )
    return {"@type": "Organization" if kind == "organization" else "Person", "name": claim.claimant}


def appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if is_web_url(article.url):
        work["url"] = article.url
    if article.publisher:
        work["publisher"] = organisation(article.publisher)
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.authors:
        work["author"] = [{"@type": "Person", "name": a} for a in article.authors]
    return work


def other_appearance(place: Appearance) -> dict[str, Any]:
    """An ``fc:appearance`` as a schema.org CreativeWork."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if is_web_url(place.url):
        work["url"] = place.url
    if place.title:
        work["name"] = place.title
    if place.date:
        work["datePublished"] = place.date.isoformat()
    if place.by:
        work["author"] = {"@type": "Thing", "name": place.by}
    if place.medium:
        work["genre"] = place.medium
    if is_web_url(place.archive):
        work["archivedAt"] = place.archive
    return work


def appearances(claim: Claim, article: Article | None) -> dict[str, Any]:
    """``appearance`` (one object, or a list when there are several) and
    ``firstAppearance``: the annotated article is the claim's main appearance; else
    the earliest dated ``fc:appearance``."""
    works = ([appearance(article)] if article else []) + [
        other_appearance(a) for a in claim.appearances
    ]
    if not works:
        return {}
    first = claim.first_appearance
    earlier = (
        first is not None
        and first.date is not None
        and (article is None or (article.published is not None and first.date < article.published))
    )
    earliest = other_appearance(first) if earlier and first is not None else works[0]
    return {"appearance": works[0] if len(works) == 1 else works, "firstAppearance": earliest}


def cited_work(source: Source, base: str = "") -> dict[str, Any]:
    """A cited source as a CreativeWork, with its archived copy (``archivedAt``): a
    replay address, or a local capture's package where the site publishes it."""
    work: dict[str, Any] = {"@type": "CreativeWork", "url": source.url}
    if source.title:
        work["name"] = source.title
    archived = source.archived_copy
    capture = source.capture
    if not archived and base and capture is not None and capture.ok and capture.wacz:
        archived = base + capture.wacz
    if is_web_url(archived):
        work["archivedAt"] = archived
    return work


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_sentences(text: str | None, count: int = 2, limit: int = 300) -> str | None:
    """The first sentence or two of *text* (a claim's summary), for ratingExplanation."""
    if not text:
        return None
    sentences = _SENTENCE_END.split(text.strip())
    explanation = " ".join(sentences[:count])
    if len(explanation) > limit:
        explanation = sentences[0]
    return explanation if len(explanation) <= limit else explanation[: limit - 1] + "\u2026"


def reviewed_verdict(claim: Claim, scale: Scale) -> Verdict | None:
    """The verdict a ClaimReview rates, or None: the claim gets no ClaimReview."""
    verdict = scale.get(claim.shown_verdict)
    return None if verdict is None or verdict.key in NOT_CHECKABLE else verdict


def claim_review(
    claim: Claim,
    index: ProjectIndex,
    scale: Scale,
    *,
    url: str,
    publisher: dict[str, Any],
    language: str | None = None,
    base: str = "",
) -> dict[str, Any] | None:
    """One ClaimReview, or None for a claim without a checkable verdict."""
    verdict = reviewed_verdict(claim, scale)
    if verdict is None:
        return None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.label}
    explanation = claim.rating_explanation or first_sentences(claim.summary)
    if explanation:
        rating["ratingExplanation"] = explanation
    if verdict.rating is not None:
        rating.update(
            ratingValue=verdict.rating, bestRating=scale.best_rating, worstRating=scale.worst_rating
        )
    item: dict[str, Any] = {"@type": "Claim"}
    article = index.articles.get(claim.article or "")
    author = claimant(claim, article, index.claimant_of(claim))
    if author:
        item["author"] = author
    claim_date = index.claim_date(claim)
    if claim_date:
        item["datePublished"] = claim_date.isoformat()
    item.update(appearances(claim, article))
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.title,
        "author": publisher,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if claim.published:  # never the day of the build: a date is a fact, not a default
        review["datePublished"] = claim.published.isoformat()
    # the claim's own language (an imported check in another language), else the
    # build's (a translated build: its translation)
    if claim.language or language:
        review["inLanguage"] = claim.language or language
    if claim.date_modified:
        review["dateModified"] = claim.date_modified.isoformat()
    cited = [index.sources[s] for s in claim.all_sources if s in index.sources]
    citations = [cited_work(source, base) for source in cited if is_web_url(source.url)]
    if citations:
        review["citation"] = citations
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": resolved_text(u.text, u.links, index.get),
            "datePublished": u.date.isoformat(),
        }
        for u in sorted(claim.updates, key=lambda u: u.date)
        if u.kind == "correction"
    ]
    if corrections:
        review["correction"] = corrections
    return review


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open an HTML comment."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def page_reviews(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    domain = get_domain(app.env)
    index, scale = domain.index, domain.scale
    if app.builder.name == "singlehtml":
        claims = list(index.claims.values())
    else:
        claims = index.claims_by_doc.get(pagename, [])
    if not claims:
        return []
    publisher, language, base = publisher_of(app), language_of(app), base_url(app)
    reviews = []
    for claim in claims:
        url = page_address(app, pagename, claim.anchor)
        review = claim_review(
            claim, index, scale, url=url, publisher=publisher, language=language, base=base
        )
        if review:
            reviews.append(review)
    return reviews


def add_json_ld(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not app.config.factcheck_export:
        return
    reviews = page_reviews(app, pagename)
    if reviews:
        payload = reviews[0] if len(reviews) == 1 else reviews
        context["metatags"] = context.get("metatags", "") + (
            f'\n<script type="application/ld+json">\n{script_json(payload)}\n</script>\n'
        )


def warn_without_baseurl(app: Sphinx, env: BuildEnvironment) -> None:
    """Once per build, and only when the build emits a ClaimReview: its consumers need
    absolute URLs (a report of claims still being checked emits none, and is not
    warned about)."""
    if app.builder.format != "html" or app.config.html_baseurl or not app.config.factcheck_export:
        return
    domain = get_domain(env)
    index, scale = domain.index, domain.scale
    first = next(
        (claim for claim in index.claims.values() if reviewed_verdict(claim, scale) is not None),
        None,
    )
    if first is not None:
        warn(
            "html_baseurl is not set, so ClaimReview URLs in the JSON-LD are relative; "
            "set it to the address the report is published at",
            "no-baseurl",
            first.location(),
        )

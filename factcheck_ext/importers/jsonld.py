"""schema.org ClaimReview, as JSON-LD: in HTML pages, JSON files, lists, ``@graph``
and DataFeeds.

Publishing tools (WordPress plugins, Dega, Aletheia, Google's Fact Check Markup
Tool) embed ClaimReview in ``<script type="application/ld+json">`` blocks, and data
exchanges (Data Commons, the markup tool's export) ship it as a schema.org
``DataFeed``.  The properties read are those of schema.org and Google's fact-check
markup guidelines: ``claimReviewed``, ``reviewRating`` (``alternateName``,
``ratingValue``, ``bestRating``, ``worstRating``), ``url``, ``author``,
``datePublished``, ``dateModified``, ``correction``, and the ``itemReviewed``
Claim (``author``, ``datePublished``, ``appearance`` / ``firstAppearance``), as
well as the older markup that named the appearance with ``sameAs``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

from .record import ImportedPerson, ImportedRating, ImportedReview, ImportedWork
from .values import Say, day, mapping, names, number, text, type_of, web_url

JSON_LD_TYPE = "application/ld+json"


class _ScriptFinder(HTMLParser):
    """The contents of every ``<script type="application/ld+json">`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs).get("type") or ""
        self._inside = tag == "script" and kind.split(";")[0].strip().lower() == JSON_LD_TYPE
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def scripts_of(html: str) -> list[str]:
    finder = _ScriptFinder()
    finder.feed(html)
    finder.close()
    return finder.scripts


def nodes_of(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD node, through lists, ``@graph`` and DataFeed elements."""
    if isinstance(data, list):
        for item in data:
            yield from nodes_of(item)
        return
    if not isinstance(data, dict):
        return
    if "@graph" in data:
        yield from nodes_of(data["@graph"])
    kinds = type_of(data)
    if "DataFeed" in kinds:
        yield from nodes_of(data.get("dataFeedElement", []))
    elif "DataFeedItem" in kinds:
        yield from nodes_of(data.get("item", []))
    elif kinds:
        yield data


def claim_reviews(data: Any) -> list[dict[str, Any]]:
    return [node for node in nodes_of(data) if "ClaimReview" in type_of(node)]


def _person(node: Any, say: Say) -> ImportedPerson | None:
    if isinstance(node, list):
        node = next((n for n in node if n), None)
    if isinstance(node, str):
        name = text(node)
        return ImportedPerson(name=name) if name else None
    if not isinstance(node, dict):
        return None
    name = text(node.get("name"))
    if not name:
        return None
    kinds = type_of(node)
    organisation = bool(
        kinds
        & {
            "Organization",
            "NewsMediaOrganization",
            "GovernmentOrganization",
            "Corporation",
            "PoliticalParty",
            "NGO",
        }
    )
    same_as = node.get("sameAs") or []
    same_as = same_as if isinstance(same_as, list) else [same_as]
    affiliation = node.get("affiliation")
    return ImportedPerson(
        name=name,
        kind="organization" if organisation else "person",
        url=web_url(node.get("url"), f"the URL of {name!r}", say),
        same_as=[u for u in (web_url(s, f"a sameAs of {name!r}", say) for s in same_as) if u],
        role=text(node.get("jobTitle")) or text(node.get("description")),
        affiliation=text(affiliation.get("name") if isinstance(affiliation, dict) else affiliation),
    )


def _work(node: Any, say: Say) -> ImportedWork | None:
    if isinstance(node, list):
        node = next((n for n in node if isinstance(n, dict)), None)
    if not isinstance(node, dict):
        return None
    publisher = node.get("publisher")
    work = ImportedWork(
        headline=text(node.get("headline")) or text(node.get("name")),
        url=web_url(node.get("url"), "the URL of an appearance", say),
        publisher=text(publisher.get("name") if isinstance(publisher, dict) else publisher),
        published=day(node.get("datePublished")),
        authors=names(node.get("author")),
    )
    return work if (work.url or work.headline) else None


def review_of(node: dict[str, Any], origin: str, say: Say) -> ImportedReview | None:
    """A ClaimReview node as a record; None (with a message) when it names no claim."""
    claim = text(node.get("claimReviewed"))
    item = mapping(node.get("itemReviewed"))
    if not claim:
        claim = text(item.get("name")) or text(item.get("text"))
    if not claim:
        say("skipped a ClaimReview without claimReviewed")
        return None
    rating_node = mapping(node.get("reviewRating"))
    rating = ImportedRating(
        name=text(rating_node.get("alternateName")) or text(rating_node.get("name")),
        value=number(rating_node.get("ratingValue")),
        best=number(rating_node.get("bestRating")),
        worst=number(rating_node.get("worstRating")),
    )
    author = node.get("author")
    author = author[0] if isinstance(author, list) and author else author
    appearance = _work(item.get("appearance"), say) or _work(item.get("firstAppearance"), say)
    if appearance is None and web_url(item.get("sameAs"), "", lambda _m: None):
        appearance = ImportedWork(url=text(item.get("sameAs")))  # the older markup
    corrections: list[tuple[date, str]] = []
    raw_corrections = node.get("correction") or []
    for correction in raw_corrections if isinstance(raw_corrections, list) else [raw_corrections]:
        published = day(mapping(correction).get("datePublished"))
        if published:
            corrections.append((published, text(mapping(correction).get("text")) or ""))
    language = node.get("inLanguage")
    return ImportedReview(
        origin=origin,
        claim=claim,
        rating=rating,
        url=web_url(node.get("url"), "the URL of a review", say),
        title=text(node.get("headline")) or text(node.get("name")),
        reviewed=day(node.get("datePublished")),
        modified=day(node.get("dateModified")),
        corrections=corrections,
        publisher=text(author.get("name") if isinstance(author, dict) else author),
        claimant=_person(item.get("author"), say),
        claim_date=day(item.get("datePublished")),
        appearance=appearance,
        language=text(language.get("name") if isinstance(language, dict) else language),
    )


def read_json_ld(data: Any, origin: str, say: Say) -> list[ImportedReview]:
    return [
        review
        for review in (review_of(node, origin, say) for node in claim_reviews(data))
        if review is not None
    ]


def read_html(html: str, origin: str, say: Say) -> list[ImportedReview]:
    """The ClaimReviews of every JSON-LD block of a page (a malformed block is reported
    and the others are read)."""
    reviews: list[ImportedReview] = []
    for number_, script in enumerate(scripts_of(html), start=1):
        try:
            data = json.loads(script)
        except json.JSONDecodeError as exc:
            say(
                f"JSON-LD block {number_} is not valid JSON ({exc.msg}, line {exc.lineno}); skipped"
            )
            continue
        reviews += read_json_ld(data, origin, say)
    return reviews

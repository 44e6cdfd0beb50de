"""schema.org ClaimReview, as JSON-LD: in HTML pages, JSON files, lists, ``@graph``,
DataFeeds and the wrappers content systems put around them.

Publishing tools (WordPress plugins, Dega, Aletheia, Google's Fact Check Markup
Tool) embed ClaimReview in ``<script type="application/ld+json">`` blocks, and data
exchanges (Data Commons, the markup tool's export) ship it as a schema.org
``DataFeed``.  The properties read are those of schema.org and Google's fact-check
markup guidelines: ``claimReviewed``, ``reviewRating`` (``alternateName``,
``ratingValue``, ``bestRating``, ``worstRating``), ``url``, ``author``,
``publisher``, ``datePublished``, ``dateModified``, ``correction``, ``inLanguage``
and the ``itemReviewed`` (its ``author``, ``datePublished``, ``name``, ``url``,
every ``appearance`` and ``firstAppearance``, and the older markup that named the
appearance with ``sameAs``).  What a review leaves out is taken from its page
(:mod:`.page`), never made up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .page import Page, read_page
from .record import ImportedPerson, ImportedRating, ImportedReview, ImportedWork
from .values import Say, day, mapping, names, number, text, type_of, web_url

ORGANISATION_TYPES = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "GovernmentOrganization",
        "Corporation",
        "PoliticalParty",
        "NGO",
        "EducationalOrganization",
    }
)
#: types that say no more than "a work": not worth showing as the medium
_PLAIN_WORKS = frozenset({"CreativeWork", "Claim", "Thing"})
_TYPE_IN_TEXT = re.compile(r'"@type"\s*:\s*\[?\s*"([^"]+)"')


def nodes_of(data: Any) -> Iterator[dict[str, Any]]:
    """Every typed JSON-LD node, through lists, ``@graph``, DataFeed elements and
    untyped wrappers (a content system's ``{"data": [...]}``)."""
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
    elif "@graph" not in data:
        for value in data.values():
            if isinstance(value, list | dict):
                yield from nodes_of(value)


def claim_reviews(data: Any) -> list[dict[str, Any]]:
    return [node for node in nodes_of(data) if "ClaimReview" in type_of(node)]


def _first(node: Any) -> Any:
    if isinstance(node, list):
        return next((n for n in node if n), None)
    return node


def person(node: Any, say: Say) -> ImportedPerson | None:
    """Who made the claim.  Their ``url`` must be absolute: a relative one points into
    the fact-checker's own site, not at the claimant."""
    node = _first(node)
    if isinstance(node, str):
        name = text(node)
        return ImportedPerson(name=name) if name else None
    if not isinstance(node, dict):
        return None
    raw_name = node.get("name")
    name = text(raw_name)
    if not name:
        return None
    # Africa Check writes ["Mzwandile Masina", "mayor of Ekurhuleni"]: a name and a role
    extra = [text(v) for v in raw_name[1:]] if isinstance(raw_name, list) else []
    same_as = node.get("sameAs") or []
    same_as = same_as if isinstance(same_as, list) else [same_as]
    affiliation = node.get("affiliation")
    organisation = bool(type_of(node) & ORGANISATION_TYPES)
    return ImportedPerson(
        name=name,
        kind="organization" if organisation else "person",
        url=web_url(node.get("url"), f"the URL of {name!r}", say),
        same_as=[u for u in (web_url(s, f"a sameAs of {name!r}", say) for s in same_as) if u],
        role=text(node.get("jobTitle"))
        or text(node.get("title"))
        or text(node.get("description"))
        or next((e for e in extra if e), None),
        affiliation=text(affiliation.get("name") if isinstance(affiliation, dict) else affiliation),
    )


def work(node: Any, say: Say, base: str | None) -> ImportedWork | None:
    """A CreativeWork the claim appeared in (None when it says neither where nor what)."""
    if not isinstance(node, dict):
        url = web_url(node, "the URL of an appearance", say, base) if node else None
        return ImportedWork(url=url) if url else None
    publisher = node.get("publisher")
    kinds = type_of(node) - _PLAIN_WORKS
    found = ImportedWork(
        headline=text(node.get("headline")),
        name=text(node.get("name")),
        url=web_url(node.get("url"), "the URL of an appearance", say, base),
        publisher=text(publisher.get("name") if isinstance(publisher, dict) else publisher),
        published=day(node.get("datePublished")),
        authors=names(node.get("author")),
        medium=sorted(kinds)[0] if kinds else None,
    )
    return found if (found.url or found.headline or found.name) else None


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def places(item: dict[str, Any], claim: str, say: Say, base: str | None) -> list[ImportedWork]:
    """Every place the claim appeared, in the order the markup gives them, each once:
    the reviewed item itself (its ``url``, or its ``name`` when that is not the claim
    again), its ``firstAppearance`` and ``appearance`` entries, and the older markup's
    ``sameAs``."""
    found: list[ImportedWork] = []
    claim_words = claim.casefold()
    name = text(item.get("name"))
    url = web_url(item.get("url"), "the URL of the reviewed item", say, base)
    if name and name.casefold() == claim_words:
        name = None  # BOOM repeats the claim as the item's name
    if url or name:
        found.append(ImportedWork(name=name, url=url, published=day(item.get("datePublished"))))
    for entry in _listed(item.get("firstAppearance")) + _listed(item.get("appearance")):
        place = work(entry, say, base)
        if place is not None:
            found.append(place)
    if not found:
        older = web_url(item.get("sameAs"), "the sameAs of the reviewed item", lambda _m: None)
        if older:
            found.append(ImportedWork(url=older))
    unique: dict[str, ImportedWork] = {}
    for place in found:
        unique.setdefault(place.url or place.headline or place.name or "", place)
    return list(unique.values())


def rating_of(node: Any) -> ImportedRating:
    rating = mapping(_first(node))
    explanation = rating.get("ratingExplanation")
    return ImportedRating(
        name=text(rating.get("alternateName")) or text(rating.get("name")),
        explanation=text(explanation) if isinstance(explanation, str) else None,
        value=number(rating.get("ratingValue")),
        best=number(rating.get("bestRating")),
        worst=number(rating.get("worstRating")),
    )


def desk(
    node: dict[str, Any], page: Page | None, say: Say, base: str | None
) -> tuple[str | None, str | None, list[str]]:
    """The outlet that published the review, its address, and the journalists named as
    its authors: ``publisher`` when given, else an organisation among the authors,
    else the page's ``og:site_name``, else the first author."""
    authors = [a for a in _listed(node.get("author")) if isinstance(a, dict | str)]
    people = [a for a in authors if isinstance(a, str) or not type_of(a) & ORGANISATION_TYPES]
    organisations = [a for a in authors if isinstance(a, dict) and a not in people]
    reviewers = names(people)
    outlet_node = mapping(_first(node.get("publisher"))) or mapping(_first(organisations))
    outlet = text(outlet_node.get("name")) or text(node.get("publisher"))
    outlet_url = web_url(outlet_node.get("url"), "the URL of the publisher", say, base)
    if not outlet and outlet_url:  # PolitiFact's markup names itself only by its address
        outlet = (urlsplit(outlet_url).hostname or "").removeprefix("www.") or None
    if not outlet:
        outlet = (page.site_name if page else None) or (reviewers[0] if reviewers else None)
    return outlet, outlet_url, [r for r in reviewers if r != outlet]


def review_of(
    node: dict[str, Any], origin: str, say: Say, page: Page | None = None
) -> ImportedReview | None:
    """A ClaimReview node as a record; None (with a message) when it names no claim."""
    claim = text(node.get("claimReviewed"))
    item = mapping(_first(node.get("itemReviewed")))
    if not claim:
        claim = text(item.get("name")) or text(item.get("text"))
    if not claim:
        say("skipped a ClaimReview without claimReviewed")
        return None
    canonical = page.canonical if page else None
    url = web_url(node.get("url"), "the URL of a review", say, canonical) or canonical
    base = url or canonical
    reviewed, reviewed_from = day(node.get("datePublished")), "review"
    if reviewed is None and page is not None and page.date is not None:
        reviewed, reviewed_from = page.date, "page"
    outlet, outlet_url, reviewers = desk(node, page, say, base)
    found = places(item, claim, say, base)
    article = next((w for w in found if w.headline), None)
    corrections: list[tuple[date, str]] = []
    for correction in _listed(node.get("correction")):
        published = day(mapping(correction).get("datePublished"))
        if published:
            corrections.append((published, text(mapping(correction).get("text")) or ""))
    language = (
        text(node.get("inLanguage"))
        or (page.article_language if page else None)
        or (page.language if page else None)
    )
    return ImportedReview(
        origin=origin,
        claim=claim,
        rating=rating_of(node.get("reviewRating")),
        url=url,
        title=text(node.get("headline")) or text(node.get("name")) or text(node.get("title")),
        reviewed=reviewed,
        reviewed_from=reviewed_from if reviewed else None,
        modified=day(node.get("dateModified")),
        corrections=corrections,
        publisher=outlet,
        publisher_url=outlet_url,
        reviewers=reviewers,
        claimant=person(item.get("author"), say),
        claim_date=day(item.get("datePublished")),
        article=article,
        appearances=[w for w in found if w is not article],
        language=language,
    )


def read_json_ld(
    data: Any, origin: str, say: Say, page: Page | None = None
) -> list[ImportedReview]:
    return [
        review
        for review in (review_of(node, origin, say, page) for node in claim_reviews(data))
        if review is not None
    ]


def block_type(script: str) -> str | None:
    """The first ``@type`` written in a block that is not valid JSON, if any."""
    found = _TYPE_IN_TEXT.search(script)
    return found.group(1) if found else None


def read_html(html: str, origin: str, say: Say) -> list[ImportedReview]:
    """The ClaimReviews of every JSON-LD block of a page.  Raw line breaks inside
    strings (invalid JSON that browsers and search engines accept) are read; a block
    that still cannot be read is reported with its type and the others are read."""
    scripts, page = read_page(html)
    blocks: list[Any] = []
    for position, script in enumerate(scripts, start=1):
        try:
            blocks.append(json.loads(script, strict=False))
        except json.JSONDecodeError as exc:
            kind = block_type(script)
            what = f"JSON-LD block {position}" + (f" ({kind})" if kind else "")
            lost = (
                "a ClaimReview in it is lost"
                if "ClaimReview" in script
                else "it holds no ClaimReview, so nothing is lost"
            )
            say(f"{what} is not valid JSON ({exc.msg}, line {exc.lineno}); skipped: {lost}")
    page.note_nodes([node for block in blocks for node in nodes_of(block)])
    return [review for block in blocks for review in read_json_ld(block, origin, say, page)]

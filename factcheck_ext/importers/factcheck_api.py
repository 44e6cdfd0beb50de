"""The JSON of Google's Fact Check Tools API (``claims:search``).

A response holds ``claims``: each has its ``text``, ``claimant``, ``claimDate`` and
the ``claimReview`` list of every desk that reviewed it (``publisher`` with
``name`` and ``site``, ``url``, ``title``, ``reviewDate``, ``textualRating``,
``languageCode``).  The reviews of one claim are written on one page.  A lone
claim object (as the API's documentation shows one, not wrapped in ``claims``) is
read too.
"""

from __future__ import annotations

from typing import Any

from .record import ImportedPerson, ImportedRating, ImportedReview
from .values import Say, day, mapping, text, web_url


def _is_claim(value: Any) -> bool:
    return isinstance(value, dict) and "claimReview" in value and "@type" not in value


def is_api_response(data: Any) -> bool:
    if _is_claim(data):
        return True
    return (
        isinstance(data, dict)
        and isinstance(data.get("claims"), list)
        and all(_is_claim(c) for c in data["claims"])
    )


def read_api_response(data: dict[str, Any], origin: str, say: Say) -> list[ImportedReview]:
    reviews = []
    claims = [data] if _is_claim(data) else data["claims"]
    for number, claim in enumerate(claims, start=1):
        statement = text(claim.get("text"))
        if not statement:
            say(f"skipped claim {number}: it has no text")
            continue
        claimant_name = text(claim.get("claimant"))
        entries = claim.get("claimReview") or []
        for review in entries if isinstance(entries, list) else []:
            if not isinstance(review, dict):
                continue
            publisher = mapping(review.get("publisher"))
            site = text(publisher.get("site"))
            reviewed = day(review.get("reviewDate"))
            if reviewed is None:
                say(
                    f"claim {number}: the review by {text(publisher.get('name')) or site} "
                    "has no reviewDate; it is imported without a date"
                )
            reviews.append(
                ImportedReview(
                    origin=origin,
                    claim=statement,
                    rating=ImportedRating(name=text(review.get("textualRating"))),
                    url=web_url(review.get("url"), "the URL of a review", say),
                    title=text(review.get("title")),
                    reviewed=reviewed,
                    reviewed_from="review" if reviewed else None,
                    publisher=text(publisher.get("name")) or site,
                    publisher_url=web_url(site, "the site of a publisher", say) if site else None,
                    claimant=ImportedPerson(name=claimant_name) if claimant_name else None,
                    claim_date=day(claim.get("claimDate")),
                    language=text(review.get("languageCode")),
                    group=f"{origin}#claim-{number}",
                )
            )
    return reviews

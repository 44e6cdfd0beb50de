"""Imported reviews as the report's own objects, grouped into pages.

Each review becomes a checked claim (its verdict mapped onto the scale, its
``:published:`` date the review's) citing one source, the review's own page;
where the review names the claim's appearance, an article; its author, a
claimant, merged with the other reviews' by ``sameAs`` URL or by name.  Reviews
of one article, or of one claim reviewed by several desks, share a page.  Ids are
made from the content (a slug and a short hash), so the same input gives the
same ids and the same pages.  Objects are validated into the report's models, so
what is written is what a directive accepts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..models import Article, Claim, Claimant, Located, Source, Update
from .ratings import RatingMapper
from .record import ImportedPerson, ImportedReview

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str | None, limit: int = 40) -> str:
    """An ASCII slug of *value* (letters of other scripts drop out)."""
    ascii_text = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] or words[:limit]
    return words.strip("-")


def short_hash(*parts: str | None) -> str:
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.blake2b(joined.encode(), digest_size=4).hexdigest()


@dataclass
class Paragraph:
    """A paragraph the writers write: imported text (escaped) and our own references."""

    parts: list[tuple[str, str]]  # ("text", words) or ("source", source id)


@dataclass
class PlannedObject:
    objtype: str  # article, claim, source, claimant
    model: Located
    body: list[Paragraph] = field(default_factory=list)


@dataclass
class Page:
    name: str  # file name without extension
    title: str
    objects: list[PlannedObject] = field(default_factory=list)


@dataclass
class Plan:
    pages: list[Page]
    claimants: list[PlannedObject]


def _validated(
    model: type[Located], data: dict[str, Any], say: Any, scale: Any = None
) -> Located | None:
    """The model, or None when the data cannot make one (reported)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(
            {k: v for k, v in data.items() if v not in (None, "", [])},
            context={"scale": scale} if scale else None,
        )
    except ValidationError as exc:
        say(
            f"skipped {model.__name__.lower()} {data.get('title')!r}: "
            + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        )
        return None


class _Claimants:
    """Claim authors merged by sameAs URL or, failing that, by name."""

    def __init__(self) -> None:
        self.people: dict[str, ImportedPerson] = {}
        self._by_url: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._slugs: dict[str, str] = {}

    def id_of(self, person: ImportedPerson) -> str:
        known = next(
            (self._by_url[u] for u in person.same_as if u in self._by_url), None
        ) or self._by_name.get(person.name.casefold())
        if known is None:
            base = slug(person.name) or "claimant"
            known = base if base not in self._slugs else f"{base}-{short_hash(person.name)}"
            self._slugs[known] = person.name
            self.people[known] = ImportedPerson(name=person.name, kind=person.kind)
        merged = self.people[known]
        for url in person.same_as:
            if url not in merged.same_as:
                merged.same_as.append(url)
            self._by_url.setdefault(url, known)
        self._by_name.setdefault(person.name.casefold(), known)
        merged.url = merged.url or person.url
        merged.role = merged.role or person.role
        merged.affiliation = merged.affiliation or person.affiliation
        if person.kind == "organization":
            merged.kind = "organization"
        return known


def _updates(review: ImportedReview) -> list[Update]:
    updates = [
        Update(
            date=when,
            kind="correction",
            text=words or "The original desk published a correction on this date.",
        )
        for when, words in review.corrections
    ]
    last = max((u.date for u in updates), default=None)
    if review.modified and (last is None or review.modified > last):
        updates.append(
            Update(
                date=review.modified,
                kind="update",
                text="The original check was updated on this date.",
            )
        )
    return updates


def plan_import(reviews: list[ImportedReview], mapper: RatingMapper, say: Any) -> Plan:
    """The pages of an import (the mapper counts the ratings it cannot map)."""
    claimants = _Claimants()
    pages: dict[str, Page] = {}
    articles: dict[str, str] = {}
    seen: set[str] = set()
    for review in reviews:
        verdict = mapper.verdict(review.rating)
        appearance = review.appearance
        group = (
            f"article:{appearance.url or appearance.headline}"
            if appearance
            else review.group or f"review:{review.url}:{review.claim}"
        )
        title = (appearance.headline or appearance.url if appearance else None) or review.claim
        name = f"{slug(title, 50) or 'check'}-{short_hash(group)}"
        page = pages.setdefault(group, Page(name=name, title=title))
        article_id = None
        if appearance is not None:
            key = appearance.url or appearance.headline or ""
            article_id = articles.get(key)
            if article_id is None:
                article_id = (
                    f"article-{slug(appearance.headline or appearance.url, 30)}-"
                    f"{short_hash(key)}".replace("--", "-")
                )
                model = _validated(
                    Article,
                    {
                        "id": article_id,
                        "title": appearance.headline or appearance.url,
                        "url": appearance.url,
                        "publisher": appearance.publisher,
                        "author": [a.replace(",", " ") for a in appearance.authors],
                        "published": appearance.published,
                    },
                    say,
                )
                if model is not None:
                    articles[key] = article_id
                    page.objects.append(PlannedObject("article", model))
                else:
                    article_id = None
        identity = short_hash(review.url, review.claim, review.publisher, str(review.reviewed))
        source_id = f"review-{slug(review.publisher, 24) or 'desk'}-{identity}"
        claim_id = f"{slug(review.claim, 40) or 'claim'}-{identity}"
        if claim_id in seen:
            continue  # the same review twice (in two inputs): once is enough
        seen.add(claim_id)
        claimant_id = claimants.id_of(review.claimant) if review.claimant else None
        source = _validated(
            Source,
            {
                "id": source_id,
                "title": review.title
                or (
                    f"Fact-check by {review.publisher}"
                    if review.publisher
                    else "Imported fact-check"
                ),
                "url": review.url,
                "publisher": review.publisher,
                "date": review.reviewed.isoformat() if review.reviewed else None,
                "kind": "expert",
            },
            say,
        )
        claim = _validated(
            Claim,
            {
                "id": claim_id,
                "title": review.claim,
                "article": article_id,
                "claimant": claimant_id,
                "date": review.claim_date,
                "status": "checked",
                "verdict": verdict,
                "published": review.reviewed,
                "sources": [source_id] if source else [],
                "updates": _updates(review),
            },
            say,
            mapper.scale,
        )
        if claim is None or source is None or verdict is None:
            continue
        rated = f' and rated it "{review.rating.label}"' if review.rating.label else ""
        by = review.publisher or "another desk"
        when = f" on {review.reviewed.isoformat()}" if review.reviewed else ""
        words = (
            f"Imported from the fact-check published by {by}{when}, which reviewed the claim{rated}"
        )
        body = [Paragraph([("text", words + ": "), ("source", source_id), ("text", ".")])]
        page.objects.append(PlannedObject("claim", claim, body))
        page.objects.append(
            PlannedObject(
                "source",
                source,
                [
                    Paragraph(
                        [
                            (
                                "text",
                                "The original fact-check"
                                + (f", in {review.language}" if review.language else "")
                                + ".",
                            )
                        ]
                    )
                ],
            )
        )
    planned_claimants = []
    for claimant_id in sorted(claimants.people):
        person = claimants.people[claimant_id]
        model = _validated(
            Claimant,
            {
                "id": claimant_id,
                "title": person.name,
                "kind": person.kind,
                "url": person.url,
                "same-as": person.same_as,
                "role": person.role,
                "affiliation": person.affiliation,
            },
            say,
        )
        if model is not None:
            planned_claimants.append(PlannedObject("claimant", model))
    return Plan(pages=sorted(pages.values(), key=lambda p: p.name), claimants=planned_claimants)

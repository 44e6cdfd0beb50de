"""Imported reviews as the report's own objects, grouped into pages.

A review by **this desk** (``--own``, or one whose publisher is
``factcheck_publisher``) becomes a checked claim: its verdict mapped onto the scale,
its ``:published:`` date the review's, citing the review's page as a source.  A
review by **another desk** is reference material, never republished as ours: the
claim is left unchecked for the desk's own check, and the review is a ``fact-check``
source that keeps its desk, rating words, date and address ("checked by
PolitiFact: Pants on Fire").

Where the claim appeared becomes an article (an appearance with a headline) and
``fc:appearance`` entries (every other place); who made it, a claimant, merged with
another only on a shared ``sameAs`` address, or on the same name when neither gives
one.  Ids are made from the content (an ASCII slug and a short hash), so the same
input gives the same ids; file names keep the claim's own script.  Objects are
validated into the report's models, so what is written is what a directive accepts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..models import Appearance, Article, Claim, Claimant, Located, Source, Update
from .ratings import How, RatingMapper
from .record import ImportedPerson, ImportedReview, ImportedWork

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
Say = Callable[[str], None]


def slug(value: str | None, limit: int = 40) -> str:
    """An ASCII slug of *value* (letters of other scripts drop out): for ids."""
    ascii_text = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] or words[:limit]
    return words.strip("-")


def file_slug(value: str | None, limit: int = 50) -> str:
    """A slug for a file name that keeps the words' own script (Hindi, Arabic, Chinese
    titles stay readable); marks and punctuation drop out."""
    kept = "".join(
        ch if unicodedata.category(ch)[0] in "LMN" else "-"  # letters, marks, digits
        for ch in unicodedata.normalize("NFC", value or "").casefold()
    )
    words = re.sub("-+", "-", kept).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] or words[:limit]
    return words.strip("-")


def short_hash(*parts: str | None) -> str:
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.blake2b(joined.encode(), digest_size=4).hexdigest()


def language_name(code: str | None) -> str | None:
    """``pt-BR`` as "Portuguese (Brazil)" (Babel, which Sphinx already depends on)."""
    if not code:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en")
    except (ValueError, UnknownLocaleError):
        return code


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
class Tally:
    """What became of one input file's reviews (the import summary)."""

    found: int = 0
    imported: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count
    mapped: Counter[str] = field(default_factory=Counter)  # how -> count
    other_desks: int = 0
    undated: int = 0


@dataclass
class Known:
    """What the project already holds, so that a second batch merges with the first."""

    claims: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    claimants: list[Claimant] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)  # file names (no suffix) in the folder
    #: the project's fc:desk (name, address): its reviews are the desk's own
    desk: tuple[str, str | None] | None = None


@dataclass
class Plan:
    pages: list[Page]
    claimants: list[PlannedObject]
    tallies: dict[str, Tally] = field(default_factory=dict)
    #: claims whose verdict is --default-verdict (the summary lists them)
    defaulted: list[str] = field(default_factory=list)
    #: claims whose verdict came from the rating's position on its scale
    positioned: list[str] = field(default_factory=list)


def _validated(model: type[Any], data: dict[str, Any], say: Say, scale: Any = None) -> Any:
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
    """Claim authors, merged only on a shared ``sameAs`` address, or on the same name
    when neither gives one: a bare name never picks up another's addresses."""

    def __init__(self, known: list[Claimant]) -> None:
        self.people: dict[str, ImportedPerson] = {}  # new ones, to be written
        self._by_url: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._taken: set[str] = set()
        for claimant in known:
            self._taken.add(claimant.id)
            for url in claimant.same_as:
                self._by_url.setdefault(url, claimant.id)
            if not claimant.same_as:
                self._by_name.setdefault(claimant.title.casefold(), claimant.id)

    def id_of(self, person: ImportedPerson) -> str:
        if person.same_as:
            known = next((self._by_url[u] for u in person.same_as if u in self._by_url), None)
        else:
            known = self._by_name.get(person.name.casefold())
        if known is None:
            base = slug(person.name) or "claimant"
            identity = "\x1f".join([person.name, *person.same_as])
            known = base if base not in self._taken else f"{base}-{short_hash(identity)}"
            self._taken.add(known)
            self.people[known] = ImportedPerson(
                name=person.name, kind=person.kind, url=person.url, role=person.role
            )
            self.people[known].affiliation = person.affiliation
            if not person.same_as:
                self._by_name[person.name.casefold()] = known
        merged = self.people.get(known)
        if merged is None:
            return known  # a claimant of the project: left as it is
        for url in person.same_as:
            if url not in merged.same_as:
                merged.same_as.append(url)
            self._by_url.setdefault(url, known)
        merged.url = merged.url or person.url
        merged.role = merged.role or person.role
        merged.affiliation = merged.affiliation or person.affiliation
        return known


def _updates(review: ImportedReview) -> list[Update]:
    """Corrections, and an update note only for a ``dateModified`` later than the
    review's own date and its corrections."""
    updates = [
        Update(
            date=when,
            kind="correction",
            text=words or "The original desk published a correction on this date.",
        )
        for when, words in review.corrections
    ]
    last = max(
        [u.date for u in updates] + ([review.reviewed] if review.reviewed else []), default=None
    )
    if review.modified and (last is None or review.modified > last):
        updates.append(
            Update(
                date=review.modified,
                kind="update",
                text="The original check was updated on this date.",
            )
        )
    return updates


def _appearance(place: ImportedWork, say: Say) -> dict[str, Any] | None:
    data = {
        "url": place.url,
        "title": place.name or place.headline,
        "date": place.published,
        "by": ", ".join(place.authors) or place.publisher,
        "medium": place.medium,
    }
    model = _validated(Appearance, data, say)
    return None if model is None else data


class Planner:
    """Turns reviews into pages, one review at a time (see the module docstring)."""

    def __init__(
        self, mapper: RatingMapper, say: Say, is_own: Callable[[ImportedReview], bool], known: Known
    ) -> None:
        self.mapper, self.say, self.is_own, self.known = mapper, say, is_own, known
        self.claimants = _Claimants(known.claimants)
        self.pages: dict[str, Page] = {}
        self.articles: dict[str, str] = {}
        self.sources: set[str] = set(known.sources)
        self.seen: set[str] = set(known.claims)
        self.names: set[str] = set(known.pages)
        self.plan = Plan(pages=[], claimants=[])

    def tally(self, review: ImportedReview) -> Tally:
        return self.plan.tallies.setdefault(review.origin, Tally())

    def page_for(self, review: ImportedReview) -> Page:
        article = review.article
        group = (
            f"article:{article.url or article.headline}"
            if article
            else review.group or f"review:{review.url}:{review.claim}"
        )
        if group not in self.pages:
            title = article.headline if article and article.headline else review.claim
            base = f"{file_slug(title) or 'check'}-{short_hash(group)}"
            name, number = base, 1
            while name in self.names:  # an earlier batch's page is never overwritten
                number += 1
                name = f"{base}-{number}"
            self.names.add(name)
            self.pages[group] = Page(name=name, title=title or review.claim)
        return self.pages[group]

    def article_id(self, review: ImportedReview, page: Page) -> str | None:
        work = review.article
        if work is None:
            return None
        key = work.url or work.headline or ""
        if key in self.articles:
            return self.articles[key]
        article_id = f"article-{slug(work.headline, 30)}-{short_hash(key)}".replace("--", "-")
        model = _validated(
            Article,
            {
                "id": article_id,
                "title": work.headline,
                "url": work.url,
                "publisher": work.publisher,
                "author": [a.replace(",", " ") for a in work.authors],
                "published": work.published,
            },
            self.say,
        )
        if model is None:
            return None
        self.articles[key] = article_id
        page.objects.append(PlannedObject("article", model))
        return article_id

    def source(self, review: ImportedReview, own: bool, page: Page) -> str | None:
        """The review's page as a source, written once however many claims cite it."""
        identity = review.url or short_hash(review.claim, review.publisher)
        source_id = f"review-{slug(review.publisher, 24) or 'desk'}-{short_hash(identity)}"
        if source_id in self.sources:
            return source_id
        desk = review.publisher
        model = _validated(
            Source,
            {
                "id": source_id,
                "title": review.title
                or (f"Fact-check by {desk}" if desk else "Imported fact-check"),
                "url": review.url,
                "publisher": desk,
                "author": [r.replace(",", " ") for r in review.reviewers],
                "date": review.reviewed.isoformat() if review.reviewed else None,
                "kind": "expert" if own else "fact-check",
                "rating": None if own else review.rating.words,
            },
            self.say,
        )
        if model is None:
            return None
        self.sources.add(source_id)
        language = language_name(review.language)
        words = "The original fact-check" + (f", in {language}" if language else "") + "."
        page.objects.append(PlannedObject("source", model, [Paragraph([("text", words)])]))
        return source_id

    def add(self, review: ImportedReview) -> None:
        tally = self.tally(review)
        tally.found += 1
        identity = short_hash(review.url, review.claim, review.publisher, str(review.reviewed))
        claim_id = f"{slug(review.claim, 40) or 'claim'}-{identity}"
        if claim_id in self.seen:
            tally.skipped["already imported"] += 1
            return
        own = self.is_own(review)
        verdict: str | None = None
        how: How | None = None
        if own:
            verdict, how = self.mapper.verdict(review.rating)
            if verdict is None:
                tally.skipped["rating maps to no verdict"] += 1
                return
        self.seen.add(claim_id)
        page = self.page_for(review)
        article_id = self.article_id(review, page)
        claimant_id = self.claimants.id_of(review.claimant) if review.claimant else None
        places = [p for p in (_appearance(w, self.say) for w in review.appearances) if p]
        planned_before = len(page.objects)
        source_id = self.source(review, own, page)
        claim = _validated(
            Claim,
            {
                "id": claim_id,
                "title": review.claim,
                "article": article_id,
                "claimant": claimant_id,
                "date": review.claim_date,
                "status": "checked" if own else "unchecked",
                "verdict": verdict,
                "published": review.reviewed if own else None,
                "sources": [source_id] if source_id else [],
                "updates": _updates(review) if own else [],
                "appearances": places,
                "language": review.language,
                "rating-explanation": self.explanation(review) if own else None,
            },
            self.say,
            self.mapper.scale,
        )
        if claim is None or source_id is None:
            for dropped in page.objects[planned_before:]:
                self.sources.discard(dropped.model.id)
            del page.objects[planned_before:]
            tally.skipped["invalid"] += 1
            return
        note = self.note(review, own, source_id)
        page.objects.insert(planned_before, PlannedObject("claim", claim, [note]))
        tally.imported += 1
        if own and how is not None:
            tally.mapped[how] += 1
            if how == "default":
                self.plan.defaulted.append(claim_id)
            elif how == "position":
                self.plan.positioned.append(claim_id)
        if not own:
            tally.other_desks += 1
        if review.reviewed is None:
            tally.undated += 1

    @staticmethod
    def explanation(review: ImportedReview) -> str | None:
        """The review's own ratingExplanation, else what it rated: never our note about
        the import (the default explanation is the start of a claim's analysis)."""
        if review.rating.explanation:
            return review.rating.explanation
        if not review.rating.words:
            return None
        desk = review.publisher or "The original desk"
        return f'{desk} rated the claim "{review.rating.words}".'

    @staticmethod
    def note(review: ImportedReview, own: bool, source_id: str) -> Paragraph:
        desk = review.publisher or "another desk"
        when = f" on {review.reviewed.isoformat()}" if review.reviewed else ""
        rated = f' and rated it "{review.rating.words}"' if review.rating.words else ""
        if own:
            words = (
                f"Imported from the fact-check published by {desk}{when}, "
                f"which reviewed the claim{rated}"
            )
            return Paragraph([("text", words + ": "), ("source", source_id), ("text", ".")])
        words = f"{desk[0].upper()}{desk[1:]} checked this claim{when}{rated}"
        return Paragraph(
            [
                ("text", words + ": "),
                ("source", source_id),
                ("text", ". This desk has not checked it yet."),
            ]
        )

    def finish(self) -> Plan:
        for claimant_id in sorted(self.claimants.people):
            person = self.claimants.people[claimant_id]
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
                self.say,
            )
            if model is not None:
                self.plan.claimants.append(PlannedObject("claimant", model))
        self.plan.pages = sorted(
            (p for p in self.pages.values() if p.objects), key=lambda p: p.name
        )
        return self.plan


def plan_import(
    reviews: list[ImportedReview],
    mapper: RatingMapper,
    say: Say,
    *,
    is_own: Callable[[ImportedReview], bool] = lambda _review: True,
    known: Known | None = None,
) -> Plan:
    """The pages of an import (the mapper counts the ratings it cannot map)."""
    planner = Planner(mapper, say, is_own, known or Known())
    for review in reviews:
        planner.add(review)
    return planner.finish()

"""Catalogue files as entries: what the desk and others checked before.

A catalogue file is recognised by its content: JSON Lines of ``{"id", "claim", ...}``
(``title``, ``url``, ``rating``, ``publisher``, ``date`` when present); another
report's ``factcheck.json`` (its claims, with their verdicts); or any shape
``sphinx-factcheck import`` reads (ClaimReview in HTML or JSON, DataFeeds, Fact Check
Tools API responses), each review an entry with its desk and rating words.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..models import CatalogueEntry


class CatalogueError(ValueError):
    """A catalogue file that cannot be read (named, with the reason)."""


def _text(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value not in (None, "") else None


def _from_lines(path: Path, raw: str) -> Iterator[CatalogueEntry]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CatalogueError(f"{path}:{number}: not JSON ({exc.msg})") from None
        claim = _text(data.get("claim") or data.get("text")) if isinstance(data, dict) else None
        if not claim or not data.get("id"):
            raise CatalogueError(f'{path}:{number}: a line needs "id" and "claim"')
        yield CatalogueEntry(
            id=str(data["id"]),
            claim=claim,
            title=_text(data.get("title")),
            summary=_text(data.get("summary") or data.get("subtitle") or data.get("description")),
            url=_text(data.get("url")),
            rating=_text(data.get("rating")),
            publisher=_text(data.get("publisher")),
            date=_text(data.get("date")),
            origin=str(path),
        )


def _from_dataset(path: Path, data: dict[str, Any]) -> Iterator[CatalogueEntry]:
    base = data.get("base_url") or ""
    for claim in data.get("claims", []):
        anchor = f"#{claim['anchor']}" if claim.get("anchor") else ""
        page = f"{base}{claim['docname']}.html{anchor}" if base and claim.get("docname") else None
        yield CatalogueEntry(
            id=str(claim["id"]),
            claim=claim.get("title") or claim["id"],
            url=page,
            rating=claim.get("verdict_label"),
            publisher=data.get("project"),
            date=str(claim["published"]) if claim.get("published") else None,
            origin=str(path),
        )


def _from_reviews(path: Path) -> Iterator[CatalogueEntry]:
    from ..importers.run import read_input

    reviews, why = read_input(path, io.StringIO())
    if why:
        raise CatalogueError(f"{path}: {why}")
    for review in reviews:
        key = review.url or f"{review.publisher}:{review.claim}"
        yield CatalogueEntry(
            id=review.url or "review-" + hashlib.blake2b(key.encode(), digest_size=6).hexdigest(),
            claim=review.claim,
            title=review.title,
            url=review.url,
            rating=review.rating.words,
            publisher=review.publisher,
            date=review.reviewed.isoformat() if review.reviewed else None,
            origin=str(path),
        )


def read_catalogue(path: Path) -> list[CatalogueEntry]:
    """The entries of one catalogue file (see the module docstring)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc})") from None
    if path.suffix == ".jsonl":
        return list(_from_lines(path, raw))
    if not raw.lstrip().startswith("<"):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CatalogueError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from None
        if isinstance(data, dict) and "format_version" in data and "claims" in data:
            return list(_from_dataset(path, data))
    return list(_from_reviews(path))

"""The directive options of a planned object, as text: what both writers write.

Values are whitespace-folded to one line (an option ends at its line end); lists
are comma-separated, as the directives read them.  Escaping for the output format
is the writers' business.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..models import Appearance, Located
from ..text.folding import fold_whitespace
from .plan import PlannedObject

#: objtype -> (option, model attribute), in the order a desk writes them
OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "article": (
        ("id", "id"),
        ("url", "url"),
        ("publisher", "publisher"),
        ("author", "authors"),
        ("published", "published"),
    ),
    "claim": (
        ("id", "id"),
        ("article", "article"),
        ("claimant", "claimant"),
        ("date", "date"),
        ("status", "status"),
        ("verdict", "verdict"),
        ("published", "published"),
        ("sources", "sources"),
        ("language", "language"),
        ("rating-explanation", "rating_explanation"),
    ),
    "source": (
        ("id", "id"),
        ("url", "url"),
        ("publisher", "publisher"),
        ("author", "authors"),
        ("date", "date"),
        ("kind", "kind"),
        ("rating", "rating"),
    ),
    "claimant": (
        ("id", "id"),
        ("kind", "kind"),
        ("role", "role"),
        ("affiliation", "affiliation"),
        ("url", "url"),
        ("same-as", "same_as"),
    ),
}


def _text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(fold_whitespace(str(item)) for item in value)
    return fold_whitespace(str(value))


def directive_options(obj: PlannedObject) -> list[tuple[str, str]]:
    model: Located = obj.model
    options = []
    for option, attribute in OPTIONS[obj.objtype]:
        value = getattr(model, attribute)
        if value not in (None, "", (), []):
            options.append((option, _text(value)))
    return options


def appearance_options(place: Appearance) -> tuple[str, list[tuple[str, str]]]:
    """An ``fc:appearance``: its argument (the address; none when it has only a
    title, which then goes in ``:title:``, safe from the argument's rules) and options."""
    options = [
        (name, _text(value))
        for name, value in (
            ("title", place.title),
            ("date", place.date),
            ("by", place.by),
            ("medium", place.medium),
            ("archive", place.archive),
        )
        if value
    ]
    return place.url or "", options


def one_line(value: str) -> str:
    """*value* on one line, without spaces at its ends."""
    return fold_whitespace(value)


def folded(value: str) -> str:
    """*value* on one line, whitespace runs made one space (its ends kept)."""
    return re.sub(r"\s+", " ", value)

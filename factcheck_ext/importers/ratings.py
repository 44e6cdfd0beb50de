"""Map the ratings of imported reviews onto the project's verdict scale.

In order: an explicit ``--map "RATING=verdict-key"`` (the desk's own decision wins;
RATING is the name a message prints, ``ratingValue 1`` for a rating that has only
a number); the rating's words (``alternateName`` / ``textualRating``) against the
keys and labels of the scale in every language the extension ships a catalog for
("Engañoso" is ``misleading`` whatever file it came from), ignoring case and
punctuation; and only then, for a rating whose ``ratingValue`` lies between a
given ``worstRating`` and ``bestRating``, the rated verdict of the scale at the
nearest position.  A number without both ends of its scale is not guessed from.
What maps to nothing takes ``--default-verdict`` if given; otherwise the import
stops, listing every unmapped rating with a count.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..models import Scale
from .record import ImportedRating

_NOT_WORD = re.compile(r"[\W_]+")
LOCALE = Path(__file__).resolve().parents[1] / "locale"
#: how a rating found its verdict (the import summary counts them)
How = Literal["map", "name", "position", "default"]


def normalised(name: str) -> str:
    """A rating's name for comparison: case and punctuation do not count."""
    return _NOT_WORD.sub("", name.casefold())


class MappingError(ValueError):
    """A ``--map`` argument that is not ``RATING=verdict-key`` of the scale."""


def verdict_key(value: str, scale: Scale) -> str | None:
    """A verdict of the scale named by its key or its label, in any case."""
    wanted = normalised(value)
    for verdict in scale.verdicts:
        if wanted in (normalised(verdict.key), normalised(verdict.label)):
            return verdict.key
    return None


def parse_map(items: list[str], scale: Scale) -> dict[str, str]:
    mapping = {}
    for item in items:
        rating, equals, key = item.rpartition("=")
        if not equals or not rating.strip():
            raise MappingError(f"--map {item!r}: write it as RATING=verdict-key")
        found = verdict_key(key, scale)
        if found is None:
            raise MappingError(
                f"--map {item!r}: {key.strip()!r} is not a verdict of the scale "
                f"(allowed: {', '.join(scale.keys)})"
            )
        mapping[normalised(rating)] = found
    return mapping


def shipped_languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def verdict_names(scale: Scale, raw: Any = None) -> dict[str, str]:
    """Every name of every verdict -> its key: the key, the label, the label in each
    shipped catalog, and the per-language labels a configured scale gives."""
    names: dict[str, str] = {}
    for verdict in scale.verdicts:
        names.setdefault(normalised(verdict.key), verdict.key)
        names.setdefault(normalised(verdict.label), verdict.key)
    for language in shipped_languages():
        catalog = gettext.translation(
            "factcheck", localedir=str(LOCALE), languages=[language], fallback=True
        )
        for verdict in scale.verdicts:
            names.setdefault(normalised(catalog.gettext(verdict.label)), verdict.key)
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("label"), dict):
            key = str(entry.get("key", "")).strip().lower()
            for label in entry["label"].values():
                if scale.get(key) is not None and isinstance(label, str):
                    names.setdefault(normalised(label), key)
    return names


@dataclass
class RatingMapper:
    scale: Scale
    explicit: dict[str, str] = field(default_factory=dict)
    default: str | None = None
    raw_scale: Any = None
    #: rating label -> how many reviews had it, for those that mapped to nothing
    unmapped: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.by_name = verdict_names(self.scale, self.raw_scale)

    def by_position(self, rating: ImportedRating) -> str | None:
        value, best, worst = rating.value, rating.best, rating.worst
        if value is None or best is None or worst is None or best == worst:
            return None
        if not min(best, worst) <= value <= max(best, worst):
            return None
        position = (value - worst) / (best - worst)
        rated = [v for v in self.scale.verdicts if v.rating is not None]
        top, bottom = self.scale.best_rating, self.scale.worst_rating
        if not rated or top is None or bottom is None or top == bottom:
            return None
        nearest = min(
            rated, key=lambda v: abs(((v.rating or 0) - bottom) / (top - bottom) - position)
        )
        return nearest.key

    def verdict(self, rating: ImportedRating) -> tuple[str | None, How | None]:
        """The verdict key a rating maps to and how; (None, None), counted, when
        nothing maps."""
        name = normalised(rating.name) if rating.name else ""
        label = normalised(rating.label)
        explicit = self.explicit.get(label) or (self.explicit.get(name) if name else None)
        if explicit:
            return explicit, "map"
        if name and name in self.by_name:
            return self.by_name[name], "name"
        positioned = self.by_position(rating)
        if positioned:
            return positioned, "position"
        if self.default:
            return self.default, "default"
        self.unmapped[rating.label] += 1
        return None, None

    def report(self) -> str:
        """The unmapped ratings, most frequent first, and how to map them."""
        lines = [
            f"  {label!r}: {count} review(s)"
            for label, count in sorted(self.unmapped.items(), key=lambda item: (-item[1], item[0]))
        ]
        return (
            "these ratings map to no verdict of the scale "
            f"({', '.join(self.scale.keys)}):\n"
            + "\n".join(lines)
            + '\nmap them with --map "RATING=verdict-key" (RATING as written above), '
            "or give --default-verdict; nothing was written"
        )

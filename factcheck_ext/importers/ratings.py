"""Map the ratings of imported reviews onto the project's verdict scale.

In order: an explicit ``--map "RATING=verdict-key"`` (the desk's own decision wins);
the rating's name (``alternateName`` / ``textualRating``) against the keys and
labels of the scale, ignoring case and punctuation ("Mostly-False!" is
``mostly-false``); and, for a rating with ``ratingValue`` between ``worstRating``
and ``bestRating``, the rated verdict of the scale at the nearest position.  What
maps to nothing takes ``--default-verdict`` if given; otherwise the import stops,
listing every unmapped rating with a count.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..models import Scale
from .record import ImportedRating

_NOT_WORD = re.compile(r"[\W_]+")


def normalised(name: str) -> str:
    """A rating's name for comparison: case and punctuation do not count."""
    return _NOT_WORD.sub("", name.casefold())


class MappingError(ValueError):
    """A ``--map`` argument that is not ``RATING=verdict-key`` of the scale."""


def parse_map(items: list[str], scale: Scale) -> dict[str, str]:
    mapping = {}
    for item in items:
        rating, equals, key = item.rpartition("=")
        key = key.strip().lower()
        if not equals or not rating.strip():
            raise MappingError(f"--map {item!r}: write it as RATING=verdict-key")
        if scale.get(key) is None:
            raise MappingError(
                f"--map {item!r}: {key!r} is not a verdict of the scale "
                f"(allowed: {', '.join(scale.keys)})"
            )
        mapping[normalised(rating)] = key
    return mapping


@dataclass
class RatingMapper:
    scale: Scale
    explicit: dict[str, str] = field(default_factory=dict)
    default: str | None = None
    #: rating label -> how many reviews had it, for those that mapped to nothing
    unmapped: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.by_name: dict[str, str] = {}
        for verdict in self.scale.verdicts:
            self.by_name.setdefault(normalised(verdict.label), verdict.key)
            self.by_name.setdefault(normalised(verdict.key), verdict.key)

    def by_position(self, rating: ImportedRating) -> str | None:
        if None in (rating.value, rating.best, rating.worst) or rating.best == rating.worst:
            return None
        position = (rating.value - rating.worst) / (rating.best - rating.worst)  # type: ignore[operator]
        rated = [v for v in self.scale.verdicts if v.rating is not None]
        best, worst = self.scale.best_rating, self.scale.worst_rating
        if not rated or best is None or worst is None or best == worst:
            return None
        nearest = min(rated, key=lambda v: abs((v.rating - worst) / (best - worst) - position))  # type: ignore[operator]
        return nearest.key

    def verdict(self, rating: ImportedRating) -> str | None:
        """The verdict key a rating maps to; None (and counted) when nothing maps."""
        name = normalised(rating.name) if rating.name else ""
        key = (
            (self.explicit.get(name) if name else None)
            or self.by_name.get(name)
            or self.by_position(rating)
            or self.default
        )
        if key is None:
            self.unmapped[rating.label] += 1
        return key

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
            + '\nmap them with --map "RATING=verdict-key", or give --default-verdict;'
            " nothing was written"
        )

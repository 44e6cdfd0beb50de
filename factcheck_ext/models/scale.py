"""The verdict scale: its rungs, their colours and ratings, and the default scale."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..i18n import N_
from .fields import HEX_COLOUR, LocalizedText, ObjectId


def _relative_luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class Verdict(BaseModel):
    """One rung (or off-scale mark) of the verdict scale."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: ObjectId
    label: LocalizedText = Field(min_length=1, description="a text, or texts by language code")
    description: LocalizedText = Field(min_length=1)
    rating: int | None = Field(default=None, description="ClaimReview ratingValue; None: off-scale")
    needs_sources: bool = True
    in_shares: bool = Field(
        default=True,
        description="counted in the shares of summaries "
        "and scorecards; False for verdicts that rate nothing (opinion)",
    )
    style: str = Field(default="", description="CSS class of the badge")
    colour: str = Field(default="#57606a", description="badge background, #rrggbb")

    @field_validator("colour")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError(f"'{value}' is not a #rrggbb colour")
        return value.lower()

    @model_validator(mode="after")
    def _default_style(self) -> Verdict:
        if not self.style:
            object.__setattr__(self, "style", f"fc-verdict-{self.key.replace('.', '-')}")
        return self

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the badge colour."""
        black, white = "#000000", "#ffffff"
        if contrast_ratio(self.colour, black) >= contrast_ratio(self.colour, white):
            return black
        return white


class Scale(BaseModel):
    """The ordered verdict scale, best first; off-scale verdicts follow."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdicts: list[Verdict] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_keys(self) -> Scale:
        seen: set[str] = set()
        for verdict in self.verdicts:
            if verdict.key in seen:
                raise ValueError(f"verdict key {verdict.key!r} is defined twice")
            seen.add(verdict.key)
        return self

    def get(self, key: str | None) -> Verdict | None:
        by_key = self.__dict__.get("_by_key")
        if by_key is None:  # built once: the scale is looked up for every badge
            by_key = {v.key: v for v in self.verdicts}
            self.__dict__["_by_key"] = by_key
        return by_key.get(key) if key is not None else None

    @property
    def keys(self) -> list[str]:
        return [v.key for v in self.verdicts]

    @property
    def best_rating(self) -> int | None:
        ratings = [v.rating for v in self.verdicts if v.rating is not None]
        return max(ratings) if ratings else None

    @property
    def worst_rating(self) -> int | None:
        ratings = [v.rating for v in self.verdicts if v.rating is not None]
        return min(ratings) if ratings else None

    def order(self, key: str | None) -> int:
        """Position of a verdict in the scale, for sorting; unknown keys last."""
        return next((i for i, v in enumerate(self.verdicts) if v.key == key), len(self.verdicts))


DEFAULT_VERDICTS: list[dict[str, Any]] = [
    {
        "key": "true",
        "label": N_("True"),
        "description": N_("The claim is accurate and nothing significant is missing."),
        "rating": 5,
        "colour": "#1a7f37",
    },
    {
        "key": "mostly-true",
        "label": N_("Mostly true"),
        "description": N_(
            "The claim is accurate but needs clarification or additional information."
        ),
        "rating": 4,
        "colour": "#4d7c0f",
    },
    {
        "key": "half-true",
        "label": N_("Half true"),
        "description": N_(
            "The claim is partially accurate but leaves out important details "
            "or takes things out of context."
        ),
        "rating": 3,
        "colour": "#f2c230",
    },
    {
        "key": "mostly-false",
        "label": N_("Mostly false"),
        "description": N_(
            "The claim contains an element of truth but ignores critical facts "
            "that would give a different impression."
        ),
        "rating": 2,
        "colour": "#e8772e",
    },
    {
        "key": "false",
        "label": N_("False"),
        "description": N_("The claim is not accurate."),
        "rating": 1,
        "colour": "#b42318",
    },
    {
        "key": "misleading",
        "label": N_("Misleading"),
        "description": N_("The claim has accurate parts but creates a false impression."),
        "rating": None,
        "colour": "#8250df",
    },
    {
        "key": "unverifiable",
        "label": N_("Unverifiable"),
        "description": N_(
            "The claim cannot be established or refuted from the available evidence."
        ),
        "rating": None,
        "needs_sources": False,
        "in_shares": False,
        "colour": "#57606a",
    },
    {
        "key": "opinion",
        "label": N_("Opinion"),
        "description": N_(
            "The statement expresses a view or a call to action, not a checkable fact."
        ),
        "rating": None,
        "needs_sources": False,
        "in_shares": False,
        "colour": "#0969da",
    },
]

DEFAULT_SCALE = Scale(verdicts=[Verdict(**v) for v in DEFAULT_VERDICTS])

"""Reading the loose values of published markup: text, dates, URLs, people."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ..models import is_web_url
from ..text.folding import fold_whitespace

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
#: reports a problem: (what, value)
Say = Callable[[str], None]


def text(value: Any) -> str | None:
    """A string value, whitespace-folded (a schema.org value may be a list: the first)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int | float)), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if value is None or isinstance(value, bool):
        return None
    folded = fold_whitespace(str(value))
    return folded or None


def day(value: Any) -> date | None:
    """``2022-01-07``, ``2022-01-07T10:00:00Z`` and the like, as a date."""
    found = _DATE.match(text(value) or "")
    if not found:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def mapping(value: Any) -> dict[str, Any]:
    """*value* if it is a JSON object, else an empty one (a node may be anything)."""
    return value if isinstance(value, dict) else {}


def web_url(value: Any, what: str, say: Say) -> str | None:
    """An http(s) URL, or None; another scheme is dropped with a message."""
    url = text(value)
    if url is None:
        return None
    if is_web_url(url):
        return url
    say(f"dropped {what} {url!r}: only http(s) URLs are imported")
    return None


def number(value: Any) -> float | None:
    try:
        return float(str(text(value)))
    except (TypeError, ValueError):
        return None


def names(value: Any) -> list[str]:
    """Names of one or several people or organisations (objects or strings)."""
    items = value if isinstance(value, list) else [value] if value else []
    return [name for name in (text(item) for item in items) if name]


def type_of(node: Any) -> set[str]:
    """The schema.org types of a JSON-LD node, without prefixes."""
    kinds = node.get("@type", []) if isinstance(node, dict) else []
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for kind in kinds}

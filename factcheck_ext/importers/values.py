"""Reading the loose values of published markup: text, dates, URLs, people."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

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
    # publishers' markup double-escapes: ``Singh&#039;s`` is meant as ``Singh's``
    folded = fold_whitespace(html.unescape(str(value)))
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


_HOST_FIRST = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?(/|$)")


def absolute(url: str, base: str | None) -> str:
    """*url* made absolute: ``//host/x`` and ``host.tld/x`` (no scheme) take the
    base's scheme (else https), ``/x``, ``./x`` and ``../x`` are resolved against
    *base*.  Anything else (another scheme, words) is returned as it is."""
    if is_web_url(url) or ":" in url.split("/", 1)[0] or any(c.isspace() for c in url):
        return url
    scheme = urlsplit(base).scheme if base and is_web_url(base) else "https"
    if url.startswith("//"):
        return f"{scheme}:{url}"
    if _HOST_FIRST.match(url):
        return f"{scheme}://{url}"
    if url.startswith(("/", "./", "../")) and base and is_web_url(base):
        return urljoin(base, url)
    return url


def web_url(value: Any, what: str, say: Say, base: str | None = None) -> str | None:
    """An http(s) URL, made absolute against *base* (the page's canonical address)
    when it is relative or has no scheme; anything else is dropped with a message."""
    url = text(value)
    if url is None:
        return None
    url = absolute(url, base)
    if is_web_url(url):
        return url
    if urlsplit(url).scheme:
        reason = "only http(s) URLs are imported"
    elif url.startswith(("/", "./", "../")):
        reason = "it is relative and the page gives no address to resolve it against"
    else:
        reason = "it is not an address"
    say(f"dropped {what} {url!r}: {reason}")
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

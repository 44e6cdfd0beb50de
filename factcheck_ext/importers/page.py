"""What an HTML page says about itself, beside its ClaimReview.

Real pages leave things out of the ClaimReview that the rest of the page gives:
the review's date (in the page's ``NewsArticle`` / ``WebPage`` markup or its
``article:published_time``), the address relative URLs are relative to
(``<link rel="canonical">``, ``og:url``), the outlet (``og:site_name``) and the
language (``<html lang>``).  :mod:`.jsonld` falls back on these, never on the day of
the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any

from ..models import is_web_url
from .values import day, text, type_of

JSON_LD_TYPE = "application/ld+json"
#: page-level nodes whose datePublished is the page's (and so the review's) date
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNews",
        "AnalysisNewsArticle",
        "BlogPosting",
        "WebPage",
        "ItemPage",
    }
)


@dataclass
class Page:
    """The page-level facts a review may lack."""

    canonical: str | None = None
    site_name: str | None = None
    language: str | None = None
    published: date | None = None  # article:published_time
    article_published: date | None = None  # an article node's datePublished
    article_language: str | None = None

    @property
    def date(self) -> date | None:
        return self.article_published or self.published

    def note_nodes(self, nodes: list[dict[str, Any]]) -> None:
        """Take the date and language of the first article-like node that has one."""
        for node in nodes:
            if not type_of(node) & ARTICLE_TYPES:
                continue
            self.article_published = self.article_published or day(node.get("datePublished"))
            self.article_language = self.article_language or text(node.get("inLanguage"))


class _HeadReader(HTMLParser):
    """The ``<script type="application/ld+json">`` blocks of a page, and its head facts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.page = Page()
        self._og_url: str | None = None
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "html" and values.get("lang"):
            self.page.language = self.page.language or values["lang"].strip()
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            url = values.get("href", "").strip()
            self.page.canonical = self.page.canonical or (url if is_web_url(url) else None)
        elif tag == "meta":
            self._meta(values.get("property") or values.get("name") or "", values)
        kind = values.get("type", "")
        self._inside = tag == "script" and kind.split(";")[0].strip().lower() == JSON_LD_TYPE
        if self._inside:
            self.scripts.append("")

    def _meta(self, name: str, values: dict[str, str]) -> None:
        content = values.get("content", "").strip()
        if not content:
            return
        page = self.page
        if name == "og:url" and is_web_url(content):
            self._og_url = self._og_url or content
        elif name == "og:site_name":
            page.site_name = page.site_name or text(content)
        elif name == "article:published_time":
            page.published = page.published or day(content)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data

    def close(self) -> None:
        super().close()
        self.page.canonical = self.page.canonical or self._og_url


def read_page(html: str) -> tuple[list[str], Page]:
    """The JSON-LD blocks of a page and what its head says."""
    reader = _HeadReader()
    reader.feed(html)
    reader.close()
    return reader.scripts, reader.page

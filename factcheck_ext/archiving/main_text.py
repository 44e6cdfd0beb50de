"""The main text of a captured page: what an excerpt is checked against, and what
drift compares.

HTML goes through trafilatura (the main content, without menus, footers and
comments: a maintained extractor that does better than any rules we would write);
PDF through pypdf; plain text is taken as it is.  Other types have no text.
"""

from __future__ import annotations

import io


def main_text(body: bytes, content_type: str, url: str = "") -> str | None:
    kind = content_type.lower()
    if kind == "application/pdf" or body[:5] == b"%PDF-":
        return _pdf_text(body)
    if kind in ("text/html", "application/xhtml+xml") or body.lstrip()[:1] == b"<":
        return _html_text(body, url)
    if kind.startswith("text/"):
        return body.decode("utf-8", errors="replace")
    return None


def _html_text(body: bytes, url: str) -> str | None:
    import trafilatura

    text = trafilatura.extract(
        body.decode("utf-8", errors="replace"),
        url=url or None,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if text:
        return text
    # a page too small for trafilatura's heuristics (a short notice): its whole text
    from lxml import html

    try:
        return " ".join(html.fromstring(body).text_content().split()) or None
    except ValueError:
        return None


def _pdf_text(body: bytes) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        return "\n".join(page.extract_text() or "" for page in reader.pages).strip() or None
    except (PdfReadError, ValueError, KeyError):
        return None

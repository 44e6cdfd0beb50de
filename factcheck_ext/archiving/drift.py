"""``sphinx-factcheck drift``: are the pages we cited still what we captured?

Each captured address is fetched live and its main text compared with the
capture's: ``same``, ``changed``, ``gone`` (an HTTP error, or no answer) or
``soft-404`` (a "not found" page served with 200, or a redirect to the site's home
page).  The result goes to ``factcheck-drift.json``, which the build reads to mark
the sources and point readers to the archived copy.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from ..models.evidence import Capture, DriftCheck, DriftReport, DriftStatus
from ..text.folding import fold_whitespace
from .fetching import Fetcher, FetchError
from .main_text import main_text

_NOT_FOUND = re.compile(
    r"\b(404|not found|page not found|no longer available|doesn't exist|does not exist|"
    r"page introuvable|página no encontrada|seite nicht gefunden)\b",
    re.IGNORECASE,
)
#: a page this short that says "not found" is a notice, not an article
NOTICE_LENGTH = 600


def _text_digest(text: str | None) -> str | None:
    if text is None:
        return None
    return hashlib.sha256(text.encode()).hexdigest()


def check_address(capture: Capture, fetcher: Fetcher) -> DriftCheck:
    now = datetime.now(UTC).replace(microsecond=0)
    url = capture.url
    try:
        response = fetcher.fetch(url)
    except FetchError as exc:
        return DriftCheck(url=url, status="gone", checked_at=now, detail=str(exc))
    status: DriftStatus
    detail = ""
    if response.status >= 400:
        status, detail = "gone", f"HTTP {response.status}"
    elif _sent_home(url, response.final_url):
        status, detail = "soft-404", f"redirected to the site's home page {response.final_url}"
    else:
        text = main_text(response.body, response.content_type, response.final_url)
        folded = fold_whitespace(text or "")
        if len(folded) < NOTICE_LENGTH and _NOT_FOUND.search(folded):
            status, detail = "soft-404", f"the page says: {folded[:80]!r}"
        elif capture.text_sha256 is not None:  # the text, not the page's changing chrome
            same = _text_digest(text) == capture.text_sha256
            status, detail = ("same", "") if same else ("changed", "its main text differs")
        else:  # no text (an image, a file): the bytes
            same = hashlib.sha256(response.body).hexdigest() == capture.sha256
            status, detail = ("same", "") if same else ("changed", "its content differs")
    return DriftCheck(
        url=url, status=status, checked_at=now, http_status=response.status, detail=detail
    )


def _sent_home(url: str, final: str) -> bool:
    asked, landed = urlsplit(url), urlsplit(final)
    return (
        landed.path in ("", "/")
        and asked.path not in ("", "/")
        and _host(landed.hostname) == _host(asked.hostname)
    )


def _host(name: str | None) -> str:
    return (name or "").removeprefix("www.")


def check_all(captures: list[Capture], fetcher: Fetcher) -> DriftReport:
    report = DriftReport()
    for capture in captures:
        report.checks[capture.url] = check_address(capture, fetcher)
    return report


def table(report: DriftReport) -> str:
    rows = sorted(report.checks.values(), key=lambda c: (c.status == "same", c.url))
    width = max((len(c.status) for c in rows), default=6)
    lines = [f"{'status'.ljust(width)}  address"]
    lines += [
        f"{c.status.ljust(width)}  {c.url}" + (f"  ({c.detail})" if c.detail else "") for c in rows
    ]
    return "\n".join(lines)

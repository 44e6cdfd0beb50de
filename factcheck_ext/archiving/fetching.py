"""Fetching a page the way a careful crawler does: with manners and limits.

A timeout on every request, a cap on the body (``--max-bytes``), at most ten
redirects followed by hand (a loop is a recorded failure, not a hang), and a
per-host pause between requests (``--rate``).  The standard library's
``urllib`` does the HTTP; nothing here guesses at content.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from .._version import __version__

MAX_REDIRECTS = 10
USER_AGENT = f"sphinx-factcheck/{__version__} (+https://github.com/; evidence capture)"


class FetchError(Exception):
    """Why a page could not be fetched (recorded in the ledger as the reason)."""


@dataclass
class Response:
    url: str  # asked for
    final_url: str  # after redirects
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    redirects: list[str] = field(default_factory=list)
    #: the redirect answers on the way (status and headers; recorded in the WARC too)
    hops: list[Response] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        message = Message()
        for name, value in self.headers:
            if name.lower() == "content-type":
                message["content-type"] = value
        return message.get_content_type() if message["content-type"] else ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # followed by hand, counted, and checked for loops


class Fetcher:
    """Fetches with a timeout, a size cap, counted redirects and a per-host pause."""

    def __init__(self, timeout: float = 30.0, max_bytes: int = 50_000_000, rate: float = 1.0):
        self.timeout, self.max_bytes, self.rate = timeout, max_bytes, rate
        self._opener = urllib.request.build_opener(_NoRedirects())
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def _wait_for(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.rate:
                time.sleep(self.rate - (now - last))
            self._last[host] = time.monotonic()

    def fetch(self, url: str, *, via: str | None = None) -> Response:
        """GET *url* (through *via*, a recording proxy's address prefix, when given)."""
        seen: list[str] = []
        hops: list[Response] = []
        current = url
        while True:
            if current in seen:
                raise FetchError(f"redirect loop: {' -> '.join([*seen, current])}")
            if len(seen) > MAX_REDIRECTS:
                raise FetchError(f"more than {MAX_REDIRECTS} redirects")
            seen.append(current)
            response = self._get(current, via)
            if response.status in (301, 302, 303, 307, 308):
                location = next((v for k, v in response.headers if k.lower() == "location"), None)
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location")
                hops.append(response)
                current = urljoin(current, location)
                continue
            response.url, response.final_url, response.redirects = url, current, seen[:-1]
            response.hops = hops
            return response

    def _get(self, url: str, via: str | None) -> Response:
        self._wait_for(urlsplit(url).netloc)
        address = f"{via}{url}" if via else url
        request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT})
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                return self._read(url, answer.status, answer.reason, answer)
        except urllib.error.HTTPError as error:
            return self._read(url, error.code, str(error.reason), error)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise FetchError(f"no answer: {reason}") from None

    def _read(self, url: str, status: int, reason: str, answer: object) -> Response:
        headers = list(answer.headers.items())  # type: ignore[attr-defined]
        length = next((v for k, v in headers if k.lower() == "content-length"), None)
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"the body is {int(length)} bytes, over --max-bytes {self.max_bytes}")
        body = answer.read(self.max_bytes + 1)  # type: ignore[attr-defined]
        if len(body) > self.max_bytes:
            raise FetchError(f"the body is over --max-bytes {self.max_bytes}")
        return Response(url, url, status, reason, headers, body)

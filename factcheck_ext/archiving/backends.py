"""Where captures go: the desk's own locker, a self-hosted pywb, or a public archive.

Every backend fetches the page itself too, so that each capture records the HTTP
status, content type, the SHA-256 of the body and of its main text, and keeps that
text next to the ledger (``_evidence/*.txt``) for the excerpt checks and drift.

* ``local`` (default): the HTTP exchange as a WARC (warcio), packaged as a WACZ
  (wacz) under ``_evidence/``: any standard replayer (pywb, ReplayWeb.page) opens it.
* ``pywb``: a pywb in record mode (``--pywb URL/COLLECTION``): the page is fetched
  through ``COLLECTION/record/``; the copy is replayed at ``COLLECTION/<time>/<url>``.
* ``wayback``: the Internet Archive's Save Page Now 2 API: ``POST /save`` with the
  keys of ``WAYBACK_ACCESS_KEY`` and ``WAYBACK_SECRET_KEY``, then
  ``/save/status/<job>`` polled until it succeeds; ``429`` answers are waited out.
* ``perma``: perma.cc's API: ``POST /v1/archives/`` with ``PERMA_API_KEY``.

``FACTCHECK_WAYBACK_ENDPOINT``, ``FACTCHECK_PERMA_ENDPOINT`` and
``FACTCHECK_PERMA_SITE`` point the clients elsewhere (the tests use loopback
stand-ins that follow the documented APIs).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..models.evidence import Backend, Capture
from .fetching import Fetcher, FetchError, Response
from .main_text import main_text

EVIDENCE_DIR = "_evidence"


class ArchiveError(Exception):
    """A remote archive refused or failed the capture."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def file_stem(url: str, when: datetime) -> str:
    host = (urlsplit(url).hostname or "page").removeprefix("www.")
    digest = hashlib.blake2b(url.encode(), digest_size=5).hexdigest()
    return f"{host}-{digest}-{when.strftime('%Y%m%d%H%M%S')}"


@dataclass
class Locker:
    """The project's evidence folder (``SRCDIR/_evidence``)."""

    srcdir: Path

    def path(self, name: str) -> tuple[Path, str]:
        folder = self.srcdir / EVIDENCE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name, f"{EVIDENCE_DIR}/{name}"

    def keep_text(self, stem: str, text: str | None) -> tuple[str | None, str | None]:
        """The main text written next to the ledger: (srcdir-relative path, SHA-256)."""
        if text is None:
            return None, None
        path, relative = self.path(f"{stem}.txt")
        path.write_text(text, encoding="utf-8")
        return relative, _sha256(text.encode())


def recorded(
    url: str,
    backend: Backend,
    response: Response,
    locker: Locker,
    when: datetime,
    **fields: Any,
) -> Capture:
    """A capture of a fetched page, its main text kept in the locker."""
    stem = file_stem(url, when)
    if response.status >= 400:
        return Capture(
            url=url,
            backend=backend,
            captured_at=when,
            status=response.status,
            final_url=response.final_url,
            error=f"HTTP {response.status} {response.reason}".strip(),
        )
    text_file, text_sha = locker.keep_text(
        stem, main_text(response.body, response.content_type, response.final_url)
    )
    return Capture(
        url=url,
        backend=backend,
        captured_at=when,
        status=response.status,
        content_type=response.content_type or None,
        final_url=response.final_url,
        sha256=_sha256(response.body),
        text_sha256=text_sha,
        text_file=text_file,
        **fields,
    )


def failed(url: str, backend: Backend, reason: str) -> Capture:
    return Capture(url=url, backend=backend, captured_at=_now(), error=reason)


class FetchingBackend:
    """A backend that fetches the page itself first (see the module docstring)."""

    name: Backend

    def __init__(self, locker: Locker, fetcher: Fetcher) -> None:
        self.locker, self.fetcher = locker, fetcher

    def fetched(self, url: str) -> tuple[Capture, Response | None, datetime]:
        """The page fetched and recorded (a failed capture, and no response, when the
        fetch failed)."""
        when = _now()
        try:
            response = self.fetcher.fetch(url)
        except FetchError as exc:
            return failed(url, self.name, str(exc)), None, when
        return recorded(url, self.name, response, self.locker, when), response, when


class LocalBackend(FetchingBackend):
    name: Backend = "local"

    def capture(self, url: str) -> Capture:
        capture, response, when = self.fetched(url)
        if not capture.ok or response is None:
            return capture
        path, relative = self.locker.path(f"{file_stem(url, when)}.wacz")
        write_wacz(response, path, when)
        return capture.model_copy(update={"wacz": relative})


def _warc_records(response: Response, when: datetime) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    for answer, address in [
        *zip(response.hops, response.redirects, strict=False),
        (response, response.final_url),
    ]:
        parts = urlsplit(address)
        request = StatusAndHeaders(
            f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1",
            [("Host", parts.netloc)],
            is_http_request=True,
        )
        headers = StatusAndHeaders(
            f"{answer.status} {answer.reason}", answer.headers, protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            address,
            "response",
            payload=io.BytesIO(answer.body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": stamp},
        )
        writer.write_record(record)
        writer.write_record(
            writer.create_warc_record(
                address,
                "request",
                payload=io.BytesIO(b""),
                http_headers=request,
                warc_headers_dict={"WARC-Date": stamp},
            )
        )
    return buffer.getvalue()


def write_wacz(response: Response, path: Path, when: datetime) -> None:
    """The exchange as a WARC, packaged as a WACZ (the wacz tool's own ``create``)."""
    from wacz.main import main as wacz_main

    with tempfile.TemporaryDirectory() as scratch:
        warc = Path(scratch) / f"{path.stem}.warc.gz"
        warc.write_bytes(_warc_records(response, when))
        with redirect_stdout(io.StringIO()):
            status = wacz_main(["create", "-o", str(path), str(warc)])
        if status not in (0, None) or not path.is_file():
            raise ArchiveError(f"wacz create failed for {path.name}")


class PywbBackend:
    name: Backend = "pywb"

    def __init__(self, locker: Locker, fetcher: Fetcher, collection: str) -> None:
        self.locker, self.fetcher = locker, fetcher
        self.collection = collection.rstrip("/")

    def capture(self, url: str) -> Capture:
        when = _now()
        try:  # id_: the page as served, not rewritten for replay
            response = self.fetcher.fetch(f"{self.collection}/record/id_/{url}")
        except FetchError as exc:
            return failed(url, self.name, f"through pywb: {exc}")
        response.final_url = _unwrapped(response.final_url, self.collection) or url
        archived = f"{self.collection}/{when.strftime('%Y%m%d%H%M%S')}/{url}"
        return recorded(url, self.name, response, self.locker, when, archived_url=archived)


def _unwrapped(address: str, collection: str) -> str | None:
    """The page's own address inside a pywb address (``.../record/id_/<url>``)."""
    for marker in ("/record/id_/", "id_/"):
        if marker in address and address.startswith(collection):
            return address.split(marker, 1)[1]
    return None


def _call(
    method: str,
    url: str,
    headers: Mapping[str, str],
    data: bytes | None = None,
    timeout: float = 60.0,
) -> tuple[int, dict[str, Any], Mapping[str, str]]:
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read()
            status, answer_headers = answer.status, answer.headers
    except urllib.error.HTTPError as error:
        body, status, answer_headers = error.read(), error.code, error.headers
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ArchiveError(f"no answer from {url}: {getattr(error, 'reason', error)}") from None
    try:
        payload = json.loads(body or b"{}")
    except ValueError:
        payload = {"message": body[:200].decode("utf-8", "replace")}
    return status, payload if isinstance(payload, dict) else {"data": payload}, answer_headers


class RemoteBackend(FetchingBackend):
    """A public archive: the page is fetched for its text and hashes, then archived."""

    def __init__(
        self, locker: Locker, fetcher: Fetcher, poll: float = 5.0, patience: float = 300.0
    ) -> None:
        super().__init__(locker, fetcher)
        self.poll, self.patience = poll, patience

    def capture(self, url: str) -> Capture:
        capture, _response, _when = self.fetched(url)
        if not capture.ok:
            return capture
        try:
            archived, archived_at = self.archive(url)
        except ArchiveError as exc:
            return capture.model_copy(update={"error": str(exc)})
        return capture.model_copy(update={"archived_url": archived, "captured_at": archived_at})

    def archive(self, url: str) -> tuple[str, datetime]:
        raise NotImplementedError

    def _wait_out(self, status: int, headers: Mapping[str, str], attempt: int) -> bool:
        """A rate limit (429): wait as told (or a growing pause), then try again."""
        if status != 429 or attempt >= 5:
            return False
        after = headers.get("Retry-After", "")
        time.sleep(float(after) if after.replace(".", "", 1).isdigit() else self.poll * 2**attempt)
        return True


class WaybackBackend(RemoteBackend):
    name: Backend = "wayback"

    def __init__(self, locker: Locker, fetcher: Fetcher, **kwargs: float) -> None:
        super().__init__(locker, fetcher, **kwargs)
        self.endpoint = os.environ.get("FACTCHECK_WAYBACK_ENDPOINT", "https://web.archive.org")
        self.endpoint = self.endpoint.rstrip("/")
        access, secret = os.environ.get("WAYBACK_ACCESS_KEY"), os.environ.get("WAYBACK_SECRET_KEY")
        if not access or not secret:
            raise ArchiveError(
                "set WAYBACK_ACCESS_KEY and WAYBACK_SECRET_KEY (archive.org S3 keys)"
            )
        self.headers = {"Accept": "application/json", "Authorization": f"LOW {access}:{secret}"}

    def archive(self, url: str) -> tuple[str, datetime]:
        form = urllib.parse.urlencode({"url": url, "skip_first_archive": "1"}).encode()
        for attempt in range(6):
            status, answer, headers = _call(
                "POST",
                f"{self.endpoint}/save",
                {**self.headers, "Content-Type": "application/x-www-form-urlencoded"},
                form,
            )
            if not self._wait_out(status, headers, attempt):
                break
        job = answer.get("job_id")
        if status >= 400 or not job:
            raise ArchiveError(f"Save Page Now refused: {answer.get('message') or status}")
        deadline = time.monotonic() + self.patience
        while time.monotonic() < deadline:
            status, answer, headers = _call(
                "GET", f"{self.endpoint}/save/status/{job}", self.headers
            )
            state = answer.get("status")
            if state == "success":
                stamp = str(answer.get("timestamp"))
                original = str(answer.get("original_url") or url)
                when = datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
                return f"{self.endpoint}/web/{stamp}/{original}", when
            if state == "error":
                raise ArchiveError(
                    f"Save Page Now failed: {answer.get('status_ext') or answer.get('message')}"
                )
            time.sleep(self.poll)
        raise ArchiveError(f"Save Page Now did not finish within {self.patience:g} s")


class PermaBackend(RemoteBackend):
    name: Backend = "perma"

    def __init__(self, locker: Locker, fetcher: Fetcher, **kwargs: float) -> None:
        super().__init__(locker, fetcher, **kwargs)
        self.endpoint = os.environ.get("FACTCHECK_PERMA_ENDPOINT", "https://api.perma.cc")
        self.endpoint = self.endpoint.rstrip("/")
        self.site = os.environ.get("FACTCHECK_PERMA_SITE", "https://perma.cc").rstrip("/")
        key = os.environ.get("PERMA_API_KEY")
        if not key:
            raise ArchiveError("set PERMA_API_KEY (your perma.cc API key)")
        self.headers = {"Authorization": f"ApiKey {key}", "Content-Type": "application/json"}

    def archive(self, url: str) -> tuple[str, datetime]:
        body = json.dumps({"url": url}).encode()
        for attempt in range(6):
            status, answer, headers = _call(
                "POST", f"{self.endpoint}/v1/archives/", self.headers, body
            )
            if not self._wait_out(status, headers, attempt):
                break
        guid = answer.get("guid")
        if status >= 400 or not guid:
            raise ArchiveError(f"perma.cc refused: {answer.get('detail') or answer or status}")
        created = str(answer.get("creation_timestamp") or "")
        try:
            when = datetime.fromisoformat(created.replace("Z", "+00:00"))
        except ValueError:
            when = _now()
        return f"{self.site}/{guid}", when


BACKENDS = ("local", "pywb", "wayback", "perma")


def make_backend(
    name: str, srcdir: Path, fetcher: Fetcher, pywb: str | None = None, poll: float = 5.0
) -> FetchingBackend | PywbBackend:
    locker = Locker(srcdir)
    if name == "local":
        return LocalBackend(locker, fetcher)
    if name == "pywb":
        if not pywb:
            raise ArchiveError("--backend pywb needs --pywb URL/COLLECTION")
        return PywbBackend(locker, fetcher, pywb)
    if name == "wayback":
        return WaybackBackend(locker, fetcher, poll=poll)
    if name == "perma":
        return PermaBackend(locker, fetcher, poll=poll)
    raise ArchiveError(f"unknown backend {name!r} (one of {', '.join(BACKENDS)})")

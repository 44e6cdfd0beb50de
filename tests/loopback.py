"""Servers on 127.0.0.1 for the evidence tests, started and stopped by them: a site of
pages to capture (which can change, vanish or turn into a soft 404), and stand-ins for
Save Page Now 2 and perma.cc that follow those services' documented APIs (neither can
be reached from here)."""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Page = tuple[int, dict[str, str], bytes]


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer says *text* (Helvetica, no dependencies)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def article(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright the example site</footer></body></html>"
    ).encode()


def html(payload: bytes) -> Page:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, payload


def redirect(location: str, status: int = 301) -> Page:
    return status, {"Location": location}, b""


class Site:
    """A small site whose pages a test can change; it counts what is asked of it."""

    def __init__(self) -> None:
        self.pages: dict[str, Page | Callable[[], Page]] = {}
        self.hits: Counter[str] = Counter()
        self.base = ""

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def answer(
    handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes
) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    if "Content-Length" not in headers:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def answer_json(
    handler: BaseHTTPRequestHandler, status: int, data: dict[str, Any], **headers: str
) -> None:
    answer(
        handler, status, {"Content-Type": "application/json", **headers}, json.dumps(data).encode()
    )


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            page = site.pages.get(path)
            if callable(page):
                page = page()
            status, headers, body = page or (404, {"Content-Type": "text/plain"}, b"no such page")
            answer(self, status, headers, body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def site_server(site: Site) -> Iterator[Site]:
    with serving(_handler(site)) as base:
        site.base = base
        yield site


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SavePageNow:
    """Save Page Now 2 as documented: ``POST /save`` (form ``url``; ``Authorization:
    LOW key:secret``; JSON ``job_id``), ``GET /save/status/<job>`` (``pending``, then
    ``success`` with ``timestamp`` and ``original_url``); the first request is answered
    429 with ``Retry-After``, as the service does under load."""

    def __init__(self, keys: str = "access:secret") -> None:
        self.keys, self.saved, self.polls = keys, [], Counter()
        self.limited = False

    def handler(self) -> type[BaseHTTPRequestHandler]:
        spn = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, status: int, data: dict[str, Any], **headers: str) -> None:
                answer_json(self, status, data, **headers)

            def do_POST(self) -> None:
                if self.headers.get("Authorization") != f"LOW {spn.keys}":
                    self._json(401, {"message": "You need to be logged in"})
                    return
                if not spn.limited:
                    spn.limited = True
                    self._json(429, {"message": "Too many requests"}, **{"Retry-After": "0"})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                url = form["url"][0]
                spn.saved.append(url)
                self._json(200, {"url": url, "job_id": f"spn2-{len(spn.saved)}"})

            def do_GET(self) -> None:
                job = urlsplit(self.path).path.rsplit("/", 1)[-1]
                spn.polls[job] += 1
                if spn.polls[job] < 2:
                    self._json(200, {"status": "pending", "job_id": job})
                    return
                url = spn.saved[int(job.rsplit("-", 1)[1]) - 1]
                self._json(
                    200,
                    {
                        "status": "success",
                        "job_id": job,
                        "original_url": url,
                        "timestamp": "20260102030405",
                        "duration_sec": 1.5,
                    },
                )

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


class Perma:
    """perma.cc's ``POST /v1/archives/`` as documented: ``Authorization: ApiKey <key>``,
    a JSON ``url``; 201 with the new link's ``guid`` and ``creation_timestamp``."""

    def __init__(self, key: str = "perma-key") -> None:
        self.key, self.created = key, []

    def handler(self) -> type[BaseHTTPRequestHandler]:
        perma = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = json.loads(self.rfile.read(length) or b"{}")
                if self.headers.get("Authorization") != f"ApiKey {perma.key}":
                    status, reply = (
                        401,
                        {"detail": "Authentication credentials were not provided."},
                    )
                else:
                    perma.created.append(data["url"])
                    status, reply = (
                        201,
                        {
                            "guid": f"AB{len(perma.created):02d}-CDEF",
                            "url": data["url"],
                            "creation_timestamp": "2026-01-02T03:04:05Z",
                        },
                    )
                answer_json(self, status, reply)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

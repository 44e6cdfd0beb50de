"""Source and archive URLs are ordinary links: ``-b linkcheck`` checks them."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from .helpers import write_project


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    (root / "live.html").write_text("<html><body>ok</body></html>")
    httpd = HTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_linkcheck_reports_a_dead_source_with_file_and_line(make_app, tmp_path, server):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n"
                ".. fc:claim:: C\n   :id: c\n   :verdict: true\n   :sources: s\n\n"
                ".. fc:source:: A source\n   :id: s\n"
                f"   :url: {server}/live.html\n"
                f"   :archive: {server}/dead.html\n"
            )
        },
        "linkcheck_timeout = 5\nlinkcheck_retries = 1\n",
    )
    app = make_app("linkcheck", srcdir=src)
    app.build()
    results = {
        r["uri"]: r
        for r in map(json.loads, (Path(app.outdir) / "output.json").read_text().splitlines())
    }
    assert results[f"{server}/live.html"]["status"] == "working"
    dead = results[f"{server}/dead.html"]
    assert dead["status"] == "broken" and "404" in dead["info"]
    assert dead["filename"] == "index.rst" and dead["lineno"] == 9
    report = (Path(app.outdir) / "output.txt").read_text()
    assert f"index.rst:9: [broken] {server}/dead.html" in report

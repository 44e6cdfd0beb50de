"""Evidence that lasts: ``sphinx-factcheck archive`` against a site of our own on
127.0.0.1 (articles, a PDF, redirects, a loop, an oversized body), the ledger, the
build reading it (never the network), excerpts checked against captures, drift, and
the public archives' clients against loopback stand-ins of their documented APIs.
pywb itself runs for real in the tests marked ``pywb``."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from factcheck_ext.archiving.backends import LocalBackend, Locker
from factcheck_ext.archiving.capture_run import capture_all
from factcheck_ext.archiving.fetching import Fetcher
from factcheck_ext.cli import main

from .helpers import factcheck_warnings, page, pywb_bin, text_of, write_project
from .loopback import (
    Perma,
    SavePageNow,
    Site,
    article,
    free_port,
    html,
    redirect,
    serving,
    site_server,
    tiny_pdf,
)

ARTICLE = article(
    "Bread prices",
    [
        "The statistics office said on Monday that the price of bread rose by 4 percent "
        "over the year, far less than claimed by some politicians.",
        "Flour became cheaper in the second half of the year, the office added.",
    ],
)
PDF_TEXT = "Inflation fell to 3 percent in 2021"
STORY = article(
    "A story",
    ["The minister said that bread prices had doubled in a single year, a claim he repeated."],
)


def _pages(site: Site) -> None:
    site.pages = {
        "/bread.html": html(ARTICLE),
        "/report.pdf": (
            200,
            {"Content-Type": "application/pdf"},
            tiny_pdf("Inflation fell to 3 percent in 2021"),
        ),
        "/old-address": redirect("/bread-moved.html"),
        "/bread-moved.html": html(ARTICLE),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/big.html": html(b"<html><body>" + b"x" * 5000 + b"</body></html>"),
        "/story.html": html(STORY),
        "/post.html": html(article("A post", ["Bread has doubled, believe me."])),
    }


@pytest.fixture
def site():
    s = Site()
    _pages(s)
    with site_server(s):
        yield s


def _project(tmp_path: Path, site: Site, conf: str = "", excerpt: str = "") -> Path:
    u = site.url
    text = f"""\
Report
======

.. fc:article:: A story
   :id: story
   :url: {u("/story.html")}

.. fc:claim:: Bread doubled in a year.
   :id: bread
   :article: story
   :verdict: false
   :published: 2022-01-10
   :sources: stats, pdf, moved, loop, big

   .. fc:appearance:: {u("/post.html")}

   The analysis.

.. fc:source:: Bread prices
   :id: stats
   :url: {u("/bread.html")}
{excerpt}
.. fc:source:: Inflation report
   :id: pdf
   :url: {u("/report.pdf")}

.. fc:source:: Moved page
   :id: moved
   :url: {u("/old-address")}

.. fc:source:: A loop
   :id: loop
   :url: {u("/loop-a")}

.. fc:source:: A big page
   :id: big
   :url: {u("/big.html")}
"""
    return write_project(tmp_path / "src", {"index.rst": text}, conf)


def _archive(src: Path, *extra: str) -> int:
    return main(["archive", str(src), "--rate", "0", "--max-bytes", "4000", *extra])


def _ledger(src: Path) -> dict:
    return json.loads((src / "factcheck-archive.json").read_text(encoding="utf-8"))["captures"]


def test_archive_captures_every_cited_address_and_records_failures(tmp_path, site, capsys):
    src = _project(tmp_path, site)
    assert _archive(src) == 1  # two failed
    err = capsys.readouterr().err
    assert "captured 5, failed 2, already captured 0" in err
    captures = _ledger(src)
    assert set(captures) == {
        site.url(p)
        for p in (
            *("/bread.html", "/report.pdf", "/old-address", "/loop-a", "/big.html"),
            *("/story.html", "/post.html"),
        )
    }
    bread = captures[site.url("/bread.html")]
    assert bread["status"] == 200 and bread["content_type"] == "text/html"
    assert bread["sha256"] == hashlib.sha256(ARTICLE).hexdigest()
    text = (src / bread["text_file"]).read_text(encoding="utf-8")
    assert "the price of bread rose by 4 percent" in text and "Copyright" not in text
    assert bread["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    pdf = captures[site.url("/report.pdf")]
    assert "Inflation fell to 3 percent" in (src / pdf["text_file"]).read_text()
    assert captures[site.url("/old-address")]["final_url"] == site.url("/bread-moved.html")
    assert "redirect loop" in captures[site.url("/loop-a")]["error"]
    assert "--max-bytes 4000" in captures[site.url("/big.html")]["error"]
    # the package: a WACZ (a zip with its datapackage) holding the WARC of the exchange
    with zipfile.ZipFile(src / bread["wacz"]) as package:
        assert "datapackage.json" in package.namelist()
    from warcio.archiveiterator import ArchiveIterator

    with zipfile.ZipFile(src / captures[site.url("/old-address")]["wacz"]) as package:
        warc = next(n for n in package.namelist() if n.startswith("archive/"))
        records = [
            (r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode())
            for r in ArchiveIterator(package.open(warc))
            if r.rec_type == "response"
        ]
    assert records == [(site.url("/old-address"), "301"), (site.url("/bread-moved.html"), "200")]
    # the next run captures only what is missing or failed
    before = site.hits.copy()
    site.pages["/loop-b"] = html(article("Found", ["At last."]))
    site.pages["/big.html"] = html(b"<html><body>small now</body></html>")
    assert _archive(src) == 0
    assert "captured 2, failed 0, already captured 5" in capsys.readouterr().err
    assert site.hits["/bread.html"] == before["/bread.html"]


def test_an_interrupted_run_keeps_what_it_captured(tmp_path, site):
    src = _project(tmp_path, site)
    backend = LocalBackend(Locker(src), Fetcher(rate=0))
    calls = []

    class Interrupted:
        def capture(self, url):
            calls.append(url)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return backend.capture(url)

    urls = [site.url("/bread.html"), site.url("/report.pdf"), site.url("/story.html")]
    with pytest.raises(KeyboardInterrupt):
        capture_all(urls, src / "factcheck-archive.json", Interrupted())
    assert list(_ledger(src)) == [site.url("/bread.html")]  # whole, and the first kept
    assert not list(src.glob(".factcheck-archive.json.*"))  # no temporary file left


def test_the_build_offers_the_copy_and_never_touches_the_network(make_app, tmp_path, site):
    src = _project(tmp_path, site, 'factcheck_publisher = {"name": "Desk"}\n')
    _archive(src)
    hits = sum(site.hits.values())
    app = make_app("html", srcdir=src)
    app.build()
    assert sum(site.hits.values()) == hits  # the build read the ledger, not the site
    captured = _ledger(src)[site.url("/bread.html")]
    day = captured["captured_at"][:10]
    block = page(app, "index").get_element_by_id("source-stats")
    links = {a.text_content(): a for a in block.xpath(".//a")}
    title, copy = links["Bread prices"], links[f"Archived copy, {day}"]
    assert title.get("href") == site.url("/bread.html")
    assert copy.get("href") == captured["wacz"]
    for link in (title, copy):
        assert link.get("data-originalurl") == site.url("/bread.html")
        assert link.get("data-versionurl") == captured["wacz"]
        assert link.get("data-versiondate") == day
    assert (Path(app.outdir) / captured["wacz"]).read_bytes() == (
        src / captured["wacz"]
    ).read_bytes()
    # the failed capture offers no copy
    assert "Archived copy" not in text_of(page(app, "index").get_element_by_id("source-loop"))
    out = Path(app.outdir)
    dataset = json.loads((out / "factcheck.json").read_text(encoding="utf-8"))
    sources = {s["id"]: s for s in dataset["sources"]}
    assert sources["stats"]["capture"]["sha256"] == captured["sha256"]
    assert sources["loop"]["capture"]["error"].startswith("redirect loop")
    review = json.loads(
        (out / "index.html")
        .read_text()
        .split('<script type="application/ld+json">')[1]
        .split("</script>")[0]
    )
    citation = {c["url"]: c for c in review["citation"]}
    assert (
        citation[site.url("/bread.html")]["archivedAt"] == f"https://t.example/{captured['wacz']}"
    )
    assert "archivedAt" not in citation[site.url("/loop-a")]
    with (out / "factcheck.csv").open(encoding="utf-8-sig", newline="") as table:
        (row,) = csv.DictReader(table)
    assert captured["wacz"] in row["source_archives"].split()


def test_publication_builds_require_captures_made_in_time(make_app, tmp_path, site):
    src = _project(tmp_path, site, "factcheck_require_archive = True\n")
    _archive(src)
    app = make_app("html", srcdir=src)
    app.build()
    warnings = factcheck_warnings(app)
    failed = [w for w in warnings if "has no capture" in w]
    assert len(failed) == 2 and all("[factcheck.unarchived-source]" in w for w in failed)
    assert any("(the last attempt failed: redirect loop" in w for w in failed)
    late = [w for w in warnings if "was captured only on" in w]
    # the claim was published on 2022-01-10, the captures are today's
    assert len(late) == 3 and "after the claim citing it was published (2022-01-10)" in late[0]


def test_excerpts_are_checked_against_the_capture(make_app, tmp_path, site):
    excerpt = (
        "\n   .. fc:excerpt::\n\n      the price of bread rose by\n      4 percent over the year\n"
        "\n   .. fc:excerpt::\n\n      the price of bread fell\n"
    )
    src = _project(tmp_path, site, excerpt=excerpt)
    _archive(src)
    app = make_app("html", srcdir=src)
    app.build()
    (miss,) = [w for w in factcheck_warnings(app) if "source-misquote" in w]
    lines = (src / "index.rst").read_text().splitlines()
    second = [n for n, line in enumerate(lines, start=1) if "fc:excerpt::" in line][1]
    assert f"index.rst:{second}:" in miss and "'the price of bread fell'" in miss
    block = page(app, "index").get_element_by_id("source-stats")
    quotes = [text_of(q) for q in block.find_class("fc-excerpt")]
    assert quotes[0] == "\u201cthe price of bread rose by 4 percent over the year\u201d"
    dataset = json.loads((Path(app.outdir) / "factcheck.json").read_text(encoding="utf-8"))
    stats = next(s for s in dataset["sources"] if s["id"] == "stats")
    found, missed = stats["excerpts"]
    assert found["selector"]["exact"] == "the price of bread rose by 4 percent over the year"
    assert found["selector"]["prefix"].endswith("said on Monday that ")
    assert missed["selector"] is None
    # a W3C Web Annotation quoting it, on the original and on the archived copy
    (annotation,) = stats["annotations"]
    assert annotation["motivation"] == "quoting"
    wacz = _ledger(src)[site.url("/bread.html")]["wacz"]
    assert [t["source"] for t in annotation["target"]] == [
        site.url("/bread.html"),
        f"https://t.example/{wacz}",
    ]
    assert {t["selector"]["exact"] for t in annotation["target"]} == {found["selector"]["exact"]}


def test_a_typed_archive_must_be_a_copy_of_the_source(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "T\n=\n\n"
            ".. fc:source:: Home\n   :id: a\n   :url: https://a.example/x\n"
            "   :archive: https://web.archive.org/\n\n"  # line 4
            ".. fc:source:: Other\n   :id: b\n   :url: https://a.example/x\n"
            "   :archive: https://web.archive.org/web/2022/https://b.example/y\n\n"  # line 9
            ".. fc:source:: Good\n   :id: c\n   :url: https://a.example/x\n"
            "   :archive: https://web.archive.org/web/20220107000000/http://www.a.example/x/\n"
        },
        "suppress_warnings = ['factcheck.unused-source']\n",
    )
    app = make_app("html", srcdir=src)
    app.build()
    warnings = factcheck_warnings(app)
    assert len(warnings) == 2, warnings
    assert "index.rst:4:" in warnings[0] and "home page of an archive" in warnings[0]
    assert "index.rst:9:" in warnings[1] and "a copy of 'https://b.example/y'" in warnings[1]
    assert all("[factcheck.archive-mismatch]" in w for w in warnings)


def test_drift_tells_same_changed_gone_and_soft_404(make_app, tmp_path, site, capsys):
    src = _project(tmp_path, site)
    _archive(src)
    app = make_app("html", srcdir=src)
    app.build()  # before drift: no marks
    assert "No longer online" not in (Path(app.outdir) / "index.html").read_text()
    site.pages["/bread.html"] = html(article("Bread prices", ["A different text now."]))
    site.pages["/report.pdf"] = (404, {"Content-Type": "text/plain"}, b"gone")
    site.pages["/bread-moved.html"] = redirect("/")
    site.pages["/"] = html(article("Home", ["Welcome to the example site, with much to read."]))
    site.pages["/story.html"] = html(b"<html><body><h1>Page not found</h1></body></html>")
    assert main(["drift", str(src), "--rate", "0"]) == 0
    table = capsys.readouterr().out
    report = json.loads((src / "factcheck-drift.json").read_text())["checks"]
    statuses = {url.removeprefix(site.base): c["status"] for url, c in report.items()}
    assert statuses == {  # the loop and the big page have no capture to compare
        "/bread.html": "changed",
        "/report.pdf": "gone",
        "/old-address": "soft-404",  # now sent to the home page
        "/story.html": "soft-404",  # a "not found" page served with 200
        "/post.html": "same",
    }
    assert "changed   " in table and site.url("/bread.html") in table
    assert main(["drift", str(src), "--rate", "0", "--strict"]) == 1
    # an incremental build reads the new report and marks the sources
    app2 = make_app("html", srcdir=src)
    app2.build()
    block = text_of(page(app2, "index").get_element_by_id("source-stats"))
    assert "Changed since we cited it" in block and "Archived copy" in block
    assert "No longer online" in text_of(page(app2, "index").get_element_by_id("source-pdf"))


@pytest.mark.parametrize("service", ["wayback", "perma"])
def test_public_archives_through_their_documented_apis(tmp_path, site, monkeypatch, service):
    src = _project(tmp_path, site)
    stand_in = SavePageNow() if service == "wayback" else Perma()
    with serving(stand_in.handler()) as endpoint:
        if service == "wayback":
            monkeypatch.setenv("FACTCHECK_WAYBACK_ENDPOINT", endpoint)
            monkeypatch.setenv("WAYBACK_ACCESS_KEY", "access")
            monkeypatch.setenv("WAYBACK_SECRET_KEY", "secret")
        else:
            monkeypatch.setenv("FACTCHECK_PERMA_ENDPOINT", endpoint)
            monkeypatch.setenv("FACTCHECK_PERMA_SITE", "https://perma.example")
            monkeypatch.setenv("PERMA_API_KEY", "perma-key")
        assert _archive(src, "--backend", service, "--poll", "0.01") == 1  # loop, big
    bread = _ledger(src)[site.url("/bread.html")]
    assert bread["backend"] == service and bread["text_file"]
    if service == "wayback":
        assert bread["archived_url"] == f"{endpoint}/web/20260102030405/{site.url('/bread.html')}"
        assert bread["captured_at"].startswith("2026-01-02T03:04:05")
        assert stand_in.limited  # the 429 was waited out
    else:
        assert bread["archived_url"].startswith("https://perma.example/AB")
        assert site.url("/bread.html") in stand_in.created


def test_public_archives_need_their_keys(tmp_path, site, monkeypatch, capsys):
    src = _project(tmp_path, site)
    monkeypatch.delenv("WAYBACK_ACCESS_KEY", raising=False)
    assert _archive(src, "--backend", "wayback") == 2
    assert "set WAYBACK_ACCESS_KEY and WAYBACK_SECRET_KEY" in capsys.readouterr().err


def _wayback(folder: Path, port: int, *extra: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(pywb_bin() / "wayback"), "-p", str(port), "-b", "127.0.0.1", *extra],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("pywb did not start")


def _get(url: str, attempts: int = 150) -> bytes:
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return answer.read()
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"no replay of {url}")


@pytest.mark.pywb
def test_pywb_replays_the_local_package(tmp_path, site):
    src = _project(tmp_path, site)
    _archive(src)
    bread = _ledger(src)[site.url("/bread.html")]
    archive = tmp_path / "pywb"
    archive.mkdir()
    manager = str(pywb_bin() / "wb-manager")
    subprocess.run([manager, "init", "evidence"], cwd=archive, check=True, capture_output=True)
    subprocess.run(
        [manager, "add", "--unpack-wacz", "evidence", str(src / bread["wacz"])],
        cwd=archive,
        check=True,
        capture_output=True,
    )
    port = free_port()
    process = _wayback(archive, port)
    try:
        replayed = _get(f"http://127.0.0.1:{port}/evidence/2030id_/{site.url('/bread.html')}")
    finally:
        process.kill()
        process.wait()
    assert replayed == ARTICLE


@pytest.mark.pywb
def test_the_pywb_backend_records_through_pywb(tmp_path, site):
    src = _project(tmp_path, site)
    archive = tmp_path / "pywb"
    archive.mkdir()
    manager = str(pywb_bin() / "wb-manager")
    subprocess.run([manager, "init", "desk"], cwd=archive, check=True, capture_output=True)
    # pywb's documented record mode: a live collection, the recorder writing into the
    # collection named in the address, the index refreshed every second
    (archive / "config.yaml").write_text(
        "collections:\n  live: $live\nrecorder:\n  source_coll: live\n"
        "  rollover_idle_secs: 1\nautoindex: 1\n",
        encoding="utf-8",
    )
    port = free_port()
    process = _wayback(archive, port)
    try:
        collection = f"http://127.0.0.1:{port}/desk"
        status = _archive(src, "--backend", "pywb", "--pywb", collection)
        bread = _ledger(src)[site.url("/bread.html")]
        assert bread["archived_url"].startswith(f"{collection}/20")
        assert bread["sha256"] == hashlib.sha256(ARTICLE).hexdigest()
        stamp = bread["archived_url"].removeprefix(f"{collection}/").split("/", 1)[0]
        # index what was recorded now, rather than wait for pywb's autoindexer (which can
        # index a WARC while the recorder still writes it, and miss the record)
        subprocess.run([manager, "reindex", "desk"], cwd=archive, check=True, capture_output=True)
        replayed = _get(f"{collection}/{stamp}id_/{site.url('/bread.html')}")
    finally:
        process.kill()
        process.wait()
    assert status == 1  # the loop and the big page
    assert replayed == ARTICLE
    assert list((archive / "collections" / "desk" / "archive").glob("*.warc.gz"))


def test_the_status_builder_lists_failed_captures(make_app, tmp_path, site):
    src = _project(tmp_path, site)
    _archive(src)
    app = make_app("factcheck", srcdir=src)
    app.build()
    report = json.loads((Path(app.outdir) / "status.json").read_text())
    failed = [p for p in report["problems"] if p["subtype"] == "unarchived-source"]
    assert sorted(p["message"].split("'")[1] for p in failed) == ["big", "loop"]
    assert "redirect loop" in " ".join(p["message"] for p in failed)


def _html(app, docname: str = "index") -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


def test_captures_reach_pages_alike_in_parallel_and_incremental_builds(make_app, tmp_path, site):
    src = _project(tmp_path, site)
    (src / "list.rst").write_text("Sources\n=======\n\n.. fc:sources::\n", encoding="utf-8")
    (src / "index.rst").write_text(
        (src / "index.rst").read_text() + "\n.. toctree::\n\n   list\n", encoding="utf-8"
    )
    first = make_app("html", srcdir=src)
    first.build()  # no ledger yet
    assert "Archived copy" not in _html(first, "list")
    _archive(src)  # the ledger appears: the next incremental build must show it
    incremental = make_app("html", srcdir=src)
    incremental.build()
    fresh = make_app("html", srcdir=src, freshenv=True)
    fresh.build()
    fresh_pages = {name: _html(fresh, name) for name in ("index", "list")}
    assert {name: _html(incremental, name) for name in ("index", "list")} == fresh_pages
    parallel = make_app(
        "html", srcdir=src, builddir=tmp_path / "parallel", parallel=2, freshenv=True
    )
    parallel.build()
    assert {name: _html(parallel, name) for name in ("index", "list")} == fresh_pages
    # a list elsewhere links the entry by its title, and gives the address on its own
    items = page(fresh, "list").find_class("fc-bibliography")[0].xpath("./li")
    stats = next(li for li in items if "Bread prices" in text_of(li))
    hrefs = [a.get("href") for a in stats.xpath(".//a")]
    assert hrefs[0].startswith("index.html#source-stats")
    assert site.url("/bread.html") in hrefs and any(h.endswith(".wacz") for h in hrefs)


def test_bad_excerpts_and_a_damaged_ledger_warn_and_the_build_goes_on(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "T\n=\n\n"
            ".. fc:source:: S\n   :id: s\n   :url: https://s.example/\n\n"
            "   .. fc:excerpt::\n\n"  # line 8: no passage
            ".. fc:excerpt::\n\n   Outside any source.\n"  # line 10: misplaced
        },
        "suppress_warnings = ['factcheck.unused-source']\n",
    )
    (src / "factcheck-archive.json").write_text("{not json", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    warnings = factcheck_warnings(app)
    assert len(warnings) == 3, warnings
    empty = next(w for w in warnings if "[factcheck.bad-option]" in w)
    assert "index.rst:8:" in empty and "the passage (the directive's content) is empty" in empty
    misplaced = next(w for w in warnings if "[factcheck.misplaced]" in w)
    assert "index.rst:10:" in misplaced
    damaged = next(w for w in warnings if "[factcheck.bad-evidence-file]" in w)
    assert "factcheck-archive.json: cannot be read (the file: Invalid JSON" in damaged
    assert "Outside any source." not in (Path(app.outdir) / "index.html").read_text()

"""Markdown (MyST) authoring: the same claims, links and warnings as the rst twin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import factcheck_warnings, page

pytest.importorskip("myst_parser")

LOCATION = re.compile(r"/myst(?:-rst)?/(?P<file>[\w.]+):(?P<line>\d+): WARNING: (?P<msg>.*)$")


def _build(make_app, rootdir, name, tmp_path):
    import shutil

    src = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", src)
    app = make_app("html", srcdir=src)
    app.build()
    return app, src


@pytest.fixture
def twins(make_app, rootdir, tmp_path):
    return (
        _build(make_app, rootdir, "myst", tmp_path),
        _build(make_app, rootdir, "myst-rst", tmp_path),
    )


def test_markdown_builds_the_same_dataset_as_rst(twins):
    (md, _), (rst, _) = twins
    md_data = json.loads((Path(md.outdir) / "factcheck.json").read_text())
    rst_data = json.loads((Path(rst.outdir) / "factcheck.json").read_text())
    assert md_data == rst_data
    growth = next(c for c in md_data["claims"] if c["id"] == "growth")
    assert growth["cited"] == ["stats"] and growth["updates"][0]["previous_verdict"] == "false"


def test_markdown_renders_the_same_links_and_badges(twins):
    (md, _), (rst, _) = twins
    for docname in ("index", "claims"):
        md_body = page(md, docname).find_class("body")[0]
        rst_body = page(rst, docname).find_class("body")[0]
        assert md_body.xpath(".//a/@href") == rst_body.xpath(".//a/@href")
        badges = [b.text_content() for b in md_body.find_class("fc-badge")]
        assert badges == [b.text_content() for b in rst_body.find_class("fc-badge")]
    growth = page(md, "claims").get_element_by_id("claim-growth")
    assert "Correction, 2022-02-10" in growth.text_content()


def test_markdown_warnings_match_rst_and_point_at_the_directive(twins):
    results = []
    for app, src in twins:
        found = []
        for warning in factcheck_warnings(app):
            match = LOCATION.search(warning)
            assert match, warning
            line = (src / match["file"]).read_text().splitlines()[int(match["line"]) - 1]
            assert "fc:claim" in line and "Prices fell." in line, (warning, line)
            found.append(match["msg"])
        results.append(sorted(found))
    md_warnings, rst_warnings = results
    assert md_warnings == rst_warnings
    assert len(md_warnings) == 3  # unknown verdict, unknown source, quote not found

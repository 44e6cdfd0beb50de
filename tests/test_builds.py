"""Every builder, parallel builds and incremental builds."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from .helpers import (
    BUILDERS,
    copy_root,
    factcheck_warnings,
    html_pages,
    page,
    text_of,
    write_project,
)


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_builds_the_example_without_warnings(make_app, tmp_path, builder):
    src = copy_root("basic", tmp_path / "src")
    app = make_app(builder, srcdir=src, warningiserror=True)
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    assert app.warning.getvalue().strip() == ""
    out = Path(app.outdir)
    if builder == "text":
        text = (out / "article.txt").read_text()
        assert "True **The protests began in response to rising fuel prices.**" in text
        assert "Check in progress **Unchecked claim**" in text
        sources = (out / "sources.txt").read_text()
        assert "Cited by:" in sources and "fuel prices. True" in sources
    if builder == "latex":
        tex = next(out.glob("*.tex")).read_text()
        assert "The protests began in response to rising fuel prices." in tex
        assert "Opinion" in tex


def test_tables_read_as_text(make_app, tmp_path):
    """The text builder takes a column's width as characters: a summary's table has
    whole words in its cells, not a letter per line (and older Sphinx does not hang
    wrapping it)."""
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "T\n=\n\n.. fc:claim:: C\n   :id: c\n   :verdict: opinion\n\n"
            ".. fc:summary::\n\n.. fc:claims::\n",
        },
    )
    app = make_app("text", srcdir=src)
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text()
    header = next(line for line in text.splitlines() if line.startswith("| Verdict"))
    assert "Claims" in header and "| Share of rated" in header
    assert "| Opinion" in text


@pytest.mark.parametrize("root", ["basic", "desk"])
def test_parallel_build_gives_the_same_pages(make_app, tmp_path, root):
    if os.cpu_count() == 1:  # pragma: no cover
        pytest.skip("needs two cores")
    serial = make_app("html", srcdir=copy_root(root, tmp_path / "serial"))
    serial.build()
    parallel = make_app("html", srcdir=copy_root(root, tmp_path / "parallel"), parallel=2)
    parallel.build()
    assert html_pages(Path(serial.outdir)) == html_pages(Path(parallel.outdir))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_incremental_build_updates_backlinks_and_article_lists(make_app, tmp_path):
    src = copy_root("basic", tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    # change a verdict, drop a source and add a claim in a new document
    _edit(src / "article.rst", ":verdict: true\n   :sources: lpg-cap\n", ":verdict: false\n")
    _edit(src / "index.rst", "   sources\n", "   sources\n   more\n")
    (src / "more.rst").write_text(
        "More\n====\n\n.. fc:claim:: A new claim\n   :id: new-claim\n"
        "   :article: reuters-ablyazov\n"
        "   :verdict: true\n   :sources: lpg-cap\n"
    )
    app2 = make_app("html", srcdir=src)
    app2.build()
    lpg = page(app2, "sources").get_element_by_id("source-lpg-cap")
    assert lpg.find_class("fc-cited-by")[0].xpath(".//a/@href") == ["more.html#claim-new-claim"]
    rferl = page(app2, "sources").get_element_by_id("source-rferl")
    assert "False" in text_of(rferl.find_class("fc-cited-by")[0])
    article = page(app2, "index").get_element_by_id("article-reuters-ablyazov")
    assert "A new claim True" in text_of(article)
    assert "The protests began in response to rising fuel prices. False" in text_of(article)

    # remove the document again: its claim disappears everywhere
    _edit(src / "index.rst", "   more\n", "")
    (src / "more.rst").unlink()
    app3 = make_app("html", srcdir=src)
    app3.build()
    lpg = page(app3, "sources").get_element_by_id("source-lpg-cap")
    assert "no claim yet" in text_of(lpg.find_class("fc-cited-by")[0])
    assert "A new claim" not in text_of(page(app3, "index"))


def test_incremental_build_rewrites_only_dependent_pages(make_app, tmp_path):
    src = copy_root("basic", tmp_path / "src")
    (src / "unrelated.rst").write_text("Unrelated\n=========\n\nNo fact-checks here.\n")
    _edit(src / "index.rst", "   sources\n", "   sources\n   unrelated\n")
    app = make_app("html", srcdir=src)
    app.build()
    mtimes = {p.name: p.stat().st_mtime_ns for p in Path(app.outdir).glob("*.html")}
    # editing only the analysis text changes no listed data: nothing else is rewritten
    _edit(src / "article.rst", "Prices doubled", "Prices rose")
    app2 = make_app("html", srcdir=src)
    app2.build()
    rewritten = {
        p.name
        for p in Path(app2.outdir).glob("*.html")
        if p.stat().st_mtime_ns != mtimes.get(p.name)
    }
    assert "unrelated.html" not in rewritten
    assert {"article.html"} <= rewritten
    # (index.html holds the toctree, which Sphinx itself rewrites with its children)
    assert "sources.html" not in rewritten


def test_incremental_build_rewrites_pages_showing_a_changed_verdict(make_app, tmp_path):
    src = copy_root("basic", tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    mtimes = {p.name: p.stat().st_mtime_ns for p in Path(app.outdir).glob("*.html")}
    _edit(src / "article.rst", ":verdict: true\n", ":verdict: mostly-true\n")
    app2 = make_app("html", srcdir=src)
    app2.build()
    rewritten = {
        p.name
        for p in Path(app2.outdir).glob("*.html")
        if p.stat().st_mtime_ns != mtimes.get(p.name)
    }
    assert {"article.html", "sources.html", "index.html"} <= rewritten
    lpg = page(app2, "sources").get_element_by_id("source-lpg-cap")
    assert "Mostly true" in text_of(lpg.find_class("fc-cited-by")[0])


def test_custom_verdict_scale(make_app, tmp_path):
    conf = (
        "factcheck_verdicts = [\n"
        "  {'key': 'correct', 'label': 'Correct', 'description': 'Right.', 'rating': 2,"
        " 'colour': '#005a9c'},\n"
        "  {'key': 'wrong', 'label': 'Wrong', 'description': 'Not right.', 'rating': 1},\n"
        "  {'key': 'satire', 'label': 'Satire', 'description': 'A joke.',"
        " 'needs_sources': False},\n"
        "]\n"
    )
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n.. fc:claim:: A joke\n   :id: joke\n   :verdict: satire\n\n"
                ":fc:verdict:`correct`\n"
            )
        },
        conf,
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert factcheck_warnings(app) == []
    doc = page(app, "index")
    assert [b.text_content() for b in doc.find_class("fc-badge")] == ["Satire", "Correct"]
    css = (Path(app.outdir) / "_static" / "factcheck-verdicts.css").read_text()
    assert ".fc-badge.fc-verdict-correct { background: #005a9c; color: #ffffff; }" in css


@pytest.mark.parametrize(
    ("verdicts", "message"),
    [
        ("[{'key': 'ok', 'label': 'OK'}]", "entry 1 ('ok') is invalid: description"),
        (
            "[{'key': 'ok', 'label': 'OK', 'description': 'x', 'colour': 'green'}]",
            "entry 1 ('ok') is invalid: colour",
        ),
        (
            "[{'key': 'a', 'label': 'A', 'description': 'x'}, {'key': 'a', 'label': 'B', "
            "'description': 'y'}]",
            "verdict key 'a' is defined twice",
        ),
        ("[]", "factcheck_verdicts"),
    ],
)
def test_bad_verdict_scale_is_a_clear_config_error(make_app, tmp_path, verdicts, message):
    src = write_project(
        tmp_path / "src", {"index.rst": "T\n=\n"}, f"factcheck_verdicts = {verdicts}\n"
    )
    with pytest.raises(ConfigError, match=re.escape(message)):
        make_app("html", srcdir=src)


def test_setup_declares_parallel_safety_and_env_version():
    from importlib.metadata import version
    from unittest.mock import MagicMock

    import factcheck_ext
    from factcheck_ext.domain.records import ENV_VERSION

    metadata = factcheck_ext.setup(MagicMock())
    assert metadata["parallel_read_safe"] is True
    assert metadata["parallel_write_safe"] is True
    assert metadata["env_version"] == ENV_VERSION
    # the version is written once, in pyproject.toml
    assert metadata["version"] == factcheck_ext.__version__ == version("sphinx-factcheck")


def test_other_projects_link_to_claims_with_intersphinx(make_app, tmp_path):
    report = make_app("html", srcdir=copy_root("basic", tmp_path / "report"))
    report.build()
    inventory = Path(report.outdir) / "objects.inv"
    conf = (
        'extensions.append("sphinx.ext.intersphinx")\n'
        f'intersphinx_mapping = {{"desk": ("https://desk.example.org/", {str(inventory)!r})}}\n'
    )
    src = write_project(
        tmp_path / "other",
        {
            "index.rst": (
                "Other\n=====\n\nSee :fc:claim:`desk:fuel-prices` and "
                ":external+desk:fc:source:`lpg-cap`.\n"
            )
        },
        conf,
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert factcheck_warnings(app) == []
    hrefs = page(app, "index").xpath("//a/@href")
    assert "https://desk.example.org/article.html#claim-fuel-prices" in hrefs
    assert "https://desk.example.org/sources.html#source-lpg-cap" in hrefs


@pytest.mark.parametrize("builder", ["html", "singlehtml"])
def test_static_files_with_the_doctrees_inside_the_output(tmp_path, builder):
    """``sphinx-build -b html SRC OUT`` keeps doctrees in OUT/.doctrees: nothing the
    extension ships may live there (Sphinx rejects static paths inside the output)."""
    from sphinx.cmd.build import build_main

    src = copy_root("basic", tmp_path / "src")
    out = tmp_path / "out"
    for _ in range(2):  # the second build must not see a configuration change either
        assert build_main(["-W", "-q", "-b", builder, str(src), str(out)]) == 0
    static = out / "_static"
    assert (static / "factcheck.css").is_file()
    assert "fc-badge" in (static / "factcheck-verdicts.css").read_text()
    assert 'href="_static/factcheck-verdicts.css' in (out / "index.html").read_text()

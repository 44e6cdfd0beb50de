"""The claim and source index pages: built in Python when the theme uses Sphinx's
own domainindex.html, byte-for-byte what that template would give; the theme's
template otherwise; author text escaped either way."""

from __future__ import annotations

from pathlib import Path

import pytest
import sphinx

from .helpers import copy_root, page, text_of, write_project

BASIC = Path(sphinx.__file__).parent / "themes" / "basic" / "domainindex.html"
INDEX_PAGES = ("fc-claimindex", "fc-sourceindex")


def with_template(src: Path, template: str) -> Path:
    """*src* with its own domainindex.html in templates_path."""
    (src / "_templates").mkdir()
    (src / "_templates" / "domainindex.html").write_text(template, encoding="utf-8")
    with open(src / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\ntemplates_path = ["_templates"]\n')
    return src


def built_pages(make_app, src: Path, builder: str, monkeypatch) -> tuple[dict[str, bytes], int]:
    """The index pages' bytes, and how often the Python renderer ran."""
    from factcheck_ext.render import index_page

    calls = []
    real = index_page.index_body
    monkeypatch.setattr(index_page, "index_body", lambda *a: calls.append(a) or real(*a))
    app = make_app(builder, srcdir=src)
    app.build()
    out = Path(app.outdir)
    suffix = "/index.html" if builder == "dirhtml" else ".html"
    return {name: (out / f"{name}{suffix}").read_bytes() for name in INDEX_PAGES}, len(calls)


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_index_pages_are_what_the_theme_template_renders(make_app, tmp_path, monkeypatch, builder):
    fast, fast_calls = built_pages(
        make_app, copy_root("views", tmp_path / "fast"), builder, monkeypatch
    )
    # the same project rendering through a copy of Sphinx's template, by Jinja
    jinja_src = with_template(copy_root("views", tmp_path / "jinja"), BASIC.read_text())
    slow, slow_calls = built_pages(make_app, jinja_src, builder, monkeypatch)
    assert (fast_calls, slow_calls) == (2, 0)
    assert fast == slow
    assert b"cap-True" in fast["fc-claimindex"]  # there is a table to compare


def test_a_theme_template_of_its_own_is_kept(make_app, tmp_path):
    template = BASIC.read_text().replace(
        "<h1>{{ indextitle }}</h1>", '<h1 class="mine">{{ indextitle }}</h1>'
    )
    src = with_template(copy_root("views", tmp_path / "src"), template)
    app = make_app("html", srcdir=src)
    app.build()
    claims = page(app, "fc-claimindex")
    assert claims.xpath("//h1[@class='mine']")
    assert claims.xpath("//tr[@class='cap']")


HOSTILE_SCALE = (
    "factcheck_verdicts = [\n"
    "  {'key': 'ok', 'label': 'OK <img src=x onerror=alert(1)>', 'description': 'Fine.',"
    " 'rating': 2},\n"
    "  {'key': 'bad', 'label': 'Bad', 'description': 'Not fine.', 'rating': 1},\n]\n"
)
HOSTILE_PAGE = (
    "T\n=\n\n.. fc:source:: S\n   :id: s\n   :url: https://s.example/\n\n"
    ".. fc:claim:: C <b>bold</b>\n   :id: c\n   :verdict: ok\n   :sources: s\n\n   Why.\n"
)


@pytest.mark.parametrize(
    "own_template",
    [None, "as is", "escaping"],
    ids=["basic", "theme's own", "theme's own, escaping"],
)
def test_verdict_labels_are_escaped_in_the_claim_index(make_app, tmp_path, own_template):
    src = write_project(tmp_path / "src", {"index.rst": HOSTILE_PAGE}, conf=HOSTILE_SCALE)
    if own_template == "as is":
        with_template(src, BASIC.read_text())
    elif own_template == "escaping":  # a template that escapes the heading itself
        with_template(
            src,
            BASIC.read_text().replace(
                "<strong>{{ letter }}</strong>", "<strong>{{ letter|e }}</strong>"
            ),
        )
    app = make_app("html", srcdir=src)
    app.build()
    raw = (Path(app.outdir) / "fc-claimindex.html").read_text(encoding="utf-8")
    assert "<img" not in raw and "<b>bold" not in raw
    claims = page(app, "fc-claimindex")
    assert "OK <img src=x onerror=alert(1)>" in text_of(claims)  # escaped once, not twice
    assert "C <b>bold</b>" in text_of(claims)

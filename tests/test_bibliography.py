"""``fc:bibliography``: BibTeX and CSL-JSON entries as sources, cited like any source,
located warnings for broken files and entries, and incremental rebuilds."""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import factcheck_warnings, page, text_of, write_project

BIBTEX = r"""
@inproceedings{Smith2020,
  author = {Smith, John and van der Berg, Anna},
  title = {A {Study} of {\"O}sterreich},
  journal = {Journal of Stuff},
  year = {2020}, month = mar,
  doi = {10.1000/xyz123},
}
@online{court:2012,
  title = {JSC BTA Bank v Ablyazov [2012] EWHC 237 (Comm)},
  url = {https://vlex.co.uk/vid/jsc-bta-bank-v-793690141},
  date = {2012-02-16},
  organization = {High Court of Justice},
}
@misc{notes,
  title = {Desk notes},
  year = {2021},
  url = {javascript:alert(1)},
}
"""
CSL = [
    {
        "id": "daily-1",
        "type": "article-newspaper",
        "title": "A newspaper story",
        "author": [{"family": "Doe", "given": "Jane"}],
        "container-title": "The Daily",
        "issued": {"date-parts": [[2022, 1, 6]]},
        "URL": "https://daily.example/story",
        "accessed": {"date-parts": [[2022, 1, 10]]},
    },
    {
        "id": "stats-2021",
        "type": "dataset",
        "title": "Yearly statistics",
        "author": [{"literal": "Statistics Office"}],
        "issued": {"date-parts": [[2021]]},
    },
    {"type": "book", "title": "An entry without an id"},
    "not an entry",
]
PAGE = """Sources
=======

.. fc:claim:: Crime fell.
   :id: crime
   :verdict: false
   :sources: smith2020, daily-1

   See :fc:source:`court-2012` and :fc:source:`stats-2021`.

.. fc:claim:: Nothing else.
   :id: other
   :verdict: opinion

   Also :fc:source:`notes`.

.. fc:bibliography:: refs.bib refs.json
   :kind: other
"""


def _project(tmp_path, page_text: str = PAGE, **files):
    return write_project(
        tmp_path / "src",
        {"index.rst": page_text, "refs.bib": BIBTEX, "refs.json": json.dumps(CSL), **files},
    )


def test_every_entry_is_a_source_cited_like_any_other(make_app, tmp_path):
    app = make_app("html", srcdir=_project(tmp_path))
    app.build()
    doc = page(app, "index")
    items = doc.find_class("fc-bibliography")[0].xpath("./li")
    ids = [li.get("id") for li in items]
    # sorted by first author, then title; every entry anchored as source-<key>
    assert ids == [
        "source-notes",
        "source-daily-1",
        "source-court-2012",
        "source-smith2020",
        "source-stats-2021",
    ]
    smith = doc.get_element_by_id("source-smith2020")
    assert text_of(smith.find_class("fc-citation")[0]) == (
        "Smith, John; van der Berg, Anna. A Study of Österreich. Journal of Stuff, 2020-03. "
        "[academic]"
    )
    # defined here: the title links the entry's own address (its DOI), not itself
    assert smith.xpath(".//a/@href")[0] == "https://doi.org/10.1000/xyz123"
    assert "Crime fell. False" in text_of(smith.find_class("fc-cited-by")[0])
    daily = doc.get_element_by_id("source-daily-1")
    assert "The Daily, 2022-01-06. Accessed 2022-01-10. [news]" in text_of(daily)
    court = doc.get_element_by_id("source-court-2012")
    assert "[other]" in text_of(court)  # @online: the directive's :kind:
    assert "Crime fell." in text_of(court.find_class("fc-cited-by")[0])  # cited inline
    assert "[dataset]" in text_of(doc.get_element_by_id("source-stats-2021"))
    # the claim links its bibliography sources
    claim = doc.get_element_by_id("claim-crime")
    assert "#source-smith2020" in claim.xpath(".//a/@href")
    data = json.loads((Path(app.outdir) / "factcheck.json").read_text())
    sources = {s["id"]: s for s in data["sources"]}
    assert sources["smith2020"]["url"] == "https://doi.org/10.1000/xyz123"
    assert sources["smith2020"]["date"] == "2020-03" and sources["stats-2021"]["date"] == "2021"
    assert sources["court-2012"]["cited_by"] == ["crime"]


def test_broken_entries_and_files_give_located_warnings(make_app, tmp_path):
    app = make_app("html", srcdir=_project(tmp_path), warningiserror=True)
    app.build()
    warnings = factcheck_warnings(app)
    assert app.statuscode == 1
    # (the directive is on line 17 of index.rst)
    expected = [
        ("bad-url", "entry 'notes' of 'refs.bib': :url: 'javascript:alert(1)' is not an http(s)"),
        ("bad-bibliography", "entry '#3' of 'refs.json' is not a CSL item with an id"),
        ("bad-bibliography", "entry '#4' of 'refs.json' is not a CSL item with an id"),
    ]
    for subtype, text in expected:
        assert any(
            f"[factcheck.{subtype}]" in w and "index.rst:17" in w and text in w for w in warnings
        ), (subtype, text, warnings)
    src = write_project(
        tmp_path / "broken",
        {
            "index.rst": "B\n=\n\n.. fc:bibliography:: bad.bib missing.json\n",
            "bad.bib": "@article{x, title = {never closed",
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    warnings = [w for w in factcheck_warnings(app) if "bad-bibliography" in w]
    assert any("index.rst:4" in w and "'bad.bib' is not valid BibTeX" in w for w in warnings)
    assert any("'missing.json' cannot be read" in w for w in warnings)
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output


def test_duplicate_keys_warn(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                ".. toctree::\n\n   other\n\nI\n=\n\n.. fc:bibliography:: a.bib b.json\n"
            ),
            "other.rst": "O\n=\n\n.. fc:source:: By hand\n   :id: smith2020\n",
            "a.bib": "@misc{Smith2020, title = {From BibTeX}}\n",
            "b.json": json.dumps([{"id": "smith2020", "title": "From CSL"}]),
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    duplicates = [w for w in factcheck_warnings(app) if "[factcheck.duplicate-id]" in w]
    assert len(duplicates) == 2
    assert all("duplicate source id 'smith2020'" in w for w in duplicates)


def test_editing_the_file_rebuilds_what_depends_on_it(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": ".. toctree::\n\n   claims\n\nI\n=\n\n.. fc:bibliography:: refs.bib\n",
            "claims.rst": (
                "C\n=\n\n.. fc:claim:: Crime fell.\n   :id: crime\n   :verdict: false\n"
                "   :sources: smith2020\n"
            ),
            "refs.bib": "@misc{Smith2020, title = {Old title}, year = {2020}}\n",
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert "Old title" in text_of(page(app, "claims").get_element_by_id("claim-crime"))
    (src / "refs.bib").write_text("@misc{Smith2020, title = {New title}, year = {2021}}\n")
    app2 = make_app("html", srcdir=src)
    app2.build()
    assert "index" in app2.env.found_docs
    assert "New title" in text_of(page(app2, "index").get_element_by_id("source-smith2020"))
    # the claim's page on another document shows the new title: rewritten too
    assert "New title" in text_of(page(app2, "claims").get_element_by_id("claim-crime"))
    assert factcheck_warnings(app2) == []


def test_in_markdown(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.md": (
                "# I\n\n```{fc:claim} Crime fell.\n:id: crime\n:verdict: false\n"
                ":sources: daily-1\n```\n\n```{fc:bibliography} refs.json\n```\n"
            ),
            "refs.json": json.dumps(CSL[:1]),
        },
        'extensions.insert(0, "myst_parser")\n',
    )
    app = make_app("html", srcdir=src, warningiserror=True)
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    assert page(app, "index").get_element_by_id("source-daily-1") is not None


def test_latex_markup_that_cannot_be_read_is_reported_not_hidden():
    """pybtex's own reader keeps braces balanced, but an entry it hands over may still
    hold markup its LaTeX reader rejects: the entry is kept, without braces, and the
    problem is reported (the directive warns about it, bad-bibliography), not hidden."""
    from types import SimpleNamespace

    from factcheck_ext.text.bibfile import _bibtex_entry

    entry = SimpleNamespace(fields={"title": "Budget a}b of 2022"}, persons={}, type="misc")
    problems: list = []
    parsed = _bibtex_entry("budget", entry, problems)
    assert parsed.data["title"] == "Budget ab of 2022"
    assert problems and problems[0][0] == "budget" and "cannot be read" in problems[0][1]

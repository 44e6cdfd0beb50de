"""What carries a check beyond its page: the Atom feed, link previews, the PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from factcheck_ext.export.feed import FEED_FILE

from .atom_rfc4287 import errors as atom_errors
from .helpers import copy_root, factcheck_warnings, page, write_project

DOCS = Path(__file__).parents[1] / "docs"
#: 2022-03-05, the build date of claims without :published:
EPOCH = "1646438400"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _feed_app(make_app, tmp_path, root="workflow", **overrides):
    app = make_app(
        "html",
        srcdir=copy_root(root, tmp_path / root),
        confoverrides={"factcheck_feed": True, **overrides},
    )
    app.build()
    return app


def test_the_feed_is_valid_atom_and_lists_published_checks_newest_first(
    make_app, tmp_path, fixed_date
):
    app = _feed_app(make_app, tmp_path)
    document = (Path(app.outdir) / FEED_FILE).read_bytes()
    assert atom_errors(document) == []
    feed = etree.fromstring(document)
    entries = feed.findall("a:entry", ATOM)
    ids = [e.findtext("a:id", namespaces=ATOM).split("#claim-")[1] for e in entries]
    # newest first by the latest of publication and update: the retraction of 1 April,
    # the clarification of 20 March, then the check published on the build date
    assert ids == ["taxes", "crime", "budget-doubled"]
    assert "unemployment" not in document.decode()  # still being checked: no verdict
    crime = entries[1]
    assert crime.findtext("a:title", namespaces=ATOM) == "Mostly false: Crime fell by half."
    assert crime.findtext("a:published", namespaces=ATOM) == "2022-03-05T00:00:00+00:00"
    assert crime.findtext("a:updated", namespaces=ATOM) == "2022-03-20T00:00:00+00:00"
    summary = crime.findtext("a:summary", namespaces=ATOM)
    assert summary.startswith("Clarification of 2022-03-20: Added the regional breakdown.")
    assert "Claim by The mayor" in summary and "Our verdict: Mostly false." in summary
    assert "Crime fell, but by 30%, not half." in summary  # the analysis
    assert entries[0].findtext("a:title", namespaces=ATOM) == "Retracted: Taxes went up."
    link = crime.find("a:link", ATOM).get("href")
    assert link == "https://workflow.example/checked.html#claim-crime"
    category = crime.find("a:category", ATOM)
    assert (category.get("term"), category.get("label")) == ("mostly-false", "Mostly false")
    assert feed.findtext("a:updated", namespaces=ATOM) == "2022-04-01T00:00:00+00:00"
    assert feed.find("a:author/a:name", ATOM).text == "workflow"


def test_a_feed_reader_reads_it(make_app, tmp_path, fixed_date):
    app = _feed_app(
        make_app, tmp_path, root="claimants", factcheck_publisher={"name": "Claimant desk"}
    )
    parsed = feedparser.parse((Path(app.outdir) / FEED_FILE).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Claimant desk: fact-checks"
    titles = {e.title for e in parsed.entries}
    assert "True: The CSTO sent troops." in titles
    entry = next(e for e in parsed.entries if e.title == "True: The CSTO sent troops.")
    assert "Claim by Mukhtar Ablyazov" in entry.summary  # the claimant's name, not its id


def test_pages_link_to_the_feed(make_app, tmp_path, fixed_date):
    app = _feed_app(make_app, tmp_path)
    for docname, prefix in (("index", ""), ("checked", "")):
        links = page(app, docname).xpath("//link[@rel='alternate']")
        assert [(link.get("type"), link.get("href")) for link in links] == [
            ("application/atom+xml", prefix + FEED_FILE)
        ]


def test_a_publication_build_leaves_withheld_claims_out(make_app, tmp_path, fixed_date):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n.. fc:claim:: Published\n   :id: done\n   :verdict: opinion\n\n"
                ".. fc:claim:: Withheld\n   :id: open\n   :status: unchecked\n"
            )
        },
        "factcheck_feed = True\nfactcheck_publish_unchecked = False\n",
    )
    app = make_app("html", srcdir=src)
    app.build()
    document = (Path(app.outdir) / FEED_FILE).read_text()
    assert "claim-done" in document and "Withheld" not in document and "claim-open" not in document


def test_without_html_baseurl_the_feed_warns_and_is_not_written(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {"index.rst": ("T\n=\n\n.. fc:claim:: A view\n   :id: v\n   :verdict: opinion\n")},
        "factcheck_feed = True\n",
    )
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace('html_baseurl = "https://t.example/"\n', ""))
    app = make_app("html", srcdir=src)
    app.build()
    assert not (Path(app.outdir) / FEED_FILE).exists()
    warnings = [w for w in factcheck_warnings(app) if "[factcheck.no-baseurl]" in w]
    assert len(warnings) == 1 and "factcheck.atom was not written" in warnings[0]
    assert not page(app, "index").xpath("//link[@type='application/atom+xml']")


def test_no_feed_unless_asked(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("workflow", tmp_path / "src"))
    app.build()
    assert not (Path(app.outdir) / FEED_FILE).exists()
    assert not page(app, "index").xpath("//link[@type='application/atom+xml']")


# --- link previews -------------------------------------------------------------------


def _meta(doc, attribute: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in doc.xpath(f"//meta[@{attribute}]"):
        found.setdefault(tag.get(attribute), []).append(tag.get("content"))
    return found


def test_a_page_of_claims_has_a_description_and_open_graph_tags(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("claimants", tmp_path / "src"))
    app.build()
    doc = page(app, "claims")
    names, properties = _meta(doc, "name"), _meta(doc, "property")
    summary = "4 claims checked: 1 True, 1 Half true, 1 False, 1 Opinion; 1 still being checked."
    assert names["description"] == [summary]
    assert properties["og:description"] == [summary]
    assert properties["og:title"] == ["Claims"]
    assert properties["og:type"] == ["article"]
    assert properties["og:url"] == ["https://claimants.example/claims.html"]
    # a page without claims gets no preview of ours
    assert "og:description" not in _meta(page(app, "unrelated"), "property")


def test_a_page_with_one_claim_is_described_by_its_verdict(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                'T\n=\n\n.. fc:claim:: Taxes fell <b>"sharply"</b>\n   :id: t\n   :verdict: false\n'
                "   :sources: s\n   :claimant: The mayor\n\n   They rose by 3% & more.\n\n"
                ".. fc:source:: S\n   :id: s\n"
            )
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    html = (Path(app.outdir) / "index.html").read_text()
    expected = 'False: Taxes fell <b>"sharply"</b> (The mayor). They rose by 3% & more.'
    assert _meta(page(app, "index"), "name")["description"] == [expected]
    assert "<b>" not in html.split("</head>")[0].split('name="description"')[1].split("/>")[0]


def test_with_sphinxext_opengraph_the_tags_are_not_duplicated(make_app, tmp_path):
    pytest.importorskip("sphinxext.opengraph")
    app = make_app(
        "html",
        srcdir=copy_root("claimants", tmp_path / "src"),
        confoverrides={
            "extensions": ["factcheck_ext", "sphinxext.opengraph"],
            "ogp_site_url": "https://claimants.example/",
        },
    )
    app.build()
    for docname in ("claims", "unrelated", "people"):
        doc = page(app, docname)
        names, properties = _meta(doc, "name"), _meta(doc, "property")
        names.pop("viewport")  # (alabaster writes its viewport twice, with or without us)
        assert all(len(values) == 1 for values in [*names.values(), *properties.values()]), (
            docname,
            names,
            properties,
        )
        assert "description" in names and "og:description" in properties
    properties = _meta(page(app, "claims"), "property")
    assert properties["og:description"][0].startswith("4 claims checked: 1 True")
    assert properties["og:type"] == ["article"]
    assert _meta(page(app, "unrelated"), "property")["og:type"] == ["website"]


# --- PDF -----------------------------------------------------------------------------


def test_the_latex_package_takes_its_colours_from_the_scale(make_app, tmp_path):
    conf = (
        "factcheck_verdicts = [\n"
        "  {'key': 'correct', 'label': 'Correct', 'description': 'Right.', 'rating': 2,"
        " 'colour': '#005a9c'},\n"
        "  {'key': 'wrong', 'label': 'Wrong', 'description': 'Not right.', 'rating': 1,"
        " 'colour': '#ffd33d'},\n]\n"
    )
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n.. fc:claim:: C\n   :id: c\n   :verdict: wrong\n   :sources: s\n\n"
                ".. fc:source:: S\n   :id: s\n\n.. fc:summary::\n"
            )
        },
        conf,
    )
    app = make_app("latex", srcdir=src)
    app.build()
    package = (Path(app.outdir) / "sphinxfactcheck.sty").read_text()
    assert r"\definecolor{fcverdict0}{HTML}{005A9C}" in package
    assert r"\csname DUrolefc-verdict-wrong\endcsname" in package
    assert r"\fc@styled{fcverdict1}{black}{fcverdict1}{#1}" in package  # dark text on yellow
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\usepackage{sphinxfactcheck}" in tex
    assert r"\DUrole{fc-badge}{\DUrole{fc-verdict-wrong}{Wrong}}" in tex
    assert r"\fcbar{fcverdict1}{3.50cm}" in tex  # the summary's bar, full length


@pytest.mark.latex
def test_the_demo_compiles_to_a_pdf_that_reads_its_verdicts(make_app, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext is needed (apt install poppler-utils)"
    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    app = make_app("latex", srcdir=src, builddir=tmp_path / "build", freshenv=True)
    app.build()
    result = subprocess.run(
        ["make", "-C", str(app.outdir)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:]
    (pdf,) = Path(app.outdir).glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in (
        "Mostly true",
        "Half true",
        "Unverifiable",
        "Opinion",
        "Ablyazov is wanted in Kazakhstan for fraud and embezzlement.",
        "The CSTO is Russia, and its deployment is an occupation by Russia.",
        "Scorecard of Mukhtar Ablyazov",
        "Share of rated claims",
        "Wanted at home for fraud and embezzlement",
    ):
        assert words in " ".join(text.split()), words

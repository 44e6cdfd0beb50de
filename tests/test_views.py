"""Claim tables, bibliographies, summaries, the annotated article and the indices."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from .helpers import copy_root, factcheck_warnings, page, text_of

pytestmark = pytest.mark.sphinx("html", testroot="views")


@pytest.fixture
def views(app):
    app.build()
    assert factcheck_warnings(app) == []
    return page(app, "views")


def section(doc, section_id):
    return doc.get_element_by_id(section_id)


def table_rows(element):
    rows = element.xpath(".//table//tr")
    return [[text_of(cell) for cell in row.xpath("./th|./td")] for row in rows]


def first_column(element):
    return [row[0] for row in table_rows(element)[1:]]


ALL = [
    "Prices rose again in February.",
    "The economy is strong.",
    "Growth was 5 percent.",
    "A political opinion.",
    "Still being checked.",
]


def test_default_table_lists_every_claim_in_document_order(views):
    rows = table_rows(section(views, "default"))
    assert rows[0] == ["Claim", "Claimant", "Date", "Verdict"]
    assert [r[0] for r in rows[1:]] == ALL
    assert rows[2] == ["The economy is strong.", "The Minister", "2022-01-15", "Misleading"]
    assert rows[5][3] == "Check in progress"
    links = section(views, "default").xpath(".//td[1]//a/@href")
    assert links[0] == "claims.html#claim-c-rose"


@pytest.mark.parametrize(
    ("section_id", "expected"),
    [
        ("by-article", ["A political opinion.", "Still being checked."]),
        ("by-verdict", ["Prices rose again in February.", "Growth was 5 percent."]),
        ("by-tag", ["Prices rose again in February.", "The economy is strong."]),
        ("by-claimant", ["The economy is strong.", "Growth was 5 percent."]),
        ("by-document", ["A political opinion.", "Still being checked."]),
        ("newest-two", ["c-rose", "c-growth"]),
        ("by-verdict-order", ["c-rose", "c-growth", "c-strong", "c-opinion", "c-pending"]),
        ("by-claimant-order", ["c-opinion", "c-pending", "c-rose", "c-strong", "c-growth"]),
        ("by-id-descending", ["c-strong", "c-rose", "c-pending", "c-opinion", "c-growth"]),
    ],
)
def test_filters_and_sorts(views, section_id, expected):
    assert first_column(section(views, section_id)) == expected


def test_every_column(views):
    rows = table_rows(section(views, "all-columns"))
    assert rows[0] == ["Id", "Claim", "Claimant", "Date", "Verdict", "Article", "Sources", "Tags"]
    assert rows[3] == [
        "c-growth",
        "Growth was 5 percent.",
        "The minister",
        "2022-01-20",
        "False",
        "First article",
        "Official statistics; A news report",
        "growth",
    ]
    hrefs = section(views, "all-columns").xpath("(.//tr)[4]//a/@href")
    assert hrefs == [
        "claims.html#claim-c-growth",
        "claims.html#claim-c-growth",
        "index.html#article-a1",
        "index.html#source-s-official",
        "index.html#source-s-news",
    ]


def test_rows_link_to_their_claim_without_a_claim_column(views):
    element = section(views, "no-link-column")
    assert table_rows(element)[1] == ["2021-05-01", "Opinion"]
    assert element.xpath("(.//tr)[2]/td[1]//a/@href") == ["other.html#claim-c-opinion"]


def test_list_layout(views):
    items = section(views, "as-a-list").xpath(".//li")
    assert [text_of(li) for li in items] == [
        "Prices rose again in February. True (Statistics office, 2022-02-01)",
        "The economy is strong. Misleading (The Minister, 2022-01-15)",
        "Growth was 5 percent. False (The minister, 2022-01-20)",
    ]


def test_an_empty_result_says_so_instead_of_an_empty_table(views):
    element = section(views, "nothing")
    assert not element.xpath(".//table")
    assert "No claims match." in text_of(element)


def _summary(views, section_id):
    element = section(views, section_id)
    rows = {r[0]: r[1:] for r in table_rows(element)[1:]}
    return element, rows


def test_project_summary_counts_and_shares_match_the_data(views):
    element, rows = _summary(views, "project-summary")
    # the opinion is counted and listed, but rates nothing: shares are of the 3 rated claims
    assert rows["True"] == ["1", "33%"] and rows["False"] == ["1", "33%"]
    assert rows["Misleading"] == ["1", "33%"] and rows["Opinion"] == ["1", "not rated"]
    assert rows["Half true"] == ["0", "0%"] and rows["Unverifiable"] == ["0", "not rated"]
    assert rows["Rated claims"] == ["3", "100%"]
    assert rows["Checked claims"] == ["4", ""]
    assert "1 more claim not yet checked." in text_of(element)


def test_a_limited_summary_counts_the_first_claims_in_its_order(views):
    _element, rows = _summary(views, "summary-of-the-newest-two")  # c-rose and c-growth
    assert rows["True"] == ["1", "50%"] and rows["False"] == ["1", "50%"]
    assert rows["Misleading"] == ["0", "0%"] and rows["Rated claims"] == ["2", "100%"]
    assert "Checked claims" not in rows  # all checked claims are rated: no second total


def test_article_summary_and_its_svg_chart(views):
    element, rows = _summary(views, "article-summary")
    assert rows["True"] == ["1", "33%"] and rows["Rated claims"] == ["3", "100%"]
    svg = element.xpath(".//svg")[0]
    assert svg.get("role") == "img"
    title = svg.xpath("./title")[0]
    assert svg.get("aria-labelledby") == title.get("id")
    assert "Verdicts for First article: True: 1 (33%)" in title.text_content()
    bars = {r.get("fill"): int(r.get("width")) for r in svg.xpath(".//rect")}
    assert bars["#1a7f37"] == bars["#b42318"] == bars["#8250df"] == 300  # colours of the scale
    assert bars["#4d7c0f"] == 0
    assert "1 (33%)" in [t.text_content() for t in svg.xpath(".//text")]


def test_the_chart_stays_out_of_the_search_index(app, views):
    """Sphinx indexes raw HTML with its tags stripped: the chart's labels and numbers
    would become words such as 'true1'.  The table's words are indexed."""
    searchindex = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert '"true1"' not in searchindex and '"false1"' not in searchindex
    assert '"mislead":' in searchindex and '"unverifi":' in searchindex  # (stemmed)
    assert views.xpath('//div[contains(@class, "no-search")]/svg')


def test_bibliography_is_sorted_by_author_then_title_with_backlinks(views):
    items = section(views, "all-sources").xpath("./ul/li")
    assert [text_of(li).split(" Cited by")[0] for li in items] == [
        "Adams, Ann. A news report. [news]",
        "Bureau, Statistics. Official statistics. [official]",
        "Zebra study. [academic]",
    ]
    assert items[0].xpath(".//p[contains(@class,'fc-cited-by')]//a/@href") == [
        "claims.html#claim-c-strong",
        "claims.html#claim-c-growth",
    ]
    assert items[0].xpath(".//p[contains(@class,'fc-citation')]//a/@href") == [
        "index.html#source-s-news"
    ]


@pytest.mark.parametrize(
    ("section_id", "expected"),
    [
        ("official-sources", ["Official statistics"]),
        ("sources-of-a2", ["Zebra study"]),
        ("sources-cited-in-claims", ["A news report", "Official statistics"]),
    ],
)
def test_bibliography_filters(views, section_id, expected):
    items = section(views, section_id).xpath("./ul/li")
    assert [text_of(li.xpath(".//strong")[0]) for li in items] == expected


def _seen(annotated):
    """The annotated article as sighted readers see it: without the words for screen
    readers, which :func:`test_screen_readers_hear_each_marked_quotes_verdict` checks."""
    for hidden in annotated.find_class("fc-visually-hidden"):
        hidden.drop_tree()
    return annotated


def test_annotated_article_marks_quotes_in_verdict_colours(views):
    annotated = _seen(views.find_class("fc-annotated")[0])
    paragraphs = [text_of(p) for p in annotated.xpath("./p")]
    assert paragraphs[0] == "Prices rose sharply in January. Prices rose True again in February."
    assert len(paragraphs) == 3  # the blank line of the text separates nothing
    marks = annotated.find_class("fc-mark")
    # the repeated quote marks its second occurrence (:occurrence: 2)
    assert marks[0].text_content() == "Prices rose"
    link = marks[0].getparent().getparent()
    assert link.get("href") == "claims.html#claim-c-rose"
    assert link.get("title") == "True: Prices rose again in February. (Statistics office)"
    assert "fc-verdict-true" in marks[0].classes


def test_screen_readers_hear_each_marked_quotes_verdict(views):
    annotated = views.find_class("fc-annotated")[0]
    for mark in annotated.find_class("fc-mark"):
        link = mark.getparent().getparent()
        assert link.tag == "a"
        spoken = [text_of(s) for s in link.find_class("fc-visually-hidden")]
        assert spoken and spoken[0].startswith("(verdict: ")
    first = annotated.find_class("fc-mark")[0].getparent().getparent()
    assert text_of(first) == "Prices rose (verdict: True)"


def test_annotated_overlapping_quotes_both_stay_reachable(views):
    annotated = _seen(views.find_class("fc-annotated")[0])
    second = annotated.xpath("./p")[1]
    links = [(a.get("href").split("#")[1], text_of(a)) for a in second.xpath(".//a")]
    assert links == [
        ("claim-c-strong", "the economy is strong\u201d and"),  # curly in the text
        ("claim-c-growth", "that growth"),  # the overlap goes to the innermost quote
        ("claim-c-strong", "Misleading"),  # end marker: the overlapped claim stays reachable
        ("claim-c-growth", "was 5 percent"),
        ("claim-c-growth", "False"),
    ]


def test_claim_and_source_indices(app):
    app.build()
    claimindex = page(app, "fc-claimindex")
    groups = [text_of(g) for g in claimindex.xpath("//tr[contains(@class,'cap')]") if text_of(g)]
    assert groups == ["True", "False", "Misleading", "Opinion", "Check in progress"]
    text = text_of(claimindex)
    assert "Growth was 5 percent." in text and "First article" in text
    sourceindex = page(app, "fc-sourceindex")
    groups = [text_of(g) for g in sourceindex.xpath("//tr[contains(@class,'cap')]") if text_of(g)]
    assert groups == ["Official", "Academic", "News"]
    refs = (
        page(app, "views")
        .find_class("body")[0]
        .xpath(".//a[contains(@href,'fc-claimindex')]/@href")
    )
    assert refs == ["fc-claimindex.html"]


def _pages(outdir: Path) -> dict[str, str]:
    """The body of every page (Sphinx's own navigation links are stale after an
    incremental build that removes a document; that is not ours to fix)."""
    bodies = {}
    for path in sorted(outdir.glob("*.html")):
        if path.name in ("search.html", "genindex.html"):
            continue
        body = lxml_html.fromstring(path.read_text()).find_class("body")[0]
        bodies[path.name] = lxml_html.tostring(body, encoding="unicode")
    return bodies


def test_views_update_on_incremental_build_and_match_a_parallel_build(make_app, tmp_path):
    src = copy_root("views", tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    # remove the document holding the a2 claims
    index = src / "index.rst"
    index.write_text(index.read_text().replace("   other\n", ""))
    (src / "other.rst").unlink()
    app2 = make_app("html", srcdir=src)
    app2.build()
    doc = page(app2, "views")
    assert first_column(section(doc, "default")) == ALL[:3]
    assert "No claims match." in text_of(section(doc, "by-article"))
    _element, rows = _summary(doc, "project-summary")
    assert rows["Opinion"] == ["0", "not rated"] and rows["Rated claims"] == ["3", "100%"]
    assert "not yet checked" not in text_of(section(doc, "project-summary"))
    assert "A political opinion." not in text_of(page(app2, "fc-claimindex"))
    # the source no claim cites any more is reported
    assert any(
        "[factcheck.unused-source]" in w and "s-academic" in w for w in factcheck_warnings(app2)
    )

    # and the incremental result equals a fresh full build, serial or parallel
    fresh = make_app("html", srcdir=copy_root("views", tmp_path / "fresh"))
    (tmp_path / "fresh" / "other.rst").unlink()
    findex = tmp_path / "fresh" / "index.rst"
    findex.write_text(findex.read_text().replace("   other\n", ""))
    fresh = make_app("html", srcdir=tmp_path / "fresh", freshenv=True)
    fresh.build()
    parallel = make_app("html", srcdir=copy_root("views", tmp_path / "par"), parallel=2)
    (tmp_path / "par" / "other.rst").unlink()
    pindex = tmp_path / "par" / "index.rst"
    pindex.write_text(pindex.read_text().replace("   other\n", ""))
    parallel = make_app("html", srcdir=tmp_path / "par", parallel=2, freshenv=True)
    parallel.build()
    expected = _pages(Path(fresh.outdir))
    incremental = _pages(Path(app2.outdir))
    del incremental["other.html"]  # Sphinx leaves the removed document's old page behind
    assert incremental == expected == _pages(Path(parallel.outdir))


def test_incremental_verdict_change_updates_tables_and_summaries(make_app, tmp_path):
    src = copy_root("views", tmp_path / "src")
    make_app("html", srcdir=src).build()
    claims = src / "claims.rst"
    claims.write_text(claims.read_text().replace(":verdict: false", ":verdict: mostly-false"))
    app = make_app("html", srcdir=src)
    app.build()
    doc = page(app, "views")
    assert first_column(section(doc, "nothing")) == ["Growth was 5 percent."]
    _element, rows = _summary(doc, "article-summary")
    assert rows["Mostly false"] == ["1", "33%"] and rows["False"] == ["0", "0%"]


def test_annotated_view_skips_a_quote_that_is_not_in_the_text(make_app, tmp_path):
    from .helpers import write_project

    src = write_project(
        tmp_path / "src",
        {
            "a.txt": "One sentence here. Another sentence there.\n",
            "index.rst": (
                "T\n=\n\n.. fc:article:: A\n   :id: a\n   :text: a.txt\n\n"
                ".. fc:claim:: Found\n   :id: found\n   :quote: Another sentence\n"
                "   :verdict: opinion\n\n"
                ".. fc:claim:: Lost\n   :id: lost\n   :quote: a sentence nobody wrote\n"
                "   :verdict: opinion\n\n"
                ".. fc:annotated:: a\n"
            ),
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    annotated = _seen(page(app, "index").find_class("fc-annotated")[0])
    assert text_of(annotated) == "One sentence here. Another sentence Opinion there."
    assert [a.get("href") for a in annotated.xpath(".//a")] == ["#claim-found", "#claim-found"]
    assert any(
        "[factcheck.quote-not-found]" in w and "'lost'" in w for w in factcheck_warnings(app)
    )


def test_a_filtered_summary_names_its_filters_in_its_caption(make_app, tmp_path):
    from .helpers import write_project

    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "T\n=\n\n.. fc:claimant:: Wes Streeting\n   :id: wes-streeting\n\n"
            ".. fc:claim:: C\n   :id: c\n   :claimant: wes-streeting\n   :verdict: opinion\n"
            "   :tags: health\n\n"
            ".. fc:summary::\n   :claimant: wes-streeting\n   :tags: health\n\n"
            ".. fc:summary::\n   :verdict: opinion\n\n.. fc:summary::\n",
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    captions = [text_of(c) for c in page(app, "index").find_class("fc-summary-caption")]
    # (after the claimant's own scorecard)
    assert captions[-3:] == [
        "Verdicts for the claims by Wes Streeting, tagged health",
        "Verdicts for the claims rated Opinion",
        "Verdicts for all claims",
    ]

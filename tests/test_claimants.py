"""Claimants: profiles with scorecards, links from their claims, the claimant index,
filters, ClaimReview authors, the dataset, warnings, incremental and parallel builds."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from .helpers import copy_root, factcheck_warnings, page, text_of, write_project
from .schemaorg_vocabulary import errors as vocabulary_errors


@pytest.fixture
def claimants(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("claimants", tmp_path / "src"))
    app.build()
    return app


def _rows(table) -> dict[str, list[str]]:
    rows = [[text_of(cell) for cell in row.xpath("./td|./th")] for row in table.xpath(".//tr")]
    return {row[0]: row[1:] for row in rows[1:]}


def test_a_profile_shows_who_they_are(claimants):
    block = page(claimants, "people").get_element_by_id("claimant-ablyazov")
    text = text_of(block)
    assert "Mukhtar Ablyazov" in text and "Person" in text
    assert "Exiled former banker and minister" in text
    assert "Democratic Choice of Kazakhstan" in text
    assert "Leads an opposition movement from exile." in text
    links = {
        a.text_content(): a.get("href")
        for a in block.xpath(".//a[@href]")
        if a.get("href").startswith("https://")
    }
    assert links["Wikidata"] == "https://www.wikidata.org/wiki/Q12345"
    assert links["Wikipedia (en)"] == "https://en.wikipedia.org/wiki/Mukhtar_Ablyazov"
    assert links["Mukhtar Ablyazov"] == "https://ablyazov.example/"  # the name links the site


def test_the_scorecard_counts_rated_claims_and_lists_every_claim_newest_first(claimants):
    block = page(claimants, "people").get_element_by_id("claimant-ablyazov")
    rows = _rows(block.find_class("fc-summary-table")[0])
    # the opinion is counted but rates nothing; the claim in progress is only noted
    assert rows["True"] == ["1", "100%"] and rows["False"] == ["0", "0%"]
    assert rows["Opinion"] == ["1", "not rated"]
    assert rows["Rated claims"] == ["1", "100%"] and rows["Checked claims"] == ["2", ""]
    assert "1 more claim not yet checked." in text_of(block)
    svg = block.xpath(".//svg")[0]
    assert (
        "Verdicts on claims by Mukhtar Ablyazov: True: 1 (100%)"
        in svg.xpath("./title")[0].text_content()
    )
    items = block.find_class("fc-claimant-claims")[0].xpath("./li")
    assert [text_of(li) for li in items] == [
        "2022-01-09: The West should act. Opinion, in An interview",
        "2022-01-08: The protesters call him every day. Check in progress, in An interview",
        "2022-01-07: The CSTO sent troops. True, in An interview",
    ]
    assert items[0].xpath(".//a/@href") == [
        "claims.html#claim-ablyazov-opinion",
        "claims.html#article-interview",
    ]


def test_a_claimant_without_claims_says_so(claimants):
    block = page(claimants, "people").get_element_by_id("claimant-nobody")
    assert "No claims by Nobody Yet checked yet." in text_of(block)
    assert not block.find_class("fc-summary-table")


def test_claims_link_their_claimant_everywhere(claimants):
    claim = page(claimants, "claims").get_element_by_id("claim-ablyazov-true")
    profile = "people.html#claimant-ablyazov"
    meta = claim.find_class("fc-claim-meta")[0]
    assert meta.xpath(".//a/@href")[:1] == [profile]
    assert "Claimant: Mukhtar Ablyazov" in text_of(meta)
    attribution = claim.xpath(".//*[contains(@class,'attribution')]")[0]
    assert attribution.xpath(".//a/@href")[0] == profile
    assert attribution.xpath(".//a")[0].get("title") == (
        "Mukhtar Ablyazov, Exiled former banker and minister"
    )
    free = page(claimants, "claims").get_element_by_id("claim-free-text")
    assert "Claimant: Senator X" in text_of(free)
    assert not free.find_class("fc-claim-meta")[0].xpath(".//a[contains(@href,'claimant')]")
    views = page(claimants, "views")
    table = views.get_element_by_id("by-id").xpath(".//table")[0]
    assert set(table.xpath(".//tbody/tr/td[2]//a/@href")) == {profile}
    listed = views.get_element_by_id("free-text").xpath(".//li")
    assert [text_of(li) for li in listed] == [
        "A free-text claimant still works. Half true (Senator X, 2022-01-07)"
    ]


def test_the_role_links_by_id_with_the_name_or_a_title(claimants):
    doc = page(claimants, "index")
    links = {a.text_content(): a.get("href") for a in doc.xpath("//a[contains(@href,'claimant-')]")}
    assert links == {
        "Mukhtar Ablyazov": "people.html#claimant-ablyazov",
        "the agency": "people.html#claimant-reuters",
    }


def test_views_filter_by_claimant_id_or_name(claimants):
    views = page(claimants, "views")

    def claims_in(section_id):
        return [
            text_of(td) for td in views.get_element_by_id(section_id).xpath(".//tbody/tr/td[1]")
        ]

    by_id = claims_in("by-id")
    assert by_id == [
        "The CSTO sent troops.",
        "The West should act.",
        "The protesters call him every day.",
    ]
    assert claims_in("by-name") == by_id
    rows = _rows(views.get_element_by_id("summary").find_class("fc-summary-table")[0])
    assert rows["True"] == ["1", "100%"] and rows["Opinion"] == ["1", "not rated"]
    assert factcheck_warnings(claimants) == []


def test_the_claimant_index_lists_people_and_organisations(claimants):
    index = page(claimants, "fc-claimantindex")
    text = text_of(index.find_class("indextable")[0])
    assert text.index("People") < text.index("Mukhtar Ablyazov") < text.index("Organisations")
    assert "Mukhtar Ablyazov (Exiled former banker and minister) 2 checked claims" in text
    assert "Nobody Yet 0 checked claims" in text
    assert "Reuters (News agency) 1 checked claim" in text
    assert "people.html#claimant-reuters" in index.xpath("//a/@href")
    # the index is a Sphinx label
    assert "fc-claimantindex.html" in page(claimants, "index").xpath("//a/@href")


def _json_ld(app, docname):
    scripts = page(app, docname).xpath("//script[@type='application/ld+json']")
    data = json.loads(scripts[0].text)
    return {r["url"].split("#claim-")[1]: r for r in (data if isinstance(data, list) else [data])}


def test_claimreview_authors_come_from_the_claimant(claimants):
    reviews = _json_ld(claimants, "claims")
    person = reviews["ablyazov-true"]["itemReviewed"]["author"]
    assert person == {
        "@type": "Person",
        "name": "Mukhtar Ablyazov",
        "url": "https://ablyazov.example/",
        "sameAs": [
            "https://www.wikidata.org/wiki/Q12345",
            "https://en.wikipedia.org/wiki/Mukhtar_Ablyazov",
        ],
        "jobTitle": "Exiled former banker and minister",
        "affiliation": {"@type": "Organization", "name": "Democratic Choice of Kazakhstan"},
    }
    organisation = reviews["reuters-fuel"]["itemReviewed"]["author"]
    assert organisation == {
        "@type": "Organization",
        "name": "Reuters",
        "description": "News agency",
    }
    assert reviews["free-text"]["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Senator X",
    }
    for review in reviews.values():
        assert vocabulary_errors(review) == []


def test_the_dataset_has_the_claimants_and_each_claims_claimant_id(claimants):
    out = Path(claimants.outdir)
    data = json.loads((out / "factcheck.json").read_text())
    jsonschema.validate(data, json.loads((out / "factcheck.schema.json").read_text()))
    by_id = {c["id"]: c for c in data["claimants"]}
    assert list(by_id) == ["ablyazov", "nobody", "reuters"]
    assert by_id["ablyazov"]["claims"] == ["ablyazov-opinion", "ablyazov-pending", "ablyazov-true"]
    assert by_id["ablyazov"]["same_as"][0] == "https://www.wikidata.org/wiki/Q12345"
    assert by_id["reuters"]["kind"] == "organization" and by_id["nobody"]["claims"] == []
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["reuters-fuel"]["claimant_id"] == "reuters"
    assert claims["free-text"]["claimant_id"] is None
    assert claims["free-text"]["claimant"] == "Senator X"


def test_required_claimants_warn_about_free_text_with_a_hint(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n.. fc:claimant:: Mukhtar Ablyazov\n   :id: ablyazov\n\n"
                ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n   :claimant: Mukhtar Ablyazov\n"
                "\n"
                ".. fc:claim:: D\n   :id: d\n   :verdict: opinion\n   :claimant: Senator X\n\n"
                ".. fc:claim:: E\n   :id: e\n   :verdict: opinion\n   :claimant: ablyazov\n"
            )
        },
        "factcheck_claimants_required = True\n",
    )
    app = make_app("html", srcdir=src, warningiserror=True)
    app.build()
    warnings = [w for w in factcheck_warnings(app) if "[factcheck.unknown-claimant]" in w]
    assert len(warnings) == 2 and app.statuscode == 1
    assert "index.rst:7" in warnings[0] and "did you mean 'ablyazov'?" in warnings[0]
    assert "index.rst:12" in warnings[1] and "'Senator X' is not a claimant id" in warnings[1]
    # off by default: free text is fine
    src2 = write_project(tmp_path / "src2", {"index.rst": (src / "index.rst").read_text()})
    app2 = make_app("html", srcdir=src2)
    app2.build()
    assert factcheck_warnings(app2) == []


def _mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}


def test_an_edited_verdict_updates_the_scorecard_on_another_page(make_app, tmp_path):
    src = copy_root("claimants", tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    before = _mtimes(Path(app.outdir))
    claims = src / "claims.rst"
    claims.write_text(
        claims.read_text().replace(
            ":claimant: ablyazov\n   :verdict: true", ":claimant: ablyazov\n   :verdict: false"
        )
    )
    app2 = make_app("html", srcdir=src)
    app2.build()
    after = _mtimes(Path(app2.outdir))
    rewritten = {name for name, mtime in after.items() if before.get(name) != mtime}
    assert {"claims.html", "people.html", "views.html"} <= rewritten
    assert "unrelated.html" not in rewritten
    block = page(app2, "people").get_element_by_id("claimant-ablyazov")
    rows = _rows(block.find_class("fc-summary-table")[0])
    assert rows["False"] == ["1", "100%"] and rows["True"] == ["0", "0%"]
    assert "The CSTO sent troops. False" in text_of(block)


def test_a_renamed_claimant_is_renamed_on_the_pages_of_their_claims(make_app, tmp_path):
    src = copy_root("claimants", tmp_path / "src")
    make_app("html", srcdir=src).build()
    people = src / "people.rst"
    people.write_text(
        people.read_text().replace(
            ".. fc:claimant:: Mukhtar Ablyazov", ".. fc:claimant:: M. Ablyazov"
        )
    )
    app = make_app("html", srcdir=src)
    app.build()
    claim = page(app, "claims").get_element_by_id("claim-ablyazov-true")
    assert "Claimant: M. Ablyazov" in text_of(claim)
    assert "M. Ablyazov" in text_of(page(app, "views").get_element_by_id("by-id"))


def _bodies(out: Path) -> dict[str, str]:
    return {
        p.name: p.read_text().split('<div class="body"', 1)[-1]
        for p in out.glob("*.html")
        if p.name not in ("search.html", "genindex.html")
    }


def test_parallel_and_serial_builds_agree(make_app, tmp_path):
    serial = make_app("html", srcdir=copy_root("claimants", tmp_path / "a"))
    serial.build()
    parallel = make_app("html", srcdir=copy_root("claimants", tmp_path / "b"), parallel=2)
    parallel.build()
    assert _bodies(Path(serial.outdir)) == _bodies(Path(parallel.outdir))
    assert (Path(serial.outdir) / "factcheck.json").read_bytes() == (
        Path(parallel.outdir) / "factcheck.json"
    ).read_bytes()


@pytest.mark.parametrize(
    "builder", ["latex", "text", "man", "texinfo", "epub", "xml", "singlehtml", "dirhtml", "json"]
)
def test_every_builder_writes_the_profiles(make_app, tmp_path, builder):
    app = make_app(builder, srcdir=copy_root("claimants", tmp_path / "src"), warningiserror=True)
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()

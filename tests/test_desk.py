"""The desk: fc:desk, fc:policy, fc:funder, fc:staff, the funders and masthead views,
``fc:summary :by:``, the ClaimReview author, the dataset, warnings, incremental builds
and the standards report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from factcheck_ext.export.dataset import dataset_schema

from .helpers import (
    BUILDERS,
    copy_root,
    factcheck_warnings,
    html_pages,
    page,
    text_of,
    write_project,
)
from .schemaorg_vocabulary import errors as vocabulary_errors


@pytest.fixture
def desk(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("desk", tmp_path / "src"))
    app.build()
    assert factcheck_warnings(app) == []
    return app


def _rows(table) -> list[list[str]]:
    return [[text_of(cell) for cell in row.xpath("./td|./th")] for row in table.xpath(".//tr")]


def _json_ld(app, docname: str) -> list[dict]:
    html = (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(found[0])
    return data if isinstance(data, list) else [data]


def test_the_desk_shows_who_it_is_and_links_every_policy(desk):
    block = page(desk, "about").get_element_by_id("desk-desk")
    text = text_of(block)
    for words in (
        "Example Checks",
        "Non-profit association",
        "2020",
        "Almaty, Kazakhstan",
        "verifies claims made in public life",
        "Our policies",
    ):
        assert words in text
    hrefs = {a.text_content(): a.get("href") for a in block.xpath(".//a[@href]")}
    assert hrefs["desk@desk.example"] in ("mailto:desk@desk.example", "mailto:desk%40desk.example")
    assert hrefs["Wikidata"] == "https://www.wikidata.org/wiki/Q1"
    assert hrefs["Corrections policy"] == "corrections.html#policy-corrections"
    assert hrefs["Methodology"] == "methodology.html#policy-methodology"
    assert hrefs["Send us a claim"] == "methodology.html#policy-submissions"


def test_a_policy_says_when_it_was_last_reviewed(desk):
    text = text_of(page(desk, "methodology").get_element_by_id("policy-methodology"))
    assert text == "Methodology, last reviewed 2026-01-15."
    # without :updated: the marker shows nothing of its own
    assert text_of(page(desk, "methodology").get_element_by_id("policy-submissions")) == ""


def test_funders_and_masthead_are_tables_counted_from_the_project(desk):
    about = page(desk, "about")
    funders = _rows(about.find_class("fc-funders-table")[0])
    assert funders[0] == ["Funder", "Kind", "Years", "Amount", "Share of income", "Restrictions"]
    assert funders[1] == [
        "The Example Foundation",
        "grant",
        "2021-2023",
        "EUR 20,000 a year",
        "40%",
        "No say over what we check or our verdicts.",
    ]
    assert funders[2][:2] == ["Readers", "donations"]
    masthead = _rows(about.find_class("fc-masthead-table")[0])
    # ana checked two claims (by id and by id again); "Ana Checker" in free text is not her
    assert masthead[1] == [
        "Ana Checker",
        "Fact-checker",
        "Ten years as a court reporter.",
        "2 checks",
    ]
    assert masthead[2] == ["Ed Editor", "Editor", "Former news editor.", "1 check"]


def test_a_claim_links_its_checkers_and_the_desk_s_policies(desk):
    claims = page(desk, "claims")
    block = claims.get_element_by_id("claim-prices")
    hrefs = {a.text_content(): a.get("href") for a in block.xpath(".//a[@href]")}
    assert hrefs["Ana Checker"] == "about.html#staff-ana"
    assert hrefs["Ed Editor"] == "about.html#staff-ed"
    assert hrefs["Methodology"] == "methodology.html#policy-methodology"
    assert hrefs["Corrections policy"] == "corrections.html#policy-corrections"
    assert "How we check and correct: Methodology · Corrections policy" in text_of(block)
    # free text stays text, next to nothing linked
    other = claims.get_element_by_id("claim-troops")
    assert "Checked by: Ana Checker, a freelance helper" in text_of(other)
    assert not [a for a in other.xpath(".//a[@href]") if "staff-" in a.get("href")]


def test_the_claimreview_author_is_the_desk_with_its_policies(desk):
    review = _json_ld(desk, "claims")[0]
    author = review["author"]
    assert author == {
        "@type": "NewsMediaOrganization",
        "name": "Example Checks",
        "url": "https://desk.example/",
        "logo": "https://desk.example/logo.png",
        "sameAs": ["https://www.wikidata.org/wiki/Q1"],
        "foundingDate": "2020",
        "description": "Example Checks verifies claims made in public life.",
        "location": "Almaty, Kazakhstan",
        "email": "desk@desk.example",
        "masthead": "https://desk.example/about.html",
        "ownershipFundingInfo": "https://desk.example/about.html",
        "correctionsPolicy": "https://desk.example/corrections.html",
        "verificationFactCheckingPolicy": "https://desk.example/methodology.html",
        "actionableFeedbackPolicy": "https://desk.example/methodology.html",
    }
    assert vocabulary_errors(review) == []
    assert review["reviewRating"]["ratingExplanation"] == (
        "The statistics office says prices rose by a tenth. It is false."
    )


def test_without_a_desk_the_author_is_still_factcheck_publisher(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "T\n=\n\n.. fc:claim:: C\n   :id: c\n   :verdict: opinion\n\n"
            ".. fc:claim:: D\n   :id: d\n   :verdict: unverifiable\n",
        },
        conf='factcheck_publisher = {"name": "Desk", "url": "https://d.example/"}\n',
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert _json_ld(app, "index")[0]["author"] == {
        "@type": "Organization",
        "name": "Desk",
        "url": "https://d.example/",
    }


def test_the_spread_of_checks_by_affiliation_claimant_and_tag(desk):
    claims = page(desk, "claims")
    tables = [_rows(t) for t in claims.find_class("fc-spread-table")]
    by_affiliation, by_claimant, by_tag = tables
    assert by_affiliation[0] == ["Affiliation", "Claims", "Verdicts", "By year"]
    assert by_affiliation[1:] == [
        ["Opposition Party", "1 (33%)", "True: 1", "2023: 1"],
        ["Ruling Party", "1 (33%)", "False: 1", "2022: 1"],
        ["Affiliation not recorded", "1 (33%)", "True: 1", "2023: 1"],
    ]
    assert by_claimant[1] == ["A Minister", "1 (33%)", "False: 1", "2022: 1"]
    assert by_tag[1] == ["economy", "2 (67%)", "False: 1, True: 1", "2022: 1, 2023: 1"]
    assert by_tag[-1][0] == "Untagged"
    assert "A claim with several tags counts once under each." in text_of(claims)


def test_the_dataset_holds_the_desk(desk):
    data = json.loads((Path(desk.outdir) / "factcheck.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, dataset_schema())
    assert data["desk"]["title"] == "Example Checks"
    assert data["desk"]["legal_status"] == "Non-profit association"
    assert [p["kind"] for p in data["policies"]] == [
        "masthead",
        "funding",
        "corrections",
        "methodology",
        "submissions",
        "nonpartisanship",
    ]
    assert [f["id"] for f in data["funders"]] == ["example-foundation", "readers"]
    assert [s["id"] for s in data["staff"]] == ["ana", "ed"]


@pytest.mark.parametrize("builder", [b for b in BUILDERS if b != "html"])
def test_every_builder_builds_the_desk(make_app, tmp_path, builder):
    app = make_app(builder, srcdir=copy_root("desk", tmp_path / "src"))
    app.build()
    assert factcheck_warnings(app) == []


def test_roles_link_the_desk_s_pages(desk):
    index = page(desk, "index")
    hrefs = {a.text_content(): a.get("href") for a in index.xpath("//main//a[@href]|//a[@href]")}
    assert hrefs["Methodology"] == "methodology.html#policy-methodology"
    assert hrefs["Ana Checker"] == "about.html#staff-ana"


# --- bad input --------------------------------------------------------------------

CLAIM = "T\n=\n\n.. fc:claim:: C\n   :id: c\n   :verdict: opinion\n"


def _build(make_app, tmp_path, files: dict[str, str], conf: str = "", builder: str = "html"):
    app = make_app(builder, srcdir=write_project(tmp_path / "src", files, conf))
    app.build()
    return app


def test_a_second_desk_warns_at_its_line(make_app, tmp_path):
    app = _build(
        make_app,
        tmp_path,
        {
            "index.rst": "T\n=\n\n.. toctree::\n\n   other\n\n.. fc:desk:: One\n",
            "other.rst": "O\n=\n\n.. fc:desk:: Two\n",
        },
    )
    warnings = factcheck_warnings(app)
    assert len(warnings) == 1
    assert "other.rst:4:" in warnings[0]
    assert "a project has one desk, already declared in index (line 8)" in warnings[0]
    assert "[factcheck.duplicate-id]" in warnings[0]


def test_an_unknown_policy_kind_warns_once(make_app, tmp_path):
    app = _build(make_app, tmp_path, {"index.rst": "T\n=\n\n.. fc:policy:: refunds\n"})
    warnings = factcheck_warnings(app)
    assert len(warnings) == 1
    assert "index.rst:4:" in warnings[0]
    assert "'refunds' is not a known policy-kind" in warnings[0]
    assert "[factcheck.unknown-policy-kind]" in warnings[0]


def test_a_policy_kind_stated_twice_warns(make_app, tmp_path):
    app = _build(
        make_app,
        tmp_path,
        {"index.rst": "T\n=\n\n.. fc:policy:: corrections\n\n.. fc:policy:: corrections\n"},
    )
    warnings = factcheck_warnings(app)
    assert len(warnings) == 1 and "index.rst:6:" in warnings[0]
    assert "the corrections policy is already stated in index (line 4)" in warnings[0]


def test_a_staff_id_nobody_declared_warns(make_app, tmp_path):
    app = _build(
        make_app,
        tmp_path,
        {
            "index.rst": "T\n=\n\n.. fc:staff:: Ana\n   :id: ana\n\n"
            ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n"
            "   :checked-by: anna, Some Helper\n   :reviewed-by: ana\n"
        },
    )
    warnings = factcheck_warnings(app)
    assert len(warnings) == 1
    assert "index.rst:7:" in warnings[0]
    assert ":checked-by: 'anna' is written as a staff id, but no fc:staff has it" in warnings[0]
    assert "[factcheck.unknown-staff]" in warnings[0]


def test_without_staff_checked_by_is_free_text(make_app, tmp_path):
    app = _build(
        make_app,
        tmp_path,
        {"index.rst": CLAIM + "   :checked-by: ana\n"},
    )
    assert factcheck_warnings(app) == []
    assert "Checked by: ana" in text_of(page(app, "index"))


def test_a_desk_that_disagrees_with_factcheck_publisher_warns(make_app, tmp_path):
    app = _build(
        make_app,
        tmp_path,
        {"index.rst": "T\n=\n\n.. fc:desk:: Other Name\n   :url: https://other.example/\n"},
        conf='factcheck_publisher = {"name": "Desk", "url": "https://d.example/"}\n',
    )
    warnings = factcheck_warnings(app)
    assert len(warnings) == 2
    assert all("index.rst:4:" in w and "[factcheck.desk-mismatch]" in w for w in warnings)
    assert "fc:desk 'Other Name' and factcheck_publisher's name 'Desk' differ" in warnings[0]


def test_bad_desk_and_summary_options_warn(make_app, tmp_path):
    app = _build(
        make_app,
        tmp_path,
        {
            "index.rst": "T\n=\n\n.. fc:desk:: D\n   :contact: call us\n   :url: ftp://d\n\n"
            ".. fc:summary::\n   :by: party\n"
        },
    )
    warnings = factcheck_warnings(app)
    assert any(
        "index.rst:4:" in w and "'call us' is neither an e-mail address nor an http(s) URL" in w
        for w in warnings
    )
    assert any("index.rst:4:" in w and "[factcheck.bad-url]" in w for w in warnings)
    assert any(
        "index.rst:8:" in w
        and "'party' is not something to group claims by" in w
        and "[factcheck.bad-filter]" in w
        for w in warnings
    )


# --- incremental --------------------------------------------------------------------


def test_renaming_the_desk_or_a_person_rewrites_the_claim_pages(make_app, tmp_path):
    src = copy_root("desk", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace('"name": "Example Checks", ', ""))
    app = make_app("html", srcdir=src)
    app.build()
    about = src / "about.rst"
    about.write_text(
        about.read_text()
        .replace(".. fc:desk:: Example Checks", ".. fc:desk:: Renamed Checks")
        .replace(".. fc:staff:: Ana Checker", ".. fc:staff:: Ana Renamed")
    )
    again = make_app("html", srcdir=src)
    again.build()
    assert factcheck_warnings(again) == []
    assert _json_ld(again, "claims")[0]["author"]["name"] == "Renamed Checks"
    assert "Checked by: Ana Renamed" in text_of(page(again, "claims"))


def test_an_incremental_build_after_a_policy_moves_equals_a_fresh_one(make_app, tmp_path):
    src = copy_root("desk", tmp_path / "src")
    make_app("html", srcdir=src).build()
    corrections = src / "corrections.rst"
    corrections.write_text(corrections.read_text().replace(".. fc:policy:: corrections\n", ""))
    methodology = src / "methodology.rst"
    methodology.write_text(methodology.read_text() + "\n.. fc:policy:: corrections\n")
    incremental = make_app("html", srcdir=src)
    incremental.build()
    fresh = make_app("html", srcdir=copy_root("desk", tmp_path / "fresh"))
    (tmp_path / "fresh" / "corrections.rst").write_text(corrections.read_text())
    (tmp_path / "fresh" / "methodology.rst").write_text(methodology.read_text())
    fresh.build()
    assert html_pages(Path(incremental.outdir)) == html_pages(Path(fresh.outdir))
    review = _json_ld(incremental, "claims")[0]
    assert review["author"]["correctionsPolicy"] == "https://desk.example/methodology.html"


# --- the standards report ---------------------------------------------------------------


def test_the_standards_report_of_a_complete_desk_has_no_gap(make_app, tmp_path):
    app = make_app("factcheck-standards", srcdir=copy_root("desk", tmp_path / "src"))
    app.build()
    assert factcheck_warnings(app) == []
    report = json.loads((Path(app.outdir) / "standards.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in report["frameworks"]] == [
        "IFCN Code of Principles",
        "EFCSN European Code of Standards",
    ]
    ifcn = {c["code"]: c for c in report["frameworks"][0]["commitments"]}
    assert list(ifcn) == ["ifcn-1", "ifcn-2", "ifcn-3", "ifcn-4", "ifcn-5"]
    assert all(c["met"] for c in ifcn.values())
    spread = {e["check"]: e for e in ifcn["ifcn-1"]["evidence"]}["spread:affiliation"]
    assert spread["status"] == "info"
    assert "Ruling Party: 1 (33%)" in spread["detail"]
    corrections = ifcn["ifcn-5"]["evidence"][0]
    assert corrections["pages"] == [
        {
            "title": "Corrections policy",
            "document": "corrections",
            "url": "https://desk.example/corrections.html",
        }
    ]
    html = (Path(app.outdir) / "standards.html").read_text(encoding="utf-8")
    assert "<h1>Standards report: Example Checks</h1>" in html
    assert '<a href="https://desk.example/corrections.html">Corrections policy</a>' in html


def test_every_gap_is_a_located_warning_and_fails_W(make_app, tmp_path):
    files = {
        "index.rst": "T\n=\n\n.. fc:desk:: <Desk & Co>\n   :url: https://d.example/\n\n"
        ".. fc:claim:: C\n   :id: c\n   :verdict: false\n"
    }
    app = _build(make_app, tmp_path, files, builder="factcheck-standards")
    gaps = [w for w in factcheck_warnings(app) if "[factcheck.standards-gap]" in w]
    assert all("index.rst:4:" in w for w in gaps)
    text = "\n".join(gaps)
    for missing in (
        "fc:desk has no :legal-status: (needed by ifcn-3, efcsn-transparency)",
        "no funding information",
        "no masthead",
        "no contact",
        "no methodology: mark the page that states it with '.. fc:policy:: methodology' "
        "(needed by ifcn-4, efcsn-methodology)",
        "no corrections policy",
        "no nonpartisanship policy",
        "no invitation to readers to send claims",
        "no corrections log",
        "verdicts without a source: c",
    ):
        assert missing in text, missing
    assert len(gaps) == 10  # one warning per missing thing, however many commitments need it
    html = (Path(app.outdir) / "standards.html").read_text(encoding="utf-8")
    assert "&lt;Desk &amp; Co&gt;" in html and "<Desk" not in html
    assert '<span class="fc-gap">Gap:</span>' in html
    strict = make_app(
        "factcheck-standards",
        srcdir=write_project(tmp_path / "strict", files),
        warningiserror=True,
    )
    strict.build()
    assert strict.statuscode == 1  # -W makes the report a gate


def test_archived_sources_become_required_with_factcheck_require_archive(make_app, tmp_path):
    files = {
        "index.rst": "T\n=\n\n.. fc:claim:: C\n   :id: c\n   :verdict: false\n   :sources: s\n\n"
        ".. fc:source:: S\n   :id: s\n   :url: https://s.example/\n"
    }
    app = _build(
        make_app,
        tmp_path,
        files,
        conf="factcheck_require_archive = True\n"
        "suppress_warnings = ['factcheck.unarchived-source']\n",
        builder="factcheck-standards",
    )
    gaps = [w for w in factcheck_warnings(app) if "[factcheck.standards-gap]" in w]
    assert any("sources without a capture: s" in w for w in gaps)
    assert all("index.rst:1:" in w for w in gaps)  # the root document, without a desk


def test_a_report_with_nothing_rated_says_so(make_app, tmp_path):
    app = _build(make_app, tmp_path, {"index.rst": CLAIM}, builder="factcheck-standards")
    report = json.loads((Path(app.outdir) / "standards.json").read_text(encoding="utf-8"))
    evidence = {
        e["check"]: e for c in report["frameworks"][0]["commitments"] for e in c["evidence"]
    }
    assert evidence["sources"]["detail"] == "no verdict that needs a source yet"
    assert evidence["archives"]["detail"] == "no web source cited yet"
    assert evidence["signed"]["detail"] == (
        "0 of 1 (0%) checks name who checked them; 0 name who reviewed them"
    )
    # the group of claims without a known affiliation comes last, whatever its size
    assert evidence["spread:affiliation"]["detail"] == "Affiliation not recorded: 1 (100%)"

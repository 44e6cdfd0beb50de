"""ClaimReview JSON-LD, the factcheck.json dataset and its schema."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import jsonschema
import pytest
from pydantic_core import to_json

from factcheck_ext.export.dataset import dataset_schema
from factcheck_ext.export.records_cache import CACHE_FILE

from .helpers import BUILDERS, ROOTS, copy_root, factcheck_warnings, page, write_project
from .schemaorg_vocabulary import errors as vocabulary_errors

DOCS = Path(__file__).parents[1] / "docs"


def json_ld(app, docname):
    """The JSON-LD of a built page, read with a real HTML parser."""
    scripts = page(app, docname).xpath("//script[@type='application/ld+json']")
    assert len(scripts) <= 1
    if not scripts:
        return []
    data = json.loads(scripts[0].text)
    return data if isinstance(data, list) else [data]


@pytest.fixture
def basic(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    return app


def test_claimreview_properties_match_the_data(basic):
    reviews = {r["url"].split("#")[1]: r for r in json_ld(basic, "article")}
    # opinion and unchecked claims get no ClaimReview
    assert set(reviews) == {"claim-fuel-prices"}
    review = reviews["claim-fuel-prices"]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == "https://desk.example.org/report/article.html#claim-fuel-prices"
    assert review["claimReviewed"] == "The protests began in response to rising fuel prices."
    assert review["author"] == {
        "@type": "Organization",
        "name": "Basic desk",
        "url": "https://desk.example.org/",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "True",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        # the start of the analysis, as the rating's explanation
        "ratingExplanation": "Prices doubled, see rferl.",
    }
    assert review["datePublished"] == "2022-01-10"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Reuters"}
    assert item["datePublished"] == "2022-01-07"
    assert item["appearance"] == item["firstAppearance"]
    assert item["appearance"]["headline"].startswith("West must stand up to Russia")
    assert item["appearance"]["url"].startswith("https://www.reuters.com/")
    assert item["appearance"]["publisher"] == {"@type": "Organization", "name": "Reuters"}
    assert json_ld(basic, "sources") == []  # no claims on that page: no script


def test_claimreview_conforms_to_the_schema_org_vocabulary(make_app, tmp_path):
    src = copy_root("views", tmp_path / "src")
    app = make_app("html", srcdir=src)
    app.build()
    reviews = json_ld(app, "claims")
    assert len(reviews) == 3
    misleading = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Misleading")
    rating = dict(misleading["reviewRating"])
    assert isinstance(rating.pop("ratingExplanation", ""), str)
    assert rating == {"@type": "Rating", "alternateName": "Misleading"}
    assert misleading["itemReviewed"]["author"]["@type"] == "Person"
    for review in reviews:
        assert vocabulary_errors(review) == []


def test_the_vocabulary_check_catches_mistakes():
    good = {
        "@type": "ClaimReview",
        "claimReviewed": "x",
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork"}},
    }
    assert vocabulary_errors(good) == []
    misspelt = {**good, "claimReviwed": "x"}
    assert vocabulary_errors(misspelt) == ["$.claimReviwed: not a schema.org property"]
    wrong_type = {**good, "itemReviewed": {"@type": "Claim", "appearance": {"@type": "Rating"}}}
    assert "is not in range" in vocabulary_errors(wrong_type)[0]
    wrong_domain = {**good, "appearance": {"@type": "CreativeWork"}}
    assert vocabulary_errors(wrong_domain) == ["$.appearance: does not apply to ClaimReview"]


HOSTILE = "</script><script>alert(1)</script><!-- & <b> -->"


def test_script_json_escapes_everything_that_could_end_a_script():
    from factcheck_ext.export.claimreview import script_json

    text = script_json({"a": "</script><!-- \u2028\u2029 & <b>"})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028\u2029 & <b>"}


def test_hostile_text_cannot_break_out_of_the_script_or_the_page(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n"
                f".. fc:claim:: {HOSTILE}\n   :id: evil\n   :verdict: false\n   :sources: s\n"
                f"   :claimant: {HOSTILE}\n\n"
                f".. fc:source:: {HOSTILE}\n   :id: s\n   :url: javascript:alert(1)\n"
                f"   :archive: https://ok.example/\n"
            )
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    html_text = (Path(app.outdir) / "index.html").read_text()
    assert "<script>alert(1)" not in html_text
    assert html_text.count('<script type="application/ld+json">') == 1
    start = html_text.index('<script type="application/ld+json">')
    script = html_text[start : html_text.index("</script>", start)]
    assert "<!--" not in script and "-->" not in script and "<b>" not in script
    review = json_ld(app, "index")[0]
    assert review["claimReviewed"] == HOSTILE
    assert review["itemReviewed"]["author"]["name"] == HOSTILE
    # the javascript: URL is never a link
    assert not page(app, "index").xpath("//a[starts-with(@href,'javascript')]")
    assert any("[factcheck.bad-url]" in w for w in factcheck_warnings(app))


def test_without_html_baseurl_urls_are_relative_and_it_warns_once(make_app, tmp_path):
    src = copy_root("basic", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text().replace('html_baseurl = "https://desk.example.org/report/"', "")
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert json_ld(app, "article")[0]["url"] == "article.html#claim-fuel-prices"
    warnings = [w for w in factcheck_warnings(app) if "[factcheck.no-baseurl]" in w]
    assert len(warnings) == 1 and "article.rst:4" in warnings[0]


def test_dirhtml_urls(make_app, tmp_path):
    app = make_app("dirhtml", srcdir=copy_root("basic", tmp_path / "src"))
    app.build()
    scripts = page(app, "article/index").xpath("//script[@type='application/ld+json']")
    review = json.loads(scripts[0].text)
    assert review["url"] == "https://desk.example.org/report/article/#claim-fuel-prices"


def _dataset(app):
    return json.loads((Path(app.outdir) / "factcheck.json").read_text())


def test_dataset_content(basic):
    data = _dataset(basic)
    assert data["format_version"] == 1 and data["project"] == "basic"
    assert [c["id"] for c in data["claims"]] == sorted(c["id"] for c in data["claims"])
    claim = next(c for c in data["claims"] if c["id"] == "fuel-prices")
    assert claim["verdict"] == "true" and claim["rating"] == 5 and claim["verdict_label"] == "True"
    assert claim["sources"] == ["lpg-cap"] and claim["cited"] == ["rferl"]
    assert claim["docname"] == "article" and claim["anchor"] == "claim-fuel-prices"
    assert claim["selector"]["exact"] == "The protests that began in response to rising fuel prices"
    assert claim["selector"]["suffix"].startswith(" have turned this week")
    text = (ROOTS / "test-basic" / "_articles" / "ablyazov.txt").read_text()
    assert text[claim["selector"]["start"] : claim["selector"]["end"]] == claim["quote"]
    source = next(s for s in data["sources"] if s["id"] == "rferl")
    assert source["cited_by"] == ["fuel-prices"]
    assert [v["key"] for v in data["scale"]["verdicts"]][:2] == ["true", "mostly-true"]
    assert data["scale"]["best_rating"] == 5
    assert "text" not in data["articles"][0]  # the full text is not republished
    # assembled from records serialised one by one, yet the same text as dumping it whole
    raw = (Path(basic.outdir) / "factcheck.json").read_text()
    assert raw == to_json(json.loads(raw), indent=2).decode() + "\n"


def test_dataset_validates_against_its_shipped_schema(basic, make_app, tmp_path):
    schema = json.loads((Path(basic.outdir) / "factcheck.schema.json").read_text())
    assert schema == json.loads(json.dumps(dataset_schema()))  # generated, not hand-written
    jsonschema.validate(_dataset(basic), schema)
    views = make_app("html", srcdir=copy_root("views", tmp_path / "views"))
    views.build()
    jsonschema.validate(_dataset(views), schema)
    broken = _dataset(basic)
    broken["claims"][0]["rating"] = "five"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_dataset_is_byte_identical_across_builds_and_parallelism(make_app, tmp_path):
    outputs = []
    for name, parallel in (("a", 0), ("b", 0), ("c", 2)):
        app = make_app("html", srcdir=copy_root("views", tmp_path / name), parallel=parallel)
        app.build()
        outputs.append((Path(app.outdir) / "factcheck.json").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def mark_cached_record(cache: Path, docname: str, claim_id: str) -> None:
    """Change the title in the cached record of *claim_id* (of *docname*) to "Marked":
    a build that reuses the record shows it."""
    with closing(sqlite3.connect(cache)) as db, db:
        where = "array = 'claims' AND document = ? AND id = ?"
        (record,) = db.execute(f"SELECT json FROM elements WHERE {where}", (docname, claim_id))
        marked = record[0].replace(b'"Taxes fell"', b'"Marked"')
        db.execute(f"UPDATE elements SET json = ? WHERE {where}", (marked, docname, claim_id))


ARTICLE_DOC = (
    "A\n=\n\n.. fc:article:: The article\n   :id: art\n   :published: {date}\n\n"
    "   The mayor said that taxes fell.\n"
)
CLAIM_DOC = (
    "B\n=\n\n.. fc:claim:: Taxes fell\n   :id: taxes\n   :article: art\n"
    "   :quote: taxes fell\n   :verdict: false\n   :sources: stats\n\n   Rose.\n\n"
    ".. fc:source:: Tax statistics\n   :id: stats\n\n   The table.\n"
)


def test_dataset_reuses_records_only_while_their_inputs_are_unchanged(make_app, tmp_path):
    """Claim records are cached between builds; a claim's record must follow a change in
    the document of its article (its date and quote position come from there)."""
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": CLAIM_DOC,
        },
    )

    def build() -> dict:
        app = make_app("html", srcdir=src)
        app.build()
        assert factcheck_warnings(app) == []
        return json.loads((Path(app.outdir) / "factcheck.json").read_text())

    assert build()["claims"][0]["date"] == "2022-01-07"
    # mark the cached record: an unchanged rebuild reuses it as it is
    cache = src / "_build" / "doctrees" / CACHE_FILE
    mark_cached_record(cache, "b", "taxes")  # the claim's document
    assert build()["claims"][0]["title"] == "Marked"
    # the article's document changes (not the claim's): the record is dumped afresh
    (src / "a.rst").write_text(ARTICLE_DOC.format(date="2023-02-01"))
    claim = build()["claims"][0]
    assert claim["title"] == "Taxes fell" and claim["date"] == "2023-02-01"


def test_an_edit_rewrites_only_its_documents_cached_rows(make_app, tmp_path):
    """The cache keeps the elements of each document's parts: an edit in one document
    replaces its rows and leaves the others' as they were (a replaced row gets a new
    rowid)."""
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": CLAIM_DOC,
        },
    )

    def build() -> dict[tuple[str, str], int]:
        app = make_app("html", srcdir=src)
        app.build()
        assert factcheck_warnings(app) == []
        with closing(sqlite3.connect(src / "_build" / "doctrees" / CACHE_FILE)) as db:
            return {
                (array, element_id): rowid
                for rowid, array, element_id in db.execute("SELECT rowid, array, id FROM elements")
            }

    before = build()
    assert set(before) == {("articles", "art"), ("claims", "taxes"), ("sources", "stats")}
    (src / "b.rst").write_text(CLAIM_DOC.replace(":verdict: false", ":verdict: true"))
    after = build()
    assert after[("articles", "art")] == before[("articles", "art")]  # the article: kept
    assert after[("claims", "taxes")] != before[("claims", "taxes")]  # the edit: replaced


def test_a_shorter_dataset_leaves_nothing_of_the_longer_one(make_app, tmp_path):
    """The dataset and the table are written over their previous versions in place:
    what the old files had beyond the new end must be cut."""
    two_claims = CLAIM_DOC + (
        "\n.. fc:claim:: Taxes fell again\n   :id: again\n   :verdict: false\n"
        "   :sources: stats\n\n   " + "Rose. " * 200 + "\n"
    )
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": two_claims,
        },
    )
    for text, ids in ((two_claims, ["again", "taxes"]), (CLAIM_DOC, ["taxes"])):
        (src / "b.rst").write_text(text)
        app = make_app("html", srcdir=src)
        app.build()
        out = Path(app.outdir)
        assert [c["id"] for c in json.loads((out / "factcheck.json").read_text())["claims"]] == ids
        rows = (out / "factcheck.csv").read_text(encoding="utf-8-sig").splitlines()
        assert len(rows) == 1 + len(ids)


def test_the_cached_dataset_follows_objects_that_move_or_go(make_app, tmp_path):
    """The cache keeps elements by document: a source that moves to another document,
    and a document that is removed, leave the dataset as a fresh build makes it."""
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n   c\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": CLAIM_DOC,
            "c.rst": "C\n=\n\n.. fc:claim:: Rents rose\n   :id: rents\n   :verdict: true\n"
            "   :sources: stats\n",
        },
    )

    def build(where: Path) -> dict:
        app = make_app("html", srcdir=where)
        app.build()
        assert factcheck_warnings(app) == []
        return json.loads((Path(app.outdir) / "factcheck.json").read_text())

    build(src)
    # the source moves from b to c; then c goes from the project, and it moves back
    source = "\n.. fc:source:: Tax statistics\n   :id: stats\n\n   The table.\n"
    (src / "b.rst").write_text(CLAIM_DOC.replace(source.lstrip("\n"), ""))
    (src / "c.rst").write_text((src / "c.rst").read_text() + source)
    moved = build(src)
    assert [s["id"] for s in moved["sources"]] == ["stats"]
    assert [c["id"] for c in moved["claims"]] == ["rents", "taxes"]
    fresh = build(shutil.copytree(src, tmp_path / "fresh", ignore=shutil.ignore_patterns("_build")))
    assert moved == fresh
    (src / "c.rst").unlink()
    (src / "index.rst").write_text("I\n=\n\n.. toctree::\n\n   a\n   b\n")
    (src / "b.rst").write_text(CLAIM_DOC)
    gone = build(src)
    assert [c["id"] for c in gone["claims"]] == ["taxes"]
    assert [s["cited_by"] for s in gone["sources"]] == [["taxes"]]


def test_a_damaged_cache_costs_a_fresh_dataset_not_a_wrong_one(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": CLAIM_DOC,
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    dataset = (Path(app.outdir) / "factcheck.json").read_bytes()
    cache = src / "_build" / "doctrees" / CACHE_FILE
    cache.write_bytes(b"not a database" * 100)
    (src / "b.rst").write_text(CLAIM_DOC + "\n")  # reread: the dataset is written again
    app = make_app("html", srcdir=src)
    app.build()
    assert (Path(app.outdir) / "factcheck.json").read_bytes() == dataset
    assert not cache.exists()  # dropped; the next build starts a new one
    make_app("html", srcdir=src).build()
    with closing(sqlite3.connect(cache)) as db:
        assert db.execute("SELECT count(*) FROM elements").fetchone() == (3,)


def test_a_cached_record_follows_its_claimant_being_registered(make_app, tmp_path):
    """A claim's record names its claimant's id only while that claimant exists; the
    claimant lives in another document than the claim."""
    claim_doc = CLAIM_DOC.replace("   :verdict: false", "   :claimant: mayor\n   :verdict: false")
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n   c\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": claim_doc,
            "c.rst": "C\n=\n",
        },
    )

    def claimant_id() -> str | None:
        app = make_app("html", srcdir=src)
        app.build()
        return json.loads((Path(app.outdir) / "factcheck.json").read_text())["claims"][0][
            "claimant_id"
        ]

    assert claimant_id() is None
    (src / "c.rst").write_text("C\n=\n\n.. fc:claimant:: The Mayor\n   :id: mayor\n")
    assert claimant_id() == "mayor"
    (src / "c.rst").write_text("C\n=\n")
    assert claimant_id() is None


def test_cached_records_and_schema_follow_the_code_that_made_them(make_app, tmp_path, monkeypatch):
    """The schema is kept with the records; both are made afresh when the extension's
    code (or pydantic-core) is another than the one that cached them."""
    from factcheck_ext.export import records_cache

    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "I\n=\n\n.. toctree::\n\n   a\n   b\n",
            "a.rst": ARTICLE_DOC.format(date="2022-01-07"),
            "b.rst": CLAIM_DOC,
        },
    )

    def build() -> tuple[dict, dict]:
        app = make_app("html", srcdir=src)
        app.build()
        out = Path(app.outdir)
        return (
            json.loads((out / "factcheck.json").read_text()),
            json.loads((out / "factcheck.schema.json").read_text()),
        )

    fresh_dataset, fresh_schema = build()
    cache = src / "_build" / "doctrees" / CACHE_FILE
    mark_cached_record(cache, "b", "taxes")
    with closing(sqlite3.connect(cache)) as db, db:
        (schema,) = db.execute("SELECT schema FROM meta").fetchone()
        assert json.loads(schema) == fresh_schema
        schema = schema.replace(b"sphinx-factcheck dataset", b"Marked schema")
        db.execute("UPDATE meta SET schema = ?", (schema,))
    dataset, schema_out = build()  # same code: both reused as they are
    assert dataset["claims"][0]["title"] == "Marked" and schema_out["title"] == "Marked schema"
    monkeypatch.setattr(records_cache, "code_fingerprint", lambda: "other code")
    assert build() == (fresh_dataset, fresh_schema)


def test_export_can_be_turned_off(make_app, tmp_path):
    src = copy_root("basic", tmp_path / "src")
    app = make_app("html", srcdir=src, confoverrides={"factcheck_export": False})
    app.build()
    assert not (Path(app.outdir) / "factcheck.json").exists()
    assert not (Path(app.outdir) / "factcheck.schema.json").exists()
    assert json_ld(app, "article") == []


DEMO_BUILDERS = BUILDERS


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    dest = tmp_path_factory.mktemp("demo") / "docs"
    shutil.copytree(DOCS, dest, ignore=shutil.ignore_patterns("_build"))
    return dest


def _all_text(outdir: Path) -> str:
    chunks = []
    for path in outdir.rglob("*"):
        if path.is_file() and path.suffix in {
            ".html",
            ".txt",
            ".tex",
            ".1",
            ".texi",
            ".xml",
            ".pseudoxml",
            ".fjson",
            ".pot",
            ".xhtml",
        }:
            chunks.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(chunks)


@pytest.mark.parametrize("builder", DEMO_BUILDERS)
def test_every_builder_builds_the_demo_report(make_app, demo_copy, tmp_path, builder):
    app = make_app(
        builder, srcdir=demo_copy, builddir=tmp_path / "build", warningiserror=True, freshenv=True
    )
    app.build()
    assert app.warning.getvalue().strip() == "", app.warning.getvalue()
    outdir = Path(app.outdir)
    data = json.loads((outdir / "factcheck.json").read_text())
    assert len(data["claims"]) >= 8
    if builder == "pickle":
        import pickle

        body = pickle.loads((outdir / "report" / "claims.fpickle").read_bytes())["body"]
        text = body
    else:
        text = _all_text(outdir)
    if builder == "gettext":
        # message catalogs hold the authors' prose (analysis, notes), not rendered metadata
        assert 'msgid "A call to action, not a statement of fact."' in text
        return
    # claims, verdicts as words, and sources are legible in every format
    for words in (
        "Ablyazov is a former banker and government minister",
        "Mostly true",
        "Half true",
        "Unverifiable",
        "Opinion",
        "Sharp Energy Price Hike Triggers Protests In Kazakhstan",
    ):
        assert words in text, (builder, words)


def test_the_csv_reads_back_with_every_claim_and_its_formulas_neutralised(make_app, tmp_path):
    import csv

    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                'T\n=\n\n.. fc:claim:: =HYPERLINK("https://evil.example","click")\n'
                "   :id: formula\n"
                "   :claimant: @SUM(1+1)\n   :verdict: false\n   :sources: s\n\n"
                '.. fc:claim:: A claim, with "quotes" and a comma\n   :id: plain\n'
                "   :claimant: -2+3\n   :date: 2022-01-07\n   :status: in-progress\n\n"
                ".. fc:source:: S\n   :id: s\n"
            )
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    raw = (Path(app.outdir) / "factcheck.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    assert b"\r\n" in raw and b'"A claim, with ""quotes"" and a comma"' in raw  # RFC 4180
    with open(Path(app.outdir) / "factcheck.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["id"] for row in rows] == ["formula", "plain"]
    formula, plain = rows
    assert formula["statement"] == '\'=HYPERLINK("https://evil.example","click")'
    assert formula["claimant"] == "'@SUM(1+1)" and plain["claimant"] == "'-2+3"
    assert formula["verdict"] == "false" and formula["verdict_label"] == "False"
    assert (
        formula["sources"] == "s" and formula["url"] == "https://t.example/index.html#claim-formula"
    )
    assert plain["statement"] == 'A claim, with "quotes" and a comma'
    assert plain["status"] == "in-progress" and plain["date"] == "2022-01-07"
    assert list(rows[0]) == [
        "id",
        "statement",
        "claimant",
        "date",
        "verdict",
        "verdict_label",
        "status",
        "article",
        "sources",
        "url",
        "appearances",
        "source_archives",
    ]


def test_the_csv_follows_a_renamed_claimant_on_an_incremental_build(make_app, tmp_path):
    import csv

    src = copy_root("claimants", tmp_path / "src")
    make_app("html", srcdir=src).build()
    people = src / "people.rst"
    people.write_text(
        people.read_text().replace(".. fc:claimant:: Reuters", ".. fc:claimant:: Thomson Reuters")
    )
    app = make_app("html", srcdir=src)
    app.build()
    with open(Path(app.outdir) / "factcheck.csv", encoding="utf-8-sig", newline="") as stream:
        rows = {row["id"]: row for row in csv.DictReader(stream)}
    assert rows["reuters-fuel"]["claimant"] == "Thomson Reuters"


def test_an_explicit_rating_explanation_wins(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "T\n=\n\n.. fc:claim:: Crime fell.\n   :id: crime\n   :verdict: false\n"
            "   :sources: s\n   :rating-explanation: Police figures show a rise of 4%.\n\n"
            "   A long analysis. With sentences.\n\n.. fc:source:: S\n   :id: s\n"
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    (review,) = json_ld(app, "index")
    assert review["reviewRating"]["ratingExplanation"] == "Police figures show a rise of 4%."

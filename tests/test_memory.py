"""A desk's memory: claims matched against catalogues and earlier claims during the
build, families (``:same-as:``), dismissals, the ``match`` command, and
``factcheck.sqlite`` read with Datasette itself."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import sqlite3
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from factcheck_ext.cli import main

from .helpers import factcheck_warnings, page, text_of, write_project

CATALOGUE = [
    {
        "id": "desk-ablyazov-life",
        "claim": "Mukhtar Ablyazov was sentenced in absentia to life in prison in Kazakhstan",
        "url": "https://factcheck.example/ablyazov-life",
        "rating": "True",
        "publisher": "Example Desk",
        "date": "2022-01-10",
    },
    {"id": "moon", "claim": "The moon is made of green cheese", "rating": "False"},
]
CONF = 'factcheck_catalogues = ["earlier.jsonl"]\nsuppress_warnings = ["factcheck.no-sources"]\n'


def _claims(*extra: str) -> str:
    return (
        "Claims\n======\n\n"
        ".. fc:claim:: Ablyazov was sentenced in absentia to life in prison in Kazakhstan.\n"
        "   :id: life\n   :verdict: true\n   :date: 2022-01-07\n\n   The analysis.\n\n"
        ".. fc:claim:: The price of liquefied gas doubled overnight.\n"
        "   :id: gas\n   :status: unchecked\n\n" + "".join(extra)
    )


def _project(tmp_path: Path, *extra: str, conf: str = CONF) -> Path:
    src = write_project(tmp_path / "src", {"index.rst": _claims(*extra)}, conf)
    (src / "earlier.jsonl").write_text(
        "".join(json.dumps(entry) + "\n" for entry in CATALOGUE), encoding="utf-8"
    )
    return src


def _build(make_app, src: Path, builder: str = "html", **kwargs):
    app = make_app(builder, srcdir=src, **kwargs)
    app.build()
    return app


def test_a_claim_like_a_catalogue_entry_warns_naming_it(make_app, tmp_path):
    app = _build(make_app, _project(tmp_path))
    (warning,) = factcheck_warnings(app)
    assert "index.rst:4:" in warning and "[factcheck.previously-checked]" in warning
    assert "fc:claim 'life' may have been checked before: catalogue entry 'desk-ablyazov-life'" in (
        warning
    )
    assert "(Example Desk, True, 2022-01-10, https://factcheck.example/ablyazov-life;" in warning


def test_same_as_makes_a_family_shown_and_exported(make_app, tmp_path):
    later = (
        ".. fc:claim:: Ablyazov got a life sentence in absentia.\n"
        "   :id: life-again\n   :status: unchecked\n   :date: 2022-02-01\n"
        "   :same-as: life, desk-ablyazov-life\n\n"
    )
    app = _build(make_app, _project(tmp_path, later))
    assert factcheck_warnings(app) == []  # the family decides both matches
    block = page(app, "index").get_element_by_id("claim-life")
    family = text_of(block.find_class("fc-family")[0])
    assert "True, Example Desk, 2022-01-10" in family and "not yet checked" in family.lower()
    links = [a.get("href") for a in block.find_class("fc-family")[0].xpath(".//a")]
    assert "https://factcheck.example/ablyazov-life" in links and "#claim-life-again" in links
    dataset = json.loads((Path(app.outdir) / "factcheck.json").read_text(encoding="utf-8"))
    families = {c["id"]: c["family"] for c in dataset["claims"]}
    assert families["life"] == ["desk-ablyazov-life", "life-again"]
    assert families["life-again"] == ["desk-ablyazov-life", "life"]
    assert families["gas"] == []
    (entry,) = dataset["catalogue"]
    assert entry["id"] == "desk-ablyazov-life" and entry["origin"] == "earlier.jsonl"


def test_not_same_as_dismisses_a_suggestion_for_good(make_app, tmp_path):
    src = _project(tmp_path)
    (src / "index.rst").write_text(
        _claims().replace(
            "   :date: 2022-01-07\n", "   :date: 2022-01-07\n   :not-same-as: desk-ablyazov-life\n"
        ),
        encoding="utf-8",
    )
    assert factcheck_warnings(_build(make_app, src)) == []


def test_a_later_claim_of_the_project_is_warned_naming_the_earlier(make_app, tmp_path):
    later = (
        ".. fc:claim:: Ablyazov has been sentenced in absentia to life in prison, in Kazakhstan.\n"
        "   :id: life-again\n   :status: unchecked\n   :date: 2022-02-01\n"
        "   :not-same-as: desk-ablyazov-life\n\n"
    )
    src = _project(tmp_path, later)
    text = (
        (src / "index.rst")
        .read_text()
        .replace(
            "   :date: 2022-01-07\n", "   :date: 2022-01-07\n   :not-same-as: desk-ablyazov-life\n"
        )
    )
    (src / "index.rst").write_text(text, encoding="utf-8")
    (warning,) = factcheck_warnings(_build(make_app, src))
    assert "fc:claim 'life-again' may have been checked before: claim 'life' of this project" in (
        warning
    )
    assert "(index:4, True;" in warning  # where it is, and its verdict


def test_a_same_as_that_names_nothing_warns(make_app, tmp_path):
    src = _project(
        tmp_path, ".. fc:claim:: X.\n   :id: x\n   :status: unchecked\n   :same-as: nowhere\n\n"
    )
    warnings = [w for w in factcheck_warnings(_build(make_app, src)) if "nowhere" in w]
    assert len(warnings) == 1 and "[factcheck.unknown-claim]" in warnings[0]
    assert "neither a claim of this project, nor an entry of factcheck_catalogues" in warnings[0]


def test_matching_is_off_without_catalogues_and_can_be_turned_off(make_app, tmp_path):
    later = (
        ".. fc:claim:: Ablyazov was sentenced in absentia to life in prison in Kazakhstan!\n"
        "   :id: again\n   :status: unchecked\n   :date: 2022-03-01\n\n"
    )
    quiet = 'suppress_warnings = ["factcheck.no-sources"]\n'
    plain = _build(make_app, _project(tmp_path / "a", later, conf=quiet))
    assert factcheck_warnings(plain) == []
    off = _build(
        make_app, _project(tmp_path / "b", later, conf=CONF + "factcheck_matching = False\n")
    )
    assert factcheck_warnings(off) == []
    on = _build(
        make_app, _project(tmp_path / "c", later, conf=quiet + "factcheck_matching = True\n")
    )
    assert len(factcheck_warnings(on)) == 1  # the project's own earlier claim
    strict = _build(
        make_app, _project(tmp_path / "d", conf=CONF + "factcheck_match_threshold = 2.0\n")
    )
    assert factcheck_warnings(strict) == []


def test_other_reports_and_published_markup_are_catalogues(make_app, tmp_path):
    first = _build(
        make_app, _project(tmp_path / "first", conf='suppress_warnings = ["factcheck"]\n')
    )
    src = write_project(
        tmp_path / "second",
        {
            "index.rst": "Later\n=====\n\n"
            ".. fc:claim:: Ablyazov, sentenced in absentia to life in prison in Kazakhstan.\n"
            "   :id: later\n   :status: unchecked\n\n"
            ".. fc:claim:: The world is flat.\n   :id: flat\n   :status: unchecked\n"
        },
        'factcheck_catalogues = ["first.json", "markup.html"]\n',
    )
    shutil.copy(Path(first.outdir) / "factcheck.json", src / "first.json")
    shutil.copy(
        Path(__file__).parent / "data/import/google-markup-example.html", src / "markup.html"
    )
    warnings = factcheck_warnings(_build(make_app, src))
    assert len(warnings) == 2, warnings
    later = next(w for w in warnings if "'later'" in w)
    assert "catalogue entry 'life' (t, True," in later  # the first report's claim and verdict
    flat = next(w for w in warnings if "'flat'" in w)
    assert "(Example.com science watch, False," in flat  # the desk and its rating words


def test_a_bad_catalogue_warns(make_app, tmp_path):
    src = _project(tmp_path)
    (src / "earlier.jsonl").write_text('{"claim": "no id"}\n', encoding="utf-8")
    warnings = factcheck_warnings(_build(make_app, src))
    assert any("[factcheck.bad-catalogue]" in w and 'needs "id" and "claim"' in w for w in warnings)


def test_incremental_and_parallel_builds_find_what_a_fresh_one_finds(make_app, tmp_path):
    src = _project(tmp_path)
    _build(make_app, src)
    (src / "more.rst").write_text(
        "More\n====\n\n.. fc:claim:: The price of liquefied gas has doubled overnight, again.\n"
        "   :id: gas-again\n   :status: unchecked\n   :date: 2030-01-01\n",
        encoding="utf-8",
    )
    index = (src / "index.rst").read_text()
    (src / "index.rst").write_text(index + "\n.. toctree::\n\n   more\n", encoding="utf-8")
    incremental = sorted(factcheck_warnings(_build(make_app, src)))
    fresh = sorted(factcheck_warnings(_build(make_app, src, freshenv=True)))
    parallel = sorted(
        factcheck_warnings(
            _build(make_app, src, builddir=tmp_path / "j2", parallel=2, freshenv=True)
        )
    )
    assert incremental == fresh == parallel
    assert any("'gas-again' may have been checked before: claim 'gas'" in w for w in fresh)


def test_the_status_builder_lists_disagreeing_families(make_app, tmp_path):
    later = (
        ".. fc:claim:: Ablyazov got a life sentence in absentia.\n"
        "   :id: life-again\n   :verdict: false\n   :date: 2022-02-01\n"
        "   :same-as: life, desk-ablyazov-life\n\n   Wrong, says a later check.\n\n"
    )
    app = _build(make_app, _project(tmp_path, later), "factcheck")
    report = json.loads((Path(app.outdir) / "status.json").read_text())
    subtypes = {p["subtype"] for p in report["problems"]}
    assert "family-disagrees" in subtypes
    message = next(p["message"] for p in report["problems"] if p["subtype"] == "family-disagrees")
    assert "is the same claim as" in message and "with another verdict" in message


def test_the_match_command_prints_ranked_pairs(tmp_path):
    catalogue = tmp_path / "cat.jsonl"
    catalogue.write_text("".join(json.dumps(e) + "\n" for e in CATALOGUE), encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps(
            {"id": "q1", "text": "Ablyazov got life in prison in absentia — A (@a) May 1, 2022"}
        )
        + "\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["match", "--catalogue", str(catalogue), "--queries", str(queries)]) == 0
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert lines[0][:2] == ["q1", "desk-ablyazov-life"] and float(lines[0][2]) > 0.3
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["match", "--catalogue", str(catalogue), "--query", "green cheese moon"]) == 0
    assert out.getvalue().startswith("query\tmoon\t")


def test_the_sqlite_database_opens_in_datasette(make_app, tmp_path):
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    later = (
        ".. fc:claim:: Ablyazov got a life sentence in absentia.\n"
        "   :id: life-again\n   :status: unchecked\n   :same-as: life\n\n"
        "   .. fc:appearance:: https://social.example/post\n\n"
    )
    app = _build(make_app, _project(tmp_path, later))
    out = Path(app.outdir)
    database = out / "factcheck.sqlite"
    with sqlite3.connect(database) as db:
        assert db.execute("select count(*) from claims").fetchone() == (3,)
        assert db.execute("select member_id from families where claim_id = 'life'").fetchall() == [
            ("life-again",)
        ]
        assert db.execute("select url from appearances").fetchall() == [
            ("https://social.example/post",)
        ]
    metadata = json.loads((out / "factcheck.metadata.json").read_text())

    async def ask() -> tuple[dict, dict, dict]:
        datasette = Datasette([str(database)], metadata=metadata)
        tables = await datasette.client.get("/factcheck.json")
        search = await datasette.client.get("/factcheck/claims.json?_search=liquefied&_shape=array")
        facets = await datasette.client.get("/factcheck/claims.json?_facet=status")
        return tables.json(), search.json(), facets.json()

    tables, search, facets = asyncio.run(ask())
    names = {t["name"] for t in tables["tables"]}
    assert {"claims", "sources", "families", "appearances", "captures", "verdicts"} <= names
    assert [row["id"] for row in search] == ["gas"]
    statuses = {r["value"]: r["count"] for r in facets["facet_results"]["status"]["results"]}
    assert statuses == {"unchecked": 2, "checked": 1}


def _tables(database: Path) -> dict[str, list]:
    with sqlite3.connect(database) as db:
        names = [
            n
            for (n,) in db.execute("select name from sqlite_master where type = 'table'")
            if not n.startswith("claims_fts")
        ]
        return {n: sorted(db.execute(f"select * from {n}").fetchall(), key=repr) for n in names}


def test_an_incremental_build_updates_the_database_as_a_fresh_one_writes_it(make_app, tmp_path):
    src = _project(tmp_path)
    first = _build(make_app, src)
    (src / "more.rst").write_text(
        "More\n====\n\n.. fc:claim:: Bread doubled.\n   :id: bread\n   :status: unchecked\n"
        "   :same-as: gas\n",
        encoding="utf-8",
    )
    index = (src / "index.rst").read_text().replace(":verdict: true", ":verdict: false")
    (src / "index.rst").write_text(index + "\n.. toctree::\n\n   more\n", encoding="utf-8")
    incremental = _build(make_app, src)
    fresh = _build(make_app, src, builddir=tmp_path / "fresh", freshenv=True)
    database = Path(incremental.outdir) / "factcheck.sqlite"
    assert _tables(database) == _tables(Path(fresh.outdir) / "factcheck.sqlite")
    with sqlite3.connect(database) as db:
        assert db.execute("select verdict from claims where id = 'life'").fetchone() == ("false",)
        found = db.execute(
            "select claims.id from claims_fts join claims on claims.rowid = claims_fts.rowid "
            "where claims_fts match 'bread'"
        ).fetchall()
        assert found == [("bread",)]
    assert first.outdir == incremental.outdir


def test_same_as_reaches_a_claim_of_another_report_through_intersphinx(make_app, tmp_path):
    first = _build(
        make_app, _project(tmp_path / "first", conf='suppress_warnings = ["factcheck"]\n')
    )
    src = write_project(
        tmp_path / "second",
        {
            "index.rst": "Later\n=====\n\n"
            ".. fc:claim:: Ablyazov got life in absentia.\n   :id: later\n"
            "   :status: unchecked\n   :same-as: first:life, first:nowhere\n"
        },
        "extensions.append('sphinx.ext.intersphinx')\n"
        # the first report as published, its inventory read from its build
        "intersphinx_mapping = {'first': ('https://first.example/', "
        f"{str(Path(first.outdir) / 'objects.inv')!r})}}\n",
    )
    app = _build(make_app, src)
    (warning,) = factcheck_warnings(app)  # the claim that the first report does not have
    assert "'first:nowhere'" in warning and "[factcheck.unknown-claim]" in warning
    family = page(app, "index").find_class("fc-family")[0]
    (link,) = family.xpath(".//a")
    assert link.get("href") == "https://first.example/index.html#claim-life"
    assert text_of(family).startswith("life (first)")

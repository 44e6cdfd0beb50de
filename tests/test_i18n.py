"""Reports in other languages: the shipped catalogs, a French build of a translated
report, the language of the exports, per-language scales, and translated builds that
are the same serial, parallel and incremental."""

from __future__ import annotations

import csv
import gettext
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import sphinx.locale
from babel.messages.pofile import read_po, write_po
from sphinx.errors import ConfigError

from .helpers import ROOTS, copy_root, factcheck_warnings, page, text_of, write_project

sys.path.insert(0, str(Path(__file__).parents[1] / "tools"))
import catalogs

LOCALE = Path(__file__).parents[1] / "factcheck_ext" / "locale"
TITLE = "Les impôts ont baissé de moitié l’an dernier."


def test_every_shipped_catalog_is_complete_and_compiled():
    assert catalogs.languages() == ["de", "es", "fr", "ru"]
    assert catalogs.check() == []


def test_the_check_notices_a_missing_translation(tmp_path, monkeypatch):
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    po = copy / "de" / "LC_MESSAGES" / "factcheck.po"
    with po.open("rb") as stream:
        catalog = read_po(stream, locale="de")
    catalog["Cited by:"].string = ""
    with po.open("wb") as stream:
        write_po(stream, catalog)
    monkeypatch.setattr(catalogs, "LOCALE", copy)
    monkeypatch.setattr(catalogs, "TEMPLATE", copy / "factcheck.pot")
    problems = catalogs.check()
    assert any(p.startswith("de: 1 message(s) not translated: ['Cited by:']") for p in problems)
    assert any("de: factcheck.mo is not the compiled catalog" in p for p in problems)


@pytest.fixture
def french(make_app, tmp_path):
    app = make_app(
        "html",
        srcdir=copy_root("i18n", tmp_path / "src"),
        confoverrides={"language": "fr", "factcheck_feed": True},
    )
    app.build()
    assert factcheck_warnings(app) == []
    return app


def _body(app, docname: str) -> str:
    element = page(app, docname).find_class("body")[0]
    for svg in element.xpath(".//svg"):  # (its title repeats the table's words)
        svg.drop_tree()
    return text_of(element)


def _catalog(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "factcheck.po").open("rb") as stream:
        return read_po(stream, locale=language)


def _reviews(app, docname: str) -> list[dict]:
    script = page(app, docname).xpath("//script[@type='application/ld+json']")[0].text
    data = json.loads(script)
    return data if isinstance(data, list) else [data]


def test_a_french_build_shows_no_english_interface_words(french):
    english = set()
    for message in _catalog("fr"):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        translated = {s.split("{")[0].strip(" :,.\u00a0\u202f") for s in strings}
        for msgid in ids:
            words = msgid.split("{")[0].strip(" :,.")
            if len(words) >= 4 and words not in translated:
                english.add(words)
    assert {"Cited by", "Claimant", "Rated claims", "Scorecard of", "In the article"} <= english
    pages = [
        "index",
        "checked",
        "people",
        "views",
        "fc-claimindex",
        "fc-sourceindex",
        "fc-claimantindex",
    ]
    for docname in pages:
        text = _body(french, docname)
        found = [w for w in english if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
        assert found == [], (docname, found)
    # ... and the French words are there
    claims = _body(french, "checked")
    for words in (
        "Auteur de l’affirmation",
        "Dans l’article :",
        "Cité par :",
        "Traduction :",
        "Correction, 2024-05-10",
        "Faux",
        "Contexte :",
    ):
        assert words in claims, words
    assert "Bilan de Jane Doe" in _body(french, "people")
    assert "Index des affirmations" in _body(french, "fc-claimindex")


def test_the_translated_claim_is_shown_everywhere(french):
    out = Path(french.outdir)
    claims = page(french, "checked")
    assert text_of(claims.get_element_by_id("claim-taxes")).startswith(f"Faux {TITLE}")
    views = page(french, "views")
    assert TITLE in [text_of(td) for td in views.xpath("//table[contains(@class,'fc-claims')]//td")]
    assert TITLE in text_of(page(french, "index"))  # the role's link
    titles = views.xpath("//div[contains(@class,'fc-annotated')]//a/@title")
    assert f"Faux\u00a0: {TITLE} (Jane Doe)" in titles  # French spacing: a no-break space
    assert TITLE in _body(french, "fc-claimindex")
    reviews = {r["url"].split("#")[1]: r for r in _reviews(french, "checked")}
    assert reviews["claim-taxes"]["claimReviewed"] == TITLE
    assert reviews["claim-taxes"]["reviewRating"]["alternateName"] == "Faux"
    assert (
        reviews["claim-taxes"]["correction"][0]["text"] == "Nous avons corrigé l’année du budget."
    )
    assert reviews["claim-taxes"]["itemReviewed"]["author"]["jobTitle"] == "Maire de la ville"
    data = json.loads((out / "factcheck.json").read_text())
    claim = next(c for c in data["claims"] if c["id"] == "taxes")
    assert claim["title"] == TITLE and claim["verdict_label"] == "Faux"
    assert claim["summary"] == "Le budget montre que les impôts ont augmenté."
    assert claim["context"] == "Déclaration faite en conférence de presse."
    assert claim["quote"] == "taxes fell by half"  # quotes stay in the article's language
    assert claim["quote_translation"] == "les impôts ont baissé de moitié"
    assert data["sources"][0]["title"] == "Rapport budgétaire de la ville"
    with open(out / "factcheck.csv", encoding="utf-8-sig", newline="") as stream:
        rows = {row["id"]: row for row in csv.DictReader(stream)}
    assert rows["taxes"]["statement"] == TITLE and rows["taxes"]["verdict_label"] == "Faux"
    feed = (out / "factcheck.atom").read_text()
    assert f"Faux\u00a0: {TITLE}" in feed and "i18n\u00a0: vérifications" in feed


def test_the_exports_carry_the_language_of_the_build(make_app, tmp_path, french):
    assert {r["inLanguage"] for r in _reviews(french, "checked")} == {"fr"}
    assert json.loads((Path(french.outdir) / "factcheck.json").read_text())["language"] == "fr"
    english = make_app("html", srcdir=copy_root("i18n", tmp_path / "en"))
    english.build()
    (review,) = _reviews(english, "checked")
    assert (
        review["inLanguage"] == "en" and review["claimReviewed"] == "Taxes fell by half last year."
    )
    assert json.loads((Path(english.outdir) / "factcheck.json").read_text())["language"] == "en"


SCALE = (
    "factcheck_verdicts = [\n"
    " {'key': 'correct', 'rating': 2, 'colour': '#1a7f37',\n"
    "  'label': {'en': 'Correct', 'fr': 'Exact', 'pt': 'Correto'},\n"
    "  'description': {'en': 'Right.', 'fr': 'Juste.', 'pt': 'Certo.'}},\n"
    " {'key': 'wrong', 'label': 'Wrong', 'description': 'Not right.', 'rating': 1},\n"
    "]\n"
)


@pytest.mark.parametrize(
    ("language", "label", "meaning"),
    [
        ("en", "Correct", "Right."),
        ("fr", "Exact", "Juste."),
        ("pt_BR", "Correto", "Certo."),
        ("de", "Correct", "Right."),  # no German text: English
    ],
)
def test_a_custom_scale_gives_its_labels_per_language(make_app, tmp_path, language, label, meaning):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n.. fc:claim:: C\n   :id: c\n   :verdict: correct\n   :sources: s\n\n"
                ".. fc:source:: S\n   :id: s\n"
            )
        },
        SCALE,
    )
    app = make_app("html", srcdir=src, confoverrides={"language": language})
    app.build()
    claim = page(app, "index").get_element_by_id("claim-c")
    assert claim.find_class("fc-badge")[0].text_content() == label
    assert meaning in text_of(claim)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{'key': 'a', 'label': {}, 'description': 'x'}", "label: Value error, gives no text"),
        ("{'key': 'a', 'label': {'fr': ''}, 'description': 'x'}", "the text for 'fr' is empty"),
        (
            "{'key': 'a', 'label': {'French': 'Vrai'}, 'description': 'x'}",
            "'French' is not a language code",
        ),
    ],
)
def test_a_bad_per_language_label_is_a_clear_config_error(make_app, tmp_path, entry, message):
    src = write_project(
        tmp_path / "src", {"index.rst": "T\n=\n"}, f"factcheck_verdicts = [{entry}]\n"
    )
    with pytest.raises(ConfigError, match=re.escape("entry 1 ('a') is invalid")) as error:
        make_app("html", srcdir=src)
    assert message in str(error.value)


def _bodies(out: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(out.glob("*.html")):
        if path.name in ("search.html", "genindex.html"):
            continue
        text = path.read_text(encoding="utf-8")
        pages[path.name] = re.sub(r"\?v=[0-9a-f]+", "", text.split('<div class="body"', 1)[-1])
    return pages


def test_a_translated_build_is_the_same_in_parallel(make_app, tmp_path):
    serial = make_app(
        "html", srcdir=copy_root("i18n", tmp_path / "a"), confoverrides={"language": "fr"}
    )
    serial.build()
    parallel = make_app(
        "html",
        srcdir=copy_root("i18n", tmp_path / "b"),
        parallel=2,
        confoverrides={"language": "fr"},
    )
    parallel.build()
    assert _bodies(Path(serial.outdir)) == _bodies(Path(parallel.outdir))
    assert (Path(serial.outdir) / "factcheck.json").read_bytes() == (
        Path(parallel.outdir) / "factcheck.json"
    ).read_bytes()


def test_an_edited_translation_reaches_every_page_on_an_incremental_build(make_app, tmp_path):
    src = copy_root("i18n", tmp_path / "src")
    make_app("html", srcdir=src, confoverrides={"language": "fr"}).build()
    po = src / "locales" / "fr" / "LC_MESSAGES" / "checked.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgstr "Les impôts ont baissé de moitié l’an dernier."',
            'msgstr "Les impôts auraient baissé de moitié."',
        ),
        encoding="utf-8",
    )
    # Python and Sphinx keep the catalogs they loaded for the life of the process; a new
    # sphinx-build process reads the recompiled one, as does this build without them
    gettext._translations.clear()  # type: ignore[attr-defined]
    sphinx.locale.translators.clear()
    incremental = make_app("html", srcdir=src, confoverrides={"language": "fr"})
    incremental.build()
    assert "Les impôts auraient baissé de moitié." in text_of(page(incremental, "views"))
    fresh_src = tmp_path / "fresh"
    shutil.copytree(src, fresh_src, ignore=shutil.ignore_patterns("_build", "*.mo"))
    fresh = make_app("html", srcdir=fresh_src, confoverrides={"language": "fr"}, freshenv=True)
    fresh.build()
    assert _bodies(Path(incremental.outdir)) == _bodies(Path(fresh.outdir))
    assert (Path(incremental.outdir) / "factcheck.json").read_bytes() == (
        Path(fresh.outdir) / "factcheck.json"
    ).read_bytes()


def test_the_gettext_builder_extracts_the_claims_texts(make_app, tmp_path):
    app = make_app("gettext", srcdir=copy_root("i18n", tmp_path / "src"))
    app.build()
    claims = (Path(app.outdir) / "checked.pot").read_text()
    for text in (
        "Taxes fell by half last year.",
        "Said at a press conference.",
        "taxes fell by half",
        "City budget report",
        "We corrected the year of the budget.",
        "The budget shows that taxes rose.",
    ):
        assert f'msgid "{text}"' in claims, text
    assert 'msgid "Mayor of the city"' in (Path(app.outdir) / "people.pot").read_text()
    assert (ROOTS / "test-i18n" / "locales" / "fr" / "LC_MESSAGES" / "checked.po").exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Zitiert von:", "Bewertete Behauptungen", "Falsch"]),
        ("es", ["Citada por:", "Afirmaciones calificadas", "Falso"]),
        ("ru", ["Цитируется в:", "Оценённые утверждения", "Неправда"]),
    ],
)
def test_the_other_shipped_languages(make_app, tmp_path, language, words):
    app = make_app(
        "html", srcdir=copy_root("i18n", tmp_path / "src"), confoverrides={"language": language}
    )
    app.build()
    text = _body(app, "checked") + _body(app, "views")
    for word in words:
        assert word in text, word


def _own_catalog(src: Path, language: str, words: dict[str, str]) -> None:
    """A project's own factcheck.mo for *language*, as a desk compiles it."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale=language, domain="factcheck")
    for message, translation in words.items():
        catalog.add(message, translation)
    folder = src / "locales" / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "factcheck.mo").open("wb") as stream:
        write_mo(stream, catalog)


@pytest.mark.parametrize(
    ("language", "own", "kept"),
    [
        ("fr", {"False": "Inexact"}, "Cité par :"),  # a word changed, the rest shipped
        ("en", {"Cited by:": "Referenced by:", "False": "Wrong"}, "Rated claims"),  # English too
    ],
)
def test_a_project_catalog_changes_the_extensions_words(make_app, tmp_path, language, own, kept):
    src = copy_root("i18n", tmp_path / "src")
    _own_catalog(src, language, own)
    app = make_app("html", srcdir=src, confoverrides={"language": language})
    app.build()
    text = _body(app, "checked") + _body(app, "views")
    for word in own.values():
        assert word in text
    assert kept in text
    # the next build in this process, in another language, has none of it once the
    # first application is cleaned up (Sphinx keeps catalogs per process, and its test
    # applications clear them then; sphinx-build starts a process per build)
    app.cleanup()
    other = make_app(
        "html", srcdir=copy_root("i18n", tmp_path / "other"), confoverrides={"language": "de"}
    )
    other.build()
    assert not any(word in _body(other, "checked") for word in own.values())


def test_a_broken_project_catalog_warns_with_its_file_and_the_shipped_words_remain(
    make_app, tmp_path
):
    src = copy_root("i18n", tmp_path / "src")
    catalog = src / "locales" / "fr" / "LC_MESSAGES" / "factcheck.mo"
    catalog.write_bytes(b"not a catalog")
    app = make_app("html", srcdir=src, confoverrides={"language": "fr"})
    app.build()
    warnings = factcheck_warnings(app)
    assert len(warnings) == 1 and "[factcheck.bad-catalog]" in warnings[0]
    assert str(catalog) in warnings[0] and "Bad magic number" in warnings[0]
    assert "Cité par" in _body(app, "checked")  # the shipped French words


def test_a_broken_project_catalog_fails_a_build_with_w(tmp_path):
    from sphinx.cmd.build import build_main

    src = copy_root("i18n", tmp_path / "src")
    (src / "locales" / "fr" / "LC_MESSAGES" / "factcheck.mo").write_bytes(b"not a catalog")
    status = build_main(
        ["-q", "-W", "-D", "language=fr", "-b", "html", str(src), str(tmp_path / "out")]
    )
    assert status != 0

"""``sphinx-factcheck import``: every input shape, the rating mapping, escaping, stable
ids, no overwrite, broken inputs, and the round trip of the demo's ClaimReviews."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from factcheck_ext.cli import main
from factcheck_ext.importers.run import import_reviews

DATA = Path(__file__).parent / "data" / "import"
DOCS = Path(__file__).parents[1] / "docs"
INPUTS = sorted(DATA.iterdir())


def _project(path: Path, output_format: str = "rst", conf: str = "") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    extensions = '"myst_parser", "factcheck_ext"' if output_format == "md" else '"factcheck_ext"'
    (path / "conf.py").write_text(
        f'extensions = [{extensions}]\nproject = "imported"\nexclude_patterns = ["_build"]\n'
        f'html_baseurl = "https://imported.example/"\n{conf}',
        encoding="utf-8",
    )
    return path


def _import(files, out: Path, **kwargs) -> tuple[int, str]:
    messages = io.StringIO()
    report = import_reviews(list(files), out, say=messages, **kwargs)
    return report.status, messages.getvalue()


def _build(src: Path) -> tuple[int, str]:
    errors = io.StringIO()
    from contextlib import redirect_stderr

    with redirect_stderr(errors):
        status = build_main(["-W", "-q", "-b", "html", str(src), str(src / "_build" / "html")])
    return status, errors.getvalue()


def _all_reviews(out: Path) -> list[dict]:
    """Every ClaimReview of a built project."""
    found = []
    for page in (out / "_build" / "html").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        start = text.find('<script type="application/ld+json">')
        if start < 0:
            continue
        data = json.loads(text[start : text.index("</script>", start)].split(">", 1)[1])
        found += data if isinstance(data, list) else [data]
    return found


def _reviews(out: Path) -> dict[str, dict]:
    """The ClaimReviews of a built project, by claimReviewed."""
    return {review["claimReviewed"]: review for review in _all_reviews(out)}


@pytest.mark.parametrize("output_format", ["rst", "md"])
def test_every_input_shape_imports_and_builds_with_W(tmp_path, output_format):
    out = _project(tmp_path / "report", output_format)
    status, messages = _import(
        INPUTS,
        out,
        output_format=output_format,
        mapping=["Pants on Fire=false", "Correct=true"],
        own=True,
    )
    assert status == 0, messages
    assert "imported 8 review(s)" in messages
    built, errors = _build(out)
    assert built == 0, errors
    reviews = _reviews(out)
    flat = reviews["The world is flat"]
    assert flat["reviewRating"]["alternateName"] == "False"
    assert flat["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Square World Society",
        "sameAs": ["https://example.flatworlders.com/we-know-that-the-world-is-flat"],
    }
    assert flat["itemReviewed"]["datePublished"] == "2016-06-20"
    appearance = flat["itemReviewed"]["appearance"]
    assert appearance["url"] == "https://example.com/news/a122121"
    assert appearance["headline"] == "Square Earth - Flat earthers for the Internet age"
    assert appearance["publisher"] == {"@type": "Organization", "name": "Skeptical News"}
    assert appearance["author"] == [{"@type": "Person", "name": "T. Tellar"}]
    # the @graph page: the mapped name, the correction and the later modification
    crime = reviews["Crime in the city has halved since 2020."]
    assert crime["reviewRating"]["alternateName"] == "Mostly false"
    assert crime["datePublished"] == "2024-03-10" and crime["dateModified"] == "2024-03-12"
    assert crime["correction"][0]["text"] == (
        "We first gave the 2020 figure for the region, not the city."
    )
    assert crime["itemReviewed"]["author"]["jobTitle"] == "Mayor"
    # claim authors merged by sameAs (Jane Doe / jane doe), one claimant
    bus = reviews["The new bus lanes cost 40 million."]
    assert bus["itemReviewed"]["author"] == crime["itemReviewed"]["author"]
    # the API's claim reviewed by two desks: two claims on one page
    hot = [r for r in reviews.values() if r["claimReviewed"].startswith("Drinking hot water")]
    assert len(hot) == 1  # same statement: the two reviews share the claim's text...
    pages = [p.name for p in out.iterdir() if p.suffix == f".{output_format}"]
    hot_pages = [p for p in pages if p.startswith("drinking-hot-water")]
    assert len(hot_pages) == 1  # ... and one page
    text = (out / hot_pages[0]).read_text()
    assert text.count("fc:claim") == 2 and "Other Desk" in text
    assert (
        reviews["Le prix du pain a doublé en un an."]["itemReviewed"]["datePublished"]
        == "2023-10-30"
    )


def test_an_unmapped_rating_stops_the_import_listing_every_name(tmp_path):
    out = tmp_path / "report"
    status, messages = _import(INPUTS, out, own=True)
    assert status == 2
    assert "'Pants on Fire': 1 review(s)" in messages
    assert "'Faux': 1 review(s)" not in messages  # the French catalog's "False"
    assert "'Trompeur'" not in messages  # the French catalog's "Misleading"
    assert "'Correct': 1 review(s)" in messages  # no name, no ratingValue: unmapped
    assert "nothing was written" in messages
    assert not out.exists()


def test_ratings_map_by_words_before_position_and_explicit_map_wins(tmp_path):
    out = _project(tmp_path / "report")
    status, messages = _import([DATA / "datafeed.json"], out, own=True)
    assert status == 0, messages
    assert "verdicts mapped 2 by name" in messages
    assert _build(out)[0] == 0
    reviews = _reviews(out)
    assert reviews["Le prix du pain a doublé en un an."]["reviewRating"]["alternateName"] == "False"
    # "Trompeur", 2 of 1..5: its words win over its position (which reads "mostly false")
    assert reviews["Les loyers ont baissé de 3 %."]["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Misleading",
        # the review gave none: what the desk rated it, never our note on the import
        "ratingExplanation": 'Vérif Exemple rated the claim "Trompeur".',
    }
    out2 = _project(tmp_path / "report2")
    status, messages = _import(
        [DATA / "datafeed.json"], out2, mapping=["trompeur=Mostly false"], own=True
    )
    assert status == 0 and _build(out2)[0] == 0
    assert "1 by --map" in messages
    rating = _reviews(out2)["Les loyers ont baissé de 3 %."]["reviewRating"]
    assert rating["alternateName"] == "Mostly false"


def test_the_default_verdict_takes_what_maps_to_nothing(tmp_path):
    out = _project(tmp_path / "report")
    status, messages = _import(INPUTS, out, default_verdict="Unverifiable", own=True)
    assert status == 0, messages
    assert "given --default-verdict unverifiable: " in messages
    defaulted = messages.split("given --default-verdict unverifiable: ")[1].split("\n")[0]
    assert _build(out)[0] == 0
    dataset = json.loads((out / "_build" / "html" / "factcheck.json").read_text())
    unverifiable = [c["id"] for c in dataset["claims"] if c["verdict"] == "unverifiable"]
    assert sorted(defaulted.split(", ")) == sorted(unverifiable) and len(unverifiable) == 2
    assert (
        _reviews(out)["The new bus lanes cost 40 million."]["reviewRating"]["alternateName"]
        == "Unverifiable"
    )


def test_the_scale_of_the_project_is_used(tmp_path):
    conf = (
        "factcheck_verdicts = [\n"
        " {'key': 'correct', 'label': 'Correct', 'description': 'Right.', 'rating': 2},\n"
        " {'key': 'wrong', 'label': 'False', 'description': 'Wrong.', 'rating': 1},\n]\n"
    )
    out = _project(tmp_path / "report", conf=conf) / "imported"
    status, messages = _import([DATA / "wordpress-graph.html"], out, own=True)
    assert status == 0, messages  # 'Correct' by name; 'Mostly False' 2 of 1..5: nearest
    page = next(out.glob("*.rst")).read_text() + "".join(p.read_text() for p in out.glob("*.rst"))
    assert ":verdict: correct" in page and ":verdict: wrong" in page


@pytest.mark.parametrize("bad", ["--map", "--default-verdict"])
def test_a_map_to_an_unknown_verdict_is_an_error(tmp_path, bad):
    args = {"mapping": ["Pants on Fire=pants"]} if bad == "--map" else {"default_verdict": "pants"}
    status, messages = _import(INPUTS, tmp_path / "out", **args)
    assert status == 2 and "'pants' is not a verdict of the scale" in messages


HOSTILE = [
    "\n.. raw:: html\n\n   <script>alert('rst')</script>\n",
    ":id: evil",
    "```{raw} html\n<script>alert('myst')</script>\n```",
    "~~~~{fc:source} x\n:id: y\n~~~~",
    "*bold* `code` |sub| [1]_ _`target` {fc:claim}`x` :fc:claim:`x` $x$ <b>tag</b> & &amp;",
    "\\:backslash\\ \\\\ end\\",
    "1. a list\n- a bullet\n> a quote\n# heading\n    indented",
    "javascript:alert(1) see mailto:x@y.example and https://ok.example/",
]


def _hostile_input(path: Path) -> Path:
    reviews = []
    for number, words in enumerate(HOSTILE):
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"https://desk.example/{number}",
                "claimReviewed": words,
                "headline": words,
                "datePublished": "2024-01-0" + str(number % 9 + 1),
                "author": {"@type": "Organization", "name": words},
                "reviewRating": {"@type": "Rating", "alternateName": "False"},
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {
                        "@type": "Person",
                        "name": words,
                        "jobTitle": words,
                        "url": "javascript:alert(1)",
                        "sameAs": [f"https://ok.example/p{number}", "ftp://x"],
                    },
                    "appearance": {
                        "@type": "CreativeWork",
                        "headline": words,
                        "url": f"https://paper.example/{number}",
                    },
                },
            }
        )
    path.write_text(json.dumps(reviews), encoding="utf-8")
    return path


@pytest.mark.parametrize("output_format", ["rst", "md"])
def test_hostile_strings_stay_text(tmp_path, output_format):
    source = _hostile_input(tmp_path / "hostile.json")
    out = _project(tmp_path / "report", output_format)
    status, messages = _import([source], out, output_format=output_format, own=True)
    assert status == 0, messages
    assert "dropped the URL of" in messages and "'javascript:alert(1)'" in messages
    assert "'ftp://x'" in messages
    built, errors = _build(out)
    assert built == 0, errors
    html = "".join(p.read_text() for p in (out / "_build" / "html").glob("*.html"))
    assert "<script>alert" not in html and "<b>tag</b>" not in html
    assert 'href="javascript:' not in html
    reviews = _reviews(out)
    for number, words in enumerate(HOSTILE):
        claim = unescape(" ".join(words.split()))  # entities decoded, as on a page
        review = reviews[claim]  # the statement came through exactly (whitespace folded)
        assert review["itemReviewed"]["author"]["name"] == claim
        assert review["itemReviewed"]["author"]["jobTitle"] == claim
        assert review["itemReviewed"]["author"]["sameAs"] == [f"https://ok.example/p{number}"]
        assert review["itemReviewed"]["appearance"]["headline"] == claim


def test_the_same_input_gives_the_same_ids_and_pages(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert _import(INPUTS, out, default_verdict="unverifiable")[0] == 0
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_importing_the_same_files_again_changes_nothing(tmp_path):
    out = tmp_path / "report"
    assert _import(INPUTS, out, default_verdict="unverifiable")[0] == 0
    index = out / "index.rst"
    index.write_text("edited by hand\n")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    status, messages = _import(INPUTS, out, default_verdict="unverifiable")
    assert status == 0, messages
    assert "8 skipped: already imported" not in messages  # counted per file:
    assert messages.count("skipped: already imported") == len(INPUTS)
    assert "imported 0 review(s) into 0 page(s)" in messages
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_broken_file_is_reported_and_the_others_imported(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"@type": "ClaimReview", "claimReviewed": ')
    page = tmp_path / "page.html"
    page.write_text(
        '<html><script type="application/ld+json">{not json</script>'
        + (DATA / "google-markup-example.html").read_text()
        + "</html>"
    )
    out = _project(tmp_path / "report")
    status, messages = _import([broken, DATA / "google-markup-example.html", page], out, own=True)
    assert status == 1
    assert f"{broken}: is neither HTML nor valid JSON" in messages
    assert (
        f"{page}: JSON-LD block 1 is not valid JSON (Expecting property name enclosed in "
        "double quotes, line 1); skipped: it holds no ClaimReview, so nothing is lost"
    ) in messages
    assert f"{page}: 1 review(s) found; 0 imported; 1 skipped: already imported" in messages
    assert "imported 1 review(s)" in messages
    assert _build(out)[0] == 0


def test_the_demo_round_trips(tmp_path):
    """The ClaimReviews of the built demo, imported and built again, say the same."""
    demo = tmp_path / "demo"
    assert build_main(["-q", "-b", "html", str(DOCS), str(demo)]) == 0
    pages = sorted(
        p for p in (demo / "report").glob("*.html") if "ld+json" in p.read_text(encoding="utf-8")
    )
    out = _project(tmp_path / "report")
    status, messages = _import(pages, out, own=True)
    assert status == 0, messages
    built, errors = _build(out)
    assert built == 0, errors
    original = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if '<script type="application/ld+json">' in text:
            data = json.loads(
                text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
            )
            original.update(
                {
                    (r["claimReviewed"], r["datePublished"]): r
                    for r in (data if isinstance(data, list) else [data])
                }
            )
    # a claim checked twice (the demo's follow-up) has two reviews: told apart by date
    again = {(r["claimReviewed"], r["datePublished"]): r for r in _all_reviews(out)}
    assert len(original) >= 9 and set(again) == set(original)
    for claim, review in original.items():
        copy = again[claim]
        for key in ("claimReviewed", "reviewRating", "datePublished", "correction"):
            assert copy.get(key) == review.get(key), (claim, key)
        # an update on the day of publication is no later change: not imported as one
        later = review.get("dateModified", "") > review["datePublished"]
        assert copy.get("dateModified") == (review["dateModified"] if later else None), claim
        for key in ("author", "datePublished", "appearance"):
            assert copy["itemReviewed"].get(key) == review["itemReviewed"].get(key), (claim, key)


def test_the_command_line(tmp_path):
    out = tmp_path / "report"
    assert (
        main(["import", "--out", str(out), "--default-verdict", "unverifiable", *map(str, INPUTS)])
        == 0
    )
    assert (out / "index.rst").exists()
    # python -m factcheck_ext, and the console script pyproject.toml declares
    result = subprocess.run(
        [sys.executable, "-m", "factcheck_ext", "import", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "--default-verdict" in result.stdout
    script = shutil.which("sphinx-factcheck", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "import" in result.stdout and "init" in result.stdout

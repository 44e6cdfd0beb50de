"""``sphinx-factcheck import`` on the shapes real publishers produce (small fixtures of
our own in ``tests/data/import-shapes``, modelled on the real-world corpus): dates,
verdicts, other desks' reviews, appearances, claimants, updates, URLs, outlets,
entities, wrappers, batches, names and escaping.  The corpus itself is imported by
``test_import_corpus.py`` when it is present."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr
from datetime import date
from pathlib import Path

from sphinx.cmd.build import build_main

from factcheck_ext.cli import main
from factcheck_ext.importers.run import import_reviews

SHAPES = Path(__file__).parent / "data" / "import-shapes"


def _project(path: Path, conf: str = "") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "conf.py").write_text(
        'extensions = ["factcheck_ext"]\nproject = "Our Desk"\nexclude_patterns = ["_build"]\n'
        f'html_baseurl = "https://desk.example/"\n{conf}',
        encoding="utf-8",
    )
    (path / "index.rst").write_text(
        "Report\n======\n\n.. toctree::\n   :glob:\n\n   */index\n", encoding="utf-8"
    )
    return path


def _import(names: list[str], out: Path, **kwargs) -> tuple[int, str]:
    messages = io.StringIO()
    report = import_reviews([SHAPES / n for n in names], out, say=messages, **kwargs)
    return report.status, messages.getvalue()


def _build(src: Path) -> tuple[int, str]:
    errors = io.StringIO()
    with redirect_stderr(errors):
        status = build_main(
            ["-W", "-n", "-q", "-b", "html", str(src), str(src / "_build" / "html")]
        )
    return status, errors.getvalue()


def _dataset(src: Path) -> dict:
    return json.loads((src / "_build" / "html" / "factcheck.json").read_text(encoding="utf-8"))


def _reviews(src: Path) -> dict[str, dict]:
    """Every ClaimReview the built site emits, by claimReviewed."""
    found = {}
    for page in (src / "_build" / "html").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for block in text.split('<script type="application/ld+json">')[1:]:
            data = json.loads(block.split("</script>", 1)[0])
            for review in data if isinstance(data, list) else [data]:
                found[review["claimReviewed"]] = review
    return found


def _pages(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.rst")))


def test_a_missing_review_date_comes_from_the_page_or_stays_missing(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["page-date-only.html", "meta-date-relative-url.html", "api-search.json"],
        src / "imported",
        own=True,
        mapping=["Pants on Fire=false"],
    )
    assert status == 0, messages
    assert "the review by PolitiFact has no reviewDate; it is imported without a date" in messages
    assert "api-search.json: 3 review(s) found; 3 imported" in messages
    assert "2 without a date (left out: none was given)" in messages
    assert _build(src)[0] == 0
    reviews = _reviews(src)
    # the NewsArticle's datePublished, and the page's article:published_time
    assert (
        reviews["The PM criticised the past government for not developing the coastline."][
            "datePublished"
        ]
        == "2022-09-30"
    )
    assert (
        reviews["Yanomamis em situação de desnutrição são venezuelanos"]["datePublished"]
        == "2023-02-01"
    )
    undated = reviews["Says Donald Trump said Alec Baldwin is a total loser."]
    assert "datePublished" not in undated  # never the day of the build
    today = date.today().isoformat()
    assert all(r.get("datePublished") != today for r in reviews.values())


def test_a_ratings_words_win_over_its_position_in_every_shipped_language(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["appearances.html", "listing-data-wrapper.json", "falso-4-of-6.html"],
        src / "imported",
        own=True,
    )
    assert status == 0, messages
    assert "verdicts mapped 2 by name" in messages  # the listing: Engañoso and Falso
    assert "by position" not in messages
    assert _build(src)[0] == 0
    verdicts = {c["title"]: c["verdict"] for c in _dataset(src)["claims"]}
    assert verdicts == {
        "La inflación se triplicó en un año": "misleading",  # 2 of 1..5 by position
        "“Hemos visto cómo las listas de espera se han multiplicado por tres”": "misleading",
        "“Tenemos un 18% de gente que trabaja en situación de pobreza”": "false",
        "A violência no campo caiu assustadoramente": "false",  # 4 of best 6, no worst
    }


def test_position_is_used_only_with_both_ends_and_is_listed(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(["sentence-rating.html"], src / "imported", own=True)
    assert status == 0, messages
    assert "verdicts mapped 1 by position" in messages
    assert "mapped by the rating's position on its scale (check them): claim-" in messages
    # a number with no worstRating is never guessed from
    status, messages = _import(["numeric-only.html"], src / "imported", own=True)
    assert status == 2 and "'ratingValue 1': 1 review(s)" in messages


def test_the_rating_name_an_error_prints_works_in_map(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(["numeric-only.html"], src / "imported", own=True)
    printed = messages.split("\n  '")[1].split("'")[0]
    assert printed == "ratingValue 1"
    status, messages = _import(
        ["numeric-only.html"], src / "imported", own=True, mapping=[f"{printed}=false"]
    )
    assert status == 0, messages
    assert "verdicts mapped 1 by --map" in messages
    assert _build(src)[0] == 0
    # the review's author is an organisation named only by its address: the outlet
    (source,) = _dataset(src)["sources"]
    assert source["publisher"] == "politifact.example"


def test_another_desks_review_is_reference_material_never_our_claimreview(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(["api-search.json"], src / "imported")
    assert status == 0, messages
    assert "3 by other desks (as sources of unchecked claims)" in messages
    assert _build(src)[0] == 0
    assert _reviews(src) == {}  # nothing is published as ours
    dataset = _dataset(src)
    assert {c["status"] for c in dataset["claims"]} == {"unchecked"}
    assert {c["verdict"] for c in dataset["claims"]} == {None}
    sources = {s["url"]: s for s in dataset["sources"]}
    politifact = sources["https://www.politifact.example/factchecks/2021/oct/25/baldwin/"]
    assert politifact["kind"] == "fact-check" and politifact["publisher"] == "PolitiFact"
    html = "".join(
        p.read_text(encoding="utf-8") for p in (src / "_build" / "html" / "imported").glob("*.html")
    )
    assert "Checked by PolitiFact: Pants on Fire." in html
    assert "Checked by USA Today: False." in html


def test_a_review_by_the_projects_publisher_is_the_desks_own(tmp_path):
    src = _project(tmp_path / "report", 'factcheck_publisher = {"name": "USA Today"}\n')
    status, messages = _import(["api-search.json"], src / "imported")
    assert status == 0, messages
    assert _build(src)[0] == 0
    reviews = _reviews(src)
    assert list(reviews) == ["Donald Trump will be reinstated as president in August."]
    assert reviews["Donald Trump will be reinstated as president in August."]["author"] == {
        "@type": "Organization",
        "name": "USA Today",
        "url": "https://desk.example/",
    }


def test_a_review_by_the_projects_desk_is_the_desks_own(tmp_path):
    src = _project(tmp_path / "report")
    index = src / "index.rst"
    index.write_text(index.read_text() + "\n.. fc:desk:: USA Today\n")
    status, messages = _import(["api-search.json"], src / "imported")
    assert status == 0, messages
    assert "3 imported; 2 by other desks" in messages  # the third is the desk's own
    assert _build(src)[0] == 0
    reviews = _reviews(src)
    assert list(reviews) == ["Donald Trump will be reinstated as president in August."]


def test_every_place_the_claim_appeared_is_kept(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["appearances.html", "listing-data-wrapper.json"], src / "imported", own=True
    )
    assert status == 0, messages
    assert _build(src)[0] == 0
    reviews = _reviews(src)
    item = reviews["La inflación se triplicó en un año"]["itemReviewed"]
    assert [a.get("url") for a in item["appearance"]] == [
        "https://video.example/watch?v=1",
        "https://archive.example/post-0",
        "https://social.example/post-1",
        "https://social.example/post-2",
    ]
    assert item["appearance"][0]["name"] == "Discurso en el Congreso"
    assert item["appearance"][1]["genre"] == "SocialMediaPosting"
    assert item["firstAppearance"]["url"] == "https://video.example/watch?v=1"  # 2022-01-20
    listing = reviews["“Hemos visto cómo las listas de espera se han multiplicado por tres”"]
    assert listing["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "name": "Congreso de los Diputados",
        "datePublished": "2022-10-05",
    }
    rows = (src / "_build" / "html" / "factcheck.csv").read_text(encoding="utf-8-sig")
    assert "https://social.example/post-1" in rows


def test_claimants_merge_only_on_a_shared_same_as(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(["page-date-only.html", "api-search.json"], src / "imported")
    assert status == 0, messages
    assert _build(src)[0] == 0
    dataset = _dataset(src)
    users = [c for c in dataset["claimants"] if c["title"] == "Social media users"]
    assert sorted(tuple(c["same_as"]) for c in users) == [
        (),
        ("https://social.example/pm-page/posts/1",),
    ]
    bare = next(c for c in users if not c["same_as"])
    # both API claims by the bare name share it; the page's claimant keeps its address
    assert len(bare["claims"]) == 2


def test_only_a_later_date_modified_makes_an_update(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["appearances.html", "schemeless-entity.html"],
        src / "imported",
        own=True,
        mapping=["não é bem assim=misleading"],
    )
    assert status == 0, messages
    pages = _pages(src / "imported")
    assert pages.count(".. fc:update::") == 1 and ".. fc:update:: 2022-11-02" in pages
    assert _build(src)[0] == 0
    reviews = _reviews(src)
    assert "dateModified" not in reviews["La inflación se triplicó en un año"]
    assert reviews["Rishi Sunak praises Manmohan Singh's economy ideas"]["dateModified"] == (
        "2022-11-02"
    )


def test_relative_and_schemeless_urls_resolve_against_the_page(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["meta-date-relative-url.html", "schemeless-entity.html"], src / "imported"
    )
    assert status == 0, messages
    assert (
        "dropped the URL of 'Perfil anônimo' '/': it is relative and the page gives no "
        "address to resolve it against"
    ) in messages  # a claimant's relative URL points into the desk's own site
    assert _build(src)[0] == 0
    urls = {s["url"] for s in _dataset(src)["sources"]}
    assert urls == {
        "https://verifica.example/verifica/desnutricao/",
        "https://aosfatos.example/noticias/singh-quote/",
    }


def test_the_outlet_publishes_and_its_journalists_are_authors(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["meta-date-relative-url.html", "schemeless-entity.html"], src / "imported"
    )
    assert status == 0, messages
    assert _build(src)[0] == 0
    sources = {s["publisher"]: s for s in _dataset(src)["sources"]}
    assert sources["Verifica Example"]["authors"] == ["Ana Repórter"]
    assert sources["Aos Fatos Example"]["authors"] == ["Marta Checker", "Luiz Editor"]
    assert sources["Aos Fatos Example"]["rating"] == "não_é_bem_assim"


def test_html_entities_are_decoded_everywhere(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(["schemeless-entity.html"], src / "imported")
    assert status == 0, messages
    assert "&#039;" not in _pages(src / "imported")
    assert _build(src)[0] == 0
    (claim,) = _dataset(src)["claims"]
    assert claim["title"] == "Rishi Sunak praises Manmohan Singh's economy ideas"
    csv_text = (src / "_build" / "html" / "factcheck.csv").read_text(encoding="utf-8-sig")
    assert "Singh's" in csv_text and "&#039;" not in csv_text


def test_invalid_json_blocks_are_read_when_they_can_be_and_named_when_not(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(["schemeless-entity.html"], src / "imported")
    assert status == 0, messages
    # block 2 (a VideoObject with a raw line break) is read; block 3 is not
    assert "JSON-LD block 2" not in messages
    assert (
        "JSON-LD block 3 (BreadcrumbList) is not valid JSON (Expecting value, line 1); "
        "skipped: it holds no ClaimReview, so nothing is lost"
    ) in messages


def test_lone_api_claims_and_wrapped_listings_import_and_empty_files_fail(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["api-lone-claim.json", "listing-data-wrapper.json", "nothing.html"], src / "imported"
    )
    assert status == 1, messages  # nothing.html gave nothing
    assert "api-lone-claim.json: 1 review(s) found; 1 imported" in messages
    assert "listing-data-wrapper.json: 2 review(s) found; 2 imported" in messages
    assert (
        "nothing.html: holds no ClaimReview in its JSON-LD blocks; nothing imported from it"
    ) in messages
    assert _build(src)[0] == 0
    status = main(["import", "--out", str(tmp_path / "none"), str(SHAPES / "nothing.html")])
    assert status == 1


def test_batches_merge_into_one_project(tmp_path):
    src = _project(tmp_path / "report")
    first, second = src / "imported", src / "later"
    assert _import(["page-date-only.html", "api-search.json"], first)[0] == 0
    assert _build(src)[0] == 0
    index = (first / "index.rst").read_text()
    claimants_before = (first / "claimants.rst").read_text()
    # a second batch into the same folder: pages added, claimants shared and appended
    status, messages = _import(["api-lone-claim.json", "api-search.json"], first)
    assert status == 0, messages
    assert "api-search.json: 3 review(s) found; 0 imported; 3 skipped: already imported" in (
        messages
    )
    assert (first / "index.rst").read_text() == index  # a glob: new pages join it
    claimants_after = (first / "claimants.rst").read_text()
    assert claimants_after.startswith(claimants_before)
    assert (
        claimants_after.count(".. fc:claimant::") == claimants_before.count(".. fc:claimant::") + 1
    )  # "FB User"; "Social media users" was known
    # a batch into another folder of the same project: a known claimant is reused, not
    # written again (that would be a duplicate id)
    status, messages = _import(["api-more.json", "listing-data-wrapper.json"], second)
    assert status == 0, messages
    assert "Social media users" not in (second / "claimants.rst").read_text()
    bare = next(  # the first batch's "Social media users" without a sameAs
        block.split(":id: ")[1].split("\n")[0]
        for block in claimants_after.split(".. fc:claimant:: Social media users")[1:]
        if ":same-as:" not in block.split(".. fc:")[0]
    )
    assert f":claimant: {bare}\n" in _pages(second)
    assert _build(src)[0] == 0
    # 4 in the first batch, 1 in the second, 3 in the other folder: nothing lost
    dataset = _dataset(src)
    assert len(dataset["claims"]) == 8


def test_default_verdicts_are_case_blind_and_listed(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["numeric-only.html"], src / "imported", own=True, default_verdict="Unverifiable"
    )
    assert status == 0, messages
    assert "given --default-verdict unverifiable: more-than-3-000-homicides" in messages


def test_names_sources_languages_and_escaping_read_well(tmp_path):
    src = _project(tmp_path / "report")
    status, messages = _import(
        ["api-search.json", "api-lone-claim.json", "meta-date-relative-url.html"],
        src / "imported",
    )
    assert status == 0, messages
    out = src / "imported"
    names = sorted(p.stem for p in out.glob("*.rst"))
    # the Urdu claim keeps its script; no page is named by a URL
    assert any(n.startswith("کانپور-کے-ہیلٹ-اسپتال") for n in names), names
    assert not any("http" in n for n in names)
    pages = _pages(out)
    # the two claims citing one PolitiFact article cite one source
    assert pages.count(":url: https://www.politifact.example/factchecks/2021/oct/25/baldwin/") == 1
    assert "The original fact-check, in Urdu." in pages
    assert "in Portuguese (Brazil)" in pages
    assert "fact\\-check" not in pages and "2021\\-" not in pages
    assert "PolitiFact checked this claim and rated it" in pages
    assert _build(src)[0] == 0
    languages = {c["title"][:7]: c["language"] for c in _dataset(src)["claims"]}
    assert languages["کانپور "] == "ur" and languages["Yanomam"] == "pt-BR"

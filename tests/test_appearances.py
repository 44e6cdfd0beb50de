"""Where a claim appeared (``fc:appearance``), another desk's check as a source
(``:kind: fact-check`` with ``:rating:``), and the claim's ``:language:``: on the
page, in the ClaimReview, the dataset and the CSV, in every builder, with located
warnings."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from .helpers import BUILDERS, factcheck_warnings, page, text_of, write_project

CLAIMS = """\
Claims
======

.. fc:article:: West must stand up to Russia
   :id: reuters
   :url: https://www.reuters.com/world/asia-pacific/example/
   :publisher: Reuters
   :published: 2022-01-07

.. fc:claim:: Crime fell by half.
   :id: crime
   :article: reuters
   :verdict: false
   :published: 2022-02-01
   :sources: stats
   :language: pt-BR

   .. fc:appearance:: https://social.example/posts/1
      :date: 2022-01-09
      :by: A page
      :medium: Facebook post
      :archive: https://archive.example/posts/1

   .. fc:appearance::
      :title: Evening news, Channel 1
      :date: 2022-01-05
      :medium: television

   The analysis.

.. fc:claim:: Bread doubled in price.
   :id: bread
   :status: unchecked
   :sources: politifact

   .. fc:appearance:: https://video.example/watch/2

   PolitiFact checked it.

.. fc:source:: Statistics
   :id: stats
   :url: https://stats.example/

.. fc:source:: Bread prices
   :id: politifact
   :url: https://www.politifact.com/factchecks/bread/
   :publisher: PolitiFact
   :date: 2023-01-02
   :kind: fact-check
   :rating: Pants on Fire
"""


@pytest.fixture
def built(make_app, tmp_path):
    src = write_project(tmp_path / "src", {"index.rst": CLAIMS})
    app = make_app("html", srcdir=src)
    app.build()
    return app


def _review(app, claim_id: str) -> dict:
    text = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    data = json.loads(text.split('<script type="application/ld+json">', 1)[1].split("</script>")[0])
    reviews = data if isinstance(data, list) else [data]
    return next(r for r in reviews if r["url"].endswith(f"#claim-{claim_id}"))


def test_a_claim_lists_where_it_appeared_earliest_first(built):
    assert factcheck_warnings(built) == []
    block = page(built, "index").get_element_by_id("claim-crime")
    items = block.find_class("fc-appearances")[0].xpath("./li")
    assert [text_of(li) for li in items] == [
        "2022-01-05, television: Evening news, Channel 1",
        "2022-01-09, A page, Facebook post: https://social.example/posts/1 (original)",
    ]
    # the archived copy first; no link to where the claim was made lifts that page
    links = items[1].xpath(".//a")
    assert [a.get("href") for a in links] == [
        "https://archive.example/posts/1",
        "https://social.example/posts/1",
    ]
    assert {a.get("rel") for a in links} == {"nofollow ugc noopener"}
    assert links[0].get("data-originalurl") == "https://social.example/posts/1"
    assert links[0].get("data-versionurl") == "https://archive.example/posts/1"
    assert items[0].xpath(".//a") == []  # no address: no link
    assert "Where the claim appeared:" in text_of(block)


def test_the_claimreview_carries_every_appearance_and_the_first(built):
    item = _review(built, "crime")["itemReviewed"]
    article, social, channel = item["appearance"]
    assert article["headline"] == "West must stand up to Russia"  # the main appearance first
    assert social == {
        "@type": "CreativeWork",
        "url": "https://social.example/posts/1",
        "datePublished": "2022-01-09",
        "author": {"@type": "Thing", "name": "A page"},
        "genre": "Facebook post",
        "archivedAt": "https://archive.example/posts/1",
    }
    assert channel["name"] == "Evening news, Channel 1" and "url" not in channel
    # the broadcast (2022-01-05) came before the article (2022-01-07)
    assert item["firstAppearance"] == channel
    assert _review(built, "crime")["inLanguage"] == "pt-BR"


def test_another_desks_check_is_a_source_never_our_review(built):
    html = (Path(built.outdir) / "index.html").read_text(encoding="utf-8")
    assert (
        "#claim-bread"
        not in html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0]
    )
    source = page(built, "index").get_element_by_id("source-politifact")
    assert "Checked by PolitiFact: Pants on Fire." in text_of(source)
    assert "[fact-check]" in text_of(source)


def test_the_dataset_and_the_csv_keep_appearances_language_and_rating(built):
    out = Path(built.outdir)
    dataset = json.loads((out / "factcheck.json").read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in dataset["claims"]}
    assert [a["url"] for a in claims["crime"]["appearances"]] == [
        "https://social.example/posts/1",
        None,
    ]
    assert claims["crime"]["appearances"][1]["title"] == "Evening news, Channel 1"
    assert claims["crime"]["language"] == "pt-BR" and claims["bread"]["language"] is None
    sources = {s["id"]: s for s in dataset["sources"]}
    assert sources["politifact"]["rating"] == "Pants on Fire"
    assert sources["politifact"]["kind"] == "fact-check"
    with (out / "factcheck.csv").open(encoding="utf-8-sig", newline="") as table:
        rows = {row["id"]: row for row in csv.DictReader(table)}
    assert rows["crime"]["appearances"] == "https://social.example/posts/1"
    assert rows["bread"]["appearances"] == "https://video.example/watch/2"


def test_bad_appearances_warn_at_their_line(make_app, tmp_path):
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "Claims\n======\n\n"
                ".. fc:claim:: A claim.\n   :id: a\n   :status: unchecked\n\n"
                "   .. fc:appearance::\n      :date: 2022-01-01\n\n"  # line 8: nowhere
                "   .. fc:appearance:: ftp://files.example/x\n\n"  # line 11: not http(s)
                "   .. fc:appearance:: https://ok.example/\n      :date: yesterday\n\n"  # 13
                ".. fc:appearance:: https://outside.example/\n"  # line 16: outside a claim
            )
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    warnings = factcheck_warnings(app)
    assert len(warnings) == 4, warnings
    assert "index.rst:8:" in warnings[0] and "[factcheck.bad-option]" in warnings[0]
    assert "index.rst:11:" in warnings[1] and "[factcheck.bad-url]" in warnings[1]
    assert "index.rst:13:" in warnings[2] and "[factcheck.bad-date]" in warnings[2]
    assert "index.rst:16:" in warnings[3] and "[factcheck.misplaced]" in warnings[3]
    block = page(app, "index").get_element_by_id("claim-a")
    # the bad address stays visible as text, not linked; the good one keeps its link
    items = block.find_class("fc-appearances")[0].xpath("./li")
    assert [text_of(li) for li in items] == ["ftp://files.example/x", "https://ok.example/"]
    assert items[0].xpath(".//a") == []
    assert [a.get("href") for a in items[1].xpath(".//a")] == ["https://ok.example/"]
    assert items[1].xpath(".//a")[0].get("rel") == "nofollow ugc noopener"


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_builds_appearances(make_app, tmp_path, builder):
    src = write_project(tmp_path / "src", {"index.rst": CLAIMS})
    app = make_app(builder, srcdir=src)
    app.build()
    assert factcheck_warnings(app) == []

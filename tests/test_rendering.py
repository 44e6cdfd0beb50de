"""What a reader sees: claim, source and article blocks, badges and links (HTML)."""

from __future__ import annotations

import json

import pytest

from .helpers import factcheck_warnings, page, text_of


@pytest.fixture
def built(app):
    app.build()
    return app


pytestmark = pytest.mark.sphinx("html", testroot="basic")


def test_claim_block_shows_claim_claimant_date_verdict_quote_and_sources(built):
    claim = page(built, "article").get_element_by_id("claim-fuel-prices")
    text = text_of(claim)
    assert "The protests began in response to rising fuel prices." in text
    assert "Claimant: Reuters" in text
    assert "Date: 2022-01-07" in text  # defaulted from the article's publication date
    badge = claim.find_class("fc-badge")[0]
    assert badge.text_content() == "True" and "fc-verdict-true" in badge.classes
    quote = claim.find_class("fc-quote")[0]
    assert "\u201cThe protests that began in response to rising fuel prices\u201d" in text_of(quote)
    assert quote.xpath(".//a/@href") == ["index.html#article-reuters-ablyazov"]
    source_links = claim.find_class("fc-claim-sources")[0].xpath(".//a/@href")
    # listed with :sources:, then cited inline with the role
    assert source_links == ["sources.html#source-lpg-cap", "sources.html#source-rferl"]


def test_quote_is_shown_in_its_sentence_from_the_article_text(built):
    claim = page(built, "article").get_element_by_id("claim-fuel-prices")
    context = claim.find_class("fc-context")[0]
    assert text_of(context) == (
        "In the article: The protests that began in response to rising fuel prices have turned "
        "this week into a broad movement against Nursultan Nazarbayev, the supreme ruler of "
        "Kazakhstan since Soviet times."
    )
    assert context.find_class("fc-quote-match")[0].text_content().startswith("The protests")


def test_context_note_is_shown(built):
    claim = page(built, "article").get_element_by_id("claim-csto-is-russia")
    assert "Context: Said to Reuters by telephone from Paris." in text_of(claim)


def test_unchecked_claims_show_a_status_badge_instead_of_a_verdict(built):
    doc = page(built, "article")
    pending = doc.get_element_by_id("claim-pending")
    assert [b.text_content() for b in pending.find_class("fc-badge")] == ["Check in progress"]
    waiting = doc.get_element_by_id("claim-waiting")
    assert [b.text_content() for b in waiting.find_class("fc-badge")] == ["Not yet checked"]
    assert "Verdict:" not in text_of(waiting)


def test_source_block_has_citation_and_cited_by_backlinks(built):
    source = page(built, "sources").get_element_by_id("source-lpg-cap")
    citation = text_of(source.find_class("fc-citation")[0])
    assert citation == (
        "A. Writer, B. Writer. LPG price cap lifted. Example, 2022-01-01. Accessed 2022-01-10. "
        "Archived copy. [news]"
    )
    hrefs = source.xpath(".//p[contains(@class,'fc-citation')]//a/@href")
    assert hrefs == [
        "https://example.org/lpg",
        "https://web.archive.org/web/2022/https://example.org/lpg",
    ]
    cited_by = source.find_class("fc-cited-by")[0]
    assert cited_by.xpath(".//a/@href") == ["article.html#claim-fuel-prices"]
    # the role citation in the analysis counts too
    rferl = page(built, "sources").get_element_by_id("source-rferl")
    assert rferl.find_class("fc-cited-by")[0].xpath(".//a/@href") == [
        "article.html#claim-fuel-prices"
    ]


def test_article_block_lists_its_claims_across_documents(built):
    article = page(built, "index").get_element_by_id("article-reuters-ablyazov")
    items = article.find_class("fc-article-claims")[0].xpath("./li")
    assert [text_of(li) for li in items] == [
        "The protests began in response to rising fuel prices. True",
        "The CSTO is Russia. Opinion",
        "Unchecked claim Check in progress",
        "Waiting claim Not yet checked",
    ]
    assert article.xpath(".//a[contains(@class,'external')]/@href")[0].startswith(
        "https://www.reuters.com/"
    )


def test_roles_link_across_documents_with_title_and_badge(built):
    para = page(built, "sources").get_element_by_id("roles")
    links = para.xpath(".//a")
    assert [a.get("href") for a in links] == [
        "article.html#claim-fuel-prices",
        "article.html#claim-csto-is-russia",
        "#source-rferl",
        "index.html#article-reuters-ablyazov",
    ]
    assert text_of(links[0]) == "The protests began in response to rising fuel prices. True"
    assert text_of(links[1]) == "the other Opinion"
    badges = para.find_class("fc-badge")
    assert "False" in [b.text_content() for b in badges]


def test_the_example_builds_without_factcheck_warnings(built):
    assert factcheck_warnings(built) == []


def test_claims_and_sources_are_in_objects_inv_and_search_index(built):
    from sphinx.util.inventory import InventoryFile

    inv_path = built.outdir / "objects.inv"
    inventory = InventoryFile.load(inv_path.open("rb"), "", lambda *a: "/".join(a[1:]))
    data = inventory.data if hasattr(inventory, "data") else inventory
    claims = data["fc:claim"]
    assert "fuel-prices" in claims and "lpg-cap" in data["fc:source"]
    assert "reuters-ablyazov" in data["fc:article"]
    search = (built.outdir / "searchindex.js").read_text()
    index = json.loads(search[search.index("(") + 1 : search.rindex(")")])
    names = {entry[-1] for entries in index["objects"].values() for entry in entries}
    assert {"fuel-prices", "lpg-cap", "reuters-ablyazov"} <= names


def test_stylesheets_are_linked_and_badge_colours_reach_aa_contrast(built):
    from factcheck_ext.models import DEFAULT_SCALE, contrast_ratio

    head = page(built, "index").xpath("//link[@rel='stylesheet']/@href")
    assert any("factcheck.css" in h for h in head)
    assert any("factcheck-verdicts.css" in h for h in head)
    css = (built.outdir / "_static" / "factcheck-verdicts.css").read_text()
    for verdict in DEFAULT_SCALE.verdicts:
        assert f".fc-badge.{verdict.style} {{ background: {verdict.colour}; " in css
        assert contrast_ratio(verdict.colour, verdict.text_colour) >= 4.5
    colours = [v.colour for v in DEFAULT_SCALE.verdicts]
    assert len(set(colours)) == len(colours)

"""The documentation covers the whole interface, and the demo report builds clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck_ext.config import CONFIG_VALUES
from factcheck_ext.directives import DIRECTIVES, ROLES
from factcheck_ext.domain import FactCheckDomain
from factcheck_ext.models import DEFAULT_SCALE

DOCS = Path(__file__).parents[1] / "docs"


def _reference(name: str) -> str:
    return (DOCS / "reference" / f"{name}.rst").read_text(encoding="utf-8")


@pytest.mark.parametrize("directive", sorted(DIRECTIVES))
def test_every_directive_option_is_documented(directive):
    text = _reference("directives") + _reference("views")
    assert f"``fc:{directive}``" in text
    section = text.split(f"``fc:{directive}``", 1)[1]
    for option in DIRECTIVES[directive].option_spec:
        assert f"``:{option}:``" in section, f"fc:{directive} :{option}: is not documented"


def test_every_role_is_documented():
    text = _reference("roles")
    for role in [*FactCheckDomain.roles, *ROLES]:
        assert f"``:fc:{role}:``" in text


def test_every_config_value_is_documented():
    text = _reference("config") + _reference("verdicts")
    for name in CONFIG_VALUES:
        assert f"``{name}``" in text


def test_the_verdict_scale_page_matches_the_default_scale():
    text = _reference("verdicts")
    for verdict in DEFAULT_SCALE.verdicts:
        assert f":fc:verdict:`{verdict.key}` ``{verdict.key}``" in text
        assert " ".join(verdict.description.split()) in " ".join(text.split())


def test_demo_report_quotes_are_exact_substrings_of_the_article():
    article = (DOCS / "_articles" / "reuters-2022-01-07-ablyazov.txt").read_text(encoding="utf-8")
    claims = (DOCS / "report" / "claims.rst").read_text(encoding="utf-8")
    quotes = re.findall(r"^   :quote: (.+)$", claims, flags=re.M)
    assert len(quotes) >= 8
    for quote in quotes:
        assert quote in article, quote


def test_docs_build_without_warnings_and_check_at_least_eight_claims(make_app, tmp_path):
    import shutil

    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=src, warningiserror=True, confoverrides={"nitpicky": True})
    app.build()
    assert app.warning.getvalue().strip() == ""
    domain = app.env.domains["fc"]
    checked = [c for c in domain.index.claims.values() if c.verdict]
    assert len(checked) >= 8
    assert {c.verdict for c in checked} >= {"true", "opinion", "unverifiable"}
    for claim in checked:
        verdict = DEFAULT_SCALE.get(claim.verdict)
        if verdict.needs_sources:
            assert claim.all_sources, claim.id


def test_the_demo_registers_its_claimants_with_verified_links(make_app, tmp_path):
    import shutil

    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=src)
    app.build()
    index = app.env.domains["fc"].index
    assert index.claimants["reuters"].kind == "organization"
    assert "https://www.wikidata.org/wiki/Q130879" in index.claimants["reuters"].same_as
    ablyazov = index.claimants["mukhtar-ablyazov"]
    assert ablyazov.kind == "person"
    assert "https://en.wikipedia.org/wiki/Mukhtar_Ablyazov" in ablyazov.same_as
    # every claim of the report names a registered claimant (factcheck_claimants_required)
    assert {c.claimant for c in index.claims.values()} == {"reuters", "mukhtar-ablyazov"}
    assert app.config.factcheck_claimants_required is True


def _roles(text: str) -> list[str]:
    """The targets of the roles and the literals of a text (a link's words may change)."""
    found = re.findall(r":[a-z:]+:`[^`]*`|``[^`]*``", text)
    return sorted(re.sub(r"^(:[a-z:]+:`).*<(.*)>`$", r"\1\2`", r) for r in found)


def _docs_copy(tmp_path: Path) -> Path:
    import shutil

    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build", "*.mo"))
    return src


def test_the_french_catalog_translates_every_text_of_the_report(make_app, tmp_path):
    from babel.messages.pofile import read_po

    gettext = make_app("gettext", srcdir=_docs_copy(tmp_path))
    gettext.build()
    with (Path(gettext.outdir) / "report.pot").open("rb") as stream:
        wanted = {m.id for m in read_po(stream) if m.id}
    with (DOCS / "locales" / "fr" / "LC_MESSAGES" / "report.po").open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    done = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    assert sorted(wanted - set(done)) == []  # (run sphinx-intl update, then translate)
    for msgid, msgstr in done.items():
        assert _roles(msgid) == _roles(msgstr), msgid


def test_the_french_report_builds_clean(make_app, tmp_path):
    import json

    from .helpers import page

    french = make_app(
        "html",
        srcdir=_docs_copy(tmp_path),
        warningiserror=True,
        confoverrides={"language": "fr", "nitpicky": True},
    )
    french.build()
    assert french.warning.getvalue().strip() == ""
    claims = page(french, "report/claims")
    fuel = claims.get_element_by_id("claim-fuel-prices")
    assert "Les manifestations au Kazakhstan ont commencé en réaction à la hausse" in (
        fuel.text_content()
    )
    assert "The protests that began in response to rising fuel prices" in fuel.text_content()
    script = claims.xpath("//script[@type='application/ld+json']")[0].text
    reviews = {r["url"].rsplit("#", 1)[1]: r for r in json.loads(script)}
    assert reviews["claim-fuel-prices"]["inLanguage"] == "fr"
    assert reviews["claim-fuel-prices"]["reviewRating"]["alternateName"] == "Vrai"
    assert reviews["claim-fuel-prices"]["claimReviewed"].startswith("Les manifestations")
    # the desk's texts are translated too (its name is a name, and is not)
    desk = " ".join(page(french, "report/desk").text_content().split())
    assert "extension sphinx-factcheck, pas des fact-checkeurs" in desk
    assert "travail fourni en nature" in desk
    assert "sphinx-factcheck demo desk" in desk
    assert reviews["claim-fuel-prices"]["author"]["name"] == "sphinx-factcheck demo desk"

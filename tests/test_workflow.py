"""Sign-off, publication builds, updates and corrections, the ledger, the status builder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html
from sphinx.errors import ConfigError

from .helpers import copy_root, factcheck_warnings, page, text_of


def build(make_app, src, builder="html", **kwargs):
    app = make_app(builder, srcdir=src, **kwargs)
    app.build()
    return app


def body(app, docname):
    return lxml_html.tostring(page(app, docname).find_class("body")[0], encoding="unicode")


@pytest.fixture
def workflow(make_app, tmp_path):
    return build(make_app, copy_root("workflow", tmp_path / "src"))


# --- sign-off ----------------------------------------------------------------------


def test_sign_off_is_shown_and_exported(workflow):
    claim = page(workflow, "checked").get_element_by_id("claim-crime")
    assert "Checked by: Ana Checker" in text_of(claim)
    assert "Reviewed by: Ed Editor" in text_of(claim)
    data = json.loads((Path(workflow.outdir) / "factcheck.json").read_text())
    crime = next(c for c in data["claims"] if c["id"] == "crime")
    assert crime["checked_by"] == "Ana Checker" and crime["reviewed_by"] == "Ed Editor"


def test_require_review_warns_about_checked_claims_without_sign_off(make_app, tmp_path):
    app = build(
        make_app,
        copy_root("workflow", tmp_path / "src"),
        confoverrides={"factcheck_require_review": True},
    )
    unreviewed = [w for w in factcheck_warnings(app) if "[factcheck.unreviewed]" in w]
    assert len(unreviewed) == 1
    assert "checked.rst:27" in unreviewed[0] and "'budget-doubled'" in unreviewed[0]


def test_review_is_not_required_by_default(workflow):
    assert not [w for w in factcheck_warnings(workflow) if "unreviewed" in w]


# --- publication builds ------------------------------------------------------------

PUBLISH = {"factcheck_publish_unchecked": False}


def _withheld_everywhere(app):
    assert "unemployment" not in body(app, "pending")
    assert page(app, "pending").xpath("//*[@id='claim-unemployment']") == []
    for docname in ("index", "corrections", "checked"):
        assert "Unemployment" not in body(app, docname), docname
    assert "Unemployment" not in text_of(page(app, "fc-claimindex"))
    police = page(app, "index").get_element_by_id("source-police")
    assert (
        text_of(police.find_class("fc-cited-by")[0]) == "Cited by: Crime fell by half. Mostly false"
    )
    data = json.loads((Path(app.outdir) / "factcheck.json").read_text())
    assert "unemployment" not in [c["id"] for c in data["claims"]]
    assert "police" in [s["id"] for s in data["sources"]]
    plain = page(app, "plain").find_class("body")[0]
    assert "unemployment" in text_of(plain)  # the role's text stays, without a link
    assert plain.xpath(".//a[contains(@href,'unemployment')]") == []
    withheld = [w for w in factcheck_warnings(app) if "[factcheck.withheld]" in w]
    assert len(withheld) == 1 and "plain.rst:4" in withheld[0]


def test_publication_build_leaves_unchecked_claims_out_of_everything(make_app, tmp_path):
    normal = build(make_app, copy_root("workflow", tmp_path / "normal"))
    assert "Unemployment is the lowest ever." in body(normal, "pending")
    published = build(make_app, copy_root("workflow", tmp_path / "pub"), confoverrides=PUBLISH)
    _withheld_everywhere(published)
    # nothing else changes on the page
    assert body(published, "checked") == body(normal, "checked")
    assert not [w for w in factcheck_warnings(published) if "unused-source" in w]


def test_publication_build_in_parallel(make_app, tmp_path):
    app = build(
        make_app, copy_root("workflow", tmp_path / "src"), parallel=2, confoverrides=PUBLISH
    )
    _withheld_everywhere(app)


def test_publication_build_incrementally(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    build(make_app, src, confoverrides=PUBLISH)
    pending = src / "pending.rst"
    pending.write_text(
        pending.read_text().replace(":status: in-progress", ":status: checked\n   :verdict: false")
    )
    app = build(make_app, src, confoverrides=PUBLISH)
    assert "Unemployment is the lowest ever." in body(app, "pending")
    assert "Unemployment is the lowest ever." in body(app, "index")  # the claims table
    assert page(app, "plain").xpath("//a[contains(@href,'claim-unemployment')]")
    police = page(app, "index").get_element_by_id("source-police")
    assert "Unemployment" in text_of(police)


# --- updates and corrections ------------------------------------------------------------


def test_updates_render_at_the_top_newest_first(workflow):
    claim = page(workflow, "checked").get_element_by_id("claim-crime")
    header = text_of(claim.find_class("fc-claim-header")[0])
    assert header == "Mostly false Crime fell by half. Updated 2022-03-20"
    notes = [text_of(n.find_class("fc-update-title")[0]) for n in claim.find_class("fc-update")]
    assert notes == ["Clarification, 2022-03-20", "Correction, 2022-03-10. Previous verdict: False"]
    children = [c.get("class", "") for c in claim]
    assert children.index("fc-update fc-update-clarification docutils container") == 1


def test_an_update_outside_a_claim_warns(make_app, tmp_path):
    from .helpers import write_project

    src = write_project(
        tmp_path / "src", {"index.rst": ("T\n=\n\n.. fc:update:: 2022-01-01\n\n   Loose note.\n")}
    )
    app = build(make_app, src)
    assert any("[factcheck.misplaced]" in w and "index.rst:4" in w for w in factcheck_warnings(app))
    assert "Loose note." in text_of(page(app, "index"))


def test_retracted_claim_stays_with_a_notice(workflow):
    claim = page(workflow, "checked").get_element_by_id("claim-taxes")
    assert claim.find_class("fc-badge")[0].text_content() == "Retracted"
    assert "This check has been withdrawn" in text_of(claim.find_class("fc-retraction")[0])
    reviews = json.loads(
        page(workflow, "checked").xpath("//script[@type='application/ld+json']")[0].text
    )
    assert "claim-taxes" not in json.dumps(reviews)  # no standing verdict, no ClaimReview


def test_claimreview_carries_date_modified_and_corrections(workflow):
    reviews = json.loads(
        page(workflow, "checked").xpath("//script[@type='application/ld+json']")[0].text
    )
    crime = next(r for r in reviews if r["url"].endswith("#claim-crime"))
    assert crime["dateModified"] == "2022-03-20"
    assert crime["correction"] == [
        {
            "@type": "CorrectionComment",
            "datePublished": "2022-03-10",
            "text": "We first rated this false; police figures published later show a 30% fall.",
        }
    ]
    from .schemaorg_vocabulary import errors

    assert errors(crime) == []


def test_dataset_carries_updates(workflow):
    data = json.loads((Path(workflow.outdir) / "factcheck.json").read_text())
    crime = next(c for c in data["claims"] if c["id"] == "crime")
    assert [(u["date"], u["kind"], u["previous_verdict"]) for u in crime["updates"]] == [
        ("2022-03-10", "correction", "false"),
        ("2022-03-20", "clarification", None),
    ]


def test_corrections_log_newest_first_and_filtered(workflow):
    doc = page(workflow, "corrections")
    entries = [text_of(li) for li in doc.get_element_by_id("all").xpath(".//li")]
    assert [e.split(":")[0] for e in entries] == [
        "2022-04-01, Correction",
        "2022-03-20, Clarification",
        "2022-03-10, Correction",
    ]
    assert "(previous verdict: False)" in entries[2]
    assert doc.get_element_by_id("all").xpath(".//li[1]//a/@href") == ["checked.html#claim-taxes"]
    only = [text_of(li) for li in doc.get_element_by_id("corrections-only").xpath(".//li")]
    assert [e.split(":")[0] for e in only] == ["2022-04-01, Correction", "2022-03-10, Correction"]


# --- the ledger ----------------------------------------------------------------------------


def _publish(make_app, src, tmp_path):
    """Build, then keep the dataset as the ledger, as the publish workflow says."""
    app = build(make_app, src, confoverrides=PUBLISH)
    shutil.copy(Path(app.outdir) / "factcheck.json", src / "ledger.json")
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + 'factcheck_ledger = "ledger.json"\n')


def test_ledger_unchanged_project_is_clean(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    _publish(make_app, src, tmp_path)
    app = build(make_app, src, freshenv=True)
    assert not [
        w for w in factcheck_warnings(app) if "unlogged-change" in w or "removed-claim" in w
    ]


def test_ledger_catches_a_silent_verdict_change(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    _publish(make_app, src, tmp_path)
    checked = src / "checked.rst"
    checked.write_text(checked.read_text().replace(":verdict: true", ":verdict: half-true"))
    app = build(make_app, src)
    warnings = [w for w in factcheck_warnings(app) if "[factcheck.unlogged-change]" in w]
    assert len(warnings) == 1
    assert "checked.rst:27" in warnings[0]
    assert "published verdict 'true' changed to 'half-true'" in warnings[0]


def test_ledger_accepts_a_logged_change(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    _publish(make_app, src, tmp_path)
    checked = src / "checked.rst"
    checked.write_text(
        checked.read_text().replace(
            "   :verdict: true\n   :sources: budget\n   :checked-by: Ana Checker\n",
            "   :verdict: half-true\n   :sources: budget\n   :checked-by: Ana Checker\n\n"
            "   .. fc:update:: 2022-05-01\n      :kind: correction\n      :previous-verdict: true\n"
            "\n"
            "      The budget grew by 60%, not 100%.\n",
        )
    )
    app = build(make_app, src)
    assert not [w for w in factcheck_warnings(app) if "unlogged-change" in w]


def _remove_budget_claim(src: Path) -> None:
    """Delete the published claim 'budget-doubled' from its page."""
    checked = src / "checked.rst"
    text = checked.read_text()
    checked.write_text(
        text[: text.index(".. fc:claim:: The budget doubled.")]
        + text[text.index(".. fc:claim:: Taxes went up.") :]
    )


def test_ledger_catches_a_removed_claim(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    _publish(make_app, src, tmp_path)
    _remove_budget_claim(src)
    app = build(make_app, src)
    removed = [w for w in factcheck_warnings(app) if "[factcheck.removed-claim]" in w]
    assert len(removed) == 1 and "'budget-doubled'" in removed[0], "\n".join(removed)
    assert "ledger.json:" in removed[0]


def test_a_removed_claim_is_located_at_its_own_entry_in_the_ledger(make_app, tmp_path):
    """Another object of the dataset with the claim's id (an article, earlier in the
    file) does not take the warning's line."""
    src = copy_root("workflow", tmp_path / "src")
    _publish(make_app, src, tmp_path)
    ledger = src / "ledger.json"
    data = json.loads(ledger.read_text())
    data["articles"].insert(0, {"id": "budget-doubled", "title": "Same id, an article"})
    text = json.dumps(data, indent=2)
    ledger.write_text(text)
    lines = text.splitlines()
    claims_start = next(i for i, line in enumerate(lines) if line.startswith('  "claims"'))
    own = next(
        number
        for number, line in enumerate(lines, start=1)
        if number > claims_start and '"id": "budget-doubled"' in line
    )
    _remove_budget_claim(src)
    app = build(make_app, src)
    removed = [w for w in factcheck_warnings(app) if "[factcheck.removed-claim]" in w]
    assert len(removed) == 1
    # the entry's first line: the one before its "id" line
    assert f"ledger.json:{own - 1}:" in removed[0], removed[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("{not json", "is not valid JSON"),
        ('{"claims": "nope"}', "is not a factcheck.json dataset"),
    ],
)
def test_missing_or_malformed_ledger_is_an_error_naming_the_file(
    make_app, tmp_path, content, message
):
    src = copy_root("workflow", tmp_path / "src")
    if content is not None:
        (src / "ledger.json").write_text(content)
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + 'factcheck_ledger = "ledger.json"\n')
    with pytest.raises(ConfigError, match=f"ledger.json.*{message}|{message}.*ledger.json"):
        build(make_app, src)


# --- the status builder ----------------------------------------------------------------------


def test_status_builder_reports_every_claim_and_open_problem(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    app = build(
        make_app,
        src,
        builder="factcheck",
        warningiserror=True,
        confoverrides={"factcheck_require_review": True},
    )
    out = Path(app.outdir)
    assert not list(out.glob("*.html"))  # no page rendering
    report = json.loads((out / "status.json").read_text())
    rows = {c["id"]: c for c in report["claims"]}
    assert rows["unemployment"]["status"] == "in-progress"
    assert rows["unemployment"]["problems"] == ["open-check"]
    assert rows["budget-doubled"]["problems"] == ["unreviewed"]
    assert rows["crime"] == {
        "document": "checked",
        "id": "crime",
        "status": "checked",
        "verdict": "mostly-false",
        "sources": 1,
        "checked-by": "Ana Checker",
        "reviewed-by": "Ed Editor",
        "problems": [],
    }
    assert report["counts"]["status"] == {"checked": 2, "in-progress": 1, "retracted": 1}
    text = (out / "status.txt").read_text()
    assert text.splitlines()[0].split() == [
        "document",
        "id",
        "status",
        "verdict",
        "sources",
        "checked-by",
        "reviewed-by",
        "problems",
    ]
    assert "2 open problems" in text
    assert app.statuscode == 1  # -W fails while problems remain
    assert "status.txt" in app.status.getvalue() or "open problems" in app.status.getvalue()


def test_status_builder_passes_with_W_when_nothing_is_left(make_app, tmp_path):
    src = copy_root("workflow", tmp_path / "src")
    pending = src / "pending.rst"
    pending.write_text(
        pending.read_text().replace(":status: in-progress", ":status: checked\n   :verdict: false")
    )
    app = build(make_app, src, builder="factcheck", warningiserror=True)
    assert app.statuscode == 0, app.warning.getvalue()
    report = json.loads((Path(app.outdir) / "status.json").read_text())
    assert report["problems"] == []


LINKED_NOTE = {
    "claims.rst": (
        "Claims\n======\n\n"
        ".. fc:claim:: Crime fell by half.\n   :id: crime\n   :verdict: mostly-false\n"
        "   :sources: police\n\n"
        "   .. fc:update:: 2022-03-10\n      :kind: correction\n\n"
        "      Police figures (:fc:source:`police`) show a 30% fall; see also\n"
        "      :fc:source:`their annual report <police>`.\n\n"
        "   Crime fell by 30% (:fc:source:`police`).\n"
    ),
    "sources.rst": (
        "Sources\n=======\n\n.. fc:source:: Police figures 2022\n   :id: police\n"
        "   :url: https://police.example/2022\n"
    ),
    "log.rst": "Log\n===\n\n.. fc:corrections::\n",
    "index.rst": "Index\n=====\n\n.. toctree::\n\n   claims\n   sources\n   log\n",
}


def test_a_notes_links_are_kept_in_the_log_and_resolved_in_the_exports(make_app, tmp_path):
    from .helpers import write_project

    src = write_project(tmp_path / "src", LINKED_NOTE)
    app = build(make_app, src)
    assert factcheck_warnings(app) == []
    entry = page(app, "log").xpath("//ul[contains(@class,'fc-corrections')]/li")[0]
    assert (
        "Police figures (Police figures 2022) show a 30% fall; see also their annual report."
    ) in text_of(entry)
    assert entry.xpath(".//a/@href")[1:] == ["sources.html#source-police"] * 2
    review = json.loads(
        page(app, "claims").xpath("//script[@type='application/ld+json']")[0].text
    )  # (one review: an object, not a list)
    assert review["correction"][0]["text"] == (
        "Police figures (Police figures 2022) show a 30% fall; see also their annual report."
    )
    data = json.loads((Path(app.outdir) / "factcheck.json").read_text())
    update = data["claims"][0]["updates"][0]
    assert (
        update["text"] == "Police figures (police) show a 30% fall; see also their annual report."
    )
    assert [
        (
            update["text"][link["start"] : link["end"]],
            link["type"],
            link["target"],
            link["explicit"],
        )
        for link in update["links"]
    ] == [("police", "source", "police", False), ("their annual report", "source", "police", True)]

    # the source's title changes in its own document: the log follows
    (src / "sources.rst").write_text(LINKED_NOTE["sources.rst"].replace("2022\n", "for 2022\n", 1))
    again = build(make_app, src)
    assert "(Police figures for 2022)" in text_of(page(again, "log"))

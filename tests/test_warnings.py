"""Every bad input gives a located, typed, suppressible warning, and -W fails on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_ext.diagnostics import SUBTYPES

from .helpers import factcheck_warnings, write_project

HEAD = "Test\n====\n\n"  # the snippet starts on line 4 of index.rst
ARTICLE = """.. fc:article:: An article
   :id: art
   :text: article.txt

"""
SOURCE = """.. fc:source:: A source
   :id: src
   :url: https://example.org/

"""

# (case id, subtype, index.rst body after HEAD, other files, expected "file:line", text)
CASES = [
    (
        "missing-id",
        "missing-id",
        ".. fc:claim:: A claim\n   :status: unchecked\n",
        {},
        "index.rst:4",
        "the :id: option is required",
    ),
    ("empty-id", "missing-id", ".. fc:source:: A source\n   :id:\n", {}, "index.rst:4", ":id:"),
    (
        "bad-id",
        "bad-id",
        ".. fc:source:: S\n   :id: Not An Id\n",
        {},
        "index.rst:4",
        "'Not An Id' is not a valid id",
    ),
    (
        "bad-id-in-list",
        "bad-id",
        SOURCE + ".. fc:claim:: C\n   :id: c\n   :verdict: true\n   :sources: src, BAD!\n",
        {},
        "index.rst:8",
        "'BAD!' is not a valid id",
    ),
    (
        "duplicate-id",
        "duplicate-id",
        ".. toctree::\n\n   other\n\n" + SOURCE,
        {"other.rst": "Other\n=====\n\n.. fc:source:: Again\n   :id: src\n"},
        "other.rst:4",
        "duplicate source id 'src': already defined in index (line 8)",
    ),
    (
        "missing-title",
        "missing-title",
        ".. fc:source::\n   :id: src\n",
        {},
        "index.rst:4",
        "needs a title",
    ),
    (
        "unknown-status",
        "unknown-status",
        ".. fc:claim:: C\n   :id: c\n   :status: done\n",
        {},
        "index.rst:4",
        "'done' is not a known status (allowed: unchecked, in-progress, checked",
    ),
    (
        "unknown-verdict",
        "unknown-verdict",
        ".. fc:claim:: C\n   :id: c\n   :verdict: pants-on-fire\n",
        {},
        "index.rst:4",
        "allowed: true, mostly-true, half-true, mostly-false, false, misleading, "
        "unverifiable, opinion",
    ),
    (
        "unknown-verdict-role",
        "unknown-verdict",
        "Text :fc:verdict:`nope`.\n",
        {},
        "index.rst:4",
        "'nope' is not a verdict",
    ),
    (
        "missing-verdict",
        "missing-verdict",
        ".. fc:claim:: C\n   :id: c\n",
        {},
        "index.rst:4",
        "is checked but has no :verdict:",
    ),
    (
        "unexpected-verdict",
        "unexpected-verdict",
        ".. fc:claim:: C\n   :id: c\n   :status: unchecked\n   :verdict: opinion\n",
        {},
        "index.rst:4",
        "cannot have a :verdict: yet",
    ),
    (
        "unknown-kind",
        "unknown-kind",
        ".. fc:source:: S\n   :id: s\n   :kind: blog\n",
        {},
        "index.rst:4",
        "'blog' is not a known kind",
    ),
    (
        "unknown-article",
        "unknown-article",
        ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n   :article: nowhere\n",
        {},
        "index.rst:4",
        "unknown article 'nowhere'",
    ),
    (
        "unknown-article-role",
        "unknown-article",
        "See :fc:article:`nowhere`.\n",
        {},
        "index.rst:4",
        "unknown article 'nowhere'",
    ),
    (
        "unknown-source",
        "unknown-source",
        ".. fc:claim:: C\n   :id: c\n   :verdict: true\n   :sources: nowhere\n",
        {},
        "index.rst:4",
        "unknown source 'nowhere'",
    ),
    (
        "unknown-source-role",
        "unknown-source",
        ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n\n   See :fc:source:`nowhere`.\n",
        {},
        "index.rst:8",
        "unknown source 'nowhere'",
    ),
    (
        "unknown-claim-role",
        "unknown-claim",
        "See :fc:claim:`nowhere`.\n",
        {},
        "index.rst:4",
        "unknown claim 'nowhere'",
    ),
    (
        "bad-date",
        "bad-date",
        ".. fc:source:: S\n   :id: s\n   :date: 7 January 2022\n",
        {},
        "index.rst:4",
        "'7 January 2022' is not an ISO date",
    ),
    (
        "impossible-date",
        "bad-date",
        ".. fc:source:: S\n   :id: s\n   :accessed: 2022-02-30\n",
        {},
        "index.rst:4",
        "'2022-02-30' is not an ISO date",
    ),
    (
        "bad-url",
        "bad-url",
        ".. fc:source:: S\n   :id: s\n   :url: javascript:alert(1)\n",
        {},
        "index.rst:4",
        "is not an http(s) URL",
    ),
    (
        "text-missing",
        "text-missing",
        ".. fc:article:: A\n   :id: a\n   :text: missing.txt\n",
        {},
        "index.rst:4",
        "cannot read :text: file 'missing.txt'",
    ),
    (
        "text-outside",
        "text-outside",
        ".. fc:article:: A\n   :id: a\n   :text: ../outside.txt\n",
        {},
        "index.rst:4",
        "outside the source directory",
    ),
    (
        "quote-not-found",
        "quote-not-found",
        ARTICLE
        + ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n   :quote: words nobody wrote\n",
        {"article.txt": "Some words somebody wrote.\n"},
        "index.rst:8",
        "the quote 'words nobody wrote' is not in the text of article 'art'",
    ),
    (
        "occurrence-too-high",
        "quote-not-found",
        ARTICLE
        + ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n   :quote: words\n   :occurrence: 2\n",
        {"article.txt": "Some words somebody wrote.\n"},
        "index.rst:8",
        "it occurs 1 time(s)",
    ),
    (
        "no-sources",
        "no-sources",
        ".. fc:claim:: C\n   :id: c\n   :verdict: false\n",
        {},
        "index.rst:4",
        "the verdict 'false' needs at least one source",
    ),
    (
        "view-unknown-verdict",
        "bad-filter",
        ".. fc:claims::\n   :verdict: nope\n",
        {},
        "index.rst:4",
        "'nope' is not a verdict of the scale",
    ),
    (
        "view-bad-sort",
        "bad-filter",
        ".. fc:claims::\n   :sort: size\n",
        {},
        "index.rst:4",
        "'size' is not a sort key",
    ),
    (
        "view-bad-column",
        "bad-filter",
        ".. fc:claims::\n   :columns: id, colour\n",
        {},
        "index.rst:4",
        "'colour' is not a column",
    ),
    (
        "view-no-columns",
        "bad-filter",
        ".. fc:claims::\n   :columns: ,\n",
        {},
        "index.rst:4",
        "no column given",
    ),
    (
        "view-bad-limit",
        "bad-number",
        ".. fc:claims::\n   :limit: all\n",
        {},
        "index.rst:4",
        "'all' is not a positive whole number",
    ),
    (
        "view-bad-layout",
        "bad-option",
        ".. fc:claims::\n   :layout: grid\n",
        {},
        "index.rst:4",
        "'grid' is not a known layout",
    ),
    (
        "view-unknown-article",
        "unknown-article",
        ".. fc:summary::\n   :article: nowhere\n",
        {},
        "index.rst:4",
        "fc:summary: unknown article 'nowhere'",
    ),
    (
        "view-unknown-tag",
        "bad-filter",
        ".. fc:claims::\n   :tags: nosuchtag\n",
        {},
        "index.rst:4",
        "no claim has the tag 'nosuchtag'",
    ),
    (
        "view-unknown-claimant",
        "bad-filter",
        ".. fc:claims::\n   :claimant: Nobody\n",
        {},
        "index.rst:4",
        "no claim has the claimant 'Nobody'",
    ),
    (
        "sources-unknown-kind",
        "unknown-kind",
        ".. fc:sources::\n   :kind: blog\n",
        {},
        "index.rst:4",
        "'blog' is not a known kind",
    ),
    (
        "annotated-unknown-article",
        "unknown-article",
        ".. fc:annotated:: nowhere\n",
        {},
        "index.rst:4",
        "fc:annotated: unknown article 'nowhere'",
    ),
    (
        "annotated-no-text",
        "text-missing",
        ".. fc:article:: A\n   :id: a\n\n.. fc:annotated:: a\n",
        {},
        "index.rst:7",
        "article 'a' has no :text: to annotate",
    ),
    (
        "unused-source",
        "unused-source",
        SOURCE,
        {},
        "index.rst:4",
        "fc:source 'src' is not cited by any claim",
    ),
    (
        "bad-number",
        "bad-number",
        ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n   :occurrence: first\n",
        {},
        "index.rst:4",
        "'first' is not a positive whole number",
    ),
    (
        "unknown-claimant-role",
        "unknown-claimant",
        "See :fc:claimant:`nobody`.\n",
        {},
        "index.rst:4",
        "unknown claimant 'nobody'",
    ),
    (
        "claimant-type-conflict",
        "claimant-type-conflict",
        ".. fc:claimant:: Reuters\n   :id: reuters\n   :kind: organisation\n\n"
        ".. fc:claim:: C\n   :id: c\n   :verdict: opinion\n   :claimant: reuters\n"
        "   :claimant-type: person\n",
        {},
        "index.rst:8",
        "contradicts the claimant 'reuters', who is an organization",
    ),
    (
        "claimant-bad-same-as",
        "bad-url",
        ".. fc:claimant:: X\n   :id: x\n   :same-as: https://ok.example/, javascript:alert(1)\n",
        {},
        "index.rst:4",
        ":same-as: 'javascript:alert(1)' is not an http(s) URL",
    ),
    (
        "claimant-unknown-kind",
        "unknown-kind",
        ".. fc:claimant:: X\n   :id: x\n   :kind: robot\n",
        {},
        "index.rst:4",
        "'robot' is not a known kind",
    ),
]


def _build(make_app, path: Path, case: tuple, **kwargs):
    _name, _subtype, body, files, _where, _text = case
    (path.parent / "outside.txt").write_text("outside\n")
    write_project(path, {"index.rst": HEAD + body, **files}, kwargs.pop("conf", ""))
    app = make_app("html", srcdir=path, **kwargs)
    app.build()
    return app


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_a_located_warning_and_fails_with_W(make_app, tmp_path, case):
    _name, subtype, _body, _files, where, text = case
    app = _build(make_app, tmp_path / "src", case, warningiserror=True)
    warnings = factcheck_warnings(app)
    matching = [w for w in warnings if f"[factcheck.{subtype}]" in w]
    assert matching, warnings
    assert any(where in w and text in w for w in matching), matching
    assert not [w for w in warnings if "fc:fc:" in w]  # the directive is named once
    assert app.statuscode == 1  # -W turns it into a failed build


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_warning_can_be_suppressed(make_app, tmp_path, case):
    subtype = case[1]
    app = _build(
        make_app, tmp_path / "src", case, conf=f"suppress_warnings = ['factcheck.{subtype}']\n"
    )
    assert not [w for w in factcheck_warnings(app) if f"[factcheck.{subtype}]" in w]


def test_bad_input_never_prints_a_traceback(make_app, tmp_path):
    body = "".join(c[2] + "\n" for c in CASES if c[0] != "duplicate-id")
    files = {k: v for c in CASES for k, v in c[3].items() if k != "other.rst"}
    app = _build(make_app, tmp_path / "src", ("all", "", body, files, "", ""))
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output and "Exception occurred" not in output
    assert len(factcheck_warnings(app)) >= len(CASES) - 3


def test_every_subtype_is_documented():
    reference = (Path(__file__).parents[1] / "docs" / "reference" / "warnings.rst").read_text()
    for subtype in SUBTYPES:
        assert f"``factcheck.{subtype}``" in reference, subtype


def test_a_valid_project_builds_clean_with_W(make_app, tmp_path):
    body = (
        ARTICLE
        + SOURCE
        + (
            ".. fc:claim:: C\n   :id: c\n   :verdict: true\n   :quote: Some words\n"
            "   :sources: src\n"
        )
    )
    app = _build(
        make_app,
        tmp_path / "src",
        ("ok", "", body, {"article.txt": "Some words somebody wrote.\n"}, "", ""),
        warningiserror=True,
    )
    assert factcheck_warnings(app) == []
    assert app.statuscode == 0

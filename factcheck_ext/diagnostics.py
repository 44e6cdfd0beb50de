"""Every warning sphinx-factcheck emits, listed once.

All warnings have ``type="factcheck"`` and one of the subtypes below, so users
can silence one kind with ``suppress_warnings = ["factcheck.unused-source"]``
and the docs and tests can enumerate them.
"""

from __future__ import annotations

from typing import Any, Literal, TypeGuard

from sphinx.util import logging

logger = logging.getLogger("factcheck_ext")

WARNING_TYPE = "factcheck"

#: every subtype: a typo in a ``warn()`` call fails the type check
Subtype = Literal[
    "missing-id",
    "bad-id",
    "duplicate-id",
    "missing-title",
    "unknown-status",
    "unknown-verdict",
    "missing-verdict",
    "unexpected-verdict",
    "unknown-kind",
    "unknown-update-kind",
    "unknown-article",
    "unknown-source",
    "unknown-claim",
    "unknown-claimant",
    "claimant-type-conflict",
    "bad-date",
    "bad-url",
    "bad-number",
    "bad-option",
    "text-missing",
    "text-outside",
    "bad-bibliography",
    "bad-catalog",
    "quote-not-found",
    "no-sources",
    "misplaced",
    "bad-filter",
    "unused-source",
    "unreviewed",
    "withheld",
    "unlogged-change",
    "removed-claim",
    "open-check",
    "no-baseurl",
    "unarchived-source",
    "archive-mismatch",
    "source-misquote",
    "bad-evidence-file",
    "previously-checked",
    "bad-catalogue",
    "family-disagrees",
    "unknown-policy-kind",
    "unknown-staff",
    "desk-mismatch",
    "standards-gap",
]

#: subtype -> what it means (shown in the docs' warning reference); the tests check
#: that it names every :data:`Subtype`
SUBTYPES: dict[Subtype, str] = {
    "unknown-policy-kind": "An ``fc:policy`` names a kind of policy that is not one of the "
    "kinds (the allowed kinds are listed).",
    "unknown-staff": "A claim's ``:checked-by:`` or ``:reviewed-by:`` names, written as an id, "
    "someone no ``fc:staff`` declares (only once the project declares staff).",
    "desk-mismatch": "``fc:desk`` and ``factcheck_publisher`` give different names or "
    "addresses for the desk.",
    "standards-gap": "The ``factcheck-standards`` builder found no evidence in the project "
    "for part of an IFCN or EFCSN commitment (what is missing is named).",
    "previously-checked": "A claim resembles an earlier check (in a catalogue, or an earlier "
    "claim of the project) that its author has not linked with ``:same-as:`` or dismissed "
    "with ``:not-same-as:``.",
    "bad-catalogue": "A file of ``factcheck_catalogues`` cannot be read.",
    "family-disagrees": "Checks of the same claim (a ``:same-as:`` family) have different "
    "verdicts (reported by the ``factcheck`` status builder).",
    "unarchived-source": "With ``factcheck_require_archive``: a cited http(s) source has no "
    "capture in the archive ledger, or was captured only after the claim was published.",
    "archive-mismatch": "A source's ``:archive:`` is an archive's home page, or an archived "
    "copy of another address than its ``:url:``.",
    "source-misquote": "An ``fc:excerpt`` is not in the captured text of its source.",
    "bad-evidence-file": "The archive ledger or the drift report cannot be read.",
    "missing-id": "A directive has no ``:id:`` option.",
    "bad-id": "An id is not lower-case letters, digits, ``-``, ``_`` and ``.``.",
    "duplicate-id": "Two objects of the same type share an id (both places are named).",
    "missing-title": "A directive has no title argument.",
    "unknown-status": "``:status:`` is not one of the checking statuses.",
    "unknown-verdict": "A verdict key is not in the verdict scale (the allowed keys are listed).",
    "missing-verdict": "A checked claim has no ``:verdict:``.",
    "unexpected-verdict": "A claim that is not checked has a ``:verdict:``.",
    "unknown-kind": "A source's or claimant's ``:kind:`` is not one of its kinds.",
    "unknown-update-kind": "An update's ``:kind:`` is not correction, update or clarification.",
    "unknown-article": "A reference names an article that does not exist.",
    "unknown-source": "A reference names a source that does not exist.",
    "unknown-claim": "A reference names a claim that does not exist.",
    "unknown-claimant": "A reference names a claimant that does not exist, or (with "
    "``factcheck_claimants_required``) a claim's ``:claimant:`` is not a claimant id.",
    "claimant-type-conflict": "A claim's ``:claimant-type:`` contradicts the ``:kind:`` of "
    "the claimant it names.",
    "bad-date": "A date is not an ISO date (YYYY-MM-DD).",
    "bad-url": "A URL is not http(s); it is shown as text, not linked.",
    "bad-number": "A number option is not a positive whole number.",
    "bad-option": "Any other invalid option value.",
    "text-missing": "An article's ``:text:`` file does not exist or cannot be read.",
    "text-outside": "An article's ``:text:`` file, or a bibliography file, lies outside the "
    "source directory.",
    "bad-bibliography": "A bibliography file cannot be read or parsed, one of its entries "
    "is not an entry, or an entry's LaTeX markup cannot be read (shown without braces; "
    "the file and the entry are named).",
    "bad-catalog": "A message catalog of the project (``factcheck.mo`` in ``locale_dirs``) "
    "cannot be read; the extension's own words are used.",
    "quote-not-found": "A claim's ``:quote:`` is not in its article's text.",
    "no-sources": "A claim's verdict needs at least one source but it lists none.",
    "misplaced": "A directive is used where it has no meaning (e.g. an update outside a claim).",
    "bad-filter": "A view directive's filter, sort or column value is unknown.",
    "unused-source": "A source is never cited by any claim.",
    "unreviewed": "A checked claim has no ``:reviewed-by:`` (with ``factcheck_require_review``).",
    "withheld": "A reference points at a claim withheld from a publication build.",
    "unlogged-change": "A verdict differs from the ledger without an update logging the change.",
    "removed-claim": "A claim in the ledger no longer exists.",
    "open-check": "A claim is not yet checked (reported by the ``factcheck`` status builder).",
    "no-baseurl": "``html_baseurl`` is not set: ClaimReview URLs are relative (only "
    "reported when a ClaimReview is written), or the feed cannot be written.",
}


def is_subtype(name: str) -> TypeGuard[Subtype]:
    """Whether *name* is a warning subtype (for names made at run time)."""
    return name in SUBTYPES


def warn(message: str, subtype: Subtype, location: Any = None, **kwargs: Any) -> None:
    """Emit a located, suppressible factcheck warning."""
    if subtype not in SUBTYPES:  # a programming error, caught by the type check
        raise KeyError(subtype)
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype, **kwargs)

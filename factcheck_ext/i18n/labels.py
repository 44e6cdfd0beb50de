"""The words for the fixed values of the model: checking statuses, source kinds,
claimant kinds, update kinds.  One table each, marked for translation (see
:mod:`factcheck_ext.i18n.catalog`) and translated where they are shown."""

from __future__ import annotations

from . import N_, _

STATUS_LABELS = {
    "unchecked": N_("Not yet checked"),
    "in-progress": N_("Check in progress"),
    "checked": N_("Verdict missing"),
    "retracted": N_("Retracted"),
}
SOURCE_KIND_LABELS = {
    "primary": N_("primary"),
    "official": N_("official"),
    "academic": N_("academic"),
    "news": N_("news"),
    "expert": N_("expert"),
    "dataset": N_("dataset"),
    "fact-check": N_("fact-check"),
    "other": N_("other"),
}
#: the source index's groups, by kind
SOURCE_KIND_GROUPS = {
    "primary": N_("Primary"),
    "official": N_("Official"),
    "academic": N_("Academic"),
    "news": N_("News"),
    "expert": N_("Expert"),
    "dataset": N_("Dataset"),
    "fact-check": N_("Fact-checks by other desks"),
    "other": N_("Other"),
}
CLAIMANT_KIND_LABELS = {"person": N_("Person"), "organization": N_("Organisation")}
#: the claimant index's groups, by kind
CLAIMANT_GROUPS = {"person": N_("People"), "organization": N_("Organisations")}
UPDATE_KIND_LABELS = {
    "correction": N_("Correction"),
    "update": N_("Update"),
    "clarification": N_("Clarification"),
}


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


#: what a policy page of each kind is called (``fc:policy``)
POLICY_LABELS = {
    "methodology": N_("Methodology"),
    "corrections": N_("Corrections policy"),
    "nonpartisanship": N_("Nonpartisanship policy"),
    "funding": N_("Funding"),
    "ownership": N_("Ownership"),
    "masthead": N_("Masthead"),
    "contact": N_("Contact"),
    "submissions": N_("Send us a claim"),
    "ethics": N_("Ethics policy"),
    "principles": N_("Publishing principles"),
    "coverage": N_("What we check and why"),
    "diversity": N_("Diversity policy"),
    "unnamed-sources": N_("Unnamed sources policy"),
}


def policy_label(kind: str) -> str:
    return _(POLICY_LABELS[kind]) if kind in POLICY_LABELS else kind

"""``fc:desk``, ``fc:policy``, ``fc:funder`` and ``fc:staff``: who publishes the checks.

What a desk declares about itself, validated into :mod:`factcheck_ext.models.desk`
like every other object, so that pages, the ClaimReview author and the standards
report all read one record.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from ..domain.nodes import desk_block, funder_block, policy_block, staff_block
from ..i18n.labels import policy_label
from ..models import Desk, Funder, Policy, Staff
from ..text.analysis import analysis_summary
from .base import ObjectDirective

#: the id of the project's one desk (a second ``fc:desk`` is a duplicate)
DESK_ID = "desk"


class DeskDirective(ObjectDirective):
    """The organisation: once per project, on its "About" page."""

    objtype = "desk"
    model = Desk
    node_class = desk_block
    option_spec: ClassVar[OptionSpec] = {
        "url": directives.unchanged,
        "logo": directives.unchanged,
        "legal-status": directives.unchanged,
        "founded": directives.unchanged,
        "location": directives.unchanged,
        "contact": directives.unchanged,
        "same-as": directives.unchanged,
    }

    def prepare(self, data: dict[str, Any]) -> dict[str, Any]:
        data["id"] = DESK_ID
        return data

    def after_parse(self, data: dict[str, Any], body: list[nodes.Node]) -> dict[str, Any]:
        data["description"] = analysis_summary(body)
        return data


class PolicyDirective(ObjectDirective):
    """Marks the page it is on as the desk's policy of one kind (its argument)."""

    objtype = "policy"
    model = Policy
    node_class = policy_block
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    option_spec: ClassVar[OptionSpec] = {"updated": directives.unchanged}

    def raw_data(self) -> dict[str, Any]:
        data = super().raw_data()
        kind = data.pop("title").strip().lower()
        # the kind is the id: one page per kind; the title names the kind for links
        data.update(kind=kind, id=kind, title=policy_label(kind))
        return data


class FunderDirective(ObjectDirective):
    """One source of the desk's money (or of work given in kind)."""

    objtype = "funder"
    model = Funder
    node_class = funder_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "url": directives.unchanged,
        "years": directives.unchanged,
        "amount": directives.unchanged,
        "share": directives.unchanged,
        "kind": directives.unchanged,
        "restrictions": directives.unchanged,
    }


class StaffDirective(ObjectDirective):
    """A person (or a team) of the masthead; claims name them in ``:checked-by:``."""

    objtype = "staff"
    model = Staff
    node_class = staff_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "role": directives.unchanged,
        "background": directives.unchanged,
        "url": directives.unchanged,
        "same-as": directives.unchanged,
    }

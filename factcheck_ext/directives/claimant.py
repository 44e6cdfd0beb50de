"""``.. fc:claimant::`` - a person or organisation whose claims are checked."""

from __future__ import annotations

from docutils.parsers.rst import directives

from ..models import Claimant
from ..domain.nodes import claimant_block
from .base import ObjectDirective


class ClaimantDirective(ObjectDirective):
    objtype = "claimant"
    model = Claimant
    node_class = claimant_block
    option_spec = {
        **ObjectDirective.option_spec,
        "kind": directives.unchanged,
        "role": directives.unchanged,
        "affiliation": directives.unchanged,
        "url": directives.unchanged,
        "same-as": directives.unchanged,
    }

"""``.. fc:claimant::`` - a person or organisation whose claims are checked."""

from __future__ import annotations

from typing import ClassVar

from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from ..domain.nodes import claimant_block
from ..models import Claimant
from .base import ObjectDirective


class ClaimantDirective(ObjectDirective):
    objtype = "claimant"
    model = Claimant
    node_class = claimant_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "kind": directives.unchanged,
        "role": directives.unchanged,
        "affiliation": directives.unchanged,
        "url": directives.unchanged,
        "same-as": directives.unchanged,
    }

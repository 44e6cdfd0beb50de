"""``.. fc:source::`` - a piece of evidence."""

from __future__ import annotations

from typing import ClassVar

from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from ..domain.nodes import source_block
from ..models import Source
from .base import ObjectDirective


class SourceDirective(ObjectDirective):
    objtype = "source"
    model = Source
    node_class = source_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "url": directives.unchanged,
        "publisher": directives.unchanged,
        "author": directives.unchanged,
        "date": directives.unchanged,
        "accessed": directives.unchanged,
        "archive": directives.unchanged,
        "kind": directives.unchanged,
        "rating": directives.unchanged,
    }

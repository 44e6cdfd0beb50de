"""``.. fc:source::`` - a piece of evidence."""

from __future__ import annotations

from docutils.parsers.rst import directives

from ..models import Source
from ..domain.nodes import source_block
from .base import ObjectDirective


class SourceDirective(ObjectDirective):
    objtype = "source"
    model = Source
    node_class = source_block
    option_spec = {
        **ObjectDirective.option_spec,
        "url": directives.unchanged,
        "publisher": directives.unchanged,
        "author": directives.unchanged,
        "date": directives.unchanged,
        "accessed": directives.unchanged,
        "archive": directives.unchanged,
        "kind": directives.unchanged,
    }

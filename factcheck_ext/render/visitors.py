"""Visitors of our nodes per builder.

Placeholders never reach a writer (the post-transform replaces them); the skip
visitors are a safety net for third-party builders.  Visually hidden words are a
``span`` for screen readers in HTML, and left out elsewhere, where what they say is
shown already.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ..domain.nodes import html_chart, visually_hidden


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


def visit_visually_hidden_html(self: Any, node: visually_hidden) -> None:
    node["classes"] = [*node["classes"], "fc-visually-hidden"]
    self.visit_inline(node)


def depart_visually_hidden_html(self: Any, node: visually_hidden) -> None:
    self.depart_inline(node)


def visit_html_chart_html(self: Any, node: html_chart) -> None:
    self.body.append(self.starttag(node, "div", suffix=""))
    self.body.append(node["svg"])
    self.body.append("</div>")
    raise nodes.SkipNode


SKIP = (skip, None)
VISUALLY_HIDDEN_VISITORS = (visit_visually_hidden_html, depart_visually_hidden_html)
HTML_CHART_VISITORS = (visit_html_chart_html, None)

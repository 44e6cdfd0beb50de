"""Visitors of our nodes per builder.

Placeholders never reach a writer (the post-transform replaces them); the skip
visitors are a safety net for third-party builders.  Visually hidden words are a
``span`` for screen readers in HTML, and left out elsewhere, where what they say is
shown already.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..domain.nodes import html_chart, robust_reference, visually_hidden
from .common import OUTPUT_ROOT


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


def _output_relative(node: robust_reference, base: str | None) -> None:
    """Addresses of files of the output (a local capture's package, copied there by
    ``export.evidence_files``) made relative to the page being written."""
    robust = node["robust_links"]
    for target, key in ((node, "refuri"), (robust, "data-versionurl")):
        value = target.get(key) or ""
        if not isinstance(value, str):
            continue
        if value.startswith(OUTPUT_ROOT):
            path = value.removeprefix(OUTPUT_ROOT)
            target[key] = relative_uri(base, path) if base is not None else path


def visit_robust_reference_html(self: Any, node: robust_reference) -> None:
    """Sphinx's own ``<a>``, with the Robust Links attributes added to it."""
    builder = self.builder
    _output_relative(node, builder.get_target_uri(builder.current_docname))
    self.visit_reference(node)
    start = self.body[-1]
    if start.startswith("<a "):
        extra = "".join(
            f' {name}="{self.attval(value)}"' for name, value in node["robust_links"].items()
        )
        self.body[-1] = "<a" + extra + start[2:]


def depart_robust_reference_html(self: Any, node: robust_reference) -> None:
    self.depart_reference(node)


def visit_as_reference(self: Any, node: robust_reference) -> None:
    _output_relative(node, None)
    self.visit_reference(node)


def depart_as_reference(self: Any, node: robust_reference) -> None:
    self.depart_reference(node)


ROBUST_HTML_VISITORS = (visit_robust_reference_html, depart_robust_reference_html)
AS_REFERENCE = (visit_as_reference, depart_as_reference)

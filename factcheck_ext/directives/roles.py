"""``:fc:verdict:``: an inline verdict badge.

The cross-reference roles (``:fc:claim:``, ``:fc:source:``, ``:fc:article:``,
``:fc:claimant:``) are plain :class:`~sphinx.roles.XRefRole` instances declared on
the domain (see :mod:`factcheck_ext.domain.references` for their warnings).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner

from ..diagnostics import warn
from ..domain import get_domain
from ..render.badge import verdict_badge


def verdict_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    env = inliner.document.settings.env
    scale = get_domain(env).scale
    verdict = scale.get(text.strip().lower())
    if verdict is None:
        source, line = inliner.reporter.get_source_and_line(lineno)
        warn(
            f"fc:verdict: {text!r} is not a verdict of the scale "
            f"(allowed: {', '.join(scale.keys)})",
            "unknown-verdict",
            f"{source}:{line}",
        )
        return [nodes.inline(rawtext, text, classes=["fc-badge", "fc-unknown"])], []
    return [verdict_badge(verdict)], []

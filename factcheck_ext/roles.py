"""``:fc:verdict:`` (an inline verdict badge) and the warnings of the other roles.

The cross-reference roles (``:fc:claim:``, ``:fc:source:``, ``:fc:article:``)
are plain :class:`~sphinx.roles.XRefRole` instances declared on the domain; an
unknown target gets a factcheck warning through ``warn-missing-reference``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner

from .config import get_scale
from .render.badge import verdict_badge
from .warnings import SUBTYPES, WARNING_TYPE, logger, warn


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
    scale = get_scale(env.config)
    verdict = scale.get(text.strip().lower())
    if verdict is None:
        source, line = inliner.reporter.get_source_and_line(lineno)
        warn(
            f"fc:verdict: {text!r} is not a verdict of the scale (allowed: {', '.join(scale.keys)})",
            "unknown-verdict",
            f"{source}:{line}",
        )
        return [nodes.inline(rawtext, text, classes=["fc-badge", "fc-unknown"])], []
    return [verdict_badge(verdict)], []


def warn_missing_reference(app: Any, domain: Any, node: Any) -> bool | None:
    """Unknown ``:fc:...:`` targets get a factcheck warning with their own subtype."""
    if domain is None or domain.name != "fc":
        return None
    typ, target = node["reftype"], node["reftarget"]
    subtype = f"unknown-{typ}"
    if subtype not in SUBTYPES:
        return None
    withheld = typ == "claim" and target in domain.index.withheld
    if withheld:
        logger.warning(f"fc:{typ}: {target!r} is withheld from this build (not yet checked)",
                       location=node, type=WARNING_TYPE, subtype="withheld")
    else:
        logger.warning(f"fc:{typ}: unknown {typ} {target!r}", location=node,
                       type=WARNING_TYPE, subtype=subtype)
    return True

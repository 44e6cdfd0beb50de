"""Warnings for ``:fc:...:`` references whose target does not exist.

The cross-reference roles are :class:`~sphinx.roles.XRefRole` instances declared on
the domain; a target the domain cannot resolve reaches ``warn-missing-reference``,
which gives it a factcheck warning with its own subtype (``unknown-claim``...), or
``withheld`` for a claim left out of a publication build.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import is_subtype, warn
from .factcheck_domain import FactCheckDomain


def warn_missing_reference(app: Any, domain: FactCheckDomain | Any, node: Any) -> bool | None:
    """Unknown ``:fc:...:`` targets get a factcheck warning with their own subtype."""
    if domain is None or domain.name != "fc":
        return None
    typ, target = node["reftype"], node["reftarget"]
    subtype = f"unknown-{typ}"
    if not is_subtype(subtype):
        return None
    if typ == "claim" and target in domain.index.withheld:
        warn(
            f"fc:{typ}: {target!r} is withheld from this build (not yet checked)", "withheld", node
        )
    else:
        warn(f"fc:{typ}: unknown {typ} {target!r}", subtype, node)
    return True

"""Verdict and checking-status badges.

A badge is an ``inline`` with the verdict's label as text, so it reads as a word
in every builder; HTML colours it with the class the verdict scale names.
"""

from __future__ import annotations

from docutils import nodes

from ..i18n.labels import status_label
from ..models import Claim, Scale, Verdict


def verdict_badge(verdict: Verdict) -> nodes.inline:
    return nodes.inline(
        "", verdict.label, classes=["fc-badge", verdict.style], fc_verdict=verdict.key
    )


def status_badge(status: str) -> nodes.inline:
    label = status_label(status)
    return nodes.inline("", label, classes=["fc-badge", "fc-status", f"fc-status-{status}"])


def claim_badge(claim: Claim, scale: Scale) -> nodes.inline:
    """The verdict badge of a checked claim, or its checking status otherwise."""
    verdict = scale.get(claim.shown_verdict)
    if verdict is not None:
        return verdict_badge(verdict)
    return status_badge(claim.status)  # not yet checked, verdict missing, or retracted

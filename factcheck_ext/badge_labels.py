"""Words for the checking statuses, shared by badges and indices."""

from __future__ import annotations

STATUS_LABELS = {
    "unchecked": "Not yet checked",
    "in-progress": "Check in progress",
    "checked": "Verdict missing",
    "retracted": "Retracted",
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)

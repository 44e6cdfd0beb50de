"""The evidence locker's files: the capture ledger and the drift report.

``sphinx-factcheck archive`` writes ``factcheck-archive.json`` (one :class:`Capture`
per address, the newest) and ``sphinx-factcheck drift`` writes
``factcheck-drift.json`` (one :class:`DriftCheck` per address); both are committed
with the report, and the build reads them and never the network.  Files are written
atomically (a temporary file renamed over the old one), so an interrupted run loses
nothing already recorded.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .compact import CompactPickle

LEDGER_FORMAT = 1
Backend = Literal["local", "pywb", "wayback", "perma"]
DriftStatus = Literal["same", "changed", "gone", "soft-404"]


class Capture(CompactPickle):
    """One capture of one address (or one failed attempt: ``error`` says why)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    url: str
    backend: Backend
    captured_at: datetime
    archived_url: str | None = Field(
        default=None, description="where the copy is read (a replay address)"
    )
    wacz: str | None = Field(default=None, description="the local package, srcdir-relative")
    status: int | None = Field(default=None, description="the HTTP status of the page")
    content_type: str | None = None
    final_url: str | None = Field(default=None, description="the address after redirects")
    sha256: str | None = Field(default=None, description="of the body as served")
    text_sha256: str | None = Field(default=None, description="of the extracted main text")
    text_file: str | None = Field(default=None, description="the main text, srcdir-relative")
    error: str | None = Field(default=None, description="why the capture failed")

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def day(self) -> date:
        return self.captured_at.date()


class DriftCheck(CompactPickle):
    """How a captured address reads now, compared with its capture."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    url: str
    status: DriftStatus
    checked_at: datetime
    http_status: int | None = None
    detail: str = ""


class ArchiveLedger(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    format_version: int = LEDGER_FORMAT
    captures: dict[str, Capture] = Field(default_factory=dict)


class DriftReport(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    format_version: int = LEDGER_FORMAT
    checks: dict[str, DriftCheck] = Field(default_factory=dict)


M = TypeVar("M", bound=BaseModel)


class EvidenceFileError(ValueError):
    """A ledger or drift file that is not what its tool writes."""


def load(path: Path, model: type[M]) -> M:
    """The file as *model*; an empty one when the file does not exist."""
    if not path.is_file():
        return model()
    try:
        return model.model_validate_json(path.read_bytes())
    except ValidationError as exc:  # one line: the first problem, and where it is
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "the file"
        raise EvidenceFileError(f"{path}: cannot be read ({where}: {first['msg']})") from None
    except (OSError, ValueError) as exc:
        raise EvidenceFileError(f"{path}: cannot be read ({exc})") from None


def save(path: Path, data: BaseModel) -> None:
    """Write *data* atomically: the old file stays whole until the new one is."""
    text = json.dumps(data.model_dump(mode="json"), indent=1, ensure_ascii=False, sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def digest(value: Any) -> str:
    """A short, stable fingerprint of a capture or drift check (incremental builds)."""
    import hashlib

    dumped = value.model_dump_json() if isinstance(value, BaseModel) else json.dumps(value)
    return hashlib.blake2b(dumped.encode(), digest_size=8).hexdigest()

"""The ledger: the dataset of the last published build.

Comparing against it makes a silent change of a published verdict impossible:
a changed verdict needs an ``fc:update`` naming the old one, and a published
claim cannot simply disappear.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError


class LedgerClaim(BaseModel):
    """What the ledger needs of a published claim (other fields are ignored)."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    id: str
    verdict: str | None = None
    status: str = "checked"
    docname: str = ""


class Ledger(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    claims: list[LedgerClaim]
    path: str = ""
    #: claim id -> line of its entry in the file, for located warnings
    lines: dict[str, int] = {}


@lru_cache(maxsize=4)
def _load(path: str, _mtime: int) -> Ledger:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
        ledger = Ledger.model_validate({**data, "path": path} if isinstance(data, dict) else data)
    except OSError as exc:
        raise ConfigError(f"factcheck_ledger: cannot read {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"factcheck_ledger: {path} is not valid JSON: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise ConfigError(
            f"factcheck_ledger: {path} is not a factcheck.json dataset ({where}: {first['msg']})"
        ) from None
    return ledger.model_copy(update={"lines": claim_lines(text)})


def claim_lines(text: str) -> dict[str, int]:
    """Claim id -> the line its entry starts on, for the entries of the top-level
    ``claims`` list only (an article or source may share a claim's id)."""
    decoder = json.JSONDecoder()
    lines: dict[str, int] = {}

    def skip(position: int, expected: str = "") -> int:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if expected and text.startswith(expected, position):
            position += 1
        return position

    position = skip(0, "{")
    while position < len(text) and text[position] != "}":
        key, position = decoder.raw_decode(text, skip(position))
        position = skip(position, ":")
        start = skip(position)
        value, position = decoder.raw_decode(text, start)
        if key == "claims" and isinstance(value, list):
            position = skip(start, "[")
            for entry in value:
                position = skip(position)
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    lines.setdefault(entry["id"], text.count("\n", 0, position) + 1)
                _entry, position = decoder.raw_decode(text, position)
                position = skip(position, ",")
            position = skip(position, "]")
        position = skip(position, ",")
    return lines


def ledger_path(config: Config, srcdir: str | Path) -> Path | None:
    if not config.factcheck_ledger:
        return None
    return (Path(srcdir) / str(config.factcheck_ledger)).resolve()


def load_ledger(config: Config, srcdir: str | Path) -> Ledger | None:
    """The ledger named in conf.py; a missing or malformed file is a ConfigError."""
    path = ledger_path(config, srcdir)
    if path is None:
        return None
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load(str(path), mtime)


def check_ledger(app: Sphinx) -> None:
    """Fail at the start of the build, not after reading everything."""
    load_ledger(app.config, app.srcdir)

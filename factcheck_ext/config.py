"""Configuration values and the verdict scale they define."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pydantic import ValidationError
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .models import DEFAULT_SCALE, Scale, Verdict

#: name -> (default, what a change rebuilds, accepted types); documented in docs/reference/config.rst
CONFIG_VALUES: dict[str, tuple[Any, str, tuple[type, ...]]] = {
    "factcheck_verdicts": (None, "env", (list, type(None))),
    "factcheck_publisher": (None, "html", (dict, type(None))),
    "factcheck_export": (True, "", (bool,)),
    "factcheck_publish_unchecked": (True, "env", (bool,)),
    "factcheck_require_review": (False, "env", (bool,)),
    "factcheck_ledger": (None, "env", (str, type(None))),
    "factcheck_claimants_required": (False, "env", (bool,)),
    "factcheck_feed": (False, "html", (bool,)),
    "factcheck_feed_title": (None, "html", (str, type(None))),
    "factcheck_feed_entries": (50, "html", (int, type(None))),
}


@lru_cache(maxsize=8)
def _scale_from_json(raw: str) -> Scale:
    entries = json.loads(raw)
    verdicts = []
    for index, entry in enumerate(entries):
        name = entry.get("key", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        try:
            verdicts.append(Verdict.model_validate(entry))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in exc.errors()
            )
            raise ConfigError(
                f"factcheck_verdicts: entry {index + 1} ({name!r}) is invalid: {problems}"
            ) from None
    try:
        return Scale(verdicts=verdicts)
    except ValidationError as exc:
        raise ConfigError(f"factcheck_verdicts: {exc.errors()[0]['msg']}") from None


def get_scale(config: Config) -> Scale:
    """The project's verdict scale (the default one unless conf.py sets one)."""
    return scale_from_raw(config.factcheck_verdicts)


def scale_from_raw(raw: Any) -> Scale:
    """The scale a ``factcheck_verdicts`` value defines (None: the default scale)."""
    if raw is None:
        return DEFAULT_SCALE
    try:
        text = json.dumps(raw, sort_keys=True, default=str)
    except TypeError as exc:  # pragma: no cover - conf.py values are plain data
        raise ConfigError(f"factcheck_verdicts: {exc}") from None
    return _scale_from_json(text)


def check_config(app: Sphinx, config: Config) -> None:
    """Fail early, naming the bad entry, rather than at the first claim."""
    get_scale(config)

"""Configuration values and the verdict scale they define."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Literal

from pydantic import ValidationError
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .i18n import _
from .models import DEFAULT_SCALE, DEFAULT_VERDICTS, Scale, Verdict

_ConfigRebuild = Literal["", "env", "html"]

#: name -> (default, what a change rebuilds, accepted types); documented in
#: docs/reference/config.rst
CONFIG_VALUES: dict[str, tuple[Any, _ConfigRebuild, tuple[type, ...]]] = {
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
    "factcheck_archive_file": ("factcheck-archive.json", "env", (str,)),
    "factcheck_drift_file": ("factcheck-drift.json", "env", (str,)),
    "factcheck_require_archive": (False, "env", (bool,)),
    "factcheck_catalogues": ([], "env", (list, tuple)),
    "factcheck_matching": (None, "env", (bool, type(None))),
    "factcheck_match_threshold": (0.5, "env", (float, int)),
}


@lru_cache(maxsize=16)
def _scale_from_json(raw: str, language: str) -> Scale:
    entries = json.loads(raw)
    verdicts = []
    for index, entry in enumerate(entries):
        name = entry.get("key", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        try:
            verdicts.append(Verdict.model_validate(entry, context={"language": language}))
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


def default_scale(language: str) -> Scale:
    """The default scale, its labels and descriptions in the build's language (from the
    extension's message catalog, as loaded for this build)."""
    scale = Scale(
        verdicts=[
            Verdict(
                **{
                    **entry,
                    "label": str(_(entry["label"])),
                    "description": str(_(entry["description"])),
                }
            )
            for entry in DEFAULT_VERDICTS
        ]
    )
    # (English, unless a project catalog renames a verdict: the shared scale itself)
    return DEFAULT_SCALE if scale == DEFAULT_SCALE else scale


def project_scale(config: Config) -> Scale:
    """The project's verdict scale (the default one unless conf.py sets one), in the
    build's language.  Made afresh: the domain keeps it for the build
    (``FactCheckDomain.scale``)."""
    return scale_from_raw(config.factcheck_verdicts, config.language or "en")


def scale_from_raw(raw: Any, language: str = "en") -> Scale:
    """The scale a ``factcheck_verdicts`` value defines (None: the default scale), its
    texts in *language* where they are given per language."""
    if raw is None:
        return default_scale(language)
    try:
        text = json.dumps(raw, sort_keys=True, default=str)
    except TypeError as exc:  # pragma: no cover - conf.py values are plain data
        raise ConfigError(f"factcheck_verdicts: {exc}") from None
    return _scale_from_json(text, language)


def check_config(app: Sphinx, config: Config) -> None:
    """Fail early, naming the bad entry, rather than at the first claim."""
    project_scale(config)

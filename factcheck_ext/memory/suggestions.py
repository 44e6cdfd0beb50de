"""Matching during the build: every claim against the catalogue and the project's
earlier claims, the results handed to the domain (which warns and renders).

Runs once the project is read (``env-updated``, in the main process, so that ``-j``
changes nothing).  The catalogue's index is kept in the doctree directory and rebuilt
only when a catalogue file changes; a claim's catalogue matches are kept by the text
compared, and the project's matches among its own claims are worked out again only
when a claim's text changed: an edit of a verdict costs nothing here.  Both are
caches: a fresh build finds exactly what an incremental one finds.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..diagnostics import warn
from ..domain import get_domain
from ..domain.project_index import ProjectIndex
from ..models import CatalogueEntry, Claim, Suggestion
from .catalogue import CatalogueError, read_catalogue
from .index import MatchIndex

DATABASE = "factcheck-memory.sqlite"
CACHE = "factcheck-memory.pickle"
#: changes when what matching compares changes (words, ranking): caches are dropped
MATCHER_VERSION = "2"
TOP = 3


def matching_on(config: Any) -> bool:
    """``factcheck_matching``, on by default when catalogues are given."""
    setting = config.factcheck_matching
    return bool(config.factcheck_catalogues) if setting is None else bool(setting)


def claim_text(claim: Claim) -> str:
    """What a claim is matched by: its statement, its quote and where it appeared."""
    places = [a.title for a in claim.appearances if a.title]
    return " ".join(filter(None, [claim.title, claim.quote, *places]))


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()


def catalogue_index(env: BuildEnvironment) -> tuple[MatchIndex, str]:
    """The catalogue's index, read again only when a catalogue file changed."""
    names = [str(name) for name in env.config.factcheck_catalogues]
    paths = [Path(env.srcdir) / name for name in names]
    stamps = []
    for path in paths:
        try:
            status = path.stat()
            stamps.append(f"{path}:{status.st_mtime_ns}:{status.st_size}")
        except OSError:
            stamps.append(f"{path}:missing")
    version = _digest(MATCHER_VERSION, *stamps)
    index = MatchIndex(Path(env.doctreedir) / DATABASE)
    if index.meta("version") == version:
        return index, version
    index.clear()
    for name, path in zip(names, paths, strict=True):
        try:
            entries = read_catalogue(path)
        except CatalogueError as exc:
            warn(f"factcheck_catalogues: {exc}", "bad-catalogue", None)
            continue
        # the file as conf.py names it: the same on every machine
        index.add(
            (e.id, "catalogue", e.text, e.model_copy(update={"origin": name})) for e in entries
        )
    index.set_meta("version", version)
    index.db.commit()
    return index, version


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as stream:
            cache = pickle.load(stream)
        return cache if isinstance(cache, dict) else {}
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return {}


def _save_cache(path: Path, cache: dict[str, Any]) -> None:
    partial = path.with_name(f"{path.name}.tmp")
    try:
        with open(partial, "wb") as stream:
            pickle.dump(cache, stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)


def _earlier(first: Claim, second: Claim) -> bool:
    """Whether *first* came before *second*: by their dates when both have one, else
    by where they are in the project."""
    one, two = first.date or first.published, second.date or second.published
    if one is not None and two is not None and one != two:
        return one < two
    return (first.docname, first.lineno) < (second.docname, second.lineno)


def project_matches(
    claims: list[Claim], texts: dict[str, str]
) -> dict[str, list[tuple[str, float]]]:
    """Each claim's likely repeats among the project's other claims."""
    index = MatchIndex()
    index.add((c.id, "claim", texts[c.id], None) for c in claims)
    found = {}
    for claim in claims:
        found[claim.id] = [
            (m.id, m.score) for m in index.search(texts[claim.id], top=TOP + 1) if m.id != claim.id
        ][:TOP]
    index.close()
    return found


def suggest(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: match every claim, and give the domain the results."""
    domain = get_domain(env)
    if not matching_on(env.config):
        domain.note_memory({}, {})
        return
    project = domain.index
    claims = sorted(project.claims.values(), key=lambda c: c.id)
    texts = {c.id: claim_text(c) for c in claims}
    catalogue, version = catalogue_index(env)
    cache_path = Path(env.doctreedir) / CACHE
    cache = _load_cache(cache_path)
    if cache.get("version") != version:
        cache = {"version": version, "catalogue": {}, "project": (None, {})}
    known: dict[str, list[tuple[str, float]]] = cache["catalogue"]
    by_text: dict[str, list[tuple[str, float]]] = {}
    for claim in claims:
        key = _digest(texts[claim.id])
        if key not in known:
            known[key] = [(m.id, m.score) for m in catalogue.search(texts[claim.id], top=TOP)]
        by_text[claim.id] = known[key]
    cache["catalogue"] = {_digest(texts[c.id]): by_text[c.id] for c in claims}
    project_version = _digest(*(f"{c.id}\x1e{texts[c.id]}" for c in claims))
    if cache["project"][0] != project_version:
        cache["project"] = (project_version, project_matches(claims, texts))
    among = cache["project"][1]
    threshold = float(env.config.factcheck_match_threshold)
    suggestions = {}
    wanted: set[str] = {other for c in claims for other in c.same_as}
    for claim in claims:
        found = _undecided(claim, project, by_text[claim.id], among.get(claim.id, []), threshold)
        if found:
            suggestions[claim.id] = found
            wanted.update(s.match for s in found if s.kind == "catalogue")
    entries: dict[str, CatalogueEntry] = {}
    for entry_id in sorted(wanted):
        entry = catalogue.entry(entry_id)
        if entry is not None:
            entries[entry_id] = entry
    catalogue.close()
    _save_cache(cache_path, cache)
    domain.note_memory(entries, suggestions)


def _undecided(
    claim: Claim,
    project: ProjectIndex,
    in_catalogue: list[tuple[str, float]],
    in_project: list[tuple[str, float]],
    threshold: float,
) -> tuple[Suggestion, ...]:
    """The likely matches the author has not decided on: not in the claim's family,
    not dismissed with ``:not-same-as:`` (on either side), and, in the project, only
    earlier claims (the later one of a pair is warned, naming the earlier)."""
    decided = {*claim.same_as, *claim.not_same_as, *project.family(claim.id), claim.id}
    found = [
        Suggestion(claim=claim.id, match=entry_id, kind="catalogue", score=score)
        for entry_id, score in in_catalogue
        if score >= threshold and entry_id not in decided
    ]
    for other_id, score in in_project:
        other = project.claims.get(other_id)
        if (
            other is None
            or score < threshold
            or other_id in decided
            or claim.id in other.not_same_as
            or not _earlier(other, claim)
        ):
            continue
        found.append(Suggestion(claim=claim.id, match=other_id, kind="claim", score=score))
    found.sort(key=lambda s: (-s.score, s.match))
    return tuple(found[:TOP])

"""Entries of a BibTeX or CSL-JSON file as the raw data of ``fc:source`` objects.

Desks keep their evidence in a reference manager; Zotero, like most, exports
BibTeX and CSL-JSON.  BibTeX is read with pybtex (a maintained parser, which also
turns LaTeX markup such as ``{\\"o}`` into text); CSL-JSON is plain JSON.  Each
entry becomes the option values of a source, which the directive validates into
the one :class:`~factcheck_ext.models.Source` model like any ``fc:source``.  A
file is parsed once per change (cached by path and modification time).  Problems
(an unreadable file, an entry that is not an entry) are returned, not raised, so
the directive can warn at its own line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .folding import fold_whitespace

#: entry type -> source kind (types not listed take the directive's :kind:; so does
#: @article, which reference managers use for journal and newspaper articles alike)
BIBTEX_KINDS = {
    "book": "academic",
    "inbook": "academic",
    "incollection": "academic",
    "inproceedings": "academic",
    "conference": "academic",
    "phdthesis": "academic",
    "mastersthesis": "academic",
    "thesis": "academic",
    "techreport": "official",
    "report": "official",
    "manual": "official",
    "dataset": "dataset",
    "data": "dataset",
    "software": "dataset",
    "jurisdiction": "official",
    "legislation": "official",
    "legal": "official",
}
CSL_KINDS = {
    "article-journal": "academic",
    "book": "academic",
    "chapter": "academic",
    "paper-conference": "academic",
    "thesis": "academic",
    "review": "academic",
    "article-newspaper": "news",
    "article-magazine": "news",
    "broadcast": "news",
    "report": "official",
    "legislation": "official",
    "legal_case": "official",
    "bill": "official",
    "regulation": "official",
    "treaty": "official",
    "dataset": "dataset",
    "software": "dataset",
    "interview": "expert",
    "speech": "primary",
    "personal_communication": "primary",
    "manuscript": "primary",
}
_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_NOT_ID = re.compile(r"[^a-z0-9._-]+")


@dataclass
class Entry:
    """One entry: its key in the file and the source's option values."""

    key: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedFile:
    entries: list[Entry] = field(default_factory=list)
    #: (entry key or None for the whole file, what is wrong)
    problems: list[tuple[str | None, str]] = field(default_factory=list)


def source_id(key: str) -> str:
    """A citation key as a source id: lower case, other characters than letters,
    digits, ``.``, ``_`` and ``-`` turned into ``-`` (``Smith:2020`` -> ``smith-2020``)."""
    return _NOT_ID.sub("-", key.strip().lower()).strip("-._")


def _month(value: Any) -> int | None:
    """``3``, ``03``, ``mar`` or ``March`` as 3."""
    text = str(value).strip().lower()
    if text.isdigit():
        return int(text)
    return next((n for name, n in _MONTHS.items() if text and name.startswith(text[:3])), None)


def _partial_date(year: Any, month: Any = None, day: Any = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from what an entry gives."""
    try:
        parts = [f"{int(str(year).strip()):04d}"]
        number = _month(month) if month else None
        if number:
            parts.append(f"{number:02d}")
            if day:
                parts.append(f"{int(str(day).strip()):02d}")
        return "-".join(parts)
    except (TypeError, ValueError):
        return None


# --- BibTeX -----------------------------------------------------------------------


def _bibtex_entry(key: str, entry: Any, problems: list[tuple[str | None, str]]) -> Entry:
    from pybtex.exceptions import PybtexError
    from pybtex.richtext import Text

    def latex_text(value: str) -> str:
        try:
            return fold_whitespace(Text.from_latex(value).render_as("text"))
        except PybtexError as exc:  # markup pybtex cannot read: shown without braces
            problems.append(
                (
                    key,
                    f"has LaTeX markup that cannot be read ({exc}): "
                    f"{value!r} is shown without its braces",
                )
            )
            return fold_whitespace(value.replace("{", "").replace("}", ""))

    fields = {name.lower(): value for name, value in entry.fields.items()}
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    data: dict[str, Any] = {"title": latex_text(fields.get("title", "")) or key}
    if persons:
        data["author"] = [latex_text(str(person)) for person in persons]
    container = next(
        (
            fields[name]
            for name in (
                "journal",
                "journaltitle",
                "booktitle",
                "publisher",
                "organization",
                "institution",
                "school",
                "howpublished",
            )
            if fields.get(name)
        ),
        None,
    )
    if container:
        data["publisher"] = latex_text(container)
    if fields.get("date"):
        data["date"] = fields["date"].strip()
    elif fields.get("year"):
        data["date"] = _partial_date(fields["year"], fields.get("month"), fields.get("day"))
    if fields.get("url"):
        data["url"] = fields["url"].strip()
    elif fields.get("doi"):
        data["url"] = f"https://doi.org/{fields['doi'].strip()}"
    if fields.get("urldate"):
        data["accessed"] = fields["urldate"].strip()
    kind = BIBTEX_KINDS.get(entry.type.lower())
    if kind:
        data["kind"] = kind
    return Entry(key, {k: v for k, v in data.items() if v})


def _parse_bibtex(path: Path) -> ParsedFile:
    from pybtex.database import BibliographyDataError, parse_string
    from pybtex.scanner import PybtexSyntaxError

    result = ParsedFile()
    try:
        text = path.read_text(encoding="utf-8-sig")
        database = parse_string(text, "bibtex")
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append((None, f"cannot be read: {exc}"))
        return result
    except (PybtexSyntaxError, BibliographyDataError) as exc:
        result.problems.append((None, f"is not valid BibTeX: {exc}"))
        return result
    for key, entry in database.entries.items():
        result.entries.append(_bibtex_entry(key, entry, result.problems))
    return result


# --- CSL-JSON -----------------------------------------------------------------------


def _csl_date(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        return _partial_date(*parts[0][:3])
    raw = value.get("raw")
    return str(raw).strip() if raw else None


def _csl_name(person: Any) -> str | None:
    if not isinstance(person, dict):
        return None
    if person.get("literal"):
        return str(person["literal"])
    family, given = person.get("family"), person.get("given")
    return ", ".join(str(p) for p in (family, given) if p) or None


def _csl_entry(item: dict[str, Any]) -> Entry:
    key = str(item["id"])
    data: dict[str, Any] = {"title": str(item.get("title") or key)}
    authors = [
        name for name in map(_csl_name, item.get("author") or item.get("editor") or []) if name
    ]
    if authors:
        data["author"] = authors
    container = item.get("container-title") or item.get("publisher")
    if container:
        data["publisher"] = str(container)
    data["date"] = _csl_date(item.get("issued"))
    data["accessed"] = _csl_date(item.get("accessed"))
    if item.get("URL"):
        data["url"] = str(item["URL"]).strip()
    elif item.get("DOI"):
        data["url"] = f"https://doi.org/{str(item['DOI']).strip()}"
    kind = CSL_KINDS.get(str(item.get("type", "")))
    if kind:
        data["kind"] = kind
    return Entry(key, {k: v for k, v in data.items() if v})


def _parse_csl_json(path: Path) -> ParsedFile:
    result = ParsedFile()
    try:
        items = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append((None, f"cannot be read: {exc}"))
        return result
    except json.JSONDecodeError as exc:
        result.problems.append((None, f"is not valid JSON: {exc}"))
        return result
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        result.problems.append((None, "is not CSL-JSON (a list of items)"))
        return result
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not str(item.get("id") or "").strip():
            result.problems.append((f"#{number}", "is not a CSL item with an id"))
            continue
        result.entries.append(_csl_entry(item))
    return result


@lru_cache(maxsize=32)
def _parse(path: str, _mtime: int) -> ParsedFile:
    file = Path(path)
    if file.suffix.lower() in (".json", ".csljson"):
        return _parse_csl_json(file)
    return _parse_bibtex(file)


def read_entries(path: Path) -> ParsedFile:
    """The entries of a ``.bib`` (BibTeX) or ``.json`` (CSL-JSON) file."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        return ParsedFile(problems=[(None, f"cannot be read: {exc.strerror}")])
    return _parse(str(path), mtime)

"""Imported pages as reStructuredText.

Every imported string is escaped so that it stays text, and no more than that, so
that hand edits stay easy.  In paragraphs and headings (always one line) a
backslash goes before the characters that start or end inline markup
(``\\ * ` | _``), before ``@`` and before a colon followed by a non-space (no address
or e-mail becomes a link: only our own http(s) links are links), before the first
character when it is punctuation (no list, comment, directive, field, table or
section line can start), before the dot or parenthesis of a leading enumerator
("A. Smith" is not a list) and before a closing ``::``.  Option values
are not parsed by docutils (no inline markup, no nesting): they only have to stay
on their line, so they are folded onto one, and none can end the option block or
start another option.  A directive's title is not parsed either: it only needs a
backslash in front when it starts with a colon or a backslash (the object
directives drop that one backslash), so that it is not read as an option.
"""

from __future__ import annotations

import re
import string
import unicodedata

from .options import appearance_options, directive_options, folded, one_line
from .plan import Page, Paragraph, PlannedObject

SUFFIX = ".rst"
_PUNCTUATION = frozenset(string.punctuation)
_INLINE = re.compile(r"[\\*`|_@]|:(?=\S)")
_ENUMERATOR = re.compile(r"^(\(?)([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|#)([.)])(\s|$)")


def _escaped(words: str) -> str:
    return _INLINE.sub(lambda found: "\\" + found.group(0), words)


def text(value: str, *, starts_line: bool = True) -> str:
    """*value* as reStructuredText that reads as exactly *value* (in a paragraph;
    *starts_line*: at the start of its line, where more characters are markup)."""
    line = folded(value)
    if not line:
        return line
    if not starts_line:
        return _escaped(line)
    head, rest = "", line
    enumerator = _ENUMERATOR.match(line)
    if enumerator:  # "1. ", "A) ", "(iv) ": the dot or parenthesis made inert
        head = _escaped(enumerator.group(1) + enumerator.group(2)) + "\\" + enumerator.group(3)
        rest = line[enumerator.end(3) :]
    escaped = head + _escaped(rest)
    if line[0] in _PUNCTUATION and not escaped.startswith("\\"):
        escaped = "\\" + escaped
    if escaped.endswith("::"):
        escaped = escaped[:-1] + "\\:"
    return escaped


def option(value: str) -> str:
    """*value* as an option value: options are not parsed, only read to their line end."""
    return one_line(value)


def title(value: str) -> str:
    """A directive's title (see the module docstring)."""
    value = one_line(value)
    return "\\" + value if value.startswith((":", "\\")) else value


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def heading(value: str, char: str = "=") -> str:
    line = text(one_line(value))
    return f"{line}\n{char * max(3, _width(line))}\n"


def paragraph(para: Paragraph) -> str:
    return "".join(
        text(value, starts_line=number == 0) if kind == "text" else f":fc:source:`{value}`"
        for number, (kind, value) in enumerate(para.parts)
    )


def directive(obj: PlannedObject) -> str:
    lines = [f".. fc:{obj.objtype}:: {title(obj.model.title)}"]
    lines += [f"   :{name}: {option(value)}" for name, value in directive_options(obj)]
    for update in getattr(obj.model, "updates", ()):
        lines += [
            "",
            f"   .. fc:update:: {update.date.isoformat()}",
            f"      :kind: {update.kind}",
            "",
            f"      {text(update.text)}",
        ]
    for place in getattr(obj.model, "appearances", ()):
        where, options = appearance_options(place)
        lines += ["", f"   .. fc:appearance:: {where}".rstrip()]
        lines += [f"      :{name}: {option(value)}" for name, value in options]
    for para in obj.body:
        lines += ["", f"   {paragraph(para)}"]
    return "\n".join(lines) + "\n"


def page(item: Page) -> str:
    parts = [heading(item.title)] + [directive(obj) for obj in item.objects]
    return "\n".join(parts)


def claimants_page(claimants: list[PlannedObject]) -> str:
    return "\n".join([heading("Claimants")] + [directive(obj) for obj in claimants])


def more_claimants(claimants: list[PlannedObject]) -> str:
    """Claimants appended to an earlier batch's claimants page."""
    return "".join("\n" + directive(obj) for obj in claimants)


def index_page() -> str:
    """The folder's index: a glob, so that later batches' pages join it unedited."""
    return heading("Imported fact-checks") + "\n.. toctree::\n   :maxdepth: 1\n   :glob:\n\n   *\n"

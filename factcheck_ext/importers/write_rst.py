"""Imported pages as reStructuredText.

Every imported string is escaped so that it stays text.  In paragraphs and
headings every ASCII punctuation character is backslash-escaped, so that no
inline markup, role, link, list, comment or directive can start.  Option values
are not parsed by docutils (no inline markup, no nesting): they only have to stay
on their line, so they are folded onto one, and none can end the option block or
start another option.  A directive's title is not parsed either: it only needs a
backslash in front when it starts with a colon or a backslash (the object
directives drop that one backslash), so that it is not read as an option.
"""

from __future__ import annotations

import string
import unicodedata

from .options import directive_options, folded, one_line
from .plan import Page, Paragraph, PlannedObject

SUFFIX = ".rst"
_PUNCTUATION = frozenset(string.punctuation)


def text(value: str) -> str:
    """*value* as reStructuredText that reads as exactly *value* (in a paragraph)."""
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in folded(value))


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
        text(value) if kind == "text" else f":fc:source:`{value}`" for kind, value in para.parts
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
    for para in obj.body:
        lines += ["", f"   {paragraph(para)}"]
    return "\n".join(lines) + "\n"


def page(item: Page) -> str:
    parts = [heading(item.title)] + [directive(obj) for obj in item.objects]
    return "\n".join(parts)


def claimants_page(claimants: list[PlannedObject]) -> str:
    return "\n".join([heading("Claimants")] + [directive(obj) for obj in claimants])


def index_page(pages: list[Page], with_claimants: bool) -> str:
    entries = [f"   {p.name}" for p in pages] + (["   claimants"] if with_claimants else [])
    return (
        heading("Imported fact-checks")
        + "\n.. toctree::\n   :maxdepth: 1\n\n"
        + "\n".join(entries)
        + "\n"
    )

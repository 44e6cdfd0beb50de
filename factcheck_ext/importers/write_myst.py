"""Imported pages as MyST Markdown.

Directives are tilde fences (a title may hold backticks, which a backtick fence's
info string may not), longer than any run of tildes they hold.  Every imported
string is escaped so that it stays text, and no more than that: in paragraphs and
headings (one line each) a backslash goes before the characters that start inline
markup (emphasis, code, links, HTML, entities, roles, substitutions, math,
strikethrough), before ``@`` and a colon followed by a non-space (no address becomes
a link), before the first character when it is punctuation (no heading, list,
quote, fence, comment or target can start) and before the dot or parenthesis of a
leading number ("1. " is not a list).  A title on the
fence line is passed to the directive as written (MyST does not unescape it), on
one line, with the object directives' one rule (a backslash in front of a title
that starts with a colon or a backslash).  Option values are JSON-quoted strings,
which MyST's option parser reads as YAML double-quoted strings, on one line.
"""

from __future__ import annotations

import json
import re
import string

from .options import appearance_options, directive_options, folded, one_line
from .plan import Page, Paragraph, PlannedObject
from .write_rst import title as rst_title

SUFFIX = ".md"
_PUNCTUATION = frozenset(string.punctuation)
_TILDES = re.compile(r"~+")
_INLINE = re.compile(r"[\\*_`\[\]<>&{}$~|@]|:(?=\S)")
_NUMBERED = re.compile(r"^([0-9]+)([.)])")


def text(value: str, *, starts_line: bool = True) -> str:
    """*value* as Markdown that reads as exactly *value* (*starts_line*: at the start
    of its line, where more characters are markup)."""
    line = _INLINE.sub(lambda found: "\\" + found.group(0), folded(value))
    if not starts_line:
        return line
    line = _NUMBERED.sub(lambda found: found.group(1) + "\\" + found.group(2), line)
    if line[:1] in _PUNCTUATION and not line.startswith("\\"):
        line = "\\" + line
    return line


def option(value: str) -> str:
    return json.dumps(one_line(value), ensure_ascii=False)


def paragraph(para: Paragraph) -> str:
    return "".join(
        text(value, starts_line=number == 0) if kind == "text" else f"{{fc:source}}`{value}`"
        for number, (kind, value) in enumerate(para.parts)
    )


def _fenced(info: str, body: list[str]) -> list[str]:
    inner = "\n".join([info, *body])
    fence = "~" * max(3, 1 + max((len(run) for run in _TILDES.findall(inner)), default=0))
    return [f"{fence}{info}", *body, fence]


def directive(obj: PlannedObject) -> str:
    body = [f":{name}: {option(value)}" for name, value in directive_options(obj)]
    for update in getattr(obj.model, "updates", ()):
        body += [
            "",
            *_fenced(
                f"{{fc:update}} {update.date.isoformat()}",
                [f":kind: {update.kind}", "", text(update.text)],
            ),
        ]
    for place in getattr(obj.model, "appearances", ()):
        where, options = appearance_options(place)
        body += [
            "",
            *_fenced(
                f"{{fc:appearance}} {where}".rstrip(),
                [f":{name}: {option(value)}" for name, value in options],
            ),
        ]
    for para in obj.body:
        body += ["", paragraph(para)]
    # the nested update fences must be shorter than the object's own
    info = f"{{fc:{obj.objtype}}} {rst_title(obj.model.title)}"
    return "\n".join(_fenced(info, body)) + "\n"


def page(item: Page) -> str:
    return "\n".join(
        [f"# {text(one_line(item.title))}\n"] + [directive(obj) for obj in item.objects]
    )


def claimants_page(claimants: list[PlannedObject]) -> str:
    return "\n".join(["# Claimants\n"] + [directive(obj) for obj in claimants])


def more_claimants(claimants: list[PlannedObject]) -> str:
    """Claimants appended to an earlier batch's claimants page."""
    return "".join("\n" + directive(obj) for obj in claimants)


def index_page() -> str:
    """The folder's index: a glob, so that later batches' pages join it unedited."""
    return "# Imported fact-checks\n\n```{toctree}\n:maxdepth: 1\n:glob:\n\n*\n```\n"

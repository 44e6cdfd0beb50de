"""Imported pages as MyST Markdown.

Directives are tilde fences (a title may hold backticks, which a backtick fence's
info string may not), longer than any run of tildes they hold.  Every imported
string is escaped so that it stays text: in paragraphs and headings every ASCII
punctuation character is backslash-escaped (CommonMark allows it for all of them),
so that no emphasis, role, link, HTML, fence or list can start.  A title on the
fence line is passed to the directive as written (MyST does not unescape it), on
one line, with the object directives' one rule (a backslash in front of a title
that starts with a colon or a backslash).  Option values are JSON-quoted strings,
which MyST's option parser reads as YAML double-quoted strings, on one line.
"""

from __future__ import annotations

import json
import re
import string

from .options import directive_options, folded, one_line
from .plan import Page, Paragraph, PlannedObject
from .write_rst import title as rst_title

SUFFIX = ".md"
_PUNCTUATION = frozenset(string.punctuation)
_TILDES = re.compile(r"~+")


def text(value: str) -> str:
    """*value* as Markdown that reads as exactly *value*."""
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in folded(value))


def option(value: str) -> str:
    return json.dumps(one_line(value), ensure_ascii=False)


def paragraph(para: Paragraph) -> str:
    return "".join(
        text(value) if kind == "text" else f"{{fc:source}}`{value}`" for kind, value in para.parts
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


def index_page(pages: list[Page], with_claimants: bool) -> str:
    entries = [p.name for p in pages] + (["claimants"] if with_claimants else [])
    return (
        "# Imported fact\\-checks\n\n```{toctree}\n:maxdepth: 1\n\n"
        + "\n".join(entries)
        + "\n```\n"
    )

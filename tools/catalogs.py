"""Maintain the extension's message catalogs (factcheck_ext/locale) with Babel.

    python tools/catalogs.py extract        # factcheck.pot from the code
    python tools/catalogs.py update         # the template merged into every catalog
    python tools/catalogs.py init LANGUAGE  # a catalog for a new language
    python tools/catalogs.py compile        # every .po compiled to its .mo
    python tools/catalogs.py check          # fails if any of the above has work to do

The same as the ``pybabel`` commands docs/guide/translating.rst lists: _() and
ngettext() translate, N_() marks a message that is translated where it is used.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "factcheck_ext" / "locale"
TEMPLATE = LOCALE / "factcheck.pot"
DOMAIN = "factcheck"
#: extract from the repository's root: babel.cfg's patterns are relative to it
EXTRACT = [
    "extract",
    "-F",
    str(ROOT / "babel.cfg"),
    "-k",
    "_",
    "-k",
    "N_",
    "-k",
    "ngettext:1,2",
    "--no-location",
    "--sort-output",
    "--project",
    "sphinx-factcheck",
    "--copyright-holder",
    "sphinx-factcheck developers",
]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def catalog_of(path: Path, locale: str | None = None):
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def compiled(po: Path, language: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog_of(po, language))
    return buffer.getvalue()


def check() -> list[str]:
    """What is out of date: the template, an incomplete catalog, a stale .mo."""
    problems = []
    fresh = ROOT / "build" / "factcheck.pot"
    fresh.parent.mkdir(exist_ok=True)
    pybabel(*EXTRACT, "-o", str(fresh), str(ROOT))
    wanted = {m.id for m in catalog_of(fresh) if m.id}
    have = {m.id for m in catalog_of(TEMPLATE) if m.id}
    if len(wanted) < 50:  # the extraction itself went wrong (babel.cfg, the paths)
        problems.append(f"only {len(wanted)} messages were extracted from the code")
    if wanted != have:
        problems.append(
            f"factcheck.pot is out of date (run: extract, update): new "
            f"{sorted(map(str, wanted - have))}, gone {sorted(map(str, have - wanted))}"
        )
    for language in languages():
        po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = catalog_of(po, language)
        ids = {m.id for m in catalog if m.id}
        untranslated = [
            str(m.id)
            for m in catalog
            if m.id and (m.fuzzy or not (m.string if isinstance(m.string, str) else all(m.string)))
        ]
        if ids != wanted:
            problems.append(
                f"{language}: the catalog does not hold the template's messages (run: update)"
            )
        if untranslated:
            problems.append(
                f"{language}: {len(untranslated)} message(s) not translated: {untranslated[:5]}"
            )
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(po, language):
            problems.append(f"{language}: factcheck.mo is not the compiled catalog (run: compile)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("extract", "update", "init", "compile", "check"))
    parser.add_argument("language", nargs="?")
    args = parser.parse_args()
    if args.command == "extract":
        pybabel(*EXTRACT, "-o", str(TEMPLATE), str(ROOT))
    elif args.command == "update":
        pybabel(
            "update",
            "-D",
            DOMAIN,
            "-i",
            str(TEMPLATE),
            "-d",
            str(LOCALE),
            "--ignore-obsolete",
            "--no-fuzzy-matching",
        )
    elif args.command == "init":
        if not args.language:
            parser.error("init needs a language, e.g. pt_BR")
        pybabel("init", "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(LOCALE), "-l", args.language)
    elif args.command == "compile":
        for language in languages():
            po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
            po.with_suffix(".mo").write_bytes(compiled(po, language))
    else:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

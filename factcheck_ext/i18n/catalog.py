"""The extension's own words in the reader's language.

Every word the extension writes (labels, headings, table headers, the default
verdict scale, feed and preview texts) goes through the ``factcheck`` message
catalog, registered with Sphinx for the project's ``language``.  The catalogs
live in ``locale/<language>/LC_MESSAGES/factcheck.po`` (compiled to ``.mo``);
``locale/factcheck.pot`` is their template, extracted from this package with
Babel (see docs/guide/translating.rst).

:func:`_` is Sphinx's ``get_translation("factcheck")``, made a ``str`` at once:
once Sphinx has loaded the catalog (``config-inited``) it is in the build's
language.  :func:`N_` only marks a message for extraction, for words kept in
module-level tables and on classes, and translated where they are used.  Sphinx's
lazy strings are not kept on our classes: since Sphinx 9 they are not ``str``, and
the JSON and Texinfo writers fail on them; the domain names its indices per build
instead (see ``FactCheckDomain.__init__``).

Like Sphinx's own words, the catalog is loaded once per process: Sphinx chains a
second application's catalog onto the first's.  ``sphinx-build`` starts a process
per build; a host that builds several languages in one process clears
``sphinx.locale.translators`` between builds, as Sphinx's test applications do.
"""

from __future__ import annotations

import gettext
import struct
from gettext import GNUTranslations
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import get_translation, get_translator

from ..diagnostics import warn

CATALOG = "factcheck"
LOCALE_DIR = Path(__file__).parent.parent / "locale"

_translate = get_translation(CATALOG)


def _(message: str) -> str:
    """*message* in the build's language (as it is where no catalog is loaded: outside
    a build, as in the benchmark's generator)."""
    return str(_translate(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for *count*, in the build's language."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark *message* for extraction; translate it with :func:`_` where it is used."""
    return message


def language_of(app: Sphinx) -> str:
    """The build's language as a BCP 47 tag (``pt_BR`` is ``pt-BR``), for JSON-LD."""
    return (app.config.language or "en").replace("_", "-")


def add_catalog(app: Sphinx, config: Config) -> None:
    """``config-inited``: load our catalog for the project's language.

    A ``factcheck.mo`` in the project's ``locale_dirs`` comes first, so that a desk
    can change a word without touching the package; the shipped catalog fills in the
    rest (Sphinx chains the catalogs in the order they are added, as it does with
    its own).  A project catalog that cannot be read is a located warning, and
    Sphinx skips it."""
    language = config.language or "en"
    for directory in config.locale_dirs:
        path = Path(app.srcdir, directory)
        for found in gettext.find(CATALOG, str(path), [language], all=True):
            _warn_if_unreadable(found)
        app.add_message_catalog(CATALOG, str(path))
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))


def _warn_if_unreadable(path: str) -> None:
    try:
        with open(path, "rb") as stream:
            GNUTranslations(stream)
    except (OSError, UnicodeError, ValueError, struct.error) as exc:
        where = nodes.Element()
        where.source = path  # (a node: Sphinx takes a bare string for a docname)
        warn(
            f"this message catalog cannot be read ({exc.__class__.__name__}: "
            f"{exc.args[-1] if exc.args else exc}); the extension's own words "
            "are used (compile it again from its .po file)",
            "bad-catalog",
            location=where,
        )

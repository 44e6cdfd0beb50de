"""The extension's own words in the reader's language.

Every word the extension writes (labels, headings, table headers, the default
verdict scale, feed and preview texts) goes through the ``factcheck`` message
catalog, registered with Sphinx for the project's ``language``.  The catalogs
live in ``locale/<language>/LC_MESSAGES/factcheck.po`` (compiled to ``.mo``);
``locale/factcheck.pot`` is their template, extracted from this package with
Babel (see docs/guide/translating.rst).

:func:`_` translates at once (it is called while pages are rendered, when Sphinx
has loaded the catalog); :func:`N_` only marks a message for extraction, for
words kept in module-level tables and translated where they are used.
"""

from __future__ import annotations

import gettext
import struct
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import translators

from .warnings import warn

CATALOG = "factcheck"
LOCALE_DIR = Path(__file__).parent / "locale"
_KEY = ("general", CATALOG)


_UNTRANSLATED = NullTranslations()


def translator() -> NullTranslations:
    """The catalog Sphinx loaded for this build (an empty one before it has)."""
    return translators.get(_KEY) or _UNTRANSLATED


def _(message: str) -> str:
    """*message* in the build's language (as it is when no catalog has it)."""
    return translator().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for *count*, in the build's language."""
    return translator().ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark *message* for extraction; translate it with :func:`_` where it is used."""
    return message


def language_of(app: Sphinx) -> str:
    """The build's language as a BCP 47 tag (``pt_BR`` is ``pt-BR``), for JSON-LD."""
    return (app.config.language or "en").replace("_", "-")


def add_catalog(app: Sphinx) -> None:
    """Register our catalog for the project's language (``config-inited``).

    A ``factcheck.mo`` in the project's ``locale_dirs`` comes first, so that a desk
    can change a word without touching the package; the shipped catalog, registered
    with ``app.add_message_catalog``, fills in the rest.  The translator left by an
    earlier application in this process is dropped first: Sphinx would chain our
    catalog onto it, and a build in another language would inherit its words."""
    translators.pop(_KEY, None)
    language = app.config.language or "en"
    own: GNUTranslations | None = None
    for directory in app.config.locale_dirs:
        for path in gettext.find(CATALOG, str(Path(app.srcdir, directory)), [language],
                                 all=True):
            try:
                with open(path, "rb") as stream:  # not gettext's cache: see above
                    catalog = GNUTranslations(stream)
            except (OSError, UnicodeError, ValueError, struct.error) as exc:
                where = nodes.Element()
                where.source = path  # (a node: Sphinx takes a bare string for a docname)
                warn(f"this message catalog cannot be read ({exc.__class__.__name__}: "
                     f"{exc.args[-1] if exc.args else exc}); the extension's own words "
                     "are used (compile it again from its .po file)", "bad-catalog",
                     location=where)
                continue
            if own is None:
                own = catalog
            else:
                own.add_fallback(catalog)
    if own is not None:
        translators[_KEY] = own
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))

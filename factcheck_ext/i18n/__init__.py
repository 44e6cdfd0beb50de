"""The extension's own words in the reader's language: the ``factcheck`` message
catalog (:mod:`.catalog`) and the words for the model's fixed values (:mod:`.labels`)."""

from .catalog import N_, _, add_catalog, language_of, ngettext

__all__ = ["N_", "_", "add_catalog", "language_of", "ngettext"]

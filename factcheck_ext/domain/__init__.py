"""The ``fc`` domain and everything that lives with the build environment: the
records (:mod:`.records`), the build-wide index (:mod:`.project_index`), Sphinx's
indices (:mod:`.indices`), the placeholder nodes (:mod:`.nodes`), the project-wide
checks (:mod:`.checks`) and the ledger (:mod:`.ledger`), translated texts
(:mod:`.translations`) and the incremental bookkeeping (:mod:`.dependencies`,
:mod:`.collector`)."""

from .factcheck_domain import FactCheckDomain, get_domain

__all__ = ["FactCheckDomain", "get_domain"]

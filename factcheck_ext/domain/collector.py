"""The incremental bookkeeping, as an environment collector.

Sphinx purges every document it is about to read again (or that was removed) with
``env-purge-doc``, before the domain forgets it; the collector keeps the record it
had then.  When reading is over, the old and new records of those documents are
compared (:func:`.dependencies.changed_keys`) and Sphinx is given the other pages
that show something that changed.  The state lives on the collector, one per
application, never on the domain.
"""

from __future__ import annotations

from collections.abc import Set

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

from .dependencies import changed_keys, page_dependencies
from .factcheck_domain import get_domain
from .records import EMPTY_RECORD, DocRecord


class DependencyCollector(EnvironmentCollector):
    """Records what each page shows of other documents, and names the pages to rewrite."""

    def __init__(self) -> None:
        #: documents read (or removed) in this build -> their record before
        self.before: dict[str, DocRecord | None] = {}

    def get_outdated_docs(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: set[str],
        changed: set[str],
        removed: set[str],
    ) -> list[str]:
        # a new build: nothing left over from one that was interrupted, and every
        # problem may be reported again
        self.before = {}
        get_domain(env).reported_problems.clear()
        return []

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        # env-purge-doc: runs in the main process before the domain forgets the document
        self.before.setdefault(docname, get_domain(env).docs.get(docname))

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        pass  # the records arrive through the domain's merge_domaindata

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """``doctree-read``: note the page's dependencies, then pack its record."""
        domain = get_domain(app.env)
        docname = app.env.docname
        record = domain.docs.get(docname, EMPTY_RECORD)
        deps = page_dependencies(doctree, record)
        if deps:
            domain.note_dependencies(docname, deps)
        domain.release_objects(docname)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        before, self.before = self.before, {}
        docs = get_domain(env).docs
        if before.keys() >= docs.keys():
            return []  # every document was read: none left to add (and none unpacked for it)
        keys: set[str] = set()
        for docname, old in before.items():
            keys |= changed_keys(old, docs.get(docname))
        if not keys:
            return []
        return sorted(
            docname
            for docname, record in docs.items()
            if docname not in before and record.depends_on & keys
        )

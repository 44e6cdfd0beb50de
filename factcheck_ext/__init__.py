"""sphinx-factcheck: fact-check reports as a Sphinx domain.

``setup()`` reads as the table of contents of the extension, phase by phase; the
package map is in ``docs/guide/contributing.rst``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ._gc import freeze_heap_while_building, pause_while_loading_environment
from ._version import __version__
from .builders.standards import StandardsBuilder
from .builders.status import FactCheckStatusBuilder
from .config import CONFIG_VALUES, check_config
from .directives import DIRECTIVES, ROLES
from .domain import FactCheckDomain
from .domain.collector import DependencyCollector
from .domain.evidence import outdated_by_evidence
from .domain.ledger import check_ledger
from .domain.nodes import PLACEHOLDERS, html_chart, robust_reference, visually_hidden
from .domain.records import ENV_VERSION
from .domain.references import warn_missing_reference
from .domain.translations import read_translations
from .export.claimreview import add_json_ld, warn_without_baseurl
from .export.dataset import write_dataset
from .export.evidence_files import copy_local_captures
from .export.feed import check_feed_config, link_feed, write_feed
from .export.meta import add_link_preview
from .export.sqlite_db import write_sqlite
from .i18n import add_catalog
from .memory.suggestions import suggest
from .render.html_assets import add_static_files, add_static_path
from .render.index_page import add_templates_path, render_index_page
from .render.latex_assets import add_latex_package
from .render.transforms import (
    AddClaimBadges,
    KeepTextsForGettext,
    RenderFactCheck,
)
from .render.visitors import (
    AS_REFERENCE,
    HTML_CHART_VISITORS,
    ROBUST_HTML_VISITORS,
    SKIP,
    VISUALLY_HIDDEN_VISITORS,
)

__all__ = ["__version__", "setup"]

_BUILDER_FORMATS = ("html", "latex", "text", "man", "texinfo", "epub", "xml", "gettext")


def setup(app: Sphinx) -> dict[str, Any]:
    # configuration: the extension's words first (anything else may use them), then
    # the values, checked before anything is read
    app.connect("config-inited", add_catalog, priority=100)
    for name, (default, rebuild, types) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_static_path)
    app.connect("config-inited", add_templates_path)
    app.connect("config-inited", check_feed_config)
    app.connect("builder-inited", check_ledger)
    # the cyclic collector: paused while the environment loads and while a build is
    # small, the loaded heap frozen while building (see _gc)
    pause_while_loading_environment(app)
    app.connect("builder-inited", freeze_heap_while_building)

    # reading: the domain, its directives and roles store models
    app.add_domain(FactCheckDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive_to_domain("fc", name, directive)
    for name, role in ROLES.items():
        app.add_role_to_domain("fc", name, role)
    skipped: dict[str, Any] = dict.fromkeys(_BUILDER_FORMATS, SKIP)
    for node_class in PLACEHOLDERS:
        app.add_node(node_class, **skipped)
    app.add_node(visually_hidden, **{**skipped, "html": VISUALLY_HIDDEN_VISITORS})
    app.add_node(html_chart, **{**skipped, "html": HTML_CHART_VISITORS})
    plain_links: dict[str, Any] = dict.fromkeys(_BUILDER_FORMATS, AS_REFERENCE)
    app.add_node(robust_reference, **{**plain_links, "html": ROBUST_HTML_VISITORS})
    # translated builds: the models take the translated texts (before the collector
    # packs the document's record)
    app.connect("doctree-read", read_translations, priority=400)
    # incremental builds: which other pages show what changed
    app.add_env_collector(DependencyCollector)
    # ... and which pages show a source whose capture or drift check changed
    app.connect("env-get-outdated", outdated_by_evidence)

    # writing: placeholders rendered from the models, references resolved
    app.add_post_transform(RenderFactCheck)
    app.add_post_transform(AddClaimBadges)
    app.add_post_transform(KeepTextsForGettext)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("builder-inited", add_static_files)
    app.connect("builder-inited", add_latex_package)
    app.connect("html-page-context", render_index_page)

    # the desk's memory: every claim matched against earlier checks, once it is read
    app.connect("env-updated", suggest)

    # machine-readable output, the status and the standards builders
    app.connect("env-updated", warn_without_baseurl)
    app.connect("html-page-context", add_json_ld)
    app.connect("build-finished", write_dataset)
    app.connect("build-finished", write_feed)
    app.connect("build-finished", copy_local_captures)
    app.connect("build-finished", write_sqlite)
    app.connect("html-page-context", link_feed)
    # before sphinxext-opengraph (priority 500), which then takes our description
    app.connect("html-page-context", add_link_preview, priority=400)
    app.add_builder(FactCheckStatusBuilder)
    app.add_builder(StandardsBuilder)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

"""sphinx-factcheck: fact-check reports as a Sphinx domain.

``setup()`` reads as the table of contents of the extension.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import incremental
from .builders.status import FactCheckStatusBuilder
from .config import CONFIG_VALUES, check_config
from .domain import FactCheckDomain
from .export.claimreview import add_json_ld, warn_without_baseurl
from .export.dataset import write_dataset
from .export.latex import add_latex_package
from .export.feed import check_feed_config, link_feed, write_feed
from .export.meta import add_link_preview
from .gcpause import freeze_loaded_heap, thaw_heap
from .i18n import add_catalog
from .indices import name_indices
from .ledger import check_ledger
from .nodes import (
    PLACEHOLDERS,
    depart_visually_hidden_html,
    skip,
    visit_visually_hidden_html,
    visually_hidden,
)
from .problems import forget_reported
from .render.index_page import add_templates_path, render_index_page
from .roles import warn_missing_reference
from .static_css import add_static_files, add_static_path
from .transforms import KeepTextsForGettext, RenderFactCheck
from .translation import read_translations

__version__ = "0.1.0"

#: bump when the stored domain data changes shape: forces a full re-read
ENV_VERSION = 8

_SKIP = (skip, None)
_BUILDER_FORMATS = ("html", "latex", "text", "man", "texinfo", "epub", "xml", "gettext")


def load_catalog(app: Sphinx, config: Any) -> None:
    """``config-inited``: our catalog for the project's language, and the index names
    in it (once the configuration is known, so that a broken catalog can warn)."""
    add_catalog(app)
    name_indices()


def setup(app: Sphinx) -> dict[str, Any]:
    # the extension's words in the project's language, before anything uses them
    app.connect("config-inited", load_catalog, priority=100)

    # configuration, checked before anything is read
    for name, (default, rebuild, types) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types)
    app.connect("config-inited", check_config)
    app.connect("builder-inited", freeze_loaded_heap, priority=900)
    app.connect("build-finished", thaw_heap, priority=900)
    app.connect("builder-inited", check_ledger)

    # reading: the domain and its directives and roles store models
    app.add_domain(FactCheckDomain)
    for node_class in PLACEHOLDERS:
        app.add_node(node_class, **{fmt: _SKIP for fmt in _BUILDER_FORMATS})
    app.add_node(visually_hidden, **{**{fmt: _SKIP for fmt in _BUILDER_FORMATS},
                                     "html": (visit_visually_hidden_html,
                                              depart_visually_hidden_html)})

    # incremental builds: which other pages show what changed
    # translated builds: the models take the translated texts (before the record is parked)
    app.connect("doctree-read", read_translations, priority=400)
    app.connect("doctree-read", incremental.on_doctree_read)
    app.connect("env-get-outdated", incremental.on_get_outdated)
    app.connect("env-before-read-docs", incremental.on_before_read)
    app.connect("env-get-updated", incremental.on_get_updated)
    app.connect("env-get-outdated", forget_reported)

    # writing: placeholders rendered from the models, references resolved
    app.add_post_transform(RenderFactCheck)
    app.add_post_transform(KeepTextsForGettext)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_static_files)
    app.connect("builder-inited", add_latex_package)
    app.connect("config-inited", add_templates_path)
    app.connect("html-page-context", render_index_page)

    # machine-readable output and the status builder
    app.connect("env-updated", warn_without_baseurl)
    app.connect("html-page-context", add_json_ld)
    app.connect("build-finished", write_dataset)
    app.connect("config-inited", check_feed_config)
    app.connect("build-finished", write_feed)
    app.connect("html-page-context", link_feed)
    # before sphinxext-opengraph (priority 500), which then takes our description
    app.connect("html-page-context", add_link_preview, priority=400)
    app.add_builder(FactCheckStatusBuilder)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

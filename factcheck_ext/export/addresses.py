"""Where a page of this build is published: the one place that joins
``html_baseurl`` with a page's address (ClaimReview, the feed, previews, CSV)."""

from __future__ import annotations

from urllib.parse import urljoin

from sphinx.application import Sphinx


def base_url(app: Sphinx) -> str:
    """``html_baseurl`` ending in one slash, or ``""`` when it is not set."""
    base: str = app.config.html_baseurl or ""
    return base.rstrip("/") + "/" if base else ""


def page_address(app: Sphinx, docname: str, anchor: str | None = None) -> str:
    """A page's address (and an anchor on it): absolute with ``html_baseurl``, relative
    to the output otherwise, ``""`` for a builder that writes no pages."""
    try:
        uri = app.builder.get_target_uri(docname)
    except NotImplementedError:  # a builder without pages of its own
        uri = ""
    if anchor:
        uri = f"{uri}#{anchor}"
    base = base_url(app)
    return urljoin(base, uri) if base else uri

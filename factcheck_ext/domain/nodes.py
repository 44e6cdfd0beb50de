"""Placeholder nodes left in the doctree while reading.

Each holds only an object's id (and the parsed body the author wrote); the
post-transform in :mod:`factcheck_ext.render.transforms` replaces it with generic
docutils nodes rendered from the domain's models, once every document has been
read.  Writers therefore never see these nodes; the skip visitors registered
in ``setup()`` are a safety net for third-party builders only.
"""

from __future__ import annotations

from docutils import nodes


class fc_placeholder(nodes.General, nodes.Element):
    """Base class: ``node["fc_id"]`` names the object or view to render."""


class article_block(fc_placeholder):
    """An ``fc:article`` directive."""


class claim_block(fc_placeholder):
    """An ``fc:claim`` directive; its children are the analysis."""


class source_block(fc_placeholder):
    """An ``fc:source`` directive; its children are the note on the source."""


class claimant_block(fc_placeholder):
    """An ``fc:claimant`` directive; its children are the profile the author wrote."""


class desk_block(fc_placeholder):
    """An ``fc:desk`` directive; its children are the desk's description."""


class policy_block(fc_placeholder):
    """An ``fc:policy`` marker; its children are a summary the author wrote, if any."""


class funder_block(fc_placeholder):
    """An ``fc:funder`` directive; its children are the author's note on the funding."""


class staff_block(fc_placeholder):
    """An ``fc:staff`` directive; its children are the person's profile."""


BLOCKS: tuple[type[fc_placeholder], ...] = (
    article_block,
    claim_block,
    source_block,
    claimant_block,
    desk_block,
    policy_block,
    funder_block,
    staff_block,
)


class claims_view(fc_placeholder):
    """An ``fc:claims`` table or list; ``node["fc_view"]`` holds its query."""


class sources_view(fc_placeholder):
    """An ``fc:sources`` bibliography."""


class summary_view(fc_placeholder):
    """An ``fc:summary`` verdict breakdown."""


class annotated_view(fc_placeholder):
    """An ``fc:annotated`` article text."""


class corrections_view(fc_placeholder):
    """An ``fc:corrections`` log."""


class bibliography_view(fc_placeholder):
    """An ``fc:bibliography``: the sources of a BibTeX or CSL-JSON file."""


class funders_view(fc_placeholder):
    """An ``fc:funders`` table."""


class masthead_view(fc_placeholder):
    """An ``fc:masthead`` list of the desk's people."""


VIEWS: tuple[type[fc_placeholder], ...] = (
    funders_view,
    masthead_view,
    claims_view,
    sources_view,
    summary_view,
    annotated_view,
    corrections_view,
    bibliography_view,
)
PLACEHOLDERS = BLOCKS + VIEWS


class visually_hidden(nodes.inline):
    """Words for screen readers only (HTML); other builders leave them out, because
    what they say is shown there already (e.g. the verdict badge after a quote)."""


class html_chart(nodes.General, nodes.Element):
    """An SVG chart, for HTML only (``node["svg"]``; a table next to it holds the same
    words).  It has no text of its own, so no Sphinx version indexes the chart's
    labels for search (Sphinx 8 indexes raw HTML with its tags stripped)."""


class robust_reference(nodes.reference):
    """A link that names its archived copy (Robust Links attributes, in HTML); every
    other format writes it as a plain link."""

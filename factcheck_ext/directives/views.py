"""``fc:claims``, ``fc:sources``, ``fc:summary`` and ``fc:annotated``.

Each validates its options into a view model, records it in the domain (so the
project-wide check can warn about filters naming nothing) and leaves a
placeholder that is filled in after reading, from the whole project's data.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from ..domain import get_domain
from ..domain.nodes import (
    annotated_view,
    claims_view,
    corrections_view,
    fc_placeholder,
    funders_view,
    masthead_view,
    sources_view,
    summary_view,
)
from ..models import (
    AnnotatedView,
    ClaimQuery,
    ClaimsView,
    CorrectionsView,
    FundersView,
    MastheadView,
    SourcesView,
    SummaryView,
    View,
)
from .validation import validate_or_warn

_QUERY_OPTIONS = dict.fromkeys(
    ("article", "verdict", "tags", "claimant", "docname", "sort", "limit"), directives.unchanged
)


def view_dependencies(view: View) -> set[str]:
    """The dependency keys (see :mod:`factcheck_ext.domain.dependencies`) of a view's page."""
    if isinstance(view, AnnotatedView):  # (the tooltips name the claimants)
        return {f"def:article:{view.article}", f"article-claims:{view.article}", "claimants:*"}
    if isinstance(view, SourcesView):
        return {"sources:*", "claims:*"}
    if isinstance(view, CorrectionsView):  # (the notes link to sources and the rest)
        return {"claims:*", "sources:*", "articles:*", "claimants:*"}
    if isinstance(view, FundersView):
        return {"funders:*"}
    if isinstance(view, MastheadView):  # (each person's checks are counted)
        return {"staff:*", "claims:*"}
    assert isinstance(view, ClaimQuery)
    keys = (
        {f"article-claims:{a}" for a in view.article} | {f"def:article:{a}" for a in view.article}
        if view.article
        else {"claims:*"}
    )
    if view.claimant or (isinstance(view, SummaryView) and view.by in ("affiliation", "claimant")):
        keys.add("claimants:*")  # (a claimant's name may select their claims)
    if isinstance(view, ClaimsView):
        if "claimant" in view.columns or view.layout == "list":
            keys.add("claimants:*")
        if "sources" in view.columns:
            keys.add("sources:*")
        if "article" in view.columns:
            keys.add("articles:*")
    return keys


class ViewDirective(SphinxDirective):
    model: ClassVar[type[View]]
    node_class: ClassVar[type[fc_placeholder]]
    #: the directive's name in the domain (docutils sets ``self.name`` to the name as
    #: written, ``fc:claims``, which must not be prefixed again)
    view_name: ClassVar[str]
    option_spec: ClassVar[dict[str, Any]] = {}

    def data(self) -> dict[str, Any]:
        return {k: v for k, v in self.options.items() if v is not None}

    def run(self) -> list[nodes.Node]:
        _source, line = self.get_source_info()
        data = {**self.data(), "defined_in": self.env.docname, "lineno": line or self.lineno}
        view, _rejected = validate_or_warn(
            self.model,
            data,
            what=f"fc:{self.view_name}",
            location=self.get_location(),
            context={"scale": get_domain(self.env).scale},
        )
        if view is None:
            return []
        get_domain(self.env).note_view(self.env.docname, view)
        node = self.node_class(fc_view=view, fc_depends=sorted(view_dependencies(view)))
        self.set_source_info(node)
        return [node]


class ClaimsDirective(ViewDirective):
    """A table (or list) of claims from the whole project."""

    view_name = "claims"
    model = ClaimsView
    node_class = claims_view
    option_spec: ClassVar[OptionSpec] = {
        **_QUERY_OPTIONS,
        "columns": directives.unchanged,
        "layout": directives.unchanged,
    }


class SummaryDirective(ViewDirective):
    """The verdict breakdown of an article or of the whole project."""

    view_name = "summary"
    model = SummaryView
    node_class = summary_view
    option_spec: ClassVar[OptionSpec] = {**_QUERY_OPTIONS, "by": directives.unchanged}


class SourcesDirective(ViewDirective):
    """A bibliography of sources with their back-links."""

    view_name = "sources"
    model = SourcesView
    node_class = sources_view
    option_spec: ClassVar[OptionSpec] = {
        "kind": directives.unchanged,
        "article": directives.unchanged,
        "docname": directives.unchanged,
    }


class AnnotatedDirective(ViewDirective):
    """An article's full text with every claim's quote marked."""

    view_name = "annotated"
    model = AnnotatedView
    node_class = annotated_view
    required_arguments = 1
    option_spec: ClassVar[OptionSpec] = {}

    def data(self) -> dict[str, Any]:
        return {"article": self.arguments[0]}


class CorrectionsDirective(ViewDirective):
    """The corrections log: every update of every claim, newest first."""

    view_name = "corrections"
    model = CorrectionsView
    node_class = corrections_view
    option_spec: ClassVar[OptionSpec] = {"kind": directives.unchanged}


class FundersDirective(ViewDirective):
    """The table of the desk's funders (every ``fc:funder`` of the project)."""

    view_name = "funders"
    model = FundersView
    node_class = funders_view


class MastheadDirective(ViewDirective):
    """The desk's people (every ``fc:staff`` of the project), with what they checked."""

    view_name = "masthead"
    model = MastheadView
    node_class = masthead_view

"""``.. fc:claim::`` - a claim, its verdict and the analysis behind it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.util.typing import OptionSpec

from ..domain.nodes import claim_block
from ..models import Claim
from ..text.analysis import analysis_summary
from ..text.quotes import article_text
from .appearance import APPEARANCE
from .article import CURRENT_ARTICLE
from .base import ObjectDirective
from .update import CURRENT_CLAIM


class ClaimDirective(ObjectDirective):
    objtype = "claim"
    model = Claim
    node_class = claim_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "article": directives.unchanged,
        "quote": directives.unchanged,
        "quote-translation": directives.unchanged,
        "claimant": directives.unchanged,
        "date": directives.unchanged,
        "status": directives.unchanged,
        "verdict": directives.unchanged,
        "sources": directives.unchanged,
        "tags": directives.unchanged,
        "context": directives.unchanged,
        "occurrence": directives.unchanged,
        "claimant-type": directives.unchanged,
        "published": directives.unchanged,
        "checked-by": directives.unchanged,
        "reviewed-by": directives.unchanged,
        "language": directives.unchanged,
        "rating-explanation": directives.unchanged,
        "same-as": directives.unchanged,
        "not-same-as": directives.unchanged,
    }

    def prepare(self, data: dict[str, Any]) -> dict[str, Any]:
        if not data.get("article") and CURRENT_ARTICLE in self.env.ref_context:
            data["article"] = self.env.ref_context[CURRENT_ARTICLE]
        return data

    @contextmanager
    def body_context(self, data: dict[str, Any]) -> Iterator[None]:
        """``fc:update`` directives in the body belong to this claim."""
        self.env.ref_context[CURRENT_CLAIM] = data.get("id") or "?"
        try:
            yield
        finally:
            self.env.ref_context.pop(CURRENT_CLAIM, None)

    def registered(self, model: Claim) -> Claim:
        """Find the quote now when the article is in this document (the usual case):
        both are read again together, so the match stays valid."""
        if not model.quote or not model.article:
            return model
        record = self.domain.docs.get(self.env.docname)
        article = (
            next((a for a in record.articles if a.id == model.article), None) if record else None
        )
        if article is None or article.text is None:
            return model
        span = article_text(article.text).find(model.quote, model.occurrence)
        return model.model_copy(update={"quote_span": span or ()})

    def after_parse(self, data: dict[str, Any], body: list[nodes.Node]) -> dict[str, Any]:
        """Sources cited inline with ``:fc:source:`` count as the claim's sources;
        ``fc:update`` notes in the body are the claim's updates, ``fc:appearance``
        entries its appearances (taken out of the body: the claim shows them)."""
        markers = [n for n in body if isinstance(n, nodes.Element) and APPEARANCE in n]
        data["appearances"] = [n[APPEARANCE] for n in markers]
        body[:] = [n for n in body if not any(n is m for m in markers)]
        data["updates"] = [
            n["fc_update"] for n in body if isinstance(n, nodes.Element) and "fc_update" in n
        ]
        cited = []
        for top in body:
            if not isinstance(top, nodes.Element):
                continue
            for ref in top.findall(pending_xref):
                if ref.get("refdomain") == "fc" and ref.get("reftype") == "source":
                    cited.append(ref["reftarget"].strip())
        data["cited"] = list(dict.fromkeys(cited))
        data["summary"] = analysis_summary(body)
        return data

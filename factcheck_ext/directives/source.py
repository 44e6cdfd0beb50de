"""``.. fc:source::`` - a piece of evidence.

When the project keeps an archive ledger (``sphinx-factcheck archive``), the source
takes its address's capture and drift check from it while it is read, its
``fc:excerpt`` passages are looked for in the captured text, and a hand-typed
``:archive:`` is checked to be a copy of its ``:url:``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from ..diagnostics import warn
from ..domain.evidence import archive_mismatch, evidence_for
from ..domain.nodes import source_block
from ..models import Excerpt, Source, TextQuoteSelector
from ..text.quotes import article_text, selector_fields
from .base import ObjectDirective
from .excerpt import CURRENT_SOURCE, EXCERPT


@lru_cache(maxsize=32)
def captured_text(path: str, stamp: tuple[int, int]) -> str | None:
    """A capture's main text (cached while the file is unchanged)."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class SourceDirective(ObjectDirective):
    objtype = "source"
    model = Source
    node_class = source_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "url": directives.unchanged,
        "publisher": directives.unchanged,
        "author": directives.unchanged,
        "date": directives.unchanged,
        "accessed": directives.unchanged,
        "archive": directives.unchanged,
        "kind": directives.unchanged,
        "rating": directives.unchanged,
    }

    @contextmanager
    def body_context(self, data: dict[str, Any]) -> Iterator[None]:
        """``fc:excerpt`` directives in the body belong to this source."""
        self.env.ref_context[CURRENT_SOURCE] = data.get("id") or "?"
        try:
            yield
        finally:
            self.env.ref_context.pop(CURRENT_SOURCE, None)

    def after_parse(self, data: dict[str, Any], body: list[nodes.Node]) -> dict[str, Any]:
        """The excerpts are taken out of the body: the source shows them."""
        markers = [n for n in body if isinstance(n, nodes.Element) and EXCERPT in n]
        data["excerpts"] = [n[EXCERPT] for n in markers]
        body[:] = [n for n in body if not any(n is m for m in markers)]
        return data

    def registered(self, model: Source) -> Source:
        if model.archive and (why := archive_mismatch(model.url, model.archive)):
            warn(f"fc:source {model.id!r}: :archive: {why}", "archive-mismatch", model.location())
        evidence = evidence_for(self.env)
        capture, check = evidence.capture(model.url), evidence.check(model.url)
        if capture is None and check is None and not model.excerpts:
            return model
        excerpts = model.excerpts
        if capture is not None and capture.ok and capture.text_file and model.excerpts:
            excerpts = tuple(self.located(model, e, capture.text_file) for e in model.excerpts)
        return model.model_copy(update={"capture": capture, "drift": check, "excerpts": excerpts})

    def located(self, model: Source, excerpt: Excerpt, text_file: str) -> Excerpt:
        """The excerpt with where it is in the captured text; a miss warns."""
        path = Path(self.env.srcdir) / text_file
        try:
            status = path.stat()
        except OSError:
            return excerpt
        text = captured_text(str(path), (status.st_mtime_ns, status.st_size))
        span = article_text(text).find(excerpt.text) if text is not None else None
        if span is None:
            warn(
                f"fc:source {model.id!r}: the excerpt is not in the captured text of "
                f"{model.url} ({text_file}): {excerpt.text[:60]!r}",
                "source-misquote",
                (model.docname, excerpt.lineno),
            )
            return excerpt
        fields = selector_fields(text or "", *span)
        return excerpt.model_copy(update={"selector": TextQuoteSelector.model_validate(fields)})

"""``.. fc:article::`` - the article under review."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils.parsers.rst import directives
from sphinx.util.typing import OptionSpec

from ..diagnostics import warn
from ..domain.nodes import article_block
from ..models import Article
from .base import ObjectDirective

#: ``env.ref_context`` key holding the id of the last article of a document
CURRENT_ARTICLE = "fc:article"


class ArticleDirective(ObjectDirective):
    objtype = "article"
    model = Article
    node_class = article_block
    option_spec: ClassVar[OptionSpec] = {
        **ObjectDirective.option_spec,
        "url": directives.unchanged,
        "publisher": directives.unchanged,
        "author": directives.unchanged,
        "published": directives.unchanged,
        "text": directives.unchanged,
    }

    def prepare(self, data: dict[str, Any]) -> dict[str, Any]:
        path = data.pop("text", None)
        if path:
            data["text_file"], data["text"] = self.load_text(path.strip())
        return data

    def load_text(self, path: str) -> tuple[str | None, str | None]:
        """Read the article's text file; warn (and go on without it) when it is unusable."""
        _relative, absolute = self.env.relfn2path(path, self.env.docname)
        srcdir = Path(self.env.srcdir).resolve()
        resolved = Path(absolute).resolve()
        if not resolved.is_relative_to(srcdir):
            warn(
                f"fc:article: :text: file {path!r} is outside the source directory",
                "text-outside",
                self.get_location(),
            )
            return None, None
        try:
            text = resolved.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            warn(
                f"fc:article: cannot read :text: file {path!r}: {reason}",
                "text-missing",
                self.get_location(),
            )
            return None, None
        self.env.note_dependency(str(resolved))
        return resolved.relative_to(srcdir).as_posix(), text

    def registered(self, model: Article) -> Article:
        self.env.ref_context[CURRENT_ARTICLE] = model.id
        return model

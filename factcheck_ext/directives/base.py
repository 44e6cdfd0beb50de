"""What the article, claim and source directives share.

Each one validates its options into its model, stores the model in the
domain, and leaves a placeholder node holding the parsed body.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import warn
from ..domain import get_domain
from ..domain.nodes import fc_placeholder
from ..domain.records import ObjectType
from ..domain.translations import text_nodes
from ..models import Located
from .validation import validate_or_warn

if TYPE_CHECKING:
    from ..domain import FactCheckDomain


def title_text(argument: str) -> str:
    """The title as written, but for one backslash in front: a title that starts with a
    colon would be read as an option, so it is written ``\\:...`` (and one that
    starts with a backslash, ``\\\\...``)."""
    title = argument.strip()
    return title[1:] if title.startswith("\\") else title


class ObjectDirective(SphinxDirective):
    """Base for ``fc:article``, ``fc:claim``, ``fc:source`` and ``fc:claimant``."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    objtype: ClassVar[ObjectType]
    model: ClassVar[type[Located]]
    node_class: ClassVar[type[fc_placeholder]]
    #: options every object has; subclasses add theirs
    option_spec: ClassVar[dict[str, Any]] = {"id": directives.unchanged}

    @property
    def domain(self) -> FactCheckDomain:
        return get_domain(self.env)

    def raw_data(self) -> dict[str, Any]:
        """Option values as the author wrote them, plus where they were written."""
        _source, line = self.get_source_info()
        data: dict[str, Any] = {k: v for k, v in self.options.items() if v is not None}
        data["title"] = title_text(self.arguments[0]) if self.arguments else ""
        data["docname"] = self.env.docname
        data["lineno"] = line or self.lineno
        return data

    def prepare(self, data: dict[str, Any]) -> dict[str, Any]:
        """Hook: add derived values (defaults, file contents) before validation."""
        return data

    @contextmanager
    def body_context(self, data: dict[str, Any]) -> Iterator[None]:
        """Hook: what directives in the body may know about this object while parsed."""
        yield

    def after_parse(self, data: dict[str, Any], body: list[nodes.Node]) -> dict[str, Any]:
        """Hook: derive values from the parsed body."""
        return data

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        if not self.arguments:
            warn(f"fc:{self.objtype}: the directive needs a title", "missing-title", location)
        data = self.prepare(self.raw_data())
        with self.body_context(data):
            body = self.parse_content_to_nodes() if self.content else []
        data = self.after_parse(data, body)
        obj_id = str(data.get("id") or "").strip()
        data["anchor"] = f"{self.objtype}-{obj_id}"
        model, rejected = validate_or_warn(
            self.model,
            data,
            what=f"fc:{self.objtype} {obj_id!r}" if obj_id else f"fc:{self.objtype}",
            location=location,
            context={"scale": get_domain(self.env).scale},
        )
        if model is None:
            # Cannot be stored or linked: keep what the author wrote visible.
            container = nodes.container(classes=["fc-invalid", f"fc-{self.objtype}"])
            if data["title"]:
                container += nodes.paragraph("", "", nodes.strong("", data["title"]))
            container += body
            return [container]
        if rejected:
            model = model.model_copy(update={"rejected": tuple(sorted(rejected))})
        model = self.registered(model)
        self.domain.note_object(self.objtype, model)
        node = self.node_class(
            fc_id=model.id, fc_docname=model.docname, fc_lineno=model.lineno, ids=[model.anchor]
        )
        self.set_source_info(node)
        node += body
        for text in text_nodes(self.objtype, model):  # for translated builds
            self.set_source_info(text)
            node += text
        return [node]

    def registered(self, model: Any) -> Any:
        """Hook: called with the valid model before it is stored."""
        return model

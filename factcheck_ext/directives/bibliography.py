"""``.. fc:bibliography::`` - the sources of a BibTeX or CSL-JSON file.

Every entry of the file becomes a source of the project, as if written with
``fc:source`` on this page (its id is the citation key, see
:func:`factcheck_ext.bibliography.source_id`), and the directive shows them as a
bibliography with their "Cited by" back-links.  The file is a dependency of the
page: editing it re-reads the page, and the usual incremental machinery rewrites
the pages that show what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from ..diagnostics import warn
from ..domain import get_domain
from ..domain.nodes import bibliography_view
from ..models import BibliographyView, Source
from ..text.bibfile import read_entries, source_id
from .validation import validate_or_warn


class BibliographyDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {"kind": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        _source, line = self.get_source_info()
        lineno = line or self.lineno
        domain = get_domain(self.env)
        srcdir = Path(self.env.srcdir).resolve()
        fallback_kind = (self.options.get("kind") or "").strip() or None
        files, ids = [], []
        for name in self.arguments[0].split():
            _relative, absolute = self.env.relfn2path(name, self.env.docname)
            path = Path(absolute).resolve()
            if not path.is_relative_to(srcdir):
                warn(
                    f"fc:bibliography: {name!r} is outside the source directory",
                    "text-outside",
                    location,
                )
                continue
            self.env.note_dependency(str(path))
            files.append(path.relative_to(srcdir).as_posix())
            parsed = read_entries(path)
            for key, problem in parsed.problems:
                where = f"entry {key!r} of {name!r}" if key else f"{name!r}"
                warn(f"fc:bibliography: {where} {problem}", "bad-bibliography", location)
            for entry in parsed.entries:
                model = self.source(name, entry.key, dict(entry.data), fallback_kind, lineno)
                if model is not None:
                    domain.note_object("source", model)
                    ids.append(model.id)
        view = BibliographyView(
            defined_in=self.env.docname, lineno=lineno, files=tuple(files), sources=tuple(ids)
        )
        domain.note_view(self.env.docname, view)
        node = bibliography_view(
            fc_view=view, fc_depends=sorted(f"cites:source:{source}" for source in ids)
        )
        self.set_source_info(node)
        return [node]

    def source(
        self, name: str, key: str, data: dict[str, Any], fallback_kind: str | None, lineno: int
    ) -> Source | None:
        """The entry as a source, validated like an ``fc:source`` (bad values warn)."""
        obj_id = source_id(key)
        if "kind" not in data and fallback_kind:
            data["kind"] = fallback_kind
        data.update(id=obj_id, docname=self.env.docname, lineno=lineno, anchor=f"source-{obj_id}")
        model, _rejected = validate_or_warn(
            Source,
            data,
            what=f"fc:bibliography: entry {key!r} of {name!r}",
            location=self.get_location(),
            context={"scale": get_domain(self.env).scale},
        )
        return model

"""``.. fc:excerpt::`` - a passage of a source that the analysis relies on.

Inside an ``fc:source``, its content the passage, verbatim.  The source collects it
into its model; when the source has a capture, the passage is looked for in the
captured text with the folding quotes get (a miss warns), and shown with the citation.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from ..diagnostics import warn
from ..models import Excerpt
from ..text.folding import fold_whitespace

#: ``env.ref_context`` key set while a source's body is parsed
CURRENT_SOURCE = "fc:source"
#: node attribute holding the model, for the source to collect
EXCERPT = "fc_excerpt"


class ExcerptDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        if CURRENT_SOURCE not in self.env.ref_context:
            warn(
                "fc:excerpt is only meaningful inside an fc:source; it is ignored",
                "misplaced",
                location,
            )
            return []
        passage = fold_whitespace("\n".join(self.content))
        if not passage:
            warn(
                "fc:excerpt: the passage (the directive's content) is empty", "bad-option", location
            )
            return []
        _source, line = self.get_source_info()
        marker = nodes.container(classes=["fc-excerpt"])
        marker[EXCERPT] = Excerpt(text=passage, lineno=line or self.lineno)
        return [marker]

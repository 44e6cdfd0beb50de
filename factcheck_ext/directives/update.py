"""``.. fc:update::`` - a dated correction, update or clarification of a claim.

It only has a meaning inside an ``fc:claim``: the claim collects it into its
model (for the corrections log, the exports and the ledger check) and shows it
at the top of its block, newest first.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from ..diagnostics import warn
from ..domain import get_domain
from ..i18n import _
from ..i18n.labels import UPDATE_KIND_LABELS
from ..models import Update
from ..render.badge import verdict_badge
from ..text.linked import text_and_links
from .validation import validate_or_warn

#: ``env.ref_context`` key set while a claim's body is parsed
CURRENT_CLAIM = "fc:claim"


class UpdateDirective(SphinxDirective):
    has_content = True
    required_arguments = 1
    option_spec: ClassVar[OptionSpec] = {
        "kind": directives.unchanged,
        "previous-verdict": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        body = self.parse_content_to_nodes() if self.content else []
        _source, line = self.get_source_info()
        text, links = text_and_links(body)
        data = {
            **{k: v for k, v in self.options.items() if v is not None},
            "date": self.arguments[0],
            "lineno": line or self.lineno,
            "text": text,
            "links": links,
        }
        scale = get_domain(self.env).scale
        update, _rejected = validate_or_warn(
            Update, data, what="fc:update", location=location, context={"scale": scale}
        )
        if CURRENT_CLAIM not in self.env.ref_context:
            warn(
                "fc:update is only meaningful inside an fc:claim; it is shown as a plain note",
                "misplaced",
                location,
            )
            return [nodes.container("", *body, classes=["fc-update", "fc-misplaced"])]
        if update is None:
            return [nodes.container("", *body, classes=["fc-update"])]
        title = nodes.paragraph(classes=["fc-update-title"])
        title += nodes.strong(
            "",
            _("{kind}, {date}").format(
                kind=_(UPDATE_KIND_LABELS[update.kind]), date=update.date.isoformat()
            ),
        )
        previous = scale.get(update.previous_verdict)
        if previous is not None:
            title += nodes.Text(". " + _("Previous verdict:") + " ")
            title += verdict_badge(previous)
        container = nodes.container(
            "", title, *body, classes=["fc-update", f"fc-update-{update.kind}"], fc_update=update
        )
        self.set_source_info(container)
        return [container]

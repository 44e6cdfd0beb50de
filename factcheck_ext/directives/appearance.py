"""``.. fc:appearance::`` - another place and time a claim was made.

Inside an ``fc:claim``: the claim collects it into its model (shown on the claim,
exported as ClaimReview ``appearance`` / ``firstAppearance``, in the dataset and
the CSV).  The argument is the address (http or https) or, for an appearance with
no address (a speech, a broadcast), a title.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from ..diagnostics import warn
from ..models import Appearance, is_web_url
from .update import CURRENT_CLAIM
from .validation import validate_or_warn

#: node attribute holding the validated model, for the claim to collect
APPEARANCE = "fc_appearance"


def where(argument: str) -> dict[str, str]:
    """An argument with a scheme is the address (checked as one: a bad one is
    warned about and dropped), else the title.  An address is also the title, shown
    as text, when no ``:title:`` is given, so that a dropped address stays visible."""
    value = argument.strip()
    first_word = value.split(maxsplit=1)[0] if value else ""
    if "://" not in first_word:
        return {"title": value}
    return {"url": value} if is_web_url(value) else {"url": value, "title": value}


class AppearanceDirective(SphinxDirective):
    has_content = False
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "title": directives.unchanged,
        "date": directives.unchanged,
        "by": directives.unchanged,
        "medium": directives.unchanged,
        "archive": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        if CURRENT_CLAIM not in self.env.ref_context:
            warn(
                "fc:appearance is only meaningful inside an fc:claim; it is ignored",
                "misplaced",
                location,
            )
            return []
        _source, line = self.get_source_info()
        data: dict[str, Any] = {
            **(where(self.arguments[0]) if self.arguments else {}),
            **{k: v for k, v in self.options.items() if v is not None},
            "lineno": line or self.lineno,
        }
        appearance, _rejected = validate_or_warn(
            Appearance, data, what="fc:appearance", location=location
        )
        if appearance is None:
            return []
        marker = nodes.container(classes=["fc-appearance"])
        marker[APPEARANCE] = appearance
        return [marker]

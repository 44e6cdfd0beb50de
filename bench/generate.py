"""Generate a synthetic fact-check report and its plain-Sphinx twin.

N claims across N/10 documents (one article per document, 10 claims each, each
claim citing 2 of N/5 sources kept in N/50 source documents, every quote present
in the article's text), N/10 claimants with 10 claims each (their profiles in
N/100 documents, each with its scorecard), a scorecard per article
(``fc:summary`` + ``fc:claims``), a project-wide summary and the claim index.

The twin is the same pages written by hand in plain reStructuredText (the same
text, field lists for the metadata, ``list-table`` for the tables, ``:ref:``
links for every cross-reference) with no extension: the floor the extension is
measured against.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from factcheck_ext.models import DEFAULT_SCALE
from factcheck_ext.render.claimant import site_name
from factcheck_ext.render.summary import breakdown_of, svg_chart

VERDICTS = [
    ("true", "True"),
    ("mostly-true", "Mostly true"),
    ("half-true", "Half true"),
    ("mostly-false", "Mostly false"),
    ("false", "False"),
    ("misleading", "Misleading"),
    ("unverifiable", "Unverifiable"),
    ("opinion", "Opinion"),
]
CLAIMS_PER_DOC = 10
SOURCES_PER_DOC = 10
CLAIMANTS_PER_DOC = 10


@dataclass(frozen=True)
class Claim:
    doc: int
    number: int
    #: a verdict key replacing the generated one (the benchmark's edit)
    override: str | None = None

    @property
    def id(self) -> str:
        return f"c-{self.doc}-{self.number}"

    @property
    def title(self) -> str:
        return f"Indicator {self.number} of region {self.doc} rose by {self.number + 3} percent."

    @property
    def quote(self) -> str:
        return f"indicator {self.number} rose by {self.number + 3} percent"

    @property
    def sentence(self) -> str:
        return (
            f"Officials in region {self.doc} said that {self.quote} over the year, "
            f"according to report {self.doc * 100 + self.number}."
        )

    def claimant(self, total: int) -> int:
        """The number of the claimant: claimant *k* makes the claims k, k + total, ..."""
        return (self.doc * CLAIMS_PER_DOC + self.number) % total

    @property
    def verdict(self) -> tuple[str, str]:
        if self.override:
            return next(v for v in VERDICTS if v[0] == self.override)
        return VERDICTS[(self.doc * CLAIMS_PER_DOC + self.number) % len(VERDICTS)]

    def sources(self, total: int) -> list[int]:
        index = self.doc * CLAIMS_PER_DOC + self.number
        return [(2 * index) % total, (2 * index + 1) % total]


@dataclass(frozen=True)
class Plan:
    claims: int
    overrides: tuple[tuple[str, str], ...] = ()

    def claim(self, doc: int, number: int) -> Claim:
        return Claim(doc, number, dict(self.overrides).get(f"c-{doc}-{number}"))

    @property
    def claim_docs(self) -> int:
        return max(1, self.claims // CLAIMS_PER_DOC)

    @property
    def source_count(self) -> int:
        return max(2, self.claims // 5)

    @property
    def source_docs(self) -> int:
        return max(1, self.source_count // SOURCES_PER_DOC)

    @property
    def claimant_count(self) -> int:
        return self.claim_docs

    @property
    def claimant_docs(self) -> int:
        return max(1, self.claimant_count // CLAIMANTS_PER_DOC)

    def claimant_doc(self, claimant: int) -> int:
        return min(claimant // CLAIMANTS_PER_DOC, self.claimant_docs - 1)

    def claimants_in(self, cdoc: int) -> list[int]:
        return [k for k in range(self.claimant_count) if self.claimant_doc(k) == cdoc]

    def claims_by(self, claimant: int) -> list[Claim]:
        """A claimant's claims in project order (they all share one date)."""
        return self._claims_by_claimant.get(claimant, [])

    @cached_property
    def _claims_by_claimant(self) -> dict[int, list[Claim]]:
        grouped: dict[int, list[Claim]] = {}
        for claim in self.all_claims():
            grouped.setdefault(claim.claimant(self.claimant_count), []).append(claim)
        return grouped

    def all_claims(self) -> list[Claim]:
        return [self.claim(d, n) for d in range(self.claim_docs) for n in range(CLAIMS_PER_DOC)]

    def source_doc(self, source: int) -> int:
        return min(source // SOURCES_PER_DOC, self.source_docs - 1)

    def sources_in(self, sdoc: int) -> list[int]:
        """The sources kept in source document *sdoc*."""
        return [s for s in range(self.source_count) if self.source_doc(s) == sdoc]


def analysis(claim: Claim) -> str:
    return (
        f"We compared the statement with the official series for region {claim.doc}. "
        f"The figures show a change that the claimant describes as {claim.number + 3} "
        "percent; see the sources below for the underlying tables."
    )


def article_text(doc: int) -> str:
    lines = [f"Headline of report {doc}", ""]
    lines += [Claim(doc, n).sentence for n in range(CLAIMS_PER_DOC)]
    return "\n\n".join(lines) + "\n"


def h(title: str, char: str = "=") -> str:
    return f"{title}\n{char * len(title)}\n\n"


def claimant_name(k: int) -> str:
    return f"Official {k}"


def claimant_role(k: int) -> str:
    return f"Spokesperson of region {k}"


def claimant_same_as(k: int) -> str:
    return f"https://www.wikidata.org/wiki/Q{1000 + k}"


# --- the extension's project ---------------------------------------------------------------


def ext_claim_doc(plan: Plan, doc: int) -> str:
    out = [h(f"Report {doc}")]
    out.append(
        f".. fc:article:: Headline of report {doc}\n   :id: art-{doc}\n"
        f"   :publisher: Publisher {doc % 13}\n   :published: 2022-01-07\n"
        f"   :text: /_texts/art-{doc}.txt\n\n   Checked for the benchmark.\n\n"
    )
    out.append(h("Claims", "-"))
    for n in range(CLAIMS_PER_DOC):
        c = plan.claim(doc, n)
        sources = ", ".join(f"s-{s}" for s in c.sources(plan.source_count))
        out.append(
            f".. fc:claim:: {c.title}\n   :id: {c.id}\n   :quote: {c.quote}\n"
            f"   :claimant: official-{c.claimant(plan.claimant_count)}\n"
            f"   :verdict: {c.verdict[0]}\n"
            f"   :sources: {sources}\n\n   {analysis(c)}\n\n"
        )
    out.append(h("Scorecard", "-"))
    out.append(
        f".. fc:summary::\n   :article: art-{doc}\n\n.. fc:claims::\n   :article: art-{doc}\n"
    )
    return "".join(out)


def ext_source_doc(plan: Plan, sdoc: int) -> str:
    out = [h(f"Sources {sdoc}")]
    out += [
        f".. fc:source:: Statistical table {s}\n   :id: s-{s}\n"
        f"   :url: https://stats.example/table/{s}\n"
        f"   :publisher: Statistics office\n   :date: 2021-12-01\n"
        f"   :kind: official\n\n   Table {s} of the yearly series.\n\n"
        for s in plan.sources_in(sdoc)
    ]
    return "".join(out)


def ext_claimant_doc(plan: Plan, cdoc: int) -> str:
    out = [h(f"Claimants {cdoc}")]
    out += [
        f".. fc:claimant:: {claimant_name(k)}\n   :id: official-{k}\n"
        f"   :role: {claimant_role(k)}\n   :same-as: {claimant_same_as(k)}\n\n"
        f"   Speaks for the statistics of region {k}.\n\n"
        for k in plan.claimants_in(cdoc)
    ]
    return "".join(out)


def ext_index(plan: Plan) -> str:
    return (
        h("Benchmark report") + ".. toctree::\n   :maxdepth: 1\n   :glob:\n\n"
        "   claims/*\n   sources/*\n   claimants/*\n\nSee the :ref:`fc-claimindex`.\n\n"
        + h("All verdicts", "-")
        + ".. fc:summary::\n"
    )


# --- the plain twin ---------------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]]) -> str:
    out = [".. list-table::\n   :header-rows: 1\n\n"]
    for row in [header, *rows]:
        out.append("   * - " + "\n     - ".join(cell or "\u00a0" for cell in row) + "\n")
    return "".join(out) + "\n"


def _breakdown(claims: list[Claim]):  # -> Breakdown
    return breakdown_of([_Verdicted(c.verdict[0]) for c in claims], DEFAULT_SCALE)


@dataclass(frozen=True)
class _Verdicted:
    """What a breakdown reads of a claim."""

    shown_verdict: str


def summary_table(claims: list[Claim]) -> str:
    data = _breakdown(claims)
    rows = [[v.label, str(n), data.share(v, n)] for v, n in data.rows]
    rows.append(["**Rated claims**", str(data.rated), "100%"])
    if data.checked != data.rated:
        rows.append(["**Checked claims**", str(data.checked), ""])
    return table(["Verdict", "Claims", "Share of rated claims"], rows)


def summary_chart(claims: list[Claim], chart_id: str, caption: str) -> str:
    """The caption and chart the extension draws above a summary table, as raw HTML
    (the same markup: the twin's pages carry the same text and chart)."""
    svg = svg_chart(_breakdown(claims), chart_id, caption)
    return f"{caption}\n\n.. raw:: html\n   :class: no-search\n\n   {svg}\n\n"


def definition(key: str) -> str:
    """A verdict's label and meaning, as the extension shows them on a claim."""
    verdict = DEFAULT_SCALE.get(key)
    assert verdict is not None
    return f"{verdict.label}: {verdict.description}"


def ref(claim: Claim) -> str:
    return f":ref:`{claim.title} <{claim.id}>`"


def twin_claim_doc(plan: Plan, doc: int) -> str:
    claims = [plan.claim(doc, n) for n in range(CLAIMS_PER_DOC)]
    out = [h(f"Report {doc}")]
    out.append(
        f".. _art-{doc}:\n\n**Headline of report {doc}**\n\n"
        f":Publisher: Publisher {doc % 13}\n:Published: 2022-01-07\n\n"
        "Checked for the benchmark.\n\n.. rubric:: Claims checked in this article\n\n"
    )
    out += [f"* {ref(c)} {c.verdict[1]}\n" for c in claims]
    out.append("\n" + h("Claims", "-"))
    for c in claims:
        sources = "; ".join(
            f":ref:`Statistical table {s} <s-{s}>`" for s in c.sources(plan.source_count)
        )
        claimant = claimant_ref(c.claimant(plan.claimant_count))
        out.append(
            f".. _{c.id}:\n\n{c.verdict[1]} **{c.title}**\n\n:Claimant: {claimant}\n"
            f":Date: 2022-01-07\n:Verdict: {definition(c.verdict[0])}\n"
            f":Article: :ref:`Headline of report {doc} <art-{doc}>`\n\n"
            f"   \u201c{c.quote}\u201d\n\n   -- {claimant}, in "
            f":ref:`Headline of report {doc} <art-{doc}>`\n\n"
            f"**In the article:** *{c.sentence}*\n\n{analysis(c)}\n\n**Sources:** {sources}\n\n"
        )
    out.append(h("Scorecard", "-"))
    out.append(
        summary_chart(
            claims, f"fc-summary-claims-doc-{doc:05d}-0", f"Verdicts for Headline of report {doc}"
        )
    )
    out.append(summary_table(claims))
    out.append(
        table(
            ["Claim", "Claimant", "Date", "Verdict"],
            [
                [ref(c), claimant_ref(c.claimant(plan.claimant_count)), "2022-01-07", c.verdict[1]]
                for c in claims
            ],
        )
    )
    return "".join(out)


def twin_source_doc(plan: Plan, sdoc: int) -> str:
    citing: dict[int, list[Claim]] = {}
    for c in plan.all_claims():
        for s in c.sources(plan.source_count):
            citing.setdefault(s, []).append(c)
    out = [h(f"Sources {sdoc}")]
    for s in plan.sources_in(sdoc):
        cited = "; ".join(f"{ref(c)} {c.verdict[1]}" for c in citing.get(s, []))
        out.append(
            f".. _s-{s}:\n\n`Statistical table {s} <https://stats.example/table/{s}>`__. "
            f"*Statistics office, 2021-12-01.* [official]\n\n"
            f"Table {s} of the yearly series.\n\n**Cited by:** {cited}\n\n"
        )
    return "".join(out)


def claimant_ref(k: int) -> str:
    return f":ref:`{claimant_name(k)} <official-{k}>`"


def twin_claimant_doc(plan: Plan, cdoc: int) -> str:
    out = [h(f"Claimants {cdoc}")]
    for k in plan.claimants_in(cdoc):
        name, same_as = claimant_name(k), claimant_same_as(k)
        claims = plan.claims_by(k)
        listed = "".join(
            f"* 2022-01-07: {ref(c)} {c.verdict[1]}, in "
            f":ref:`Headline of report {c.doc} <art-{c.doc}>`\n"
            for c in claims
        )
        out.append(
            f".. _official-{k}:\n\n**{name}**\n\n:Kind: Person\n:Role: {claimant_role(k)}\n"
            f":Elsewhere: `{site_name(same_as)} <{same_as}>`__\n\n"
            f"Speaks for the statistics of region {k}.\n\n"
            f".. rubric:: Scorecard of {name}\n\n"
            + summary_chart(claims, f"fc-scorecard-official-{k}", f"Verdicts on claims by {name}")
            + summary_table(claims)
            + f".. rubric:: Claims by {name}, newest first\n\n{listed}\n"
        )
    return "".join(out)


def twin_index(plan: Plan) -> str:
    return (
        h("Benchmark report") + ".. toctree::\n   :maxdepth: 1\n   :glob:\n\n"
        "   claims/*\n   sources/*\n   claimants/*\n   claim-index\n\n"
        + h("All verdicts", "-")
        + summary_chart(plan.all_claims(), "fc-summary-index-0", "Verdicts for all claims")
        + summary_table(plan.all_claims())
    )


def twin_claim_index(plan: Plan) -> str:
    out = [h("Claim index")]
    claims = plan.all_claims()
    for key, label in VERDICTS:
        group = sorted((c for c in claims if c.verdict[0] == key), key=lambda c: c.title)
        out.append(h(label, "-"))
        out += [f"* {ref(c)} (Headline of report {c.doc})\n" for c in group]
        out.append("\n")
    return "".join(out)


# --- the peer: the same claims and sources as sphinx-needs objects -------------------------------


#: sphinx-needs ids are upper case
def need_id(kind: str, *numbers: int) -> str:
    return f"{kind}_" + "_".join(str(n) for n in numbers)


NEEDS_CONF = """extensions = ["sphinx_needs"]
needs_types = [
    {"directive": "claim", "title": "Claim", "prefix": "C_", "color": "#BFD8D2",
     "style": "node"},
    {"directive": "source", "title": "Source", "prefix": "S_", "color": "#FEDCD2",
     "style": "node"},
]
needs_fields = {name: {"nullable": True}
                for name in ("verdict", "claimant", "quote", "url", "publisher")}
needs_links = {"cites": {"incoming": "cited by", "outgoing": "cites"}}
needs_id_regex = "^[A-Z0-9_]{3,}"
suppress_warnings = ["needs.beta"]
"""


def needs_claim_doc(plan: Plan, doc: int) -> str:
    out = [
        h(f"Report {doc}"),
        f"**Headline of report {doc}**, Publisher {doc % 13}, "
        "2022-01-07. Checked for the benchmark.\n\n",
        h("Claims", "-"),
    ]
    for n in range(CLAIMS_PER_DOC):
        c = plan.claim(doc, n)
        cites = ", ".join(need_id("S", s) for s in c.sources(plan.source_count))
        out.append(
            f".. claim:: {c.title}\n   :id: {need_id('C', doc, n)}\n"
            f"   :quote: {c.quote}\n"
            f"   :claimant: {claimant_name(c.claimant(plan.claimant_count))}\n"
            f"   :verdict: {c.verdict[0]}\n   :cites: {cites}\n\n   {analysis(c)}\n\n"
        )
    return "".join(out)


def needs_source_doc(plan: Plan, sdoc: int) -> str:
    out = [h(f"Sources {sdoc}")]
    out += [
        f".. source:: Statistical table {s}\n   :id: {need_id('S', s)}\n"
        f"   :url: https://stats.example/table/{s}\n"
        f"   :publisher: Statistics office\n\n   Table {s} of the yearly series.\n\n"
        for s in plan.sources_in(sdoc)
    ]
    return "".join(out)


def needs_index(plan: Plan) -> str:
    return (
        h("Benchmark report") + ".. toctree::\n   :maxdepth: 1\n   :glob:\n\n"
        "   claims/*\n   sources/*\n\n"
        + h("All claims", "-")
        + ".. needtable::\n   :types: claim\n   :columns: id, title, claimant, verdict\n"
    )


def generate_needs(root: Path, claims: int, overrides: dict[str, str] | None = None) -> Path:
    """The peer project: the claims and sources as sphinx-needs objects (claims linking
    to the sources they cite), and one project-wide needtable of the claims."""
    plan = Plan(claims, tuple(sorted((overrides or {}).items())))
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    _write(root / "conf.py", NEEDS_CONF + CONF)
    for doc in range(plan.claim_docs):
        _write(root / "claims" / f"doc-{doc:05d}.rst", needs_claim_doc(plan, doc))
    for sdoc in range(plan.source_docs):
        _write(root / "sources" / f"sources-{sdoc:04d}.rst", needs_source_doc(plan, sdoc))
    _write(root / "index.rst", needs_index(plan))
    return root


# --- writing -------------------------------------------------------------------------------

# Both projects drop the theme's navigation sidebar: it renders the whole toctree into
# every page, a cost quadratic in the number of documents that belongs to the theme
# (and would drown both builds alike), not to what is measured here.
CONF = """project = "benchmark"
exclude_patterns = ["_build", "_texts"]
html_baseurl = "https://bench.example/"
html_sidebars = {"**": ["searchbox.html"]}
"""


def _write(path: Path, text: str) -> None:
    """Write only what changed, so that Sphinx sees untouched files as unchanged."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(root: Path, claims: int, plain: bool, overrides: dict[str, str] | None = None) -> Path:
    """Write the project (or its twin) for *claims* claims into *root*.

    With *overrides* (claim id -> verdict key) it rewrites exactly the files whose
    text changes: for the extension the claim's document, for the twin every page
    that shows the claim (as a desk maintaining plain pages by hand would have to)."""
    plan = Plan(claims, tuple(sorted((overrides or {}).items())))
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "claimants").mkdir(exist_ok=True)
    conf = CONF if plain else 'extensions = ["factcheck_ext"]\n' + CONF
    _write(root / "conf.py", conf)
    if not plain:
        (root / "_texts").mkdir(exist_ok=True)
    for doc in range(plan.claim_docs):
        text = twin_claim_doc(plan, doc) if plain else ext_claim_doc(plan, doc)
        _write(root / "claims" / f"doc-{doc:05d}.rst", text)
        if not plain:
            _write(root / "_texts" / f"art-{doc}.txt", article_text(doc))
    for sdoc in range(plan.source_docs):
        text = twin_source_doc(plan, sdoc) if plain else ext_source_doc(plan, sdoc)
        _write(root / "sources" / f"sources-{sdoc:04d}.rst", text)
    for cdoc in range(plan.claimant_docs):
        text = twin_claimant_doc(plan, cdoc) if plain else ext_claimant_doc(plan, cdoc)
        _write(root / "claimants" / f"claimants-{cdoc:04d}.rst", text)
    _write(root / "index.rst", twin_index(plan) if plain else ext_index(plan))
    if plain:
        _write(root / "claim-index.rst", twin_claim_index(plan))
    return root


EDIT = {"c-0-0": "false"}  # the first claim is generated "true"


def edit_everywhere(root: Path, claims: int, plain: bool) -> None:
    """The benchmark's edit made in every page that shows the claim."""
    generate(root, claims, plain, EDIT)


def edit_one_claim(root: Path, plain: bool) -> None:
    """Change the verdict of the first claim in its own document only."""
    path = root / "claims" / "doc-00000.rst"
    text = path.read_text(encoding="utf-8")
    if plain:
        text = text.replace(
            f":Verdict: {definition('true')}", f":Verdict: {definition('false')}", 1
        )
    else:
        text = text.replace(":verdict: true", ":verdict: false", 1)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--plain", action="store_true", help="write the plain twin")
    args = parser.parse_args()
    generate(args.root, args.claims, args.plain)


if __name__ == "__main__":
    main()

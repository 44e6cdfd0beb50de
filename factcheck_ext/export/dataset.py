"""``factcheck.json``: the whole report as data, and its JSON Schema.

Both are written for every builder at the end of the build.  The records extend
the domain's models, so the schema is generated from the same pydantic classes
that validate the directives; there is no hand-written copy.  Output is sorted
by id and carries no timestamp, so two builds of the same sources (serial or
parallel) give byte-identical files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json
from sphinx.application import Sphinx

from ..gcpause import without_collector
from ..index import ProjectIndex
from ..models import Article, Claim, Scale, Source, TextQuoteSelector, Verdict

DATASET_FILE = "factcheck.json"
SCHEMA_FILE = "factcheck.schema.json"
FORMAT_VERSION = 1


class ClaimRecord(Claim):
    """A claim as published: its verdict resolved against the scale."""

    verdict_label: str | None = None
    rating: int | None = Field(default=None, description="ClaimReview ratingValue")
    selector: TextQuoteSelector | None = Field(
        default=None, description="where the quote is in the article's text")


class SourceRecord(Source):
    cited_by: list[str] = Field(default_factory=list, description="ids of the citing claims")


class ScaleRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    best_rating: int | None
    worst_rating: int | None
    verdicts: list[Verdict]


class Dataset(BaseModel):
    """Everything a sphinx-factcheck project publishes."""

    model_config = ConfigDict(extra="forbid", title="sphinx-factcheck dataset", defer_build=True)

    format_version: int = FORMAT_VERSION
    generator: str
    project: str
    base_url: str | None = None
    scale: ScaleRecord
    articles: list[Article]
    claims: list[ClaimRecord]
    sources: list[SourceRecord]


def build_dataset(index: ProjectIndex, scale: Scale, *, project: str,
                  base_url: str | None, generator: str) -> dict[str, Any]:
    """The dataset as plain data, shaped by :class:`Dataset` (the tests validate every
    built file against its schema).  Models are dumped, not rebuilt: with ten
    thousand claims constructing record models would dominate an incremental build."""
    claims = []
    for claim_id in sorted(index.claims):
        claim = index.claims[claim_id]
        verdict = scale.get(claim.verdict)
        record = claim.model_dump()
        record.update(
            date=index.claim_date(claim),
            verdict_label=verdict.label if verdict else None,
            rating=verdict.rating if verdict else None,
            selector=index.selector(claim),
        )
        claims.append(record)
    sources = []
    for source_id in sorted(index.sources):
        record = index.sources[source_id].model_dump()
        record["cited_by"] = sorted(c.id for c in index.claims_citing.get(source_id, []))
        sources.append(record)
    return {
        "format_version": FORMAT_VERSION,
        "generator": generator,
        "project": project,
        "base_url": base_url or None,
        "scale": {"best_rating": scale.best_rating, "worst_rating": scale.worst_rating,
                  "verdicts": [v.model_dump() for v in scale.verdicts]},
        "articles": [index.articles[a].model_dump() for a in sorted(index.articles)],
        "claims": claims,
        "sources": sources,
    }


def dataset_schema() -> dict[str, Any]:
    return Dataset.model_json_schema(by_alias=False, mode="serialization")


def _dump(data: Any) -> str:
    # pydantic-core's serialiser is compiled; json.dumps with indent is not
    return to_json(data, indent=2).decode("utf-8") + "\n"


@without_collector
def write_dataset(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not app.config.factcheck_export:
        return
    from .. import __version__

    domain = app.env.domains["fc"]
    dataset = build_dataset(
        domain.index, domain.scale,  # type: ignore[attr-defined]
        project=app.config.project, base_url=app.config.html_baseurl,
        generator=f"sphinx-factcheck {__version__}",
    )
    outdir = Path(app.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / DATASET_FILE).write_text(_dump(dataset), encoding="utf-8")
    (outdir / SCHEMA_FILE).write_text(_dump(dataset_schema()), encoding="utf-8")

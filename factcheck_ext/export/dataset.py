"""``factcheck.json``: the whole report as data, and its JSON Schema.

Both are written for every builder at the end of the build.  The records extend
the domain's models, so the schema is generated from the same pydantic classes
that validate the directives; there is no hand-written copy.  Output is sorted
by id and carries no timestamp, so two builds of the same sources (serial or
parallel) give byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sphinx.application import Sphinx

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
    model_config = ConfigDict(extra="forbid")

    best_rating: int | None
    worst_rating: int | None
    verdicts: list[Verdict]


class Dataset(BaseModel):
    """Everything a sphinx-factcheck project publishes."""

    model_config = ConfigDict(extra="forbid", title="sphinx-factcheck dataset")

    format_version: int = FORMAT_VERSION
    generator: str
    project: str
    base_url: str | None = None
    scale: ScaleRecord
    articles: list[Article]
    claims: list[ClaimRecord]
    sources: list[SourceRecord]


def _fields(model: BaseModel) -> dict[str, Any]:
    return {name: getattr(model, name) for name in type(model).model_fields}


def build_dataset(index: ProjectIndex, scale: Scale, *, project: str,
                  base_url: str | None, generator: str) -> Dataset:
    claims = []
    for claim_id in sorted(index.claims):
        claim = index.claims[claim_id]
        verdict = scale.get(claim.verdict)
        # the claim was validated when it was read: construct, do not validate again
        claims.append(ClaimRecord.model_construct(
            **{**_fields(claim), "date": index.claim_date(claim)},
            verdict_label=verdict.label if verdict else None,
            rating=verdict.rating if verdict else None,
            selector=index.selector(claim),
        ))
    sources = [
        SourceRecord.model_construct(
            **_fields(index.sources[sid]),
            cited_by=sorted(c.id for c in index.claims_citing.get(sid, [])))
        for sid in sorted(index.sources)
    ]
    return Dataset.model_construct(
        format_version=FORMAT_VERSION, generator=generator, project=project,
        base_url=base_url or None,
        scale=ScaleRecord.model_construct(best_rating=scale.best_rating,
                                          worst_rating=scale.worst_rating,
                                          verdicts=scale.verdicts),
        articles=[index.articles[a] for a in sorted(index.articles)],
        claims=claims, sources=sources,
    )


def dataset_schema() -> dict[str, Any]:
    return Dataset.model_json_schema(by_alias=False, mode="serialization")


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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
    # pydantic's serialiser is compiled; json.dumps with indent is not
    (outdir / DATASET_FILE).write_text(dataset.model_dump_json(indent=2, by_alias=False) + "\n",
                                       encoding="utf-8")
    (outdir / SCHEMA_FILE).write_text(_dump(dataset_schema()), encoding="utf-8")

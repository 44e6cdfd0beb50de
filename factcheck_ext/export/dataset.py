"""``factcheck.json``: the whole report as data, and its JSON Schema.

Both are written for every builder at the end of the build, with ``factcheck.csv``
(see :mod:`factcheck_ext.export.csv_table`).  The records extend
the domain's models, so the schema is generated from the same pydantic classes
that validate the directives; there is no hand-written copy.  Output is sorted
by id and carries no timestamp, so two builds of the same sources (serial or
parallel) give byte-identical files.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from operator import attrgetter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json
from sphinx.application import Sphinx

from .._gc import without_collector
from ..domain import get_domain
from ..domain.project_index import ProjectIndex
from ..domain.records import ENV_VERSION, DocRecord
from ..i18n import language_of
from ..models import (
    Article,
    CatalogueEntry,
    Claim,
    Claimant,
    Desk,
    Funder,
    Policy,
    Scale,
    Source,
    Staff,
    TextQuoteSelector,
    Verdict,
)
from .csv_table import CSV_FILE, Rows, write_table
from .records_cache import (
    PARTS,
    Element,
    RecordsCache,
    cache_key,
    document_inputs,
    fingerprint,
)
from .rewriting import rewritten

DATASET_FILE = "factcheck.json"
SCHEMA_FILE = "factcheck.schema.json"
FORMAT_VERSION = 1


class ClaimRecord(Claim):
    """A claim as published: its verdict resolved against the scale."""

    verdict_label: str | None = None
    rating: int | None = Field(default=None, description="ClaimReview ratingValue")
    selector: TextQuoteSelector | None = Field(
        default=None, description="where the quote is in the article's text"
    )
    claimant_id: str | None = Field(
        default=None,
        description="the id of the registered claimant named by claimant; "
        "null when claimant is free text",
    )
    family: list[str] = Field(
        default_factory=list,
        description="the other checks of the same claim (:same-as:, either way): claim "
        "ids of this project and catalogue ids",
    )


class ClaimantRecord(Claimant):
    claims: list[str] = Field(default_factory=list, description="ids of their claims")


class SourceRecord(Source):
    cited_by: list[str] = Field(default_factory=list, description="ids of the citing claims")
    annotations: list[dict[str, Any]] = Field(
        default_factory=list,
        description="W3C Web Annotations quoting each excerpt found in the capture, "
        "targeting the original address and the archived copy",
    )


def excerpt_annotations(source: Source, base_url: str | None) -> list[dict[str, Any]]:
    """Each located excerpt as a W3C Web Annotation (``motivation: quoting``) whose
    TextQuoteSelector targets both the source's address and its archived copy."""
    capture = source.capture
    archived = source.archived_copy
    if not archived and base_url and capture is not None and capture.ok and capture.wacz:
        archived = base_url + capture.wacz
    addresses = [a for a in (source.url, archived) if a]
    annotations = []
    for excerpt in source.excerpts:
        if excerpt.selector is None or not addresses:
            continue
        selector = {
            "type": "TextQuoteSelector",
            "exact": excerpt.selector.exact,
            "prefix": excerpt.selector.prefix,
            "suffix": excerpt.selector.suffix,
        }
        annotations.append(
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "type": "Annotation",
                "motivation": "quoting",
                "target": [{"source": address, "selector": selector} for address in addresses],
            }
        )
    return annotations


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
    language: str = Field(default="en", description="the language of the build (BCP 47)")
    scale: ScaleRecord
    articles: list[Article]
    claims: list[ClaimRecord]
    sources: list[SourceRecord]
    claimants: list[ClaimantRecord] = Field(default_factory=list)
    catalogue: list[CatalogueEntry] = Field(
        default_factory=list,
        description="the entries of factcheck_catalogues that claims name with :same-as:",
    )
    desk: Desk | None = Field(default=None, description="the desk (fc:desk), if declared")
    policies: list[Policy] = Field(default_factory=list, description="the policy pages")
    funders: list[Funder] = Field(default_factory=list)
    staff: list[Staff] = Field(default_factory=list)


def claim_record(index: ProjectIndex, scale: Scale, claim: Claim) -> dict[str, Any]:
    """A claim as plain data, shaped by :class:`ClaimRecord`.  Dumped, not rebuilt:
    with ten thousand claims constructing record models would dominate a build."""
    verdict = scale.get(claim.verdict)
    record = claim.model_dump()
    record.update(
        date=index.claim_date(claim),
        verdict_label=verdict.label if verdict else None,
        rating=verdict.rating if verdict else None,
        selector=index.selector(claim),
        claimant_id=claim.claimant if claim.claimant in index.claimants else None,
        family=list(index.family(claim.id)),
    )
    return record


def source_json(index: ProjectIndex, source: Source, base_url: str | None) -> bytes:
    """One element of the ``sources`` array, indented in place."""
    record = source.model_dump()
    cited_by = [claim.id for claim in index.claims_citing.get(source.id, ())]
    cited_by.sort()
    record["cited_by"] = cited_by
    record["annotations"] = excerpt_annotations(source, base_url)
    return _element(record)


def claimant_json(index: ProjectIndex, claimant: Claimant) -> bytes:
    """One element of the ``claimants`` array, indented in place."""
    claims = sorted(claim.id for claim in index.claims_by_claimant.get(claimant.id, ()))
    return _element({**claimant.model_dump(), "claims": claims})


def _element(record: dict[str, Any]) -> bytes:
    return b"    " + to_json_bytes(record, depth=2)


def document_objects(index: ProjectIndex) -> dict[str, dict[str, list[Any]]]:
    """Document -> its articles, sources and claimants (as the arrays name them)."""
    by_document: dict[str, dict[str, list[Any]]] = {}
    for name, table in (
        ("articles", index.articles),
        ("sources", index.sources),
        ("claimants", index.claimants),
    ):
        for obj in table.values():
            by_document.setdefault(obj.docname, {}).setdefault(name, []).append(obj)
    return by_document


def objects_inputs(index: ProjectIndex, objects: dict[str, list[Any]]) -> tuple[Any, ...]:
    """What a document's serialised objects show of other documents: the claims citing
    each source, and each claimant's claims (the document itself is fingerprinted).
    In the index's order, which is the same from build to build for the same claims."""
    citing, by_claimant = index.claims_citing, index.claims_by_claimant
    return (
        tuple([list(map(_id, citing.get(s.id, ()))) for s in objects.get("sources", ())]),
        tuple([list(map(_id, by_claimant.get(c.id, ()))) for c in objects.get("claimants", ())]),
    )


_id = attrgetter("id")


def object_elements(
    index: ProjectIndex, objects: dict[str, list[Any]], base_url: str | None
) -> list[Element]:
    """A document's articles, sources and claimants as elements of their arrays (kept
    per document by the cache, with :func:`objects_inputs`)."""
    return [
        *(("articles", a.id, _element(a.model_dump()), None) for a in objects.get("articles", ())),
        *(
            ("sources", s.id, source_json(index, s, base_url), None)
            for s in objects.get("sources", ())
        ),
        *(("claimants", c.id, claimant_json(index, c), None) for c in objects.get("claimants", ())),
    ]


def store_elements(
    cache: RecordsCache,
    index: ProjectIndex,
    scale: Scale,
    docs: Mapping[str, DocRecord],
    base_url: str | None,
    rows: Rows,
) -> None:
    """Bring the cache up to date, document by document: the parts whose inputs
    changed are serialised again, the others are left as stored."""
    for docname, defined in document_objects(index).items():
        inputs = (fingerprint(docs.get(docname)), objects_inputs(index, defined))

        def make_objects(defined: dict[str, list[Any]] = defined) -> list[Element]:
            return object_elements(index, defined, base_url)

        cache.refresh("objects", docname, inputs, make_objects)
    all_inputs = document_inputs(index, docs)
    for docname, claims in index.claims_by_doc.items():

        def make_claims(claims: list[Claim] = claims) -> list[Element]:
            return [
                ("claims", claim.id, claim_json(index, scale, claim), rows.line(claim))
                for claim in claims
            ]

        ids = sorted(claim.id for claim in claims)
        cache.refresh("claims", docname, (all_inputs[docname], ids), make_claims)
    cache.drop_unseen()


class Elements(list[bytes]):
    """An array member given as its elements, each serialised in place (see
    :func:`claim_json`): ten thousand records are joined, not serialised again."""


def dataset_members(
    index: ProjectIndex,
    scale: Scale,
    *,
    project: str,
    base_url: str | None,
    generator: str,
    language: str = "en",
    objects: Mapping[str, list[bytes]],
) -> dict[str, Any]:
    """Every member but the claims, shaped by :class:`Dataset` (the tests validate
    every built file against its schema), in the dataset's order.  The articles,
    sources and claimants come serialised, in id order, in *objects* (see
    :func:`object_elements`)."""
    return {
        "format_version": FORMAT_VERSION,
        "generator": generator,
        "project": project,
        "base_url": base_url or None,
        "language": language,
        "scale": {
            "best_rating": scale.best_rating,
            "worst_rating": scale.worst_rating,
            "verdicts": [v.model_dump() for v in scale.verdicts],
        },
        "articles": Elements(objects["articles"]),
        "sources": Elements(objects["sources"]),
        "claimants": Elements(objects["claimants"]),
        "catalogue": [
            index.catalogue[entry_id].model_dump()
            for entry_id in sorted(
                {other for claim in index.claims.values() for other in claim.same_as}
            )
            if entry_id in index.catalogue
        ],
        "desk": index.desk.model_dump() if index.desk else None,
        "policies": [policy.model_dump() for policy in index.policies.values()],
        "funders": [funder.model_dump() for funder in index.funders.values()],
        "staff": [person.model_dump() for person in index.staff.values()],
    }


def dataset_schema() -> dict[str, Any]:
    return Dataset.model_json_schema(by_alias=False, mode="serialization")


def to_json_bytes(data: Any, depth: int = 0) -> bytes:
    """*data* as JSON indented by two spaces, to sit *depth* levels deep in a document.

    pydantic-core's serialiser is compiled; ``json.dumps`` with indent is not.  JSON
    strings never hold a raw newline, so re-indenting at newlines is safe."""
    data_json = to_json(data, indent=2)
    return data_json.replace(b"\n", b"\n" + b"  " * depth) if depth else data_json


def claim_json(index: ProjectIndex, scale: Scale, claim: Claim) -> bytes:
    """One element of the ``claims`` array, indented in place."""
    return _element(claim_record(index, scale, claim))


#: the members that follow ``claims`` in the dataset
_AFTER_CLAIMS = ("sources", "claimants", "catalogue")


def write_document(path: Path, members: dict[str, Any], claims: list[bytes]) -> None:
    """The dataset: *members* (see :func:`dataset_members`) with *claims* (see
    :func:`claim_json`) as the ``claims`` array before ``sources`` and ``claimants``;
    the same bytes as serialising it all at once (tested), without serialising ten
    thousand records again or building one ten-megabyte string after another."""
    head = {k: v for k, v in members.items() if k not in _AFTER_CLAIMS}
    ordered = {**head, "claims": Elements(claims), **{k: members[k] for k in _AFTER_CLAIMS}}
    with rewritten(path) as stream:
        separator = b"{\n"
        for name, value in ordered.items():
            stream.write(separator + b"  " + to_json(name) + b": ")
            separator = b",\n"
            if isinstance(value, Elements):
                if value:
                    stream.write(b"[\n")
                    stream.write(b",\n".join(value))
                    stream.write(b"\n  ]")
                else:
                    stream.write(b"[]")
            else:
                stream.write(to_json_bytes(value, depth=1))
        stream.write(b"\n}\n")


@without_collector
def write_dataset(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not app.config.factcheck_export:
        return
    from .._version import __version__

    domain = get_domain(app.env)
    generator = f"sphinx-factcheck {__version__}"
    # the CSV rows hold the pages' addresses: they depend on the builder and the base URL
    key = cache_key(
        generator,
        ENV_VERSION,
        domain.scale.model_dump_json(),
        app.config.factcheck_publish_unchecked,
        app.builder.name,
        app.config.html_baseurl,
        app.config.language,
    )
    try:
        _write_with(RecordsCache(app.doctreedir, key), app, generator)
    except sqlite3.Error:
        # the cache's file failed under us (a full disk...): every element made afresh
        _write_with(RecordsCache(app.doctreedir, key, in_memory=True), app, generator)


def _write_with(cache: RecordsCache, app: Sphinx, generator: str) -> None:
    """The dataset, its schema and the table, from *cache* brought up to date."""
    domain = get_domain(app.env)
    index, scale = domain.index, domain.scale
    base_url = app.config.html_baseurl
    schema = None
    try:
        store_elements(cache, index, scale, domain.docs, base_url, Rows(app, index, scale))
        members = dataset_members(
            index,
            scale,
            project=app.config.project,
            base_url=base_url,
            generator=generator,
            language=language_of(app),
            objects={
                name: [text for text, _row in cache.elements(name)] for name in PARTS["objects"]
            },
        )
        claims = cache.elements("claims")
        outdir = Path(app.outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        write_document(outdir / DATASET_FILE, members, [text for text, _row in claims])
        schema = cache.schema or to_json_bytes(dataset_schema()) + b"\n"
        (outdir / SCHEMA_FILE).write_bytes(schema)
        write_table(outdir / CSV_FILE, [row for _text, row in claims if row is not None])
    finally:
        cache.close(schema)

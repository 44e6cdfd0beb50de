"""``factcheck.sqlite``: the desk's work as a database, next to ``factcheck.json``.

Claims, verdicts, sources (and which claims cite them), claimants, appearances,
captures, families and catalogue entries as tables, full-text search on claims
(FTS5), and ``factcheck.metadata.json`` for Datasette (titles, descriptions, the
licence): ``datasette factcheck.sqlite -m factcheck.metadata.json`` and a data
journalist explores the checks in a browser.  Written from the same models as the
dataset; a first build writes it into a temporary file renamed over the old one,
later builds rewrite the rows of the documents whose claims changed, in one
transaction.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .._gc import without_collector
from ..domain import get_domain
from ..domain.project_index import ProjectIndex
from ..models import Scale
from .addresses import page_address
from .publisher import publisher_of
from .records_cache import cache_key, document_inputs

DATABASE_FILE = "factcheck.sqlite"
METADATA_FILE = "factcheck.metadata.json"

TABLES = {
    "claims": "id text primary key, document text, statement text, claimant text, "
    "claimant_id text, date text, status text, verdict text, verdict_label text, rating integer, "
    "published text, article text, quote text, summary text, language text, "
    "checked_by text, reviewed_by text, page text",
    "verdicts": "key text primary key, label text, description text, rating integer",
    "sources": "id text primary key, title text, url text, publisher text, date text, "
    "kind text, archive text, rating text, page text",
    "claim_sources": "claim_id text, source_id text, document text, "
    "primary key (claim_id, source_id)",
    "claimants": "id text primary key, name text, kind text, role text, affiliation text, url text",
    "appearances": "claim_id text, url text, title text, date text, made_by text, "
    "medium text, archive text, document text",
    "captures": "url text primary key, backend text, captured_at text, archived_url text, "
    "wacz text, status integer, content_type text, sha256 text, text_sha256 text, "
    "error text",
    "families": "claim_id text, member_id text, document text, primary key (claim_id, member_id)",
    "catalogue": "id text primary key, claim text, title text, url text, rating text, "
    "publisher text, date text, origin text",
}


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.isoformat() if hasattr(value, "isoformat") else value)


#: the tables made from a document's claims (rewritten per document), and the others
#: (small: rewritten whole)
BY_DOCUMENT = ("claims", "claim_sources", "appearances", "families")


class Rows:
    """The rows of the tables, for one build (page addresses worked out once a page)."""

    def __init__(self, app: Sphinx, index: ProjectIndex, scale: Scale) -> None:
        self.app, self.index, self.scale = app, index, scale
        self._pages: dict[str, str] = {}

    def page(self, docname: str, anchor: str) -> str:
        if docname not in self._pages:
            self._pages[docname] = page_address(self.app, docname)
        return f"{self._pages[docname]}#{anchor}"

    def of_document(self, docname: str) -> dict[str, list[tuple[Any, ...]]]:
        index, scale = self.index, self.scale
        tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in BY_DOCUMENT}
        for claim in index.claims_by_doc.get(docname, []):
            verdict = scale.get(claim.verdict)
            tables["claims"].append(
                (
                    claim.id,
                    docname,
                    claim.title,
                    index.claimant_name(claim),
                    claim.claimant if claim.claimant in index.claimants else None,
                    _iso(index.claim_date(claim)),
                    claim.status,
                    claim.verdict,
                    verdict.label if verdict else None,
                    verdict.rating if verdict else None,
                    _iso(claim.published),
                    claim.article,
                    claim.quote,
                    claim.summary,
                    claim.language,
                    claim.checked_by,
                    claim.reviewed_by,
                    self.page(claim.docname, claim.anchor),
                )
            )
            tables["claim_sources"] += [(claim.id, s, docname) for s in claim.all_sources]
            tables["appearances"] += [
                (claim.id, a.url, a.title, _iso(a.date), a.by, a.medium, a.archive, docname)
                for a in claim.appearances
            ]
            tables["families"] += [(claim.id, m, docname) for m in index.family(claim.id)]
        return tables

    def project_wide(self) -> dict[str, list[tuple[Any, ...]]]:
        index = self.index
        tables: dict[str, list[tuple[Any, ...]]] = {}
        tables["verdicts"] = [
            (v.key, v.label, v.description, v.rating) for v in self.scale.verdicts
        ]
        tables["sources"] = [
            (
                source.id,
                source.title,
                source.url,
                source.publisher,
                source.date,
                source.kind,
                source.archived_copy,
                source.rating,
                self.page(source.docname, source.anchor),
            )
            for source in sorted(index.sources.values(), key=lambda s: s.id)
        ]
        captures = {}
        for source in index.sources.values():
            c = source.capture
            if c is not None:
                captures[c.url] = (
                    c.url,
                    c.backend,
                    _iso(c.captured_at),
                    c.archived_url,
                    c.wacz,
                    c.status,
                    c.content_type,
                    c.sha256,
                    c.text_sha256,
                    c.error,
                )
        tables["captures"] = [captures[url] for url in sorted(captures)]
        tables["claimants"] = [
            (c.id, c.title, c.kind, c.role, c.affiliation, c.url)
            for c in sorted(index.claimants.values(), key=lambda c: c.id)
        ]
        tables["catalogue"] = [
            (e.id, e.claim, e.title, e.url, e.rating, e.publisher, e.date, e.origin)
            for e in sorted(index.catalogue.values(), key=lambda e: e.id)
        ]
        return tables


def _insert(db: sqlite3.Connection, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    for name, table_rows in tables.items():
        if table_rows:
            marks = ",".join("?" * len(table_rows[0]))
            db.executemany(f"insert into {name} values ({marks})", table_rows)


def create(db: sqlite3.Connection) -> None:
    for name, columns in TABLES.items():
        db.execute(f"create table {name} ({columns})")
    for name in BY_DOCUMENT:
        db.execute(f"create index {name}_document on {name} (document)")
    db.execute(
        "create virtual table claims_fts using fts5(statement, quote, summary, "
        "content='claims', content_rowid='rowid')"
    )


def _digest(table_rows: list[tuple[Any, ...]]) -> str:
    return hashlib.blake2b(repr(table_rows).encode(), digest_size=16).hexdigest()


def refresh(
    db: sqlite3.Connection,
    rows: Rows,
    documents: list[str],
    removed: list[str],
    wide_before: dict[str, str] | None = None,
) -> dict[str, str]:
    """Rewrite the rows of *documents* (and drop those of *removed*), their search
    entries, and every project-wide table, in one transaction."""
    for docname in [*documents, *removed]:
        db.execute(
            "insert into claims_fts(claims_fts, rowid, statement, quote, summary) "
            "select 'delete', rowid, statement, quote, summary from claims where document = ?",
            (docname,),
        )
        for name in BY_DOCUMENT:
            db.execute(f"delete from {name} where document = ?", (docname,))
    for docname in documents:
        _insert(db, rows.of_document(docname))
        db.execute(
            "insert into claims_fts(rowid, statement, quote, summary) "
            "select rowid, statement, quote, summary from claims where document = ?",
            (docname,),
        )
    wide = rows.project_wide()
    for name, table_rows in wide.items():
        if wide_before is not None and wide_before.get(name) == _digest(table_rows):
            continue  # unchanged since the last build
        db.execute(f"delete from {name}")
        _insert(db, {name: table_rows})
    db.commit()
    return {name: _digest(table_rows) for name, table_rows in wide.items()}


def metadata(app: Sphinx) -> dict[str, Any]:
    """Datasette's metadata: what the database is, and how to search it."""
    publisher = publisher_of(app)["name"]
    return {
        "title": f"{app.config.project}: fact-checks",
        "description": f"The claims checked by {publisher}, their verdicts and the "
        "evidence they rest on, as published with sphinx-factcheck.",
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "databases": {
            "factcheck": {
                "tables": {
                    "claims": {
                        "description": "One row per claim: its verdict, claimant and page.",
                        "fts_table": "claims_fts",
                        "fts_pk": "rowid",
                        "facets": ["verdict_label", "status", "claimant"],
                    },
                    "sources": {"description": "The evidence, with archived copies."},
                    "claim_sources": {"description": "Which claims cite which sources."},
                    "appearances": {"description": "Where else each claim was made."},
                    "captures": {"description": "The archive ledger's captures."},
                    "families": {"description": "Claims checked before (:same-as:)."},
                    "catalogue": {"description": "Earlier checks the claims name."},
                    "verdicts": {"description": "The verdict scale."},
                    "claimants": {"description": "Who makes the claims."},
                }
            }
        },
    }


STATE_FILE = "factcheck-sqlite.pickle"


@without_collector
def write_sqlite(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the database and its metadata.  The rows of a document's
    claims are written again only when what they show changed (as the dataset's
    records, see ``records_cache``), and a project-wide table only when its rows did."""
    if exception is not None or not app.config.factcheck_export:
        return
    domain = get_domain(app.env)
    index, scale, docs = domain.index, domain.scale, domain.docs
    outdir = Path(app.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    path, state_path = outdir / DATABASE_FILE, Path(app.doctreedir) / STATE_FILE
    key = cache_key(app.builder.name, app.config.html_baseurl, scale.model_dump_json())
    inputs = document_inputs(index, docs)
    old: dict[str, Any] = {}
    wide: dict[str, str] | None = None
    try:
        with open(state_path, "rb") as stream:
            saved_key, saved, saved_wide = pickle.load(stream)
        if saved_key == key and path.is_file():
            old, wide = saved, saved_wide
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        pass
    rows = Rows(app, index, scale)
    if old:
        changed = [d for d in sorted(inputs) if old.get(d) != inputs[d]]
        removed = sorted(set(old) - set(inputs))
        with sqlite3.connect(path) as db:
            wide = refresh(db, rows, changed, removed, wide)
    else:
        partial = path.with_name(f".{path.name}.tmp")
        partial.unlink(missing_ok=True)
        db = sqlite3.connect(partial)
        try:
            create(db)
            wide = refresh(db, rows, sorted(inputs), [])
        finally:
            db.close()
        partial.replace(path)
        (outdir / METADATA_FILE).write_text(
            json.dumps(metadata(app), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    with open(state_path, "wb") as stream:
        pickle.dump((key, inputs, wide), stream, protocol=pickle.HIGHEST_PROTOCOL)

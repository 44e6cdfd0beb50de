"""The import as a whole: read every input, map the ratings, plan the pages, write.

Nothing is fetched from the network, and nothing is written unless everything can
be: an unmapped rating of the desk's own reviews stops the import before the first
file is written.  A file that is malformed, or holds nothing to import, is reported
with the reason and the others are imported (the exit status then says that one
failed).  The project the pages go into is read the way Sphinx reads it (its
``conf.py`` and every document), so that a second batch merges with the first:
claimants are shared, reviews already imported are skipped, earlier pages are kept.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from ..config import scale_from_raw
from ..models import DEFAULT_SCALE, Scale
from . import write_myst, write_rst
from .factcheck_api import is_api_response, read_api_response
from .jsonld import read_html, read_json_ld
from .plan import Known, Plan, Tally, plan_import
from .ratings import MappingError, RatingMapper, parse_map, verdict_key
from .record import ImportedReview

WRITERS = {"rst": write_rst, "md": write_myst}
#: exit statuses
OK, INPUT_FAILED, STOPPED = 0, 1, 2


@dataclass
class ImportReport:
    status: int = OK
    written: list[Path] = field(default_factory=list)
    reviews: int = 0


@dataclass
class Settings:
    """What the import needs from the project's conf.py."""

    scale: Scale = DEFAULT_SCALE
    raw_scale: Any = None
    publisher: dict[str, Any] = field(default_factory=dict)
    srcdir: Path | None = None  # the folder of conf.py


def project_settings(out: Path, say: TextIO) -> Settings:
    """The settings of the Sphinx project that *out* is in (its conf.py, found in
    *out* or a folder above), or the defaults."""
    from sphinx.config import eval_config_file
    from sphinx.errors import ConfigError
    from sphinx.util.tags import Tags

    for folder in [out, *out.parents]:
        conf = folder / "conf.py"
        if conf.is_file():
            try:
                namespace = eval_config_file(conf, Tags())
            except ConfigError as exc:  # a conf.py that does not run on its own
                print(f"{conf}: cannot be read ({exc}); using the default verdict scale", file=say)
                return Settings()
            raw = namespace.get("factcheck_verdicts")
            publisher = namespace.get("factcheck_publisher") or {}
            return Settings(
                scale=DEFAULT_SCALE if raw is None else scale_from_raw(raw),
                raw_scale=raw,
                publisher=publisher if isinstance(publisher, dict) else {},
                srcdir=folder,
            )
    return Settings()


def known_objects(out: Path, settings: Settings, output_format: str) -> Known:
    """What the project (or, outside one, the folder) already holds, read by Sphinx
    itself into a throwaway environment."""
    pages = (
        {p.stem for p in out.glob("*") if p.suffix in (".rst", ".md")} if out.is_dir() else set()
    )
    srcdir = settings.srcdir or (out if pages else None)
    if srcdir is None:
        return Known(pages=pages)
    from ..domain.reading import read_project

    overrides: dict[str, Any] = {}
    if settings.srcdir is None:  # a folder of imported pages without a conf.py
        extensions = ["factcheck_ext"] + (["myst_parser"] if output_format == "md" else [])
        overrides = {"extensions": extensions}
    index = read_project(srcdir, settings.srcdir, overrides)
    if index is None:  # a new project with no root document yet: nothing known
        return Known(pages=pages)
    return Known(
        claims=set(index.claims),
        sources=set(index.sources),
        claimants=list(index.claimants.values()),
        pages=pages,
        desk=(index.desk.title, index.desk.url) if index.desk else None,
    )


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def own_reviews(settings: Settings, own: bool, desk: tuple[str, str | None] | None = None) -> Any:
    """Whether a review is the desk's own: ``--own``, or its publisher is the project's
    ``factcheck_publisher`` or ``fc:desk`` (the same name, or an address on the same
    host)."""
    publishers = [(settings.publisher.get("name"), settings.publisher.get("url"))]
    if desk is not None:
        publishers.append(desk)
    names = {str(name).casefold().strip() for name, _url in publishers if name}
    hosts = {_host(url) for _name, url in publishers if url} - {""}

    def is_own(review: ImportedReview) -> bool:
        if own:
            return True
        if (review.publisher or "").casefold().strip() in names:
            return True
        return bool(hosts & {_host(review.publisher_url), _host(review.url)})

    return is_own


def read_input(path: Path, say_file: TextIO) -> tuple[list[ImportedReview], str | None]:
    """The reviews of one file, recognised by its content, and why it gave none."""

    def say(message: str) -> None:
        print(f"{path}: {message}", file=say_file)

    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], f"cannot be read: {exc}"
    if raw.lstrip().startswith("<"):
        reviews = read_html(raw, str(path), say)
        why = "holds no ClaimReview in its JSON-LD blocks"
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            return [], f"is neither HTML nor valid JSON ({exc.msg}, line {exc.lineno})"
        reviews = (
            read_api_response(data, str(path), say)
            if is_api_response(data)
            else read_json_ld(data, str(path), say)
        )
        why = "holds no ClaimReview, DataFeed or Fact Check Tools API claim"
    return reviews, None if reviews else why


def summary(path: str, tally: Tally) -> str:
    parts = [f"{tally.found} review(s) found", f"{tally.imported} imported"]
    if tally.other_desks:
        parts.append(f"{tally.other_desks} by other desks (as sources of unchecked claims)")
    parts += [f"{count} skipped: {reason}" for reason, count in sorted(tally.skipped.items())]
    how = {"name": "by name", "position": "by position", "map": "by --map", "default": "by default"}
    mapped = [f"{tally.mapped[key]} {words}" for key, words in how.items() if tally.mapped[key]]
    if mapped:
        parts.append("verdicts mapped " + ", ".join(mapped))
    if tally.undated:
        parts.append(f"{tally.undated} without a date (left out: none was given)")
    return f"{path}: " + "; ".join(parts)


def write_plan(plan: Plan, out: Path, writer: Any, report: ImportReport) -> None:
    """Write the pages (their names are new: see ``Planner.page_for``), the index
    (once: it globs) and the claimants (appended to an earlier batch's page)."""
    texts = {f"{page.name}{writer.SUFFIX}": writer.page(page) for page in plan.pages}
    claimants = out / f"claimants{writer.SUFFIX}"
    index = out / f"index{writer.SUFFIX}"
    out.mkdir(parents=True, exist_ok=True)
    for name in sorted(texts):
        (out / name).write_text(texts[name], encoding="utf-8")
        report.written.append(out / name)
    if plan.claimants:
        if claimants.exists():
            with claimants.open("a", encoding="utf-8") as page:
                page.write(writer.more_claimants(plan.claimants))
        else:
            claimants.write_text(writer.claimants_page(plan.claimants), encoding="utf-8")
        report.written.append(claimants)
    if plan.pages and not index.exists():
        index.write_text(writer.index_page(), encoding="utf-8")
        report.written.append(index)


def import_reviews(
    files: list[Path],
    out: Path,
    *,
    output_format: str = "rst",
    mapping: list[str] | None = None,
    default_verdict: str | None = None,
    force: bool = False,  # accepted for older callers: pages are never overwritten
    own: bool = False,
    say: TextIO = sys.stderr,
) -> ImportReport:
    report = ImportReport()
    settings = project_settings(out.resolve(), say)
    scale = settings.scale
    try:
        explicit = parse_map(mapping or [], scale)
    except MappingError as exc:
        print(f"error: {exc}", file=say)
        return ImportReport(status=STOPPED)
    default = verdict_key(default_verdict, scale) if default_verdict is not None else None
    if default_verdict is not None and default is None:
        print(
            f"error: --default-verdict {default_verdict!r} is not a verdict of the scale "
            f"(allowed: {', '.join(scale.keys)})",
            file=say,
        )
        return ImportReport(status=STOPPED)
    reviews: list[ImportedReview] = []
    for path in files:
        found, why = read_input(path, say)
        if why:
            print(f"{path}: {why}; nothing imported from it", file=say)
            report.status = INPUT_FAILED
        reviews += found
    report.reviews = len(reviews)
    mapper = RatingMapper(scale, explicit, default, settings.raw_scale)
    known = known_objects(out.resolve(), settings, output_format)
    plan = plan_import(
        reviews,
        mapper,
        lambda message: print(message, file=say),
        is_own=own_reviews(settings, own, known.desk),
        known=known,
    )
    if mapper.unmapped:
        print(f"error: {mapper.report()}", file=say)
        return ImportReport(status=STOPPED, reviews=len(reviews))
    for origin, tally in plan.tallies.items():
        print(summary(origin, tally), file=say)
    if plan.positioned:
        print(
            "mapped by the rating's position on its scale (check them): "
            + ", ".join(plan.positioned),
            file=say,
        )
    if plan.defaulted:
        print(f"given --default-verdict {default}: " + ", ".join(plan.defaulted), file=say)
    write_plan(plan, out, WRITERS[output_format], report)
    imported = sum(t.imported for t in plan.tallies.values())
    print(f"imported {imported} review(s) into {len(plan.pages)} page(s) in {out}", file=say)
    return report

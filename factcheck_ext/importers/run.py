"""The import as a whole: read every input, map the ratings, plan the pages, write.

Nothing is fetched from the network, and nothing is written unless everything can
be: an unmapped rating or an existing file (without ``force``) stops the import
before the first file is written.  A malformed input is reported with its name,
and the others are imported (the exit status then says that one failed).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..config import scale_from_raw
from ..models import DEFAULT_SCALE, Scale
from . import write_myst, write_rst
from .factcheck_api import is_api_response, read_api_response
from .jsonld import read_html, read_json_ld
from .plan import plan_import
from .ratings import MappingError, RatingMapper, parse_map
from .record import ImportedReview

WRITERS = {"rst": write_rst, "md": write_myst}
#: exit statuses
OK, INPUT_FAILED, STOPPED = 0, 1, 2


@dataclass
class ImportReport:
    status: int = OK
    written: list[Path] = field(default_factory=list)
    reviews: int = 0


def project_scale(out: Path, say: TextIO) -> Scale:
    """The verdict scale of the Sphinx project that *out* is in (its conf.py, found in
    *out* or a folder above), or the default scale."""
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
                return DEFAULT_SCALE
            raw = namespace.get("factcheck_verdicts")
            return DEFAULT_SCALE if raw is None else scale_from_raw(raw)
    return DEFAULT_SCALE


def read_input(path: Path, say_file: TextIO) -> list[ImportedReview] | None:
    """The reviews of one file, recognised by its content; None when it is malformed."""

    def say(message: str) -> None:
        print(f"{path}: {message}", file=say_file)

    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        say(f"cannot be read: {exc}")
        return None
    if raw.lstrip().startswith("<"):
        reviews = read_html(raw, str(path), say)
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            say(f"is neither HTML nor valid JSON ({exc.msg}, line {exc.lineno})")
            return None
        reviews = (
            read_api_response(data, str(path), say)
            if is_api_response(data)
            else read_json_ld(data, str(path), say)
        )
    if not reviews:
        say("holds no ClaimReview and no Fact Check Tools API claims")
    return reviews


def import_reviews(
    files: list[Path],
    out: Path,
    *,
    output_format: str = "rst",
    mapping: list[str] | None = None,
    default_verdict: str | None = None,
    force: bool = False,
    say: TextIO = sys.stderr,
) -> ImportReport:
    report = ImportReport()
    scale = project_scale(out.resolve(), say)
    try:
        explicit = parse_map(mapping or [], scale)
    except MappingError as exc:
        print(f"error: {exc}", file=say)
        return ImportReport(status=STOPPED)
    if default_verdict is not None and scale.get(default_verdict) is None:
        print(
            f"error: --default-verdict {default_verdict!r} is not a verdict of the scale "
            f"(allowed: {', '.join(scale.keys)})",
            file=say,
        )
        return ImportReport(status=STOPPED)
    reviews: list[ImportedReview] = []
    for path in files:
        found = read_input(path, say)
        if found is None:
            report.status = INPUT_FAILED
        else:
            reviews += found
    report.reviews = len(reviews)
    mapper = RatingMapper(scale, explicit, default_verdict)
    plan = plan_import(reviews, mapper, lambda message: print(message, file=say))
    if mapper.unmapped:
        print(f"error: {mapper.report()}", file=say)
        return ImportReport(status=STOPPED, reviews=len(reviews))
    writer = WRITERS[output_format]
    texts = {f"{page.name}{writer.SUFFIX}": writer.page(page) for page in plan.pages}
    if plan.claimants:
        texts[f"claimants{writer.SUFFIX}"] = writer.claimants_page(plan.claimants)
    if plan.pages:
        texts[f"index{writer.SUFFIX}"] = writer.index_page(plan.pages, bool(plan.claimants))
    existing = sorted(name for name in texts if (out / name).exists())
    if existing and not force:
        print(
            f"error: {out} already holds {', '.join(existing)}; nothing was written "
            "(--force overwrites)",
            file=say,
        )
        return ImportReport(status=STOPPED, reviews=len(reviews))
    out.mkdir(parents=True, exist_ok=True)
    for name in sorted(texts):
        target = out / name
        target.write_text(texts[name], encoding="utf-8")
        report.written.append(target)
    print(f"imported {len(reviews)} review(s) into {len(plan.pages)} page(s) in {out}", file=say)
    return report

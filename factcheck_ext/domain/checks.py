"""Editorial checks that need the whole project: run once after reading.

Each check yields :class:`Problem` records; the consistency check turns them
into located warnings, and the status builder lists them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from .._gc import without_collector
from ..diagnostics import Subtype, warn
from ..models import ID_PATTERN, OPEN_STATUSES, AnnotatedView, Claim, Suggestion, is_web_url
from .ledger import load_ledger

if TYPE_CHECKING:
    from . import FactCheckDomain
    from .project_index import ProjectIndex


@dataclass(frozen=True)
class Problem:
    subtype: Subtype
    message: str
    docname: str
    lineno: int
    claim_id: str | None = None
    #: a file that is not a document (the ledger), named instead of *docname*
    file: str | None = None

    @property
    def location(self) -> tuple[str, int] | str:
        return f"{self.file}:{self.lineno}" if self.file else (self.docname, self.lineno)


def find_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    index, scale = domain.index, domain.scale
    for dup in index.duplicates:
        other, first = dup.other, dup.first
        where = f"{first.docname} (line {first.lineno})"
        if dup.objtype == "desk":
            message = f"a project has one desk, already declared in {where}"
        elif dup.objtype == "policy":
            message = f"the {other.id} policy is already stated in {where}"
        else:
            message = f"duplicate {dup.objtype} id {other.id!r}: already defined in {where}"
        yield Problem("duplicate-id", message, other.docname, other.lineno)
    require_review = domain.env.config.factcheck_require_review
    require_claimants = domain.env.config.factcheck_claimants_required
    articles, sources, claimants = index.articles, index.sources, index.claimants
    needs_sources = {v.key for v in scale.verdicts if v.needs_sources}
    for claim in index.claims.values():
        # most claims have no problem: test first, word the message only when one is found
        status, verdict = claim.status, claim.verdict
        checked = status == "checked"
        if checked and not verdict and "verdict" not in claim.rejected:
            yield _claim_problem(claim, "missing-verdict", "is checked but has no :verdict:")
        if require_review and checked and not claim.reviewed_by:
            yield _claim_problem(
                claim, "unreviewed", "is checked but nobody signed it off (:reviewed-by:)"
            )
        if verdict and status in OPEN_STATUSES:
            yield _claim_problem(
                claim,
                "unexpected-verdict",
                f"has status {status!r}, so it cannot have a :verdict: yet",
            )
        if claim.claimant:
            claimant = claimants.get(claim.claimant)
            if claimant is None and require_claimants:
                yield _claim_problem(
                    claim,
                    "unknown-claimant",
                    ": the claimant "
                    f"{claim.claimant!r} is not a claimant id"
                    f"{_did_you_mean(claim.claimant, index)}",
                    sep="",
                )
            elif claimant is not None and claim.claimant_type not in (None, claimant.kind):
                yield _claim_problem(
                    claim,
                    "claimant-type-conflict",
                    f": :claimant-type: "
                    f"{claim.claimant_type} contradicts the claimant "
                    f"{claimant.id!r}, who is {_a(claimant.kind)} (drop "
                    ":claimant-type:, the claimant's :kind: says it)",
                    sep="",
                )
        article_id = claim.article
        if article_id and article_id not in articles:
            yield _claim_problem(
                claim, "unknown-article", f": unknown article {article_id!r}", sep=""
            )
        for source_id in claim.sources:
            if source_id not in sources:
                yield _claim_problem(
                    claim, "unknown-source", f": unknown source {source_id!r}", sep=""
                )
        if claim.shown_verdict in needs_sources and not (claim.sources or claim.cited):
            yield _claim_problem(
                claim,
                "no-sources",
                f": the verdict {verdict!r} needs at least one source, and none is listed",
                sep="",
            )
        quote = claim.quote
        article = articles.get(article_id) if quote and article_id else None
        # (the article's folded text only when the quote was not found: most are)
        text = (
            index.article_text(article.id)
            if article and article.text is not None and not index.quote_span(claim)
            else None
        )
        if article and quote and text is not None:
            found = len(text.find_all(quote))
            detail = (
                f" (it occurs {found} time(s); :occurrence: {claim.occurrence} is too high)"
                if found
                else ""
            )
            yield _claim_problem(
                claim,
                "quote-not-found",
                f": the quote {claim.quote!r} is not in the text of article {article.id!r}{detail}",
                sep="",
            )


def _a(kind: str) -> str:
    return "an organization" if kind == "organization" else f"a {kind}"


def _did_you_mean(name: str, index: ProjectIndex) -> str:
    """A hint naming the claimant whose name is *name*, if one is registered."""
    ids, _texts = index.claimant_ids([name])
    if ids:
        return f" (did you mean {sorted(ids)[0]!r}?)"
    return " (register it with fc:claimant and use its id)"


def _claim_problem(claim: Claim, subtype: Subtype, message: str, sep: str = " ") -> Problem:
    return Problem(
        subtype, f"fc:claim {claim.id!r}{sep}{message}", claim.docname, claim.lineno, claim.id
    )


def view_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    """Filters that name nothing: an unknown article, a tag or claimant no claim has."""
    index = domain.index
    # every claim's tags and claimants: gathered only if some view filters by them
    tags: set[str] | None = None
    claimants: set[str] | None = None
    for docname in sorted(domain.docs):
        for view in domain.docs[docname].views:
            where = view.location()
            name = f"fc:{type(view).__name__.removesuffix('View').lower()}"
            if isinstance(view, AnnotatedView):
                article = index.articles.get(view.article)
                if article is None:
                    yield Problem(
                        "unknown-article", f"fc:annotated: unknown article {view.article!r}", *where
                    )
                elif article.text is None:
                    yield Problem(
                        "text-missing",
                        f"fc:annotated: article {view.article!r} has no :text: to annotate",
                        *where,
                    )
                continue
            for article_id in getattr(view, "article", []):
                if article_id not in index.articles:
                    yield Problem(
                        "unknown-article", f"{name}: unknown article {article_id!r}", *where
                    )
            for tag in getattr(view, "tags", []):
                if tags is None:
                    tags = {tag for claim in index.claims.values() for tag in claim.tags}
                if tag not in tags:
                    yield Problem("bad-filter", f"{name}: no claim has the tag {tag!r}", *where)
            for claimant in getattr(view, "claimant", []):
                if index.claimant_ids([claimant])[0]:
                    continue  # a registered claimant: their scorecard may be empty yet
                if claimants is None:
                    claimants = {(c.claimant or "").casefold() for c in index.claims.values()}
                if claimant.casefold() not in claimants:
                    yield Problem(
                        "bad-filter", f"{name}: no claim has the claimant {claimant!r}", *where
                    )


def source_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    index = domain.index
    for source in index.sources.values():
        if not index.claims_citing.get(source.id) and source.id not in index.cited_by_withheld:
            yield Problem(
                "unused-source",
                f"fc:source {source.id!r} is not cited by any claim",
                source.docname,
                source.lineno,
            )


def archive_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    """With ``factcheck_require_archive``: every cited http(s) source has a capture
    taken before the claims citing it were published."""
    if not domain.env.config.factcheck_require_archive:
        return
    index = domain.index
    for source in index.sources.values():
        citing = index.claims_citing.get(source.id)
        if not citing or not is_web_url(source.url):
            continue
        capture = source.capture
        if capture is None or not capture.ok:
            why = f" (the last attempt failed: {capture.error})" if capture is not None else ""
            yield Problem(
                "unarchived-source",
                f"fc:source {source.id!r}: {source.url} has no capture in the archive "
                f"ledger{why}; run sphinx-factcheck archive",
                source.docname,
                source.lineno,
            )
            continue
        published = [c.published for c in citing if c.published]
        if published and capture.day > min(published):
            yield Problem(
                "unarchived-source",
                f"fc:source {source.id!r}: {source.url} was captured only on "
                f"{capture.day.isoformat()}, after the claim citing it was published "
                f"({min(published).isoformat()}): the capture may not show what was cited",
                source.docname,
                source.lineno,
            )


def memory_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    """Likely earlier checks not yet decided on, and ``:same-as:`` ids that name
    nothing (see ``memory.suggestions``)."""
    index, catalogue = domain.index, domain.catalogue
    for claim in index.claims.values():
        for other in claim.same_as:
            if other not in index.claims and other not in catalogue and other not in index.remote:
                yield _claim_problem(
                    claim,
                    "unknown-claim",
                    f": :same-as: {other!r} is neither a claim of this project, nor an "
                    "entry of factcheck_catalogues, nor a claim of a report in "
                    "intersphinx_mapping",
                    sep="",
                )
    for claim_id, found in sorted(domain.suggestions.items()):
        suggested = index.claims.get(claim_id)
        if suggested is None or not found:
            continue
        yield _claim_problem(
            suggested,
            "previously-checked",
            f"may have been checked before: {describe_match(found[0], domain)}; link it "
            "with :same-as: or dismiss it with :not-same-as:",
        )


def describe_match(found: Suggestion, domain: FactCheckDomain) -> str:
    """The earlier check named in a warning: its id, who checked it, what they found,
    when and where."""
    if found.kind == "claim":
        other = domain.index.claims.get(found.match)
        verdict = domain.scale.get(other.verdict) if other else None
        where = f"{other.docname}:{other.lineno}" if other else "?"
        return (
            f"claim {found.match!r} of this project ({where}"
            + (f", {verdict.label}" if verdict else ", not yet checked")
            + f"; score {found.score:.2f})"
        )
    entry = domain.catalogue.get(found.match)
    if entry is None:
        return f"catalogue entry {found.match!r} (score {found.score:.2f})"
    details = [d for d in (entry.publisher, entry.rating, entry.date, entry.url) if d]
    return f"catalogue entry {found.match!r} ({', '.join(details)}; score {found.score:.2f})"


def ledger_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    """Published verdicts may change only with a logged update, and never vanish."""
    ledger = load_ledger(domain.env.config, domain.env.srcdir)
    if ledger is None:
        return
    index = domain.index
    for entry in ledger.claims:
        if entry.verdict is None:
            continue  # never published with a verdict
        claim = index.claims.get(entry.id)
        if claim is None:
            yield Problem(
                "removed-claim",
                f"published claim {entry.id!r} (in {entry.docname or 'an unknown document'}) "
                "is missing: correct it with fc:update or mark it ':status: retracted' "
                "instead of removing it",
                entry.docname,
                ledger.lines.get(entry.id, 1),
                entry.id,
                file=ledger.path,
            )
        elif claim.verdict != entry.verdict and not any(
            u.previous_verdict == entry.verdict for u in claim.updates
        ):
            yield Problem(
                "unlogged-change",
                f"fc:claim {claim.id!r}: the published verdict {entry.verdict!r} changed to "
                f"{claim.verdict!r} without an fc:update with :previous-verdict: {entry.verdict}",
                claim.docname,
                claim.lineno,
                claim.id,
            )


def _same_address(one: str, other: str) -> bool:
    return one.rstrip("/").casefold() == other.rstrip("/").casefold()


def desk_problems(domain: FactCheckDomain) -> Iterator[Problem]:
    """The desk against ``factcheck_publisher`` (both name the publisher of every
    ClaimReview, so they must agree), and staff ids that name nobody."""
    index = domain.index
    desk = index.desk
    publisher = domain.env.config.factcheck_publisher or {}
    if desk is not None and publisher:
        name, url = publisher.get("name"), publisher.get("url")
        if name and name.strip().casefold() != (desk.title or "").strip().casefold():
            yield Problem(
                "desk-mismatch",
                f"fc:desk {desk.title!r} and factcheck_publisher's name {name!r} differ: "
                "make them the same (ClaimReview names one publisher)",
                desk.docname,
                desk.lineno,
            )
        if url and desk.url and not _same_address(url, desk.url):
            yield Problem(
                "desk-mismatch",
                f"fc:desk :url: {desk.url} and factcheck_publisher's url {url} differ",
                desk.docname,
                desk.lineno,
            )
    if not index.staff:
        return  # a project without a masthead names its people in free text
    for claim in index.claims.values():
        for option, text in (("checked-by", claim.checked_by), ("reviewed-by", claim.reviewed_by)):
            for name, person in index.people(text):
                if person is None and ID_PATTERN.match(name):
                    yield _claim_problem(
                        claim,
                        "unknown-staff",
                        f": :{option}: {name!r} is written as a staff id, but no fc:staff "
                        f"has it (staff ids: {', '.join(sorted(index.staff))}; write a "
                        "name with a space for free text)",
                        sep="",
                    )


@without_collector
def all_problems(domain: FactCheckDomain) -> list[Problem]:
    return list(
        chain(
            find_problems(domain),
            view_problems(domain),
            source_problems(domain),
            archive_problems(domain),
            memory_problems(domain),
            ledger_problems(domain),
            desk_problems(domain),
        )
    )


def report_problems(domain: FactCheckDomain, problems: list[Problem] | None = None) -> None:
    """Warn about each problem once per build, however many times it is asked for."""
    reported = domain.reported_problems
    for problem in all_problems(domain) if problems is None else problems:
        if problem not in reported:
            reported.add(problem)
            warn(problem.message, problem.subtype, problem.location)

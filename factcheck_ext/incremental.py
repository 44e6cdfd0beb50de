"""Rewrite exactly the pages whose rendering depends on what changed.

Sphinx rewrites a page when its own source changed.  A source's "Cited by"
list, an article's claim list or a link showing a claim's verdict also depend
on other documents, so after reading we compare the objects of every re-read
or removed document with their previous version and name, through
``env-get-updated``, the other documents that show something that changed.

Dependency keys:

``def:<type>:<id>``
    the object itself (title, verdict, anchor...): links to it, blocks showing it
``cites:<type>:<id>``
    the set of claims citing a source, or checked in an article
``article-claims:<id>``
    anything about any claim of an article (views filtered by article)
``claimant-claims:<id>``
    anything about any claim naming a claimant (the claimant's scorecard)
``claims:*``, ``sources:*``, ``articles:*``, ``claimants:*``
    any object of that type at all (project-wide views)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx

from .models import Claim, Located
from .nodes import article_block, claim_block, claimant_block, fc_placeholder, source_block
from .storage import DocRecord

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .domain import FactCheckDomain

#: claim fields shown wherever a claim is listed (links, back-links, article lists)
LISTED_FIELDS = ("title", "verdict", "status", "docname", "anchor")


def _domain(env: BuildEnvironment) -> FactCheckDomain:
    return env.domains["fc"]  # type: ignore[return-value]


#: fields no other page shows (the start of a claim's analysis is in the claim's own
#: page, its preview, the feed and the dataset, which are all written anyway)
OWN_PAGE_FIELDS = {"summary"}


def _fingerprint(obj: Located) -> tuple[Any, ...]:
    return (obj.model_dump(mode="json", exclude=OWN_PAGE_FIELDS), getattr(obj, "text", None))


def _claim_keys(old: Claim | None, new: Claim | None) -> set[str]:
    keys: set[str] = set()
    listed_changed = (old is None or new is None or any(
        getattr(old, f) != getattr(new, f) for f in LISTED_FIELDS))
    old_sources = set(old.all_sources) if old else set()
    new_sources = set(new.all_sources) if new else set()
    touched = (old_sources | new_sources) if listed_changed else (old_sources ^ new_sources)
    keys.update(f"cites:source:{s}" for s in touched)
    articles = {c.article for c in (old, new) if c and c.article}
    if listed_changed or len(articles) > 1:
        keys.update(f"cites:article:{a}" for a in articles)
    return keys


def changed_keys(old: DocRecord | None, new: DocRecord | None) -> set[str]:
    """Dependency keys of every object that differs between two versions of a document."""
    before = {(t, o.id): o for t, o in old.objects()} if old else {}
    after = {(t, o.id): o for t, o in new.objects()} if new else {}
    keys: set[str] = set()
    for objtype, obj_id in before.keys() | after.keys():
        was, now = before.get((objtype, obj_id)), after.get((objtype, obj_id))
        if was is not None and now is not None and _fingerprint(was) == _fingerprint(now):
            continue
        keys.add(f"def:{objtype}:{obj_id}")
        keys.add(f"{objtype}s:*")
        if objtype == "claim":
            keys |= _claim_keys(was, now)  # type: ignore[arg-type]
            keys.update(f"article-claims:{c.article}" for c in (was, now)
                        if c is not None and c.article)
            keys.update(f"claimant-claims:{c.claimant}" for c in (was, now)
                        if c is not None and c.claimant)
    return keys


def page_dependencies(doctree: nodes.document, record: DocRecord) -> set[str]:
    """What a page shows of other documents, read off its placeholders and references."""
    claims = {c.id: c for c in record.claims}
    keys: set[str] = set()
    for node in doctree.findall(fc_placeholder):
        if isinstance(node, claim_block) and node["fc_id"] in claims:
            claim = claims[node["fc_id"]]
            if claim.article:
                keys.add(f"def:article:{claim.article}")
            if claim.claimant:
                keys.add(f"def:claimant:{claim.claimant}")
            keys.update(f"def:source:{s}" for s in claim.all_sources)
        elif isinstance(node, source_block):
            keys.add(f"cites:source:{node['fc_id']}")
        elif isinstance(node, article_block):
            keys.add(f"cites:article:{node['fc_id']}")
        elif isinstance(node, claimant_block):
            keys.update((f"claimant-claims:{node['fc_id']}", "articles:*"))
        keys.update(node.get("fc_depends", ()))
    for ref in doctree.findall(pending_xref):
        if ref.get("refdomain") == "fc":
            keys.add(f"def:{ref['reftype']}:{ref['reftarget'].strip()}")
    return keys


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    domain = _domain(app.env)
    docname = app.env.docname
    record = domain.docs.get(docname, DocRecord())
    deps = page_dependencies(doctree, record)
    if deps:
        domain.record(docname).depends_on = deps
    if docname in domain.docs:
        domain.docs[docname].park()  # read: see DocRecord.park


def on_get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                    removed: set[str]) -> list[str]:
    domain = _domain(env)
    domain._before = {d: domain.docs.get(d) for d in changed | removed}
    domain._reread = set(removed)
    return []


def on_before_read(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str]) -> None:
    domain = _domain(env)
    for docname in docnames:
        domain._before.setdefault(docname, domain.docs.get(docname))
    domain._reread |= set(docnames)


def on_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = _domain(env)
    before, reread = domain._before, domain._reread
    domain._before, domain._reread = {}, set()
    if reread.issuperset(domain.docs):
        return []  # every document was read: none left to add (and none unpacked for it)
    keys: set[str] = set()
    for docname in reread:
        keys |= changed_keys(before.get(docname), domain.docs.get(docname))
    if not keys:
        return []
    return sorted(
        docname for docname, record in domain.docs.items()
        if docname not in reread and record.depends_on & keys
    )

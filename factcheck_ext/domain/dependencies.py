"""Rewrite exactly the pages whose rendering depends on what changed.

Sphinx rewrites a page when its own source changed.  A source's "Cited by"
list, an article's claim list or a link showing a claim's verdict also depend
on other documents, so after reading the objects of every re-read or removed
document are compared with their previous version, and the other documents
that show something that changed are rewritten too (see :mod:`.collector`).

Dependency keys:

``def:<type>:<id>``
    the object itself (title, verdict, anchor...): links to it, blocks showing it
``cites:<type>:<id>``
    the set of claims citing a source, or checked in an article
``article-claims:<id>``
    anything about any claim of an article (views filtered by article)
``claimant-claims:<id>``
    anything about any claim naming a claimant (the claimant's scorecard)
``claims:*``, ``sources:*``, ``articles:*``, ``claimants:*``, ``desks:*``, ``policies:*``,
``funders:*``, ``staff:*``
    any object of that type at all (project-wide views)
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..models import Claim, Located
from ..models.fields import split_commas
from .nodes import (
    article_block,
    claim_block,
    claimant_block,
    desk_block,
    fc_placeholder,
    policy_block,
    source_block,
)
from .records import TABLES, DocRecord

#: claim fields shown wherever a claim is listed (links, back-links, article lists)
LISTED_FIELDS = ("title", "verdict", "status", "docname", "anchor")


#: fields no other page shows (the start of a claim's analysis is in the claim's own
#: page, its preview, the feed and the dataset, which are all written anyway)
OWN_PAGE_FIELDS = {"summary"}


def _fingerprint(obj: Located) -> tuple[Any, ...]:
    return (obj.model_dump(mode="json", exclude=OWN_PAGE_FIELDS), getattr(obj, "text", None))


def _claim_keys(old: Claim | None, new: Claim | None) -> set[str]:
    keys: set[str] = set()
    listed_changed = (
        old is None or new is None or any(getattr(old, f) != getattr(new, f) for f in LISTED_FIELDS)
    )
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
        keys.add(f"{TABLES[objtype]}:*")
        if objtype == "claim":
            claims = [c for c in (was, now) if isinstance(c, Claim)]
            keys |= _claim_keys(*(c if isinstance(c, Claim) else None for c in (was, now)))
            keys.update(f"article-claims:{c.article}" for c in claims if c.article)
            keys.update(f"claimant-claims:{c.claimant}" for c in claims if c.claimant)
    return keys


def _people(claim: Claim) -> set[str]:
    """The names in a claim's ``:checked-by:`` and ``:reviewed-by:`` (staff ids or not)."""
    return {
        name for text in (claim.checked_by, claim.reviewed_by) for name in split_commas(text or "")
    }


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
            keys.update(f"def:staff:{name}" for name in _people(claim))
            # the policy links, and the ClaimReview's author (the desk and its policies)
            keys.update(("desks:*", "policies:*"))
        elif isinstance(node, desk_block):
            keys.add("policies:*")
        elif isinstance(node, policy_block):
            keys.add("desks:*")
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

"""Check an Atom feed document against the requirements of RFC 4287.

The rules below are the specification's MUST and MUST NOT statements for feeds
and entries, each named by its section, checked on the parsed XML.  A feed that
breaks one gives a message per broken rule (an empty list when it conforms).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM}
#: RFC 3339 date-time, as section 3.3 requires ("T" and "Z" upper case)
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _one(element, name: str, where: str, errors: list[str]) -> None:
    count = len(element.findall(f"a:{name}", NS))
    if count != 1:
        errors.append(f"{where}: must contain exactly one atom:{name} (has {count})")


def _dates(element, where: str, errors: list[str]) -> None:
    for name in ("updated", "published"):
        for date in element.findall(f"a:{name}", NS):
            if not DATE_TIME.match((date.text or "").strip()):
                errors.append(
                    f"{where}: atom:{name} {date.text!r} is not an RFC 3339 date-time (section 3.3)"
                )


def _persons(element, where: str, errors: list[str]) -> None:
    for person in element.findall("a:author", NS) + element.findall("a:contributor", NS):
        names = person.findall("a:name", NS)
        if len(names) != 1:
            errors.append(
                f"{where}: a person construct must have exactly one atom:name (section 3.2.1)"
            )


def _links(element, where: str, errors: list[str]) -> None:
    alternates = Counter()
    for link in element.findall("a:link", NS):
        href = link.get("href")
        if not href:
            errors.append(f"{where}: atom:link must have an href attribute (section 4.2.7.1)")
        rel = link.get("rel", "alternate")
        if rel == "alternate":
            alternates[(link.get("type"), link.get("hreflang"))] += 1
    for (kind, lang), count in alternates.items():
        if count > 1:
            errors.append(
                f"{where}: more than one alternate link with type {kind!r} and "
                f"hreflang {lang!r} (sections 4.1.1, 4.1.2)"
            )


def _absolute(element, where: str, errors: list[str]) -> None:
    """atom:id is an absolute IRI (section 4.2.6); so should every link be, in a feed
    meant to be read outside its site (no xml:base is used here)."""
    for node in element.findall("a:id", NS):
        if not urlsplit((node.text or "").strip()).scheme:
            errors.append(f"{where}: atom:id {node.text!r} is not an absolute IRI (4.2.6)")
    for link in element.findall("a:link", NS):
        if not urlsplit(link.get("href", "")).scheme:
            errors.append(f"{where}: link {link.get('href')!r} is not absolute")


def errors(document: bytes) -> list[str]:
    """Every RFC 4287 requirement the feed document breaks."""
    found: list[str] = []
    root = etree.fromstring(document)
    if root.tag != f"{{{ATOM}}}feed":
        return [f"the root element is {root.tag}, not atom:feed (section 4.1.1)"]
    for name in ("id", "title", "updated"):
        _one(root, name, "feed", found)
    for name in ("generator", "icon", "logo", "rights", "subtitle"):
        if len(root.findall(f"a:{name}", NS)) > 1:
            found.append(f"feed: more than one atom:{name} (section 4.1.1)")
    _dates(root, "feed", found)
    _persons(root, "feed", found)
    _links(root, "feed", found)
    _absolute(root, "feed", found)
    feed_has_author = bool(root.findall("a:author", NS))
    for number, entry in enumerate(root.findall("a:entry", NS), start=1):
        where = f"entry {number}"
        for name in ("id", "title", "updated"):
            _one(entry, name, where, found)
        for name in ("content", "published", "rights", "source", "summary"):
            if len(entry.findall(f"a:{name}", NS)) > 1:
                found.append(f"{where}: more than one atom:{name} (section 4.1.2)")
        if not entry.findall("a:author", NS) and not feed_has_author:
            found.append(f"{where}: no atom:author, and the feed has none (section 4.1.2)")
        if not entry.findall("a:content", NS) and not [
            link
            for link in entry.findall("a:link", NS)
            if link.get("rel", "alternate") == "alternate"
        ]:
            found.append(
                f"{where}: no atom:content, so an alternate link is required (section 4.1.2)"
            )
        _dates(entry, where, found)
        _persons(entry, where, found)
        _links(entry, where, found)
        _absolute(entry, where, found)
        for category in entry.findall("a:category", NS):
            if not category.get("term"):
                found.append(f"{where}: atom:category must have a term (section 4.2.2.1)")
    return found

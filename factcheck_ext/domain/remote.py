"""Claims of other reports, named by intersphinx: ``:same-as: otherreport:claim-id``.

Another sphinx-factcheck report publishes its claims in its ``objects.inv`` (as
``fc:claim``); with that report in ``intersphinx_mapping`` as ``otherreport``, a claim
may join the family of one of its claims.  Nothing is fetched here: intersphinx has
loaded the inventories already.
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.environment import BuildEnvironment


def remote_claims(env: BuildEnvironment, names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``inventory:claim-id`` -> (its address, its title) for the names intersphinx
    knows; the others are left out."""
    wanted = [name for name in names if ":" in name]
    if not wanted or "sphinx.ext.intersphinx" not in env.config.extensions:
        return {}
    from sphinx.ext.intersphinx import InventoryAdapter

    inventories = InventoryAdapter(env).named_inventory
    found = {}
    for name in wanted:
        inventory, _colon, claim_id = name.partition(":")
        item = inventories.get(inventory, {}).get("fc:claim", {}).get(claim_id)
        if item is None:
            continue
        if isinstance(item, tuple):  # Sphinx 8: (project, version, uri, display name)
            uri, title = item[2], item[3]
        else:  # Sphinx 9: an inventory item
            uri, title = item.uri, item.display_name
        found[name] = (uri, title if title and title != "-" else claim_id)
    return found

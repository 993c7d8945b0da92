"""The tree as JSON-ready data: what ``ragft export`` writes to ``tree.json``.

Besides the definitions, the payload holds every complete walk, keyed by its answers in path
order, with the exit, what would flip it, and the decision record's Markdown. The site walker
only looks these up, so its recommendation and its "download as Markdown" text come from the
Python engine by construction; the browser tests check that its own walking agrees.

Example:
    >>> from ragft.payload import tree_payload
    >>> data = tree_payload()
    >>> data["schema"], data["schema_version"], data["root"]
    ('ragft-tree', 1, 'prompting')
    >>> data["walks"]["prompting=no"]["exit"]
    'prompt_first'
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .engine import all_walks, answers_key
from .loader import SCHEMA_NAME, SCHEMA_VERSION, default_tree
from .model import Gate, Tree
from .record import DATE_PLACEHOLDER, decision_record

__all__ = ["SCHEMA_NAME", "tree_payload"]



def _plain(value: Any) -> Any:
    """Tuples (as the frozen model stores them) to lists, so the payload equals its JSON."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _gate(gate: Gate) -> dict[str, Any]:
    data: dict[str, Any] = _plain(asdict(gate))
    data["label"] = gate.label
    return data


def tree_payload(tree: Tree | None = None) -> dict[str, Any]:
    """Return the JSON-ready form of ``tree`` (default: ragft's own), walks included."""
    from . import __version__  # late: the package imports this module's siblings first
    from .diagram import text_alternative  # late: graphviz is only needed when exporting

    tree = tree or default_tree()
    walks: dict[str, Any] = {}
    for decision in all_walks(tree):
        info = decision.to_dict()
        walks[answers_key(decision.answers)] = {
            "exit": info["exit"],
            "kind": info["kind"],
            "path": info["path"],
            "flips": info["flips"],
            "record": decision_record(decision, date=DATE_PLACEHOLDER),
        }
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "ragft_version": __version__,
        "title": tree.title,
        "root": tree.root,
        "gates": [_gate(g) for g in tree.gates],
        "exits": [_plain(asdict(e)) for e in tree.exits],
        "kinds": [_plain(asdict(k)) for k in tree.kinds],
        "components": [_plain(asdict(c)) for c in tree.components],
        "sources": [_plain(asdict(s)) for s in tree.sources],
        "revisit": list(tree.revisit),
        # what the tree diagram shows, in words: the walker's text alternative to tree.svg
        "text_alternative": text_alternative(tree),
        "walks": walks,
        "date_placeholder": DATE_PLACEHOLDER,
    }

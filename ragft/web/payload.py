"""The tree as JSON-ready data: what ``ragft export`` writes to ``tree.json``.

Two parts. The *definitions* (gates, exits, kinds, components, sources) under the tree's stable
ids, for anyone who reads the export. And the *walker*: every state a walk can be in (each
prefix of every walk, and every finished walk), keyed by its answers in path order, each with
the question to ask or the card to show, the diagram marks and the decision record, all made
by the engine and the presentation layer. The site walker parses the URL hash, looks states up
and builds the page; it decides nothing and words nothing.

Example:
    >>> from ragft.web.payload import tree_payload
    >>> data = tree_payload()
    >>> data["schema"], data["schema_version"], data["root"]
    ('ragft-tree', 2, 'prompting')
    >>> data["states"]["prompting=no"]["exit"]
    'prompt_first'
    >>> data["states"][""]["ask"], data["states"][""]["next"]["yes"]
    ('prompting', 'prompting=yes')
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from .._version import __version__
from ..diagram.marks import marks
from ..engine.decision import Decision, all_states
from ..errors import message_templates
from ..present.content import Card, answer_leads, card, gate_view, tree_words
from ..present.data import as_data
from ..present.words import HEADINGS, LABELS
from ..records.madr import decision_template
from ..records.template import LineTable
from ..records.words import FORM, STATUSES
from ..tree.loader import SCHEMA_NAME, default_tree
from ..tree.model import Gate, Tree

__all__ = [
    "SCHEMA_NAME",
    "tree_payload",
]

# Version of the export's layout (2: the walker's states replace version 1's "walks").
EXPORT_VERSION = 2


def _gate(gate: Gate) -> dict[str, Any]:
    data: dict[str, Any] = as_data(asdict(gate))
    data["label"] = gate.label
    return data


def _walker_card(decision: Decision) -> Card:
    full = card(decision)
    return replace(full, sections=tuple(s for s in full.sections if s.id != "path"))


def _state(decision: Decision, records: LineTable) -> dict[str, Any]:
    tree = decision.tree
    nxt = {}
    if decision.next_gate is not None:
        for ans in tree.gate(decision.next_gate).answers:
            nxt[ans.id] = "&".join(p for p in (decision.key, f"{decision.next_gate}={ans.id}") if p)
    state: dict[str, Any] = {
        "ask": decision.next_gate,
        "next": nxt,
        "exit": decision.exit,
        "components": list(decision.components),
        # The walker shows the answers as its trail (card.path); the "path" section is for
        # records and the terminal, so it stays out of the export.
        "card": as_data(_walker_card(decision)),
        "marks": as_data(marks(decision)),
        # where each answer leads from here, with the walk's knowledge layer already chosen
        "leads": as_data(answer_leads(decision)),
    }
    if decision.complete:
        # The record's template (ragft.records.template), as indexes into records.lines; the
        # walker fills in the team's fields and the date exactly as `ragft record` does.
        state["record"] = records.add(decision_template(decision))
    return state


def tree_payload(tree: Tree | None = None) -> dict[str, Any]:
    """Return the JSON-ready form of ``tree`` (default: ragft's own), walker states included."""
    tree = tree or default_tree()
    records = LineTable()
    states = {d.key: _state(d, records) for d in all_states(tree)}
    return {
        "schema": SCHEMA_NAME,
        "schema_version": EXPORT_VERSION,
        "ragft_version": __version__,
        "title": tree.title,
        "root": tree.root,
        "gates": [_gate(g) for g in tree.gates],
        "exits": [as_data(asdict(e)) for e in tree.exits],
        "kinds": [as_data(asdict(k)) for k in tree.kinds],
        "components": [as_data(asdict(c)) for c in tree.components],
        "sources": [as_data(asdict(s)) for s in tree.sources],
        "revisit": list(tree.revisit),
        # what the tree diagram shows, in words: the walker's text alternative to tree.svg
        "tree_words": as_data(tree_words(tree)),
        "walker": {
            "gates": {g.id: as_data(gate_view(g, tree)) for g in tree.gates},
            "headings": dict(HEADINGS),
            "labels": dict(LABELS),
            "messages": message_templates((g.id, g.answer_ids) for g in tree.gates),
        },
        "states": states,
        "records": {"lines": records.data, "statuses": list(STATUSES), "form": dict(FORM)},
    }

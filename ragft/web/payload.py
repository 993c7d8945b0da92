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
from ..engine.decision import Decision, all_states, decide
from ..errors import UnknownGateError, message_templates
from ..present.content import answer_leads, card, gate_view, off_path_notice, tree_words
from ..present.data import as_data
from ..present.record_words import FORM, STATUSES
from ..present.words import HEADINGS, LABELS
from ..records.adr import slug
from ..records.madr import decision_template
from ..records.template import LineTable
from ..tree.loader import SCHEMA_NAME, default_tree
from ..tree.model import Gate, Tree

__all__: list[str] = []

# Version of the export's layout (2: the walker's states replace version 1's "walks").
EXPORT_VERSION = 2


def _gate(gate: Gate) -> dict[str, Any]:
    data: dict[str, Any] = as_data(asdict(gate))
    data["label"] = gate.label
    return data


# Sections of a card the walker does without: it shows the answers as its trail and asks a
# gate with its own form, so the "path" and "allowed" sections are for records and the terminal.
WALKER_SKIPS = ("path", "allowed")
# The labels and headings the walker's script reads, each by name in ragft/web/src/*.js
# (tests/test_walker_words.py keeps these lists and the script's names equal).
WALKER_LABELS = ("back", "bad_link", "change", "change_what", "choose_first", "continue",
                 "diagram", "diagram_caption", "diagram_name", "diagram_wide", "download",
                 "print", "print_tree", "recommendation", "restart", "signals", "stale",
                 "tree_in_words", "watch", "why")
WALKER_HEADINGS = ("path",)
# Fields of a card the walker never reads: a state has no notices (the walker words its own
# from walker.off_path), and the exit, components and next gate are the state's own.
WALKER_CARD_DROPS = ("notices", "exit", "components", "next_gate")


def _walker_card(decision: Decision) -> dict[str, Any]:
    """The card as the walker reads it (see WALKER_SKIPS and WALKER_CARD_DROPS)."""
    full = card(decision)
    shown = as_data(replace(full, sections=tuple(s for s in full.sections
                                                 if s.id not in WALKER_SKIPS)))
    return {k: v for k, v in shown.items() if k not in WALKER_CARD_DROPS}


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
        "card": _walker_card(decision),
        "marks": as_data(marks(decision)),
        # where each answer leads from here, with the walk's knowledge layer already chosen
        "leads": as_data(answer_leads(decision)),
    }
    if decision.complete:
        # The record's template (ragft.records.template), as indexes into records.lines; the
        # walker fills in the team's fields and the date exactly as `ragft record` does.
        state["record"] = records.add(decision_template(decision))
    return state


def _hint(tree: Tree) -> str:
    """The "did you mean" tail that parse_answers adds to an unknown id's message (the walker
    finds the near miss as ragft.errors does), with ``{value}`` where the id goes."""
    near = tree.gate_ids[0]
    plain = str(UnknownGateError(near, tree.gate_ids))
    hinted = str(UnknownGateError(near, tree.gate_ids, suggest=True))
    return hinted.removeprefix(plain).replace(repr(near), "{value}")


def _off_path_words(tree: Tree) -> dict[str, Any]:
    """off_path_notice for one and for two answers off the path, each answer ``{gate}={answer}``:
    the walker names the answers of a link that its walk never reaches in these words."""
    root = decide({}, tree)
    slot = ("{gate}", "{answer}")
    return {name: as_data(off_path_notice(replace(root, off_path=(slot,) * n))[0])
            for name, n in (("one", 1), ("many", 2))}


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
            "headings": {k: HEADINGS[k] for k in WALKER_HEADINGS},
            "labels": {k: LABELS[k] for k in WALKER_LABELS},
            "messages": {**message_templates((g.id, g.answer_ids) for g in tree.gates),
                         "hint": _hint(tree)},
            "off_path": _off_path_words(tree),
        },
        "states": states,
        # untitled: the file name of a record with no title (adr.slug's), as the walker names
        # a download by adr's scheme
        "records": {"lines": records.data, "statuses": list(STATUSES), "form": dict(FORM),
                    "untitled": slug("")},
    }

"""The JSON export's data: complete, JSON-safe, and made by the engine and the presentation layer."""

from __future__ import annotations

import json
from dataclasses import replace

from ragft.diagram.marks import marks
from ragft.engine.decision import all_states, decide
from ragft.present.content import answer_leads, card, gate_name, tree_words
from ragft.present.data import as_data
from ragft.present.words import HEADINGS, LABELS
from ragft.records.madr import decision_template
from ragft.records.template import template_data
from ragft.tree.model import Tree
from ragft.web.payload import (
    EXPORT_VERSION,
    WALKER_CARD_DROPS,
    tree_payload,
)


def test_payload_round_trips_through_json(tree: Tree) -> None:
    data = tree_payload(tree)
    assert json.loads(json.dumps(data)) == data
    assert data["schema_version"] == EXPORT_VERSION
    assert data["root"] == tree.root
    assert [g["id"] for g in data["gates"]] == list(tree.gate_ids)
    assert [e["id"] for e in data["exits"]] == list(tree.exit_ids)
    for g, gate in zip(data["gates"], tree.gates, strict=True):
        assert g["label"] == gate.label
        assert [a["next"] for a in g["answers"]] == [a.next for a in gate.answers]
        assert [a["layer"] for a in g["answers"]] == [a.layer for a in gate.answers]


def test_every_state_of_every_walk_is_precomputed(tree: Tree) -> None:
    data = tree_payload(tree)
    states = data["states"]
    decisions = list(all_states(tree))
    assert len(states) == len(decisions) == len({d.key for d in decisions})
    for d in decisions:
        entry = states[d.key]
        assert entry["exit"] == d.exit
        assert entry["ask"] == d.next_gate
        assert entry["components"] == list(d.components)
        full = card(d)  # the walker shows the path as its trail and asks with its own form
        shown = as_data(replace(full, sections=tuple(s for s in full.sections
                                                     if s.id not in ("path", "allowed"))))
        assert entry["card"] == {k: v for k, v in shown.items() if k not in WALKER_CARD_DROPS}
        assert entry["exit"] == shown["exit"]
        assert entry["components"] == shown["components"]
        assert entry["ask"] == shown["next_gate"]
        assert shown["notices"] == []  # a state has none: the walker words off-path answers
        assert entry["marks"] == as_data(marks(d))
        assert entry["leads"] == as_data(answer_leads(d))
        for answer, words in entry["leads"].items():  # named as this walk would reach it
            after = decide({**d.answers, str(d.next_gate): answer}, tree)
            if after.exit is not None:
                assert tree.exit(after.exit).title in "".join(s[0] for s in words)
        if d.complete:
            assert entry["next"] == {}
            lines = data["records"]["lines"]
            # The record's template, its lines kept once across every walk.
            assert [lines[i] for i in entry["record"]] == template_data(decision_template(d))
        else:
            gate = tree.gate(str(d.next_gate))
            assert list(entry["next"]) == list(gate.answer_ids)
            for answer, key in entry["next"].items():
                # Each transition leads to the state of the walk one answer longer.
                assert states[key]["card"]["path"][-1]["answer"] == answer
                assert key.startswith(d.key)


def test_the_walker_gets_its_words_from_the_presentation_layer(tree: Tree) -> None:
    walker = tree_payload(tree)["walker"]
    # The words the walker shows are the presentation layer's, by value, not its own copies.
    assert set(walker["labels"].values()) <= set(LABELS.values())
    assert set(walker["headings"].values()) <= set(HEADINGS.values())
    for gate in tree.gates:
        view = walker["gates"][gate.id]
        assert view["name"] == gate_name(gate)
        assert [a["label"] for a in view["answers"]] == [a.label for a in gate.answers]
    for gate in tree.gates:
        template = walker["messages"]["answer"][gate.id]
        assert template.startswith("unknown answer {value} for gate ")
        assert str(gate.answer_ids[0]) in template


def test_payload_carries_the_tree_in_words_as_data(tree: Tree) -> None:
    data = tree_payload(tree)["tree_words"]
    assert data == as_data(tree_words(tree))
    assert [q for q, _ in data["questions"]] == [f"{g.label}: {g.question}" for g in tree.gates]

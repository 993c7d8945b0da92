"""The JSON export's data: complete, JSON-safe, and in agreement with the engine."""

from __future__ import annotations

import json

from ragft.engine import all_walks, answers_key
from ragft.model import Tree
from ragft.payload import tree_payload
from ragft.record import DATE_PLACEHOLDER, decision_record


def test_payload_round_trips_through_json(tree: Tree) -> None:
    data = tree_payload(tree)
    assert json.loads(json.dumps(data)) == data
    assert data["schema_version"] == 1
    assert data["root"] == tree.root
    assert [g["id"] for g in data["gates"]] == list(tree.gate_ids)
    assert [e["id"] for e in data["exits"]] == list(tree.exit_ids)
    for g, gate in zip(data["gates"], tree.gates, strict=False):
        assert g["label"] == gate.label
        assert [a["next"] for a in g["answers"]] == [a.next for a in gate.answers]


def test_every_walk_is_precomputed_from_the_engine(tree: Tree) -> None:
    walks = tree_payload(tree)["walks"]
    decisions = list(all_walks(tree))
    assert len(walks) == len(decisions)
    for d in decisions:
        entry = walks[answers_key(d.answers)]
        assert entry["exit"] == d.exit
        assert entry["kind"] == d.kind
        assert entry["flips"] == d.to_dict()["flips"]
        assert entry["record"] == decision_record(d, date=DATE_PLACEHOLDER)
        assert entry["record"].replace(DATE_PLACEHOLDER, "2026-02-03") == decision_record(
            d, date="2026-02-03"
        )


def test_payload_carries_the_diagram_text_alternative(tree: Tree) -> None:
    from ragft.diagram import text_alternative

    text = tree_payload(tree)["text_alternative"]
    assert text == text_alternative(tree)
    for gate in tree.gates:
        assert gate.question in text

"""The tree file: loaded into frozen data, and every broken file rejected with a clear error."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from ragft.errors import TreeError
from ragft.tree.loader import default_tree, load_tree, parse_tree
from ragft.tree.model import Tree

SPEC_GATES = ("prompting", "context", "knowledge", "depth", "data", "format", "budget")
SPEC_EXITS = ("prompt_first", "long_context", "rag_dynamic", "rag_reference",
              "rag_or_prompting", "fine_tune", "rag_prompts", "hybrid")
# Ours (the spec leaves them to us): variants of the exits above for the long-context layer.
OUR_EXITS = ("long_context_refresh", "long_context_evals", "long_context_prompts",
             "hybrid_long_context")


def shipped() -> dict[str, Any]:
    """The shipped tree file as plain data, to break in tests."""
    text = (resources.files("ragft.tree") / "data" / "tree.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_shipped_tree_has_the_spec_ids(tree: Tree) -> None:
    assert tree.gate_ids == SPEC_GATES
    assert set(tree.exit_ids) == set(SPEC_EXITS + OUR_EXITS)
    assert len(tree.exit_ids) == len(SPEC_EXITS + OUR_EXITS)
    variants = {e.id: (e.variant_of, e.layer) for e in tree.exits if e.variant_of}
    assert set(variants) == set(OUR_EXITS) | {"long_context"}
    assert {layer for _, layer in variants.values()} == {"long_context"}
    assert tree.root == "prompting"
    assert [g.stage for g in tree.gates] == ["precheck"] * 2 + ["gate"] * 5


def test_tree_is_immutable(tree: Tree) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.root = "knowledge"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.gates[0].answers[0].next = "hybrid"  # type: ignore[misc]
    assert isinstance(tree.gates, tuple)
    assert all(isinstance(g.answers, tuple) for g in tree.gates)


def test_default_tree_is_loaded_once() -> None:
    assert default_tree() is default_tree()
    assert load_tree() is default_tree()


def test_tree_is_hashable_and_equal_to_a_reload(tree: Tree) -> None:
    again = parse_tree(shipped(), "again")
    assert again == tree
    assert hash(again) == hash(tree)


@pytest.mark.parametrize("gate_id", SPEC_GATES)
def test_every_gate_has_full_content(tree: Tree, gate_id: str) -> None:
    gate = tree.gate(gate_id)
    assert gate.question.endswith("?")
    assert gate.explanation
    assert gate.example is not None
    assert gate.example.note
    for answer in gate.answers:
        assert answer.label, answer.id
        assert answer.meaning, answer.id
        assert answer.signals, answer.id


@pytest.mark.parametrize("exit_id", SPEC_EXITS)
def test_every_exit_says_what_to_build(tree: Tree, exit_id: str) -> None:
    ex = tree.exit(exit_id)
    assert ex.build
    assert ex.summary
    assert ex.components
    assert tree.kind(ex.kind).label


def test_spec_warnings_are_present(tree: Tree) -> None:
    assert any("permission" in w for w in tree.exit("rag_reference").warnings)
    assert any("forgetting" in w for w in tree.exit("fine_tune").warnings)
    assert any("gate 5" in w for w in tree.exit("fine_tune").warnings)  # the budget caveat


def test_custom_tree_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    data = shipped()
    data["title"] = "Our team's tree"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_tree(path).title == "Our team's tree"
    assert load_tree(path).origin == str(path)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation setting a dotted path (list indices as numbers) in the tree data."""

    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return apply


def _append_gate(data: dict[str, Any]) -> None:
    extra = copy.deepcopy(data["gates"][-1])
    extra["id"] = "orphan"
    data["gates"].append(extra)


def _duplicate_gate(data: dict[str, Any]) -> None:
    data["gates"].append(copy.deepcopy(data["gates"][1]))


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("dangling answer", _set("gates.2.answers.0.next", "rag_dynamc"),
     r"gate 'knowledge' answer 'changing': unknown next node 'rag_dynamc' \(must be one of"),
    ("cycle", _set("gates.6.answers.1.next", "knowledge"), r"cycle: knowledge -> .* -> knowledge"),
    ("root pointed at", _set("gates.3.answers.0.next", "prompting"),
     r"root 'prompting': answer of gate 'depth' leads back to the root"),
    ("unreachable gate", _append_gate, r"gate 'orphan': not reachable from the root"),
    ("duplicate gate", _duplicate_gate, r"gates: duplicate id 'context'"),
    ("unknown root", _set("root", "start"), r"root: unknown gate 'start' \(must be one of"),
    ("bool answer id", _set("gates.0.answers.0.id", False),
     r"id must be a string, got False \(quote it"),
    ("bad id shape", _set("gates.0.id", "Pre Check"), r"id 'Pre Check' must match"),
    ("unknown key", _set("gates.0.colour", "red"), r"gates\[0\] \(gate 'prompting'\): unknown key 'colour'"),
    ("missing question", lambda d: d["gates"][2].pop("question"),
     r"gate 'knowledge'\): missing key 'question'"),
    ("one answer only", lambda d: d["gates"][2]["answers"].pop(),
     r"gate 'knowledge': needs at least two answers"),
    ("unknown kind", _set("exits.0.kind", "magic"), r"exit 'prompt_first': unknown kind 'magic'"),
    ("unknown component", _set("exits.0.components", ["magic"]), r"unknown component 'magic'"),
    ("unknown source", _set("gates.0.sources", ["nobody"]), r"unknown source 'nobody'"),
    ("bad colour", _set("kinds.0.color", "blue"), r"color 'blue' must be #RRGGBB"),
    # The comparison is keyed by the tree's kinds: a column no kind has is a typo.
    ("comparison column", _set("paths.0.retrieval", "x"),
     r"paths\[0\]: unknown key 'retrieval' \(must be one of \['aspect', 'rag', "),
    ("comparison row empty", _set("paths.0", {"aspect": "Speed"}),
     r"paths\[0\]: a row compares at least one kind of exit"),
    ("schema version", _set("schema_version", 99), r"unsupported schema_version 99"),
    ("example answer", _set("gates.2.example.answer", "sometimes"),
     r"gate 'knowledge' example: unknown answer 'sometimes' \(must be one of \['changing', 'static'\]\)"),
    ("case answer", _set("example.requirements.0.answers.2", ["knowledge", "sometimes"]),
     r"requirement 'facts' gate 'knowledge': unknown answer 'sometimes'"),
    ("case exit", _set("cases.0.requirements.0.exit", "nowhere"), r"unknown exit 'nowhere'"),
    ("case exit elsewhere", _set("example.requirements.0.exit", "hybrid"),
     r"requirement 'facts': its answers lead to 'rag_dynamic', not to its exit 'hybrid'"),
    ("case walk unfinished", lambda d: d["example"]["requirements"][0].update(
        answers=[["prompting", "yes"]], assumed=[]),
     r"requirement 'facts': its answers lead to 'context', not to its exit 'rag_dynamic'"),
    ("not a mapping", _set("gates.0", "prompting"), r"gates\[0\]: must be a mapping of keys to values, got text \('prompting'\)"),
]


@pytest.mark.parametrize(("mutate", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_tree_is_rejected_with_file_and_place(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = shipped()
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(TreeError) as info:
        load_tree(path)
    text = str(info.value)
    assert text.startswith(f"{path}: "), text
    assert re.search(message, text), text


def test_unquoted_yes_in_yaml_gets_a_hint(tmp_path: Path) -> None:
    text = (resources.files("ragft.tree") / "data" / "tree.yaml").read_text(encoding="utf-8")
    path = tmp_path / "unquoted.yaml"
    path.write_text(text.replace('- id: "no"', "- id: no", 1), encoding="utf-8")
    with pytest.raises(TreeError, match=r"gate 'prompting'.*got False \(quote it, e\.g\. \"yes\"\)"):
        load_tree(path)


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("gates: [\n  {id: x\n", encoding="utf-8")
    with pytest.raises(TreeError, match=r"bad\.yaml: line \d+: not valid YAML or JSON"):
        load_tree(path)


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: None, r"nope\.yaml: no such file \(check the path"),
    (lambda p: p.mkdir(), r"nope\.yaml: is a folder, not a tree file"),
    (lambda p: p.write_text("  \n", encoding="utf-8"), r"nope\.yaml: the file is empty"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff"), r"nope\.yaml: not a text file"),
    (lambda p: p.write_bytes(b"gates: \x00\x01"), r"nope\.yaml: not a text file"),
], ids=["missing", "folder", "empty", "binary", "nul"])
def test_unreadable_tree_files_get_one_line(
        tmp_path: Path, make: Callable[[Path], None], message: str) -> None:
    path = tmp_path / "nope.yaml"
    make(path)
    with pytest.raises(TreeError, match=message) as info:
        load_tree(path)
    text = str(info.value)
    assert "\n" not in text
    assert "Error" not in text
    assert "Errno" not in text


def test_yaml_errors_point_at_the_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text('title: "ok"\nroot: "unclosed\nkinds: []\n', encoding="utf-8")
    with pytest.raises(TreeError, match=r"bad\.yaml: line 2: not valid YAML"):
        load_tree(path)


def test_json_tree_file_works(tmp_path: Path) -> None:
    import json

    path = tmp_path / "tree.json"
    path.write_text(json.dumps(shipped()), encoding="utf-8")
    assert load_tree(path).gate_ids == SPEC_GATES


def test_an_export_is_not_a_tree_file(tmp_path: Path) -> None:
    import json

    from ragft.web.payload import tree_payload

    path = tmp_path / "tree.json"
    path.write_text(json.dumps(tree_payload()), encoding="utf-8")
    with pytest.raises(TreeError, match=r"tree\.json: this is an export of ragft \(tree\.json\), not a tree file"):
        load_tree(path)

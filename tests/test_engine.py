"""The engine: every walk ends at exactly one exit, flips are right, bad input is named."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ragft.engine import (
    Decision,
    all_answer_sets,
    all_walks,
    answers_key,
    decide,
    parse_answers,
    path_to,
)
from ragft.errors import (
    AnswerSyntaxError,
    IncompleteDecisionError,
    UnknownAnswerError,
    UnknownGateError,
)
from ragft.loader import default_tree
from ragft.model import Tree

TREE = default_tree()


def answer_subsets() -> st.SearchStrategy[dict[str, str]]:
    """Any subset of the gates, each with any of its answers."""
    return st.fixed_dictionaries(
        {},
        optional={g.id: st.sampled_from(g.answer_ids) for g in TREE.gates},
    )


def reference_walk(answers: dict[str, str], tree: Tree) -> Iterator[str]:
    """The nodes visited, followed step by step from the data (independent of the engine)."""
    node = tree.root
    yield node
    while node in tree.gate_ids and node in answers:
        node = next(a.next for a in tree.gate(node).answers if a.id == answers[node])
        yield node


@pytest.mark.parametrize("answers", list(all_answer_sets()), ids=answers_key)
def test_every_full_answer_set_ends_at_exactly_one_exit(answers: dict[str, str]) -> None:
    d = decide(answers)
    assert d.complete
    assert d.next_gate is None
    assert d.exit in TREE.exit_ids
    visited = list(reference_walk(answers, TREE))
    assert visited[-1] == d.exit
    assert [s.gate for s in d.path] == visited[:-1]
    assert sorted(d.answers.items() | set(d.off_path)) == sorted(answers.items())


def test_all_eight_exits_are_reachable() -> None:
    reached = {decide(a).exit for a in all_answer_sets()}
    assert reached == set(TREE.exit_ids)
    assert sorted(d.exit for d in all_walks() if d.exit) == sorted(TREE.exit_ids)


@given(answer_subsets())
def test_partial_answers_stop_at_the_first_unanswered_gate(answers: dict[str, str]) -> None:
    d = decide(answers)
    visited = list(reference_walk(answers, TREE))
    if d.complete:
        assert d.exit == visited[-1]
    else:
        assert d.next_gate == visited[-1]
        assert d.next_gate not in answers
        assert d.flips == ()
    on_path = {s.gate for s in d.path}
    assert {g for g, _ in d.off_path} == set(answers) - on_path


@given(answer_subsets())
def test_flips_name_where_the_other_answer_leads(answers: dict[str, str]) -> None:
    d = decide(answers)
    if not d.complete:
        return
    assert len(d.flips) == sum(len(TREE.gate(s.gate).answers) - 1 for s in d.path)
    for flip in d.flips:
        gate = TREE.gate(flip.gate)
        assert flip.answer == answers[flip.gate] != flip.alternative
        assert flip.leads_to == gate.answer(flip.alternative).next
        flipped = decide({**answers, flip.gate: flip.alternative})
        assert flip.lands_at == flipped.exit
        assert flipped.exit != d.exit or flip.lands_at is None or flipped.path != d.path


def test_running_example_requirements(tree: Tree) -> None:
    assert tree.example is not None
    exits = [decide(dict(r.answers)).exit for r in tree.example.requirements]
    assert exits == ["rag_dynamic", "rag_reference", "rag_prompts"]


@pytest.mark.parametrize("case", TREE.cases, ids=lambda c: c.id)
def test_named_cases_reach_their_exits(case: object) -> None:
    for req in case.requirements:  # type: ignore[attr-defined]
        assert decide(dict(req.answers)).exit == req.exit


def test_unknown_answer_message() -> None:
    with pytest.raises(UnknownAnswerError) as info:
        decide({"knowledge": "sometimes"})
    assert str(info.value) == (
        "unknown answer 'sometimes' for gate 'knowledge' (must be one of ['changing', 'static'])"
    )


def test_unknown_gate_message() -> None:
    with pytest.raises(UnknownGateError) as info:
        decide({"vibes": "good"})
    assert str(info.value) == (
        "unknown gate 'vibes' (must be one of ['budget', 'context', 'data', 'depth', 'format', "
        "'knowledge', 'prompting'])"
    )
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["knowledge"], r"bad answer 'knowledge': expected gate=answer"),
        (["=static"], r"bad answer '=static': expected gate=answer"),
        (["knowledge=static", "knowledge=changing"], r"'knowledge' is already answered 'static'"),
    ],
)
def test_parse_answers_rejects_bad_syntax(items: list[str], message: str) -> None:
    with pytest.raises(AnswerSyntaxError, match=message):
        parse_answers(items)


def test_parse_answers_checks_ids() -> None:
    with pytest.raises(UnknownAnswerError, match=r"for gate 'depth'"):
        parse_answers(["depth=shallow"])
    assert parse_answers([" knowledge = static ", "knowledge=static"]) == {"knowledge": "static"}


def test_incomplete_decision_names_the_next_gate() -> None:
    d = decide({"prompting": "yes"})
    with pytest.raises(IncompleteDecisionError, match=r"gate 'context' needs an answer"):
        d.require_exit()


def test_to_dict_keys_and_values() -> None:
    d = decide({"prompting": "yes", "context": "no", "knowledge": "changing", "budget": "no"})
    data = d.to_dict()
    assert {"exit", "kind", "path", "next", "flips"} <= set(data)
    assert data["path"] == [["prompting", "yes"], ["context", "no"], ["knowledge", "changing"]]
    assert data["off_path"] == [["budget", "no"]]
    assert data["kind"] == "rag"
    assert data["next"] is None


@pytest.mark.parametrize("node", TREE.gate_ids + TREE.exit_ids)
def test_path_to_reaches_the_node(node: str) -> None:
    answers = path_to(node)
    d: Decision = decide(answers)
    assert (d.exit or d.next_gate) == node


def test_decisions_are_values() -> None:
    a = decide({"prompting": "no"})
    assert a == decide({"prompting": "no"})
    assert a != decide({"prompting": "yes"})

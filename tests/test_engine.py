"""The engine: every walk ends at exactly one exit, flips are right, bad input is named."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ragft.engine.decision import (
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
from ragft.tree.loader import default_tree
from ragft.tree.model import Tree

TREE = default_tree()


def answer_subsets() -> st.SearchStrategy[dict[str, str]]:
    """Any subset of the gates, each with any of its answers."""
    return st.fixed_dictionaries(
        {},
        optional={g.id: st.sampled_from(g.answer_ids) for g in TREE.gates},
    )


def reference_walk(answers: dict[str, str], tree: Tree) -> Iterator[str]:
    """The nodes visited, followed step by step from the data (independent of the engine):
    the last answer that names a layer picks the variant of the exit reached."""
    node, layer = tree.root, ""
    yield node
    while node in tree.gate_ids and node in answers:
        answer = next(a for a in tree.gate(node).answers if a.id == answers[node])
        layer = answer.layer or layer
        node = answer.next
        if node in tree.exit_ids:
            node = next((e.id for e in tree.exits if e.variant_of == node and e.layer == layer),
                        node)
        yield node


# The spec's table ("What the context pre-check decides (revised)" and the exits table): each
# walk after the pre-checks, for each knowledge layer, with its exit, kind and components.
SPEC = {
    "context=no": {
        "knowledge=changing": ("rag_dynamic", "rag", ("retrieval", "prompting")),
        "knowledge=static&depth=reference": ("rag_reference", "rag", ("retrieval", "prompting")),
        "knowledge=static&depth=deep&data=no": ("rag_or_prompting", "rag",
                                                ("retrieval", "prompting")),
        "knowledge=static&depth=deep&data=yes&format=yes": ("fine_tune", "fine_tune",
                                                            ("fine_tuning", "prompting")),
        "knowledge=static&depth=deep&data=yes&format=no&budget=no": (
            "rag_prompts", "rag", ("retrieval", "prompting")),
        "knowledge=static&depth=deep&data=yes&format=no&budget=yes": (
            "hybrid", "hybrid", ("fine_tuning", "retrieval", "prompting")),
    },
    "context=yes": {
        "knowledge=changing": ("long_context_refresh", "long_context",
                               ("long_context", "prompting")),
        "knowledge=static&depth=reference": ("long_context", "long_context",
                                             ("long_context", "prompting")),
        "knowledge=static&depth=deep&data=no": ("long_context_evals", "long_context",
                                                ("long_context", "prompting")),
        "knowledge=static&depth=deep&data=yes&format=yes": ("fine_tune", "fine_tune",
                                                            ("fine_tuning", "prompting")),
        "knowledge=static&depth=deep&data=yes&format=no&budget=no": (
            "long_context_prompts", "long_context", ("long_context", "prompting")),
        "knowledge=static&depth=deep&data=yes&format=no&budget=yes": (
            "hybrid_long_context", "hybrid", ("fine_tuning", "long_context", "prompting")),
    },
}


@pytest.mark.parametrize(("layer", "rest"), [(layer, rest) for layer, walks in SPEC.items()
                                             for rest in walks])
def test_each_knowledge_layer_decides_as_the_spec_says(layer: str, rest: str) -> None:
    answers = parse_answers(f"prompting=yes&{layer}&{rest}".split("&"))
    d = decide(answers)
    assert (d.exit, d.kind, d.components) == SPEC[layer][rest]
    assert d.layer == ("long_context" if layer == "context=yes" else "retrieval")
    assert d.summary == TREE.summarise(d.components)
    if layer == "context=yes":
        assert "retrieval" not in d.components


def test_the_spec_table_covers_every_walk_after_the_prechecks() -> None:
    walked = {d.key for d in all_walks() if len(d.path) > 2}
    table = {f"prompting=yes&{layer}&{rest}" for layer, walks in SPEC.items() for rest in walks}
    assert walked == table


def test_an_old_long_context_link_now_continues_to_gate_one() -> None:
    d = decide({"prompting": "yes", "context": "yes"})
    assert (d.exit, d.next_gate, d.layer) == (None, "knowledge", "long_context")


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


def test_every_exit_is_reachable() -> None:
    reached = {decide(a).exit for a in all_answer_sets()}
    assert reached == set(TREE.exit_ids)
    assert {d.exit for d in all_walks()} == set(TREE.exit_ids)


@settings(deadline=None)  # the first example pays for imports; speed is measured in benchmarks/
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


@settings(deadline=None)
@given(answer_subsets())
def test_flips_name_where_the_other_answer_leads(answers: dict[str, str]) -> None:
    d = decide(answers)
    if not d.complete:
        assert d.flips == ()
        return
    assert len(d.flips) == sum(len(TREE.gate(s.gate).answers) - 1 for s in d.path)
    for flip in d.flips:
        gate = TREE.gate(flip.gate)
        assert flip.answer == answers[flip.gate] != flip.alternative
        assert flip.leads_to == gate.answer(flip.alternative).next
        flipped = decide({**answers, flip.gate: flip.alternative})
        assert flip.lands_at == flipped.exit


def test_running_example_requirements(tree: Tree) -> None:
    assert tree.example is not None
    exits = [decide(dict(r.answers)).exit for r in tree.example.requirements]
    assert exits == ["rag_dynamic", "rag_reference", "rag_prompts"]


def test_honeycomb_fits_in_context_and_still_fine_tunes(tree: Tree) -> None:
    honeycomb = next(c for c in tree.cases if c.id == "honeycomb")
    (req,) = honeycomb.requirements
    d = decide(dict(req.answers))
    assert dict(req.answers)["context"] == "yes"
    assert (d.exit, d.layer) == ("fine_tune", "long_context")
    assert "retrieval" not in honeycomb.description.lower()


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
        "unknown gate 'vibes' (must be one of ['prompting', 'context', 'knowledge', 'depth', "
        "'data', 'format', 'budget'])"
    )
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["knowledge"], r"bad answer 'knowledge': expected gate=answer"),
        (["=static"], r"bad answer '=static': expected gate=answer"),
        (["knowledge=static", "knowledge=changing"], r"'knowledge=changing': that gate is already answered"),
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
    assert {"exit", "kind", "path", "next", "flips", "components", "summary"} <= set(data)
    assert (data["components"], data["summary"]) == (["retrieval", "prompting"], "RAG + prompts")
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

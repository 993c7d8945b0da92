"""Every self-check question in ``quizzes.yaml``, graded by ragft from its data.

One row per question: its right answer is computed (by the tree or the calculators), every
choice has feedback, the scenario describes the situation rather than quoting the tree's own
answer labels, and each gate notebook asks for judgement of more than one kind.
"""

from __future__ import annotations

import pytest

from ragft.guide import _grading, _quiz_data
from ragft.tree.model import Tree

ROWS = [(quiz_id, q) for quiz_id in _quiz_data.quiz_ids() for q in _quiz_data.questions(quiz_id)]
GATE_QUIZZES = ("knowledge", "depth", "data", "format", "budget")


def _id(row: tuple[str, _quiz_data.Question]) -> str:
    return f"{row[0]}/{row[1].id}"


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_each_question_is_graded_by_ragft(row: tuple[str, _quiz_data.Question], tree: Tree) -> None:
    quiz_id, q = row
    right = _grading.right_answer(q, tree)
    assert right == q.expect
    item = next(i for i in _grading.items(quiz_id, tree) if i.id == q.id)
    assert [k for k, _ in item.options] == [c.key for c in q.choices]
    assert [item.grade(k) for k, _ in item.options].count(True) == 1
    assert set(item.feedback) == {c.key for c in q.choices}
    assert all(len(text) > 40 for text in item.feedback.values())


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_a_scenario_does_not_quote_the_answers_it_tests(row: tuple[str, _quiz_data.Question],
                                                        tree: Tree) -> None:
    _, q = row
    scenario = q.scenario.lower()
    for gate_id in q.tested_gates:
        for answer in tree.gate(gate_id).answers:
            assert answer.label.lower() not in scenario, (
                f"{q.id}: the scenario quotes {gate_id}'s answer {answer.label!r}")


@pytest.mark.parametrize("quiz_id", GATE_QUIZZES)
def test_a_gate_notebook_asks_for_judgement(quiz_id: str) -> None:
    kinds = [q.kind for q in _quiz_data.questions(quiz_id)]
    assert len(kinds) >= 4
    assert sum(k != "lands" for k in kinds) >= 2, kinds


def test_every_kind_is_used() -> None:
    assert {q.kind for _, q in ROWS} == set(_quiz_data.KINDS)


def test_a_wrong_answer_is_rejected_by_id(tree: Tree) -> None:
    item = _grading.items("budget", tree)[0]
    with pytest.raises(ValueError, match=r"unknown choice 'nope' \(must be one of"):
        item.grade("nope")

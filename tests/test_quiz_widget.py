"""The notebook self-check widget, headless: choose, Check, score, Try again, state kept.

Python grades: the view only sets the radio group's value and presses buttons, so a test that
does the same drives the widget as a learner does.
"""

from __future__ import annotations

import json

import ipywidgets as w
import pytest

from ragft.guide import _grading, quiz
from ragft.tree.model import Tree
from ragft.widgets.quiz import Quiz

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture
def budget(tree: Tree) -> Quiz:
    return quiz.show("budget", tree)


def _wrong(item: _grading.Item) -> str:
    return next(k for k, _ in item.options if k != item.right)


def test_a_right_answer_is_graded_and_scored(budget: Quiz) -> None:
    first = budget.questions[0]
    assert budget.score == (0, 5)
    assert "0 of 5 right" in budget.score_box.value
    first.choice.value = first.item.right
    first.check_button.click()
    assert budget.score == (1, 5)
    assert "1 of 5 right" in budget.score_box.value
    assert first.feedback.value.count("<strong>Right.</strong>") == 1
    assert first.item.feedback[first.item.right] in first.feedback.value
    assert first.check_button.disabled
    assert not first.retry_button.disabled


def test_a_wrong_answer_shows_its_own_feedback(budget: Quiz) -> None:
    second = budget.questions[1]
    key = _wrong(second.item)
    second.choice.value = key
    second.check_button.click()
    assert "<strong>Not this one.</strong>" in second.feedback.value
    assert second.item.feedback[key] in second.feedback.value
    assert budget.score == (0, 5)


def test_check_without_an_answer_asks_for_one(budget: Quiz) -> None:
    q = budget.questions[0]
    q.check_button.click()
    assert "Choose an answer first." in q.feedback.value
    assert q.checked is None


def test_try_again_clears_the_answer_and_the_score(budget: Quiz) -> None:
    q = budget.questions[2]
    q.choice.value = q.item.right
    q.check_button.click()
    q.retry_button.click()
    assert (q.choice.value, q.checked, q.feedback.value) == (None, None, "")
    assert budget.score == (0, 5)
    assert q.retry_button.disabled
    assert not q.check_button.disabled
    assert q.choice.focus_pending  # the keyboard goes back to the answers


def test_a_new_choice_after_check_is_not_graded_until_checked(budget: Quiz) -> None:
    q = budget.questions[0]
    q.choice.value = q.item.right
    q.check_button.click()
    q.choice.value = _wrong(q.item)
    assert q.feedback.value == ""
    assert budget.score == (0, 5)
    q.check_button.click()
    assert "Not this one" in q.feedback.value


def test_the_state_round_trips(budget: Quiz, tree: Tree) -> None:
    a, b = budget.questions[0], budget.questions[3]
    a.choice.value = a.item.right
    a.check_button.click()
    b.choice.value = _wrong(b.item)
    b.check_button.click()
    again = Quiz("budget", _grading.items("budget", tree), state=budget.state)
    assert again.state == budget.state == {a.item.id: a.item.right, b.item.id: b.choice.value}
    assert again.score == budget.score == (1, 5)
    assert [q.feedback.value for q in again.questions] == [
        q.feedback.value for q in budget.questions]


def test_what_jupyterlab_saves_holds_the_answers(budget: Quiz) -> None:
    """JupyterLab saves every model's synced state; reopened, the views draw from it."""
    q = budget.questions[0]
    q.choice.value = q.item.right
    q.check_button.click()
    saved = w.Widget.get_manager_state(drop_defaults=False)["state"]
    states = {m: s["state"] for m, s in saved.items()}
    assert states[q.choice.model_id]["value"] == q.item.right
    assert "Right." in states[q.feedback.model_id]["value"]
    assert "1 of 5 right" in states[budget.score_box.model_id]["value"]
    assert states[q.check_button.model_id]["disabled"] is True


def test_the_view_is_not_told_the_answer(budget: Quiz) -> None:
    """The right answer is never in the radio group's synced state: the JS decides nothing."""
    for q in budget.questions:
        state = json.dumps(q.choice.get_state())
        assert "Right." not in state
        assert "data-right" not in state


def test_the_output_carries_the_widget_and_the_static_form(budget: Quiz) -> None:
    bundle = budget._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    assert bundle["text/html"].startswith("<form class='ragft-quiz")
    assert bundle["text/html"].count("class='ragft-quiz-item'") == 5
    assert bundle["text/plain"] == "Self-check, 5 questions: graded here once the cell has run."

"""A notebook's graded self-check: pick one answer, press Check, read why; a score; retry.

Each question is a :class:`~ragft.widgets.choice.Choice` radio group (keyboard-operable: the
arrow keys move, Space or Enter chooses) with a *Check* and a *Try again* button under it.
Python grades: the right choice and the feedback for every choice come worked out by
:func:`ragft.guide._grading.items`, and a press of *Check* looks the chosen answer up there; the
view only reports what was chosen. What the learner did lives in the widgets' own state (the
radio's value, the feedback shown, the score), which JupyterLab saves with the notebook.

In a notebook whose widget view is not drawn (stored without widget state, GitHub, the course
site), the output shows the static form of :func:`ragft.guide.quiz.form_html` instead: the
same questions, with the data the site's script grades from.

Example:
    >>> from ragft.guide import quiz
    >>> q = Quiz("knowledge", quiz.items("knowledge"))
    >>> first = q.questions[0]
    >>> first.choice.value = first.item.right
    >>> first.check_button.click()
    >>> q.score
    (1, 5)
    >>> first.retry_button.click(); q.score
    (0, 5)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from ..guide._grading import Item
from ..guide.quiz import form_html, head_html, html_element
from ..present.guide_words import QUIZ
from ..present.html import esc
from ._common import PlaceholderRepr, style_box, text_box
from .choice import Choice

__all__ = ["Quiz"]


class QuizQuestion(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """One question: scenario, radio group, Check and Try again, the feedback once checked."""

    def __init__(self, item: Item, on_change: Any = None) -> None:
        self.item = item
        self.scenario = text_box("ragft-quiz-head", head_html(item))
        letters = "ABCDEF"
        self.choice = Choice(options=[(k, f"{letters[i]}. {label}")
                                      for i, (k, label) in enumerate(item.options)],
                             legend=item.ask)
        self.check_button = w.Button(description=QUIZ["check"], layout=w.Layout(width="auto"))
        self.retry_button = w.Button(description=QUIZ["retry"], layout=w.Layout(width="auto"),
                                     disabled=True)
        self.feedback = text_box("ragft-quiz-feedback")
        #: The answer checked, or ``None``; kept in the widgets' state as the feedback shown.
        self.checked: str | None = None
        self._on_change = on_change
        self.check_button.on_click(lambda _: self.check())
        self.retry_button.on_click(lambda _: self.retry())
        self.choice.observe(self._changed, names="value")
        buttons = w.HBox([self.check_button, self.retry_button])
        buttons.add_class("ragft-quiz-buttons")
        super().__init__([self.scenario, self.choice, buttons, self.feedback])
        self.add_class("ragft-quiz-question")

    @property
    def right(self) -> bool:
        """Whether the answer checked is the right one."""
        return self.checked is not None and self.item.grade(self.checked)

    def check(self) -> None:
        """Grade the chosen answer and show its feedback (or ask for an answer first)."""
        key = self.choice.value
        if key is None:
            self.feedback.value = f"<p role='status'>{esc(QUIZ['pick_first'])}</p>"
            return
        self.checked = key
        state = "right" if self.item.grade(key) else "wrong"
        self.feedback.value = html_element("div", html_element("p", self.item.feedback[key]),
                                           role="status", class_=f"ragft-quiz-{state}")
        self.retry_button.disabled = False
        self.check_button.disabled = True
        if self._on_change:
            self._on_change()

    def retry(self) -> None:
        """Clear the answer and its feedback, to answer again."""
        self.checked = None
        self.feedback.value = ""
        self.choice.value = None
        self.retry_button.disabled = True
        self.check_button.disabled = False
        self.choice.focus_pending = True
        if self._on_change:
            self._on_change()

    def _changed(self, change: Mapping[str, Any]) -> None:
        # A new answer after a check is not graded yet: the old feedback goes.
        if self.checked is not None and change["new"] != self.checked:
            self.checked = None
            self.feedback.value = ""
            self.retry_button.disabled = True
            if self._on_change:
                self._on_change()
        self.check_button.disabled = False


class Quiz(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """A quiz's questions, each graded on *Check*, and the score ("2 of 4 right").

    Args:
        quiz_id: the quiz's id in ``quizzes.yaml`` (for the static form's name).
        items: the questions, from :func:`ragft.guide._grading.items`.
        state: answers to restore, question id to the answer checked (see :attr:`state`).
    """

    widget_name = QUIZ["quiz"]

    def __init__(self, quiz_id: str, items: tuple[Item, ...], *,
                 state: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        self.quiz_id = quiz_id
        self.items = items
        self.questions = [QuizQuestion(it, self._update) for it in items]
        self.score_box = text_box("ragft-quiz-score")
        super().__init__([style_box(), *self.questions, self.score_box], **kwargs)
        self.add_class("ragft-quiz")
        self.add_class("mathjax_ignore")  # amounts such as $1,200 are not maths
        self.add_class("tex2jax_ignore")
        for q in self.questions:
            if state and q.item.id in state:
                q.choice.value = state[q.item.id]
                q.check()
        self._update()

    def placeholder(self) -> str:
        return QUIZ["placeholder"].format(count=len(self.items))

    @property
    def score(self) -> tuple[int, int]:
        """(right, total): the questions checked right, and all the questions."""
        return sum(q.right for q in self.questions), len(self.questions)

    @property
    def state(self) -> dict[str, str]:
        """What the learner checked, question id to answer id (a new quiz takes it back)."""
        return {q.item.id: q.checked for q in self.questions if q.checked is not None}

    def _update(self) -> None:
        right, total = self.score
        text = QUIZ["score"].format(right=right, total=total)
        self.score_box.value = (f"<p role='status'><strong>{esc(QUIZ['score_label'])}:</strong> "
                                f"{esc(text)}</p>")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        data = super()._repr_mimebundle_(**kwargs)
        data["text/html"] = form_html(self.quiz_id, self.items)
        return data

"""A column of gate questions disclosed one at a time, as the walk goes on.

The root gate shows first; each answer shows the gate it leads to, and changing an earlier answer
drops the gates after it. Which gate comes next is always asked of :func:`ragft.engine.decide`.

Example:
    >>> from ragft.widgets._path import AnswerPath
    >>> path = AnswerPath()
    >>> [q.gate_id for q in path.questions]
    ['prompting']
    >>> path.question("prompting").answer = "yes"
    >>> [q.gate_id for q in path.questions]
    ['prompting', 'context']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from ..engine import Decision, decide
from ..errors import UnknownGateError
from ..model import Tree
from ._common import resolve_tree
from .gate import GateQuestion

__all__ = ["AnswerPath", "PathCallback"]

PathCallback = Callable[[Decision], Any]


class AnswerPath(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """The gates of one walk, shown as they are reached.

    Args:
        tree: the tree (default: ragft's own).
        compact: ask each gate without its explanation (see :class:`GateQuestion`).
        answers: start with these answers (gate id to answer id), followed from the root.
    """

    def __init__(self, tree: Tree | None = None, *, compact: bool = False,
                 answers: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.compact = compact
        self.questions: list[GateQuestion] = []
        self._callbacks: list[PathCallback] = []
        super().__init__([], **kwargs)
        self.add_class("ragft-answer-path")
        self._append(self.tree.root)
        if answers:
            self.set_answers(answers)

    # -- reading -------------------------------------------------------------------------------

    @property
    def answers(self) -> dict[str, str]:
        """The answers given so far, in path order."""
        given: dict[str, str] = {}
        for q in self.questions:
            if q.answer is None:
                break
            given[q.gate_id] = q.answer
        return given

    @property
    def decision(self) -> Decision:
        """The engine's decision for the answers given so far."""
        return decide(self.answers, self.tree)

    def question(self, gate_id: str) -> GateQuestion:
        """The shown question for ``gate_id``.

        Raises:
            UnknownGateError: the gate is not shown (not reached yet, or not on this path).
        """
        for q in self.questions:
            if q.gate_id == gate_id:
                return q
        raise UnknownGateError(gate_id, [q.gate_id for q in self.questions])

    # -- changing ------------------------------------------------------------------------------

    def on_change(self, callback: PathCallback) -> None:
        """Call ``callback(decision)`` after every change of the walk."""
        self._callbacks.append(callback)

    def back(self) -> None:
        """Undo the last answer: it is cleared and the gates after it go away."""
        answered = [q for q in self.questions if q.answer is not None]
        if answered:
            answered[-1].answer = None

    def restart(self) -> None:
        """Clear every answer and go back to the root gate."""
        self.questions[0].answer = None

    def set_answers(self, answers: Mapping[str, str]) -> None:
        """Start over and answer along the path ``answers`` describes.

        Answers for gates off that path are ignored, as the engine ignores them.

        Raises:
            UnknownGateError: a key is not a gate of the tree.
            UnknownAnswerError: a value is not an answer of its gate.
        """
        decision = decide(answers, self.tree)  # checks every id before anything changes
        self.restart()
        for step in decision.path:
            self.question(step.gate).answer = step.answer

    # -- internals -----------------------------------------------------------------------------

    def _append(self, gate_id: str) -> None:
        q = GateQuestion(gate_id, self.tree, compact=self.compact)
        index = len(self.questions)
        q.on_answer(lambda answer: self._answered(index, q, answer))
        self.questions.append(q)
        self.children = tuple(self.questions)

    def _answered(self, index: int, q: GateQuestion, answer: str | None) -> None:
        if index >= len(self.questions) or self.questions[index] is not q:
            return  # a question already dropped from the walk: it no longer steers it
        for dropped in self.questions[index + 1:]:
            dropped.close()
        del self.questions[index + 1:]
        decision = self.decision
        if answer is not None and decision.next_gate is not None:
            self._append(decision.next_gate)
        self.children = tuple(self.questions)
        for callback in list(self._callbacks):
            callback(decision)

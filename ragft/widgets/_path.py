"""A column of gate questions disclosed one at a time, answered gates folded to one line.

The root gate shows first; each answer folds its question and shows the gate it leads to. A
folded gate's *Change* button opens it again: choosing the same answer folds it back with every
later answer kept, choosing another one keeps the later answers that are still on the new path
and says which ones no longer apply. Which gate comes next is always asked of
:func:`ragft.engine.decision.decide`.

Example:
    >>> from ragft.widgets._path import AnswerPath
    >>> path = AnswerPath()
    >>> [q.gate_id for q in path.questions]
    ['prompting']
    >>> path.question("prompting").answer = "yes"
    >>> [(q.gate_id, q.folded) for q in path.questions]
    [('prompting', True), ('context', False)]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from ..engine.decision import Decision, decide
from ..errors import UnknownGateError
from ..present.html import esc
from ..present.widget_words import WORDS
from ..tree.model import Tree
from ._common import resolve_tree, text_box
from .gate import Detail, GateQuestion

PathCallback = Callable[[Decision], Any]


def dropped_html(tree: Tree, gate_id: str, answer_id: str, dropped: list[str]) -> str:
    """The notice shown when a changed answer leaves later answers off the path ('' for none).

    >>> from ragft.tree.loader import default_tree
    >>> dropped_html(default_tree(), "knowledge", "changing", ["depth"])[:60]
    "<p role='status'>Your new answer to Gate 1, <em>It changes o"
    """
    if not dropped:
        return ""
    gate = tree.gate(gate_id)
    names = ", ".join(esc(tree.gate(g).label) for g in dropped)
    said = WORDS["dropped_one" if len(dropped) == 1 else "dropped_many"].format(
        gate=esc(gate.label), answer=f"<em>{esc(gate.answer(answer_id).label)}</em>", gates=names)
    return f"<p role='status'>{said}</p>"


class AnswerPath(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """The gates of one walk, shown as they are reached; answered gates fold to one line.

    Args:
        tree: the tree (default: ragft's own).
        detail: how much of each gate's explanation its question shows (see
            :class:`GateQuestion`).
        recap: under the last answered gate, say what that answer means (the walker does; the
            case builder's rows do not).
        answers: start with these answers (gate id to answer id), followed from the root.
    """

    def __init__(self, tree: Tree | None = None, *, detail: Detail = "collapsed",
                 recap: bool = False, answers: Mapping[str, str] | None = None,
                 **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.detail = detail
        self.questions: list[GateQuestion] = []
        self.editing: GateQuestion | None = None
        self.notice = text_box("ragft-notice")
        self.recap = text_box("ragft-recap") if recap else None
        self._callbacks: list[PathCallback] = []
        #: Called instead of focusing the last Change button when an answer ends the walk
        #: (the walker focuses its recommendation).
        self.focus_done: Callable[[], Any] | None = None
        self._quiet = False  # set while set_answers replays a walk: one callback at the end
        super().__init__([], **kwargs)
        self.add_class("ragft-answer-path")
        self._append(self.tree.root)
        self._layout()
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

    @property
    def current(self) -> GateQuestion | None:
        """The question shown open: the one being changed, else the first unanswered one."""
        if self.editing is not None:
            return self.editing
        return next((q for q in self.questions if q.answer is None), None)

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

    def edit(self, gate_id: str) -> None:
        """Open the answered gate ``gate_id`` to change its answer (what *Change* does)."""
        q = self.question(gate_id)
        if q.answer is None:
            return
        self.editing = q
        self.notice.value = ""
        self._layout()
        q.focus_answers()
        self._emit()

    def back(self) -> None:
        """Undo the last answer: it is cleared and the gates after it go away."""
        answered = [q for q in self.questions if q.answer is not None]
        if answered:
            self.editing = None
            answered[-1].answer = None

    def restart(self) -> None:
        """Clear every answer and go back to the root gate."""
        self.editing = None
        self.questions[0].answer = None
        self.notice.value = ""

    def set_answers(self, answers: Mapping[str, str]) -> None:
        """Start over and answer along the path ``answers`` describes.

        Answers for gates off that path are ignored, as the engine ignores them.

        Raises:
            UnknownGateError: a key is not a gate of the tree.
            UnknownAnswerError: a value is not an answer of its gate.
        """
        decision = decide(answers, self.tree)  # checks every id before anything changes
        self._quiet = True
        try:
            self.restart()
            for step in decision.path:
                self.question(step.gate).answer = step.answer
        finally:
            self._quiet = False
        self.notice.value = ""
        self._emit()

    # -- internals -----------------------------------------------------------------------------

    def _append(self, gate_id: str) -> GateQuestion:
        q = GateQuestion(gate_id, self.tree, detail=self.detail, styled=False)
        q.on_answer(lambda answer: self._answered(q, answer))
        q.choice.on_confirm(lambda _answer: self._confirmed(q))
        q.choice.observe(lambda change: self._unfolded(q, change), names="folded")
        self.questions.append(q)
        return q

    def _unfolded(self, q: GateQuestion, change: dict[str, Any]) -> None:
        if not change["new"] and q in self.questions and q is not self.current:
            self.edit(q.gate_id)  # the view's Change button

    def _confirmed(self, q: GateQuestion) -> None:
        """The answer already chosen was chosen again: a gate being changed folds back."""
        if q is self.editing:
            self.editing = None
            self._layout()
            self._focus_next()
            self._emit()

    def _answered(self, q: GateQuestion, answer: str | None) -> None:
        if q not in self.questions:
            return  # a question already dropped from the walk: it no longer steers it
        index = self.questions.index(q)
        later = self.questions[index + 1:]
        # The later answers that still lie on the new path are kept (decide() follows them).
        known = {p.gate_id: p.answer for p in self.questions if p.answer is not None}
        if answer is None:
            known = {g: a for g, a in known.items()
                     if g in {p.gate_id for p in self.questions[:index]}}
        decision = decide(known, self.tree)
        kept = {s.gate for s in decision.path}
        dropped = [p.gate_id for p in later if p.answer is not None and p.gate_id not in kept]
        for p in later:
            if p.gate_id not in kept:
                p.close()
        self.questions[index + 1:] = [p for p in later if p.gate_id in kept]
        if answer is not None and decision.next_gate is not None and (
                decision.next_gate not in {p.gate_id for p in self.questions}):
            self._append(decision.next_gate)
        self.editing = None
        self.notice.value = ("" if answer is None else
                             dropped_html(self.tree, q.gate_id, answer, dropped))
        self._layout()
        if answer is not None and not self._quiet:
            self._focus_next()
        self._emit()

    def _focus_next(self) -> None:
        nxt = self.current
        if nxt is not None:
            nxt.focus_answers()
        elif self.focus_done is not None:
            self.focus_done()
        elif self.questions:
            self.questions[-1].focus_answers()  # the walk is over: its last Change button

    def _layout(self) -> None:
        current = self.current
        before: dict[str, str] = {}
        for q in self.questions:
            q.set_before(before)
            if q.answer is not None:
                before = {**before, q.gate_id: q.answer}
            q.fold(q is not current)
            if q is current:
                q.add_class("ragft-current")
            else:
                q.remove_class("ragft-current")
        children: list[w.Widget] = list(self.questions)
        if self.recap is not None:
            answered = [q for q in self.questions if q.answer is not None]
            last = answered[-1] if answered and self.editing is None else None
            self.recap.value = ("" if last is None else
                                last.meaning_html(signals=False))
            if last is not None:
                children.insert(children.index(last) + 1, self.recap)
        children.append(self.notice)
        self.children = tuple(children)

    def _emit(self) -> None:
        if self._quiet:
            return
        decision = self.decision
        for callback in list(self._callbacks):
            callback(decision)

"""One gate of the tree as a question widget, with nothing preselected.

Example:
    >>> from ragft.widgets import GateQuestion
    >>> q = GateQuestion("knowledge")
    >>> q.answer is None
    True
    >>> q.answer = "changing"
    >>> "Use RAG" in q.meaning.value
    True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ..model import Gate, Tree
from ._common import bullets, esc, labelled_style, leads_to_html, resolve_tree, text_box

__all__ = ["AnswerCallback", "GateQuestion", "meaning_html"]

AnswerCallback = Callable[[str | None], Any]

_PROMPT = ("<p class='ragft-hint'><em>Choose an answer to see what it means and where it "
           "leads.</em></p>")


def meaning_html(gate: Gate, answer_id: str | None, tree: Tree) -> str:
    """HTML explaining what ``answer_id`` means at ``gate`` and where it leads."""
    if answer_id is None:
        return _PROMPT
    ans = gate.answer(answer_id)
    parts = [
        f"<p><strong>{esc(ans.label)}</strong>: {esc(ans.meaning)}</p>",
        f"<p class='ragft-leads-to'>{leads_to_html(tree, ans.next)}</p>",
    ]
    if ans.signals:
        parts.append(f"<p>Signals that point to this answer:</p>{bullets(ans.signals)}")
    return "".join(parts)


class GateQuestion(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """A gate's question, explanation and answers; what the chosen answer means, once chosen.

    Args:
        gate_id: the gate to ask (``knowledge``, ``depth``...).
        tree: the tree (default: ragft's own).
        compact: leave out the explanation and warnings (for the case builder's rows).

    Raises:
        UnknownGateError: ``gate_id`` is not a gate of the tree.
    """

    def __init__(self, gate_id: str, tree: Tree | None = None, *, compact: bool = False,
                 **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.gate = self.tree.gate(gate_id)
        gate = self.gate
        head = [f"<p class='ragft-gate-label'><strong>{esc(gate.label)}: {esc(gate.title)}"
                "</strong></p>",
                f"<p class='ragft-question'>{esc(gate.question)}</p>"]
        if not compact:
            head.append(f"<p class='ragft-explanation'>{esc(gate.explanation)}</p>")
            if gate.warnings:
                head.append(f"<div class='ragft-warning'><p>Watch out:</p>"
                            f"{bullets(gate.warnings)}</div>")
        self.header = text_box("ragft-gate-header", "".join(head))
        # value=None: nothing is preselected, the reader has to choose.
        self.buttons = w.RadioButtons(
            options=[(a.label, a.id) for a in gate.answers],
            value=None,
            description="Your answer:",
            style=labelled_style(),
            layout=w.Layout(width="auto"),
        )
        self.meaning = text_box("ragft-meaning", meaning_html(gate, None, self.tree))
        self._callbacks: list[AnswerCallback] = []
        self.buttons.observe(self._changed, names="value")
        super().__init__([self.header, self.buttons, self.meaning], **kwargs)
        self.add_class("ragft-gate-question")
        self.add_class(f"ragft-gate-{gate.id}")

    @property
    def gate_id(self) -> str:
        """The id of the gate asked."""
        return self.gate.id

    @property
    def answer(self) -> str | None:
        """The chosen answer id, or ``None`` while nothing is chosen."""
        value = self.buttons.value
        return None if value is None else str(value)

    @answer.setter
    def answer(self, answer_id: str | None) -> None:
        if answer_id is not None:
            self.gate.answer(answer_id)  # raises UnknownAnswerError naming the allowed ids
        self.buttons.value = answer_id

    def on_answer(self, callback: AnswerCallback) -> None:
        """Call ``callback(answer_id)`` whenever the answer changes (``None`` when cleared)."""
        self._callbacks.append(callback)

    def _changed(self, change: dict[str, Any]) -> None:
        answer = change["new"]
        self.meaning.value = meaning_html(self.gate, answer, self.tree)
        for callback in list(self._callbacks):
            callback(answer)

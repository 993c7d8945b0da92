"""One gate of the tree as a question widget, with nothing preselected.

The answers are a :class:`~ragft.widgets.choice.Choice` radio group. Once answered, a question
can fold to one line (the walker and the case builder fold every answered gate) with a
*Change* button that opens it again.

Example:
    >>> from ragft.widgets.gate import GateQuestion
    >>> q = GateQuestion("knowledge")
    >>> q.answer is None
    True
    >>> q.answer = "changing"
    >>> "re-index" in q.meaning.value
    True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

import ipywidgets as w

from ..present.content import gate_name, leads_from
from ..present.html import esc, html_text
from ..present.widget_words import WORDS
from ..present.words import LABELS
from ..tree.model import Gate, Tree
from ._common import PlaceholderRepr, bullets, resolve_tree, style_box, text_box
from .choice import Choice

__all__ = ["GateQuestion"]

AnswerCallback = Callable[[str | None], Any]
#: How much of a gate's explanation a question shows: all of it, behind a disclosure, or none.
Detail = Literal["full", "collapsed", "none"]

_PROMPT = f"<p class='ragft-hint'><em>{WORDS['choose']}</em></p>"


def meaning_html(gate: Gate, answer_id: str | None, tree: Tree, *, signals: bool = True,
                 before: Mapping[str, str] | None = None) -> str:
    """HTML explaining what ``answer_id`` means at ``gate`` and where it leads: for the walk
    ``before`` (the answers that reach ``gate``) when given, as :func:`ragft.engine.decision.decide`
    would go on, else in general."""
    if answer_id is None:
        return _PROMPT
    ans = gate.answer(answer_id)
    leads = leads_from(tree, gate.id, before)[ans.id]
    parts = [
        f"<p><strong>{esc(ans.label)}</strong>: {esc(ans.meaning)}</p>",
        f"<p class='ragft-leads-to'>{html_text(leads)}</p>",
    ]
    if signals and ans.signals:
        parts.append(f"<p>{LABELS['signals']}:</p>{bullets(ans.signals)}")
    return "".join(parts)


def _header_html(gate: Gate, detail: Detail) -> str:
    head = f"<p class='ragft-gate-label'><strong>{esc(gate_name(gate))}</strong></p>"
    if detail == "none":
        return head
    body = f"<p class='ragft-explanation'>{esc(gate.explanation)}</p>"
    if gate.warnings:
        body += (f"<div class='ragft-warning'><p>{LABELS['watch']}:</p>"
                 f"{bullets(gate.warnings)}</div>")
    opened = " open" if detail == "full" else ""
    return ("{head}<details class='ragft-more'{opened}><summary>{more}</summary>{body}"
            "</details>").format(head=head, opened=opened, more=WORDS["gate_more"], body=body)


class GateQuestion(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """A gate's name, explanation and answers; what the chosen answer means, once chosen.

    Args:
        gate_id: the gate to ask (``knowledge``, ``depth``...).
        tree: the tree (default: ragft's own).
        detail: ``"collapsed"`` (the default; the notebooks explain each gate above its
            question) keeps the explanation and warnings behind a "Why this gate matters"
            disclosure, ``"full"`` opens it, ``"none"`` leaves them out.
        styled: carry ragft's stylesheet (a question shown on its own); questions inside
            another ragft widget leave it to their host.

    Raises:
        UnknownGateError: ``gate_id`` is not a gate of the tree.
    """

    def __init__(self, gate_id: str, tree: Tree | None = None, *, detail: Detail = "collapsed",
                 styled: bool = True, **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.gate = self.tree.gate(gate_id)
        gate = self.gate
        self.header = text_box("ragft-gate-header", _header_html(gate, detail))
        # value=None: nothing is preselected, the reader has to choose.
        self.choice = Choice(options=[(a.id, a.label) for a in gate.answers],
                             legend=gate.question, summary=gate_name(gate),
                             hint=WORDS["keys_help"])
        self.before: dict[str, str] | None = None  # the walk's answers up to this gate
        self.meaning = text_box("ragft-meaning", meaning_html(gate, None, self.tree))
        self._callbacks: list[AnswerCallback] = []
        self._open = [*([style_box()] if styled else []), self.header, self.choice,
                      self.meaning]
        self.choice.observe(self._changed, names="value")
        super().__init__(self._open, **kwargs)
        self.add_class("ragft-gate-question")
        self.add_class(f"ragft-gate-{gate.id}")

    def placeholder(self) -> str:
        return WORDS["gate_placeholder"].format(gate=gate_name(self.gate))

    @property
    def gate_id(self) -> str:
        """The id of the gate asked."""
        return self.gate.id

    @property
    def answer(self) -> str | None:
        """The chosen answer id, or ``None`` while nothing is chosen."""
        return self.choice.value

    @answer.setter
    def answer(self, answer_id: str | None) -> None:
        if answer_id is not None:
            self.gate.answer(answer_id)  # raises UnknownAnswerError naming the allowed ids
        self.choice.value = answer_id

    @property
    def folded(self) -> bool:
        """Whether the question shows as one line (only an answered question folds)."""
        return bool(self.choice.folded)

    def fold(self, folded: bool = True) -> None:
        """Show the question as one line with its answer (``True``), or in full (``False``)."""
        folded = folded and self.answer is not None
        self.choice.folded = folded
        self.children = (self.choice,) if folded else tuple(self._open)
        if folded:
            self.add_class("ragft-folded")
        else:
            self.remove_class("ragft-folded")

    def focus_answers(self) -> None:
        """Move the keyboard focus to the answers (or, folded, to the Change button)."""
        self.choice.focus_pending = False  # a request the view has not cleared yet: ask anew
        self.choice.focus_pending = True

    def on_answer(self, callback: AnswerCallback) -> None:
        """Call ``callback(answer_id)`` whenever the answer changes (``None`` when cleared)."""
        self._callbacks.append(callback)

    def set_before(self, answers: Mapping[str, str] | None) -> None:
        """Say where answers lead for the walk ``answers`` (the answers before this gate)."""
        before = None if answers is None else dict(answers)
        if before != self.before:
            self.before = before
            self.meaning.value = self.meaning_html()

    def meaning_html(self, *, signals: bool = True) -> str:
        """What the chosen answer means and, for this walk, where it leads."""
        return meaning_html(self.gate, self.answer, self.tree, signals=signals,
                            before=self.before)

    def _changed(self, change: dict[str, Any]) -> None:
        answer = change["new"]
        self.meaning.value = self.meaning_html()
        for callback in list(self._callbacks):
            callback(answer)

"""The walker: walk the tree gate by gate, see the path on the diagram, keep a record.

Laid out so that one click shows its effect without scrolling: the answered gates fold to one
line each, the open question sits under them with the recommendation card right below it, and
the highlighted diagram stands beside them where the notebook is wide enough (under them where
it is not). The record's preview is the record file's own text, formatted.

Example:
    >>> import tempfile
    >>> from ragft.widgets.walker import Walker
    >>> walker = Walker(record_dir=tempfile.mkdtemp(), answers={"prompting": "no"})
    >>> walker.decision.exit
    'prompt_first'
    >>> walker.record_button.click()
    >>> walker.last_record.name  # named as every record is: see ragft.records.adr
    'exhaust-prompt-engineering-first.md'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from .._io import write_atomic
from ..diagram.dot import text_alternative
from ..diagram.render import render_tree, strip_xml_prolog
from ..engine.decision import Decision
from ..errors import OutputExistsError, RagftError
from ..present.html import esc
from ..present.record_words import FORM, STATUSES
from ..present.widget_words import WORDS
from ..present.words import LABELS
from ..records.adr import free_path
from ..records.madr import record_markdown, record_title
from ..records.template import RecordFields
from ..tree.model import Tree
from ._common import (
    LABEL_WIDTH,
    PlaceholderRepr,
    keeper,
    resolve_tree,
    style_box,
    text_box,
    write_report,
)
from ._path import AnswerPath
from .card import card_html
from .gate import GateQuestion
from .record_view import record_html

__all__ = ["Walker"]

def _optional(field: str) -> str:
    """A form field's label, marked optional: ``Use case (optional):``."""
    return f"{WORDS['optional'].format(field=field)}:"


def diagram_html(decision: Decision) -> str:
    """The tree diagram as inline SVG with ``decision``'s path highlighted, plus a text version."""
    tree = decision.tree
    svg = strip_xml_prolog(render_tree(tree, decision=decision))  # a path seen before: a look-up
    alt = esc(text_alternative(tree, decision))
    return (f"<figure class='ragft-diagram'>{svg}"
            f"<figcaption><details><summary>{LABELS['tree_in_words']}</summary>"
            f"<pre>{alt}</pre></details></figcaption></figure>")


def _preview_html(decision: Decision, fields: RecordFields, date: str | None) -> str:
    if not decision.complete:
        return ""
    shown = record_html(decision, date=date or WORDS["undated"], fields=fields)
    return (f"<details class='ragft-record-preview'><summary>{WORDS['preview']}"
            f"</summary>{shown}</details>")


class Walker(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """Walk the tree: gates shown as they are reached, the diagram, the card and a record.

    Args:
        tree: the tree (default: ragft's own).
        record_dir: where the "Write decision record" button writes (default: the notebook's
            folder).
        answers: start with these answers (gate id to answer id).
        date: the date printed in records (ISO); today when omitted.

    Raises:
        UnknownGateError, UnknownAnswerError: ``answers`` names a gate or answer the tree lacks.
    """

    widget_name = WORDS["walker"]

    def __init__(self, tree: Tree | None = None, record_dir: str | Path = ".", *,
                 answers: Mapping[str, str] | None = None, date: str | None = None,
                 **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.record_dir = Path(record_dir)
        self.date = date
        self.last_record: Path | None = None
        self.path = AnswerPath(self.tree, detail="collapsed", recap=True)
        self.back_button = w.Button(description=LABELS["back"], icon="arrow-left",
                                    tooltip=WORDS["back_tip"])
        self.restart_button = w.Button(description=LABELS["restart"], icon="refresh",
                                       tooltip=WORDS["restart_tip"])
        self.undo_button = w.Button(description=WORDS["undo_restart"], icon="undo",
                                    tooltip=WORDS["undo_restart_tip"],
                                    layout=w.Layout(width="auto", display="none"))
        self.undo_note = text_box("ragft-undo-note")
        self._cleared: dict[str, str] = {}  # the answers Restart cleared, for Undo Restart
        self.card = text_box("ragft-card-box")
        self.use_case = w.Text(description=_optional(FORM["use_case"]),
                               placeholder=WORDS["use_case_example"],
                               style={"description_width": LABEL_WIDTH},
                               layout=w.Layout(width="auto"))
        # The team's own words for the record, the same fields as `ragft record` and the site
        # walker: all optional.
        wide = {"style": {"description_width": LABEL_WIDTH}, "layout": w.Layout(width="auto")}
        self.requirement = w.Text(description=_optional(FORM["requirement"]), **wide)
        self.status = w.Dropdown(options=list(STATUSES), value=STATUSES[0],
                                 description=f"{FORM['status']}:", **wide)
        self.decision_makers = w.Text(description=_optional(FORM["decision_makers"]), **wide)
        self.reasons: dict[str, w.Text] = {}
        self.reasons_box = w.VBox([])
        self.reasons_box.add_class("ragft-reasons")
        self.record_button = w.Button(description=WORDS["write_record"], icon="file-text",
                                      tooltip=WORDS["write_record_tip"],
                                      layout=w.Layout(width="auto"))
        self.record_status = text_box("ragft-record-status")
        self.preview = text_box("ragft-preview")
        self.diagram = text_box("ragft-diagram-box")
        self.back_button.on_click(lambda _: self.path.back())
        self.restart_button.on_click(lambda _: self._restart_by_click())
        self.undo_button.on_click(lambda _: self.undo_restart())
        # The last answer focuses the card once the card shows the recommendation (_show).
        self._card_focus_due = False
        self.path.focus_done = lambda: setattr(self, "_card_focus_due", True)
        self.record_button.on_click(lambda _: self.write_record())
        for field in (self.use_case, self.requirement, self.status, self.decision_makers):
            field.observe(lambda _: self._show_preview(self.decision), names="value")
        self.path.on_change(self._show)
        controls = w.Box([self.back_button, self.restart_button, self.undo_note,
                          self.undo_button])
        controls.add_class("ragft-toolbar")
        record = w.Box([self.record_button])
        record.add_class("ragft-toolbar")
        # One label column (LABEL_WIDTH): the fields line up under each other.
        team = w.VBox([self.use_case, self.requirement, self.status, self.decision_makers,
                       self.reasons_box])
        team.add_class("ragft-record-fields")
        steps = w.VBox([self.path, controls, self.card, team, record, self.record_status,
                        self.preview])
        steps.add_class("ragft-walker-steps")
        figure = w.VBox([self.diagram])
        figure.add_class("ragft-walker-figure")
        main = w.Box([steps, figure])
        main.add_class("ragft-columns")
        main.add_class("ragft-walker-main")
        self.style = style_box()
        super().__init__([self.style, main], **kwargs)
        self.add_class("ragft-walker")
        if answers:
            self.path.set_answers(answers)
        else:
            self._show(self.path.decision)

    @property
    def decision(self) -> Decision:
        """The engine's decision for the answers given so far."""
        return self.path.decision

    @property
    def questions(self) -> list[GateQuestion]:
        """The gate questions shown, in path order."""
        return list(self.path.questions)

    def question(self, gate_id: str) -> GateQuestion:
        """The shown question of ``gate_id`` (raises ``UnknownGateError`` if not shown)."""
        return self.path.question(gate_id)

    def back(self) -> None:
        """Undo the last answer."""
        self.path.back()

    def restart(self) -> None:
        """Clear every answer."""
        self.path.restart()

    def undo_restart(self) -> None:
        """Bring back the answers the last Restart cleared (nothing if there are none)."""
        if self._cleared:
            self.path.set_answers(self._cleared)
            self._focus_card()

    def _restart_by_click(self) -> None:
        cleared = self.path.answers
        self.path.restart()
        self._cleared = cleared
        self._show_undo()
        self.path.questions[0].focus_answers()  # the first question, asked again

    def _show_undo(self) -> None:
        offer = bool(self._cleared) and not self.decision.path
        self.undo_button.layout.display = None if offer else "none"
        self.undo_note.value = f"<span role='status'>{WORDS['restarted']}</span>" if offer else ""

    def _focus_card(self) -> None:
        """Move the keyboard focus to the card: the recommendation, or what to answer next."""
        keeper(self.style).focus(".ragft-card-box .ragft-card")

    def _title(self) -> str | None:
        return str(self.use_case.value).strip() or None

    def fields(self) -> RecordFields:
        """The team's words for the record: use case, requirement, status, who, reasons."""
        on_path = {s.gate for s in self.decision.path}
        why = {g: str(t.value).strip() for g, t in self.reasons.items()
               if g in on_path and str(t.value).strip()}
        return RecordFields(use_case=self._title() or "",
                            requirement=str(self.requirement.value).strip(),
                            status=str(self.status.value),
                            decision_makers=[who] if (who := str(self.decision_makers.value)
                                                      .strip()) else [],
                            why=why, date=self.date or "")

    def _reason_fields(self, decision: Decision) -> None:
        """One optional "why" box per answered gate; a typed reason survives a changed path."""
        for step in decision.path:
            if step.gate not in self.reasons:
                gate = self.tree.gate(step.gate)
                box = w.Text(description=_optional(WORDS["why_answer"].format(gate=gate.label)),
                             style={"description_width": LABEL_WIDTH},
                             layout=w.Layout(width="auto"))
                box.observe(lambda _: self._show_preview(self.decision), names="value")
                self.reasons[step.gate] = box
        self.reasons_box.children = tuple(self.reasons[s.gate] for s in decision.path)

    def write_record(self) -> Path | None:
        """Write the decision record into ``record_dir``; show and return where it went.

        Problems (an unfinished walk, a folder that cannot be written) are shown in the widget
        and ``None`` is returned, so a click never raises inside the notebook.
        """
        try:
            decision = self.decision
            text = record_markdown(decision, self.fields())
            path = self._write(record_title(decision, self.fields()), text)
        except (RagftError, OSError) as err:
            self.record_status.value = write_report(err, WORDS["the_record"])
            return None
        self.last_record = path
        self.record_status.value = write_report(path, WORDS["the_record"])
        return path

    def _write(self, title: str, text: str) -> Path:
        while True:
            try:
                return write_atomic(free_path(self.record_dir, title), text)
            except OutputExistsError:  # another writer took the name first: take the next
                continue

    def _show_preview(self, decision: Decision) -> None:
        self.preview.value = _preview_html(decision, self.fields(), self.date)

    def _show(self, decision: Decision) -> None:
        self._reason_fields(decision)
        self.card.value = card_html(decision)
        self.diagram.value = diagram_html(decision)
        self._show_preview(decision)
        self.record_button.disabled = not decision.complete
        self.back_button.disabled = not decision.path
        self.restart_button.disabled = not decision.path
        if decision.path:
            self._cleared = {}  # a new walk: Restart's answers are gone for good
        self._show_undo()
        if self._card_focus_due:
            self._card_focus_due = False
            self._focus_card()
        if not decision.complete:
            self.record_status.value = ""

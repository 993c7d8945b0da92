"""The case builder: one use case, several requirements, each walked, combined into one design.

Compact by design: the combined architecture comes first, where the reader looks; each
requirement is one bordered row (its name, where it ends, a button to show or hide its answers,
one to remove it), and its answers fold to one line per gate, as in the walker. A changed
answer that leaves later answers off the path says so.

Real use cases hold requirements that the tree sends different ways (the running example sends
facts to RAG and the company voice to prompts). Each row here is one requirement with its own
walk; :func:`ragft.engine.architecture.combine` joins the finished ones into one architecture.

Example:
    >>> from ragft.widgets.case import CaseBuilder
    >>> builder = CaseBuilder()
    >>> row = builder.add_requirement("FAQ answers", {"prompting": "no"})
    >>> builder.architecture.summary
    'Prompts'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..engine.architecture import Architecture, combine
from ..engine.decision import Decision
from ..errors import EmptyCaseError, RagftError
from ..present.content import gate_name
from ..present.html import esc
from ..present.record_words import FORM
from ..present.widget_words import WORDS
from ..present.words import LABELS
from ..records.adr import write_adr
from ..records.case import CaseRequirement, case_record
from ..records.template import RecordFields
from ..tree.model import Case, Requirement, Tree
from ._common import PlaceholderRepr, resolve_tree, style_box, text_box, write_report
from ._path import AnswerPath

__all__ = ["CaseBuilder"]


def _assumption_note(req: Requirement) -> str:
    parts = [esc(req.note)] if req.note else []
    if req.assumed:
        parts.append(WORDS["case_assumed"].format(
            gates=", ".join(f"<code>{esc(g)}</code>" for g in req.assumed)))
    return f"<p class='ragft-note'><small>{' '.join(parts)}</small></p>" if parts else ""


class RequirementRow(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """One requirement: a name, where it ends, its walk (shown or hidden) and a remove button."""

    def __init__(self, tree: Tree, name: str = "", answers: Mapping[str, str] | None = None,
                 note: str = "", *, number: int = 1, **kwargs: Any) -> None:
        self.tree = tree
        self.name = w.Text(value=name, description=_numbered(number),
                           placeholder=WORDS["requirement_example"],
                           style={"description_width": "initial"},
                           layout=w.Layout(width="auto"))
        self.path = AnswerPath(tree, detail="none", answers=answers)
        self.result = text_box("ragft-requirement-result")
        self.toggle_button = w.Button(description=WORDS["answers"], icon="chevron-down",
                                      tooltip=WORDS["answers_tip"],
                                      layout=w.Layout(width="auto"))
        self.remove_button = w.Button(description=WORDS["remove"], icon="trash",
                                      tooltip=WORDS["remove_tip"],
                                      layout=w.Layout(width="auto"))
        head = w.Box([self.name, self.result, self.toggle_button, self.remove_button])
        head.add_class("ragft-requirement-head")
        self.body = w.VBox([*([text_box("ragft-note", note)] if note else []), self.path])
        self.body.add_class("ragft-requirement-body")
        self.toggle_button.on_click(lambda _: self.show_answers(not self.expanded))
        self._was_complete = self.decision.complete
        self.path.on_change(self._changed)
        super().__init__([head, self.body], **kwargs)
        self.add_class("ragft-requirement")
        self.show_answers(not self._was_complete)
        self._show_result()

    @property
    def decision(self) -> Decision:
        """The engine's decision for this requirement's answers."""
        return self.path.decision

    @property
    def expanded(self) -> bool:
        """Whether the requirement's answers are shown."""
        return bool(self.body.layout.display != "none")

    def show_answers(self, show: bool = True) -> None:
        """Show (or hide) the requirement's answers; an unfinished one always shows them."""
        show = show or not self.decision.complete
        self.body.layout.display = None if show else "none"
        self.toggle_button.description = WORDS["hide_answers" if show else "answers"]
        self.toggle_button.icon = "chevron-up" if show else "chevron-down"

    def renumber(self, number: int) -> None:
        self.name.description = _numbered(number)

    def _changed(self, decision: Decision) -> None:
        if decision.complete and not self._was_complete and self.path.editing is None:
            self.show_answers(False)  # just finished: fold the row to its result line
            self.toggle_button.focus()
        elif not decision.complete:
            self.show_answers(True)
        self._was_complete = decision.complete
        self._show_result()

    def _show_result(self) -> None:
        d = self.decision
        if d.exit is None:
            assert d.next_gate is not None
            gate = self.tree.gate(d.next_gate)
            unfinished = WORDS["row_unfinished"].format(gate=esc(gate_name(gate)))
            self.result.value = f"<p><em>{unfinished}</em></p>"
            return
        ex = self.tree.exit(d.exit)
        kind = self.tree.kind(ex.kind)
        self.result.value = (
            "<p>{ends} <span class='ragft-kind kind-{kind}'>{label}</span> "
            "<strong>{title}</strong></p>").format(ends=LABELS["ends_at"], kind=esc(kind.id),
                                                  label=esc(kind.label), title=esc(ex.title))


def _row_name(row: RequirementRow, n: int) -> str:
    return str(row.name.value).strip() or WORDS["requirement_n"].format(number=n)


def _numbered(number: int) -> str:
    """A requirement row's label: ``Requirement 2:``."""
    return f"{WORDS['requirement_n'].format(number=number)}:"


def summary_html(rows: list[RequirementRow], tree: Tree) -> str:
    """The combined architecture of the finished requirements, what it joins and its warnings."""
    if not rows:
        return f"<div><p role='status'>{WORDS['case_empty']}</p></div>"
    finished = [(_row_name(r, n), r.decision) for n, r in enumerate(rows, 1)
                if r.decision.complete]
    if not finished:
        return f"<div><p role='status'>{WORDS['case_none_finished']}</p></div>"
    arch = combine([(name, d.answers) for name, d in finished], tree)
    combined = WORDS["combined"].format(summary=esc(arch.summary))
    parts = [f"<div><p role='status'><strong>{combined}</strong>"]
    if len(finished) < len(rows):
        parts.append(f" ({WORDS['case_partly'].format(done=len(finished), total=len(rows))})")
    parts.append("</p><ul>")
    parts += [f"<li><strong>{esc(tree.component(c).label)}</strong>: "
              f"{esc(tree.component(c).description)}</li>" for c in arch.components]
    parts.append("</ul>")
    ends = "; ".join(f"{esc(name)}: {esc(tree.exit(d.exit or '').title)}" for name, d in finished)
    parts.append(f"<p><small>{WORDS['case_from'].format(ends=ends)}</small></p>")
    if arch.warnings:
        watch = WORDS["watch_for"].format(count=len(arch.warnings))
        parts.append(f"<details><summary>{watch}</summary><ul>")
        parts += [f"<li>{esc(w)}</li>" for w in arch.warnings]
        parts.append("</ul></details>")
    parts.append("</div>")
    return "".join(parts)


class CaseBuilder(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """Several requirements of one use case, each walked, combined into one architecture.

    Args:
        tree: the tree (default: ragft's own).
        case: a case to start from (for example ``tree.example``, the running example); without
            one the builder starts with a single empty requirement.
    """

    widget_name = WORDS["case_builder"]

    def __init__(self, tree: Tree | None = None, case: Case | None = None,
                 record_dir: str | Path = "decisions", **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.case = case
        self.record_dir = Path(record_dir)
        self.last_record: Path | None = None
        intro = WORDS["case_intro"].format(title=f"<strong>{WORDS['case_title']}</strong>")
        head = f"<p>{intro}</p>"
        if case is not None:
            head = (f"<p><strong>{esc(case.name)}</strong>: {esc(case.description)}</p>" + head)
        self.rows: list[RequirementRow] = []
        self.rows_box = w.VBox([])
        self.rows_box.add_class("ragft-requirements")
        self.add_button = w.Button(description=WORDS["add_requirement"], icon="plus",
                                   layout=w.Layout(width="auto"))
        self.summary = text_box("ragft-case-summary")
        self.add_button.on_click(lambda _: self._add_by_click())
        # Remove can be undone: the row removed last, where it stood, and a button to bring it
        # back (until the next change of the rows).
        self._removed: tuple[int, str, dict[str, str]] | None = None
        self.undo_button = w.Button(description=WORDS["undo_remove"], icon="undo",
                                    tooltip=WORDS["undo_remove_tip"],
                                    layout=w.Layout(width="auto", display="none"))
        self.undo_note = text_box("ragft-undo-note")
        self.undo_button.on_click(lambda _: self.undo_remove())
        undo = w.Box([self.undo_note, self.undo_button])
        undo.add_class("ragft-toolbar")
        # One ADR for the whole use case: a decision per requirement and the combination.
        self.use_case = w.Text(value=case.name if case is not None else "",
                               description=f"{FORM['use_case']}:",
                               placeholder=WORDS["use_case_example"],
                               style={"description_width": "initial"},
                               layout=w.Layout(width="auto", flex="1 1 16em"))
        self.record_button = w.Button(description=WORDS["write_case_record"], icon="file-text",
                                      tooltip=WORDS["write_case_record_tip"],
                                      layout=w.Layout(width="auto"))
        self.record_status = text_box("ragft-record-status")
        self.record_button.on_click(lambda _: self.write_record())
        record = w.Box([self.use_case, self.record_button])
        record.add_class("ragft-toolbar")
        self.style = style_box()
        super().__init__([self.style, text_box("ragft-case-intro", head), self.summary,
                          self.rows_box, undo, self.add_button, record, self.record_status],
                         **kwargs)
        self.add_class("ragft-case-builder")
        if case is not None:
            for req in case.requirements:
                self.add_requirement(req.name, dict(req.answers), note=_assumption_note(req))
        else:
            self.add_requirement()

    @property
    def architecture(self) -> Architecture | None:
        """The finished requirements combined, or ``None`` while none is finished."""
        finished = [(_row_name(r, n), r.decision.answers) for n, r in enumerate(self.rows, 1)
                    if r.decision.complete]
        return combine(finished, self.tree) if finished else None

    def write_record(self) -> Path | None:
        """Write one ADR for the finished requirements into ``record_dir`` (the next free
        number, as ``ragft record --case FILE --adr DIR`` does); show and return where.

        Problems (no finished requirement, no use case name, a folder that cannot be written)
        are shown in the widget and ``None`` is returned, so a click never raises.
        """
        finished = [CaseRequirement(_row_name(r, n), r.decision.answers)
                    for n, r in enumerate(self.rows, 1) if r.decision.complete]
        name = str(self.use_case.value).strip()
        try:
            if not finished:
                msg = "walk at least one requirement to a recommendation first"
                raise EmptyCaseError(msg)
            text = case_record(finished, RecordFields(use_case=name), self.tree)
            path = write_adr(self.record_dir, name, text)
        except (RagftError, OSError) as err:
            self.record_status.value = write_report(err, WORDS["case_record"])
            return None
        self.last_record = path
        self.record_status.value = write_report(path, WORDS["case_record"])
        return path

    def add_requirement(self, name: str = "", answers: Mapping[str, str] | None = None, *,
                        note: str = "") -> RequirementRow:
        """Add a requirement row (optionally named and pre-answered); return it.

        ``note`` is HTML shown above its answers; escape any text in it.

        Raises:
            UnknownGateError, UnknownAnswerError: ``answers`` names an id the tree lacks.
        """
        row = RequirementRow(self.tree, name, answers, note, number=len(self.rows) + 1)
        row.name.observe(lambda _: self._update(), names="value")
        row.path.on_change(lambda _: self._update())
        row.remove_button.on_click(lambda _: self._remove_by_click(row))
        self.rows.append(row)
        self._update()
        return row

    def remove_requirement(self, row: RequirementRow) -> None:
        """Remove a requirement row."""
        self.rows.remove(row)
        row.close()
        for n, r in enumerate(self.rows, 1):
            r.renumber(n)
        self._update()

    def undo_remove(self) -> None:
        """Bring back the requirement removed last, where it stood, with its answers."""
        if self._removed is None:
            return
        index, name, answers = self._removed
        row = self.add_requirement(name, answers)
        self.rows.insert(index, self.rows.pop())
        for n, r in enumerate(self.rows, 1):
            r.renumber(n)
        self._update()
        self._offer_undo(None)
        row.name.focus()

    def _remove_by_click(self, row: RequirementRow) -> None:
        index = self.rows.index(row)
        name = str(row.name.value).strip() or _numbered(index + 1)
        removed = (index, str(row.name.value), dict(row.path.answers))
        self.remove_requirement(row)
        self._offer_undo(removed, name)
        # The focus goes to the requirement now in its place (else the one before, else Add).
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].name.focus()
        else:
            self.add_button.focus()

    def _offer_undo(self, removed: tuple[int, str, dict[str, str]] | None,
                    name: str = "") -> None:
        self._removed = removed
        self.undo_button.layout.display = None if removed else "none"
        said = WORDS["removed"].format(name=esc(name))
        self.undo_note.value = f"<span role='status'>{said}</span>" if removed else ""

    def _add_by_click(self) -> None:
        row = self.add_requirement()
        row.name.focus()

    def _update(self) -> None:
        self.rows_box.children = tuple(self.rows)
        self.summary.value = summary_html(self.rows, self.tree)

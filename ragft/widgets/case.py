"""The case builder: one use case, several requirements, each walked, combined into one design.

Real use cases hold requirements that the tree sends different ways (the running example sends
facts to RAG and the company voice to prompts). Each row here is one requirement with its own
walk; :func:`ragft.architecture.combine` joins the finished ones into one architecture.

Example:
    >>> from ragft.widgets import CaseBuilder
    >>> builder = CaseBuilder()
    >>> row = builder.add_requirement("FAQ answers", {"prompting": "no"})
    >>> builder.architecture.summary
    'Prompts'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from ..architecture import Architecture, combine
from ..engine import Decision
from ..model import Case, Requirement, Tree
from ._common import esc, labelled_style, resolve_tree, text_box
from ._path import AnswerPath

__all__ = ["CaseBuilder", "RequirementRow", "summary_html"]


def _assumption_note(req: Requirement) -> str:
    parts = [esc(req.note)] if req.note else []
    if req.assumed:
        parts.append("Our assumption, since the source leaves it unstated: the answers to "
                     + ", ".join(f"<code>{esc(g)}</code>" for g in req.assumed) + ".")
    return f"<p class='ragft-note'><small>{' '.join(parts)}</small></p>" if parts else ""


class RequirementRow(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """One requirement: a name, its walk, where it ends, and a remove button."""

    def __init__(self, tree: Tree, name: str = "", answers: Mapping[str, str] | None = None,
                 note: str = "", **kwargs: Any) -> None:
        self.name = w.Text(value=name, description="Requirement:",
                           placeholder="e.g. answer from the product docs",
                           style=labelled_style(), layout=w.Layout(width="36em"))
        self.path = AnswerPath(tree, compact=True, answers=answers)
        self.remove_button = w.Button(description="Remove requirement", icon="trash",
                                      layout=w.Layout(width="auto"))
        children = [self.name, *([text_box("ragft-note", note)] if note else []),
                    self.path, self.remove_button]
        super().__init__(children, **kwargs)
        self.add_class("ragft-requirement")

    @property
    def decision(self) -> Decision:
        """The engine's decision for this requirement's answers."""
        return self.path.decision


def _row_name(row: RequirementRow, n: int) -> str:
    return str(row.name.value).strip() or f"Requirement {n}"


def summary_html(rows: list[RequirementRow], tree: Tree) -> str:
    """The combined architecture and a table of every requirement's walk."""
    finished = [(_row_name(r, n), r.decision) for n, r in enumerate(rows, 1)
                if r.decision.complete]
    if not rows:
        return "<p>Add a requirement to start.</p>"
    parts = []
    if finished:
        arch = combine([(name, d.answers) for name, d in finished], tree)
        parts.append(f"<p role='status'><strong>Combined architecture: "
                     f"{esc(arch.summary)}</strong></p><ul>")
        parts += [f"<li>{esc(tree.component(c).label)}: {esc(tree.component(c).description)}"
                  "</li>" for c in arch.components]
        parts.append("</ul>")
        if arch.warnings:
            parts.append("<p><strong>Watch out for</strong></p><ul>")
            parts += [f"<li>{esc(w)}</li>" for w in arch.warnings]
            parts.append("</ul>")
        if len(finished) < len(rows):
            parts.append(f"<p>{len(finished)} of {len(rows)} requirements are finished; the "
                         "others are left out until they reach a recommendation.</p>")
    else:
        parts.append("<p role='status'>Walk a requirement to a recommendation to see the "
                     "combined architecture.</p>")
    parts.append("<table class='ragft-case-table'><caption>Each requirement</caption><thead>"
                 "<tr><th scope='col'>Requirement</th><th scope='col'>Answers</th>"
                 "<th scope='col'>Recommendation</th></tr></thead><tbody>")
    for n, row in enumerate(rows, 1):
        d = row.decision
        answers = ", ".join(f"<code>{esc(s.gate)}={esc(s.answer)}</code>" for s in d.path)
        if d.exit is not None:
            ex = tree.exit(d.exit)
            where = f"{esc(ex.title)} ({esc(tree.kind(ex.kind).label)})"
        else:
            assert d.next_gate is not None
            where = f"<em>unfinished: {esc(tree.gate(d.next_gate).label)} needs an answer</em>"
        parts.append(f"<tr><td>{esc(_row_name(row, n))}</td><td>{answers or '-'}</td>"
                     f"<td>{where}</td></tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


class CaseBuilder(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type hints
    """Several requirements of one use case, each walked, combined into one architecture.

    Args:
        tree: the tree (default: ragft's own).
        case: a case to start from (for example ``tree.example``, the running example); without
            one the builder starts with a single empty requirement.
    """

    def __init__(self, tree: Tree | None = None, case: Case | None = None,
                 **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        self.case = case
        head = ("<p><strong>Build a use case</strong>: give each requirement a name and walk it "
                "through the gates. The requirements combine into one architecture below.</p>")
        if case is not None:
            head = (f"<p><strong>{esc(case.name)}</strong>: {esc(case.description)}</p>" + head)
        self.rows: list[RequirementRow] = []
        self.rows_box = w.VBox([])
        self.add_button = w.Button(description="Add requirement", icon="plus",
                                   layout=w.Layout(width="auto"))
        self.summary = text_box("ragft-case-summary")
        self.add_button.on_click(lambda _: self.add_requirement())
        super().__init__([text_box("ragft-case-intro", head), self.rows_box, self.add_button,
                          self.summary], **kwargs)
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

    def add_requirement(self, name: str = "", answers: Mapping[str, str] | None = None, *,
                        note: str = "") -> RequirementRow:
        """Add a requirement row (optionally named and pre-answered); return it.

        ``note`` is HTML shown under the name; escape any text in it.

        Raises:
            UnknownGateError, UnknownAnswerError: ``answers`` names an id the tree lacks.
        """
        row = RequirementRow(self.tree, name, answers, note)
        row.name.observe(lambda _: self._update(), names="value")
        row.path.on_change(lambda _: self._update())
        row.remove_button.on_click(lambda _: self.remove_requirement(row))
        self.rows.append(row)
        self._update()
        return row

    def remove_requirement(self, row: RequirementRow) -> None:
        """Remove a requirement row."""
        self.rows.remove(row)
        row.close()
        self._update()

    def _update(self) -> None:
        self.rows_box.children = tuple(self.rows)
        self.summary.value = summary_html(self.rows, self.tree)

"""What the notebooks display about use cases: the running example and the named cases.

Each requirement is walked by :func:`ragft.engine.decide`; the answers the tree marks as ours
(a requirement's ``assumed`` gates, a gate example's ``assumed`` flag) are labelled wherever they
appear, so a reader never takes our assumption for the source post's verdict.
:mod:`ragft.guide.show` re-exports these functions, so a notebook needs one import.

Example:
    >>> from ragft.loader import default_tree
    >>> from ragft.guide import cases
    >>> voice = {r.id: r for r in default_tree().example.requirements}["voice"]
    >>> print(cases.assumptions(voice).data.splitlines()[0])
    Our assumptions in this walk (the source post does not state these answers):
"""

from __future__ import annotations

from IPython.display import Markdown

from ..engine import decide
from ..model import Case, Requirement, Tree
from ._text import cite, leads_to, md, md_escape, resolve

__all__ = ["assumptions", "case_card", "case_walks", "gate_cases", "gate_example"]

ASSUMED = " (assumed)"  # the mark after an answer that is our assumption


def gate_example(gate_id: str, tree: Tree | None = None) -> Markdown:
    """How the running example answers a gate, marked when the answer is our assumption."""
    tree = resolve(tree)
    gate = tree.gate(gate_id)
    if tree.example is None or gate.example is None:
        return md(f"The running example is not walked through {gate.label}.")
    name = md_escape(tree.example.name)
    ans = gate.answer(gate.example.answer)
    lines = [f"**Running example ({name}).** Answer: *{md_escape(ans.label)}* "
             f"(`{gate.id}={ans.id}`). {md_escape(gate.example.note)}"]
    if gate.example.assumed:
        lines += ["", "*This answer is our assumption: the post does not state it.*"]
    return md("\n".join(lines))


def _requirement_lines(tree: Tree, req: Requirement) -> list[str]:
    decision = decide(dict(req.answers), tree)
    steps = []
    for step in decision.path:
        gate = tree.gate(step.gate)
        mark = ASSUMED if step.gate in req.assumed else ""
        steps.append(f"{gate.label}: *{md_escape(gate.answer(step.answer).label)}*{mark}")
    lines = [f"- **{md_escape(req.name)}**: " + "; ".join(steps) + "."]
    if decision.exit is not None:
        lines.append(f"  It ends at {leads_to(tree, decision.exit)}.")
    if req.note:
        lines.append(f"  {md_escape(req.note)}")
    return lines


def case_walks(case: Case, tree: Tree | None = None) -> Markdown:
    """Each requirement of a case walked through the tree, with its assumed answers marked."""
    tree = resolve(tree)
    lines: list[str] = []
    for req in case.requirements:
        lines += _requirement_lines(tree, req)
    return md("\n".join(lines))


def _case_head(case: Case) -> str:
    # An invented case says so in its own name and description (the tree's data).
    return f"**{md_escape(case.name)}**. {md_escape(case.description)}"


def gate_cases(gate_id: str, tree: Tree | None = None) -> Markdown:
    """The named cases the guide discusses at a gate, each walked to its exit."""
    tree = resolve(tree)
    tree.gate(gate_id)  # an unknown gate raises, it does not just list nothing
    blocks = []
    for case in tree.cases_at(gate_id):
        lines = [_case_head(case), ""]
        for req in case.requirements:
            lines += _requirement_lines(tree, req)
        if case.sources:
            lines += ["", f"Source: {cite(tree, case.sources)}."]
        blocks.append("\n".join(lines))
    if not blocks:
        return md("No named case is discussed at this gate.")
    return md("\n\n".join(blocks))


def case_card(case: Case, tree: Tree | None = None) -> Markdown:
    """A scenario card for a group: the case, then its walk hidden until revealed."""
    tree = resolve(tree)
    names = ", ".join(f"*{md_escape(r.name)}*" for r in case.requirements)
    lines = [_case_head(case), "", f"Requirements to walk: {names}.", "",
             "<details><summary>Where the tree sends it</summary>", ""]
    for req in case.requirements:
        lines += _requirement_lines(tree, req)
    lines += ["", "</details>"]
    return md("\n".join(lines))


def assumptions(req: Requirement, tree: Tree | None = None) -> Markdown:
    """The answers of a requirement's walk that are our assumptions, one bullet per gate.

    Shown above a decision record of the requirement, so that the record is not read as the
    source post's verdict.
    """
    tree = resolve(tree)
    decision = decide(dict(req.answers), tree)
    assumed = [step for step in decision.path if step.gate in req.assumed]
    if not assumed:
        return md("Every answer in this walk is stated by the source post.")
    lines = ["Our assumptions in this walk (the source post does not state these answers):", ""]
    for step in assumed:
        gate = tree.gate(step.gate)
        lines.append(f"- {gate.label}, {md_escape(gate.title)}: "
                     f"*{md_escape(gate.answer(step.answer).label)}* "
                     f"(`{step.gate}={step.answer}`)")
    return md("\n".join(lines))

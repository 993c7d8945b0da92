"""What the notebooks display about use cases: the running example and the named cases.

Each requirement is walked by :func:`ragft.engine.decision.decide`. Which answers are ours and which
the source states is said once per requirement, in one line under its walk, instead of a mark after
every answer; an invented case says once that every answer in it is ours. A case is told in full at
the first gate it is discussed at; a later gate only recalls it and gives its answer there.
:mod:`ragft.guide.show` re-exports these functions, so a notebook needs one import.

Example:
    >>> from ragft.tree.loader import default_tree
    >>> from ragft.guide import cases
    >>> honeycomb = {c.id: c for c in default_tree().cases}["honeycomb"]
    >>> print(cases.stated_line(default_tree(), honeycomb, honeycomb.requirements[0]))
    The source states the answers at Pre-check 1, Pre-check 2, Gate 2 and Gate 4; the others are
    our assumptions.
"""

from __future__ import annotations

from IPython.display import Markdown

from ..engine.decision import decide
from ..tree.model import Case, Requirement, Tree
from ._text import cite, leads_to, md, md_escape, resolve

__all__ = [
    "assumptions",
    "case_card",
    "case_walks",
    "gate_cases",
    "gate_example",
]


def gate_example(gate_id: str, tree: Tree | None = None) -> Markdown:
    """How the running example answers a gate, marked when the answer is our assumption."""
    tree = resolve(tree)
    gate = tree.gate(gate_id)
    if tree.example is None or gate.example is None:
        return md(f"The running example is not walked through {gate.label}.")
    name = md_escape(tree.example.name)
    ans = gate.answer(gate.example.answer)
    mark = " *(Our assumption: the post leaves it unstated.)*" if gate.example.assumed else ""
    return md(f"**Running example ({name}).** Answer: *{md_escape(ans.label)}* "
              f"(`{gate.id}={ans.id}`).{mark} {md_escape(gate.example.note)}")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def stated_line(tree: Tree, case: Case, req: Requirement) -> str:
    """One line saying which answers of ``req``'s walk the source states and which are ours,
    or ``""`` when the source states them all."""
    path = [step.gate for step in decide(dict(req.answers), tree).path]
    if case.illustrative:
        return "An invented case: every answer in it is ours."
    stated = [tree.gate(g).label for g in path if g not in req.assumed]
    if len(stated) == len(path):
        return ""
    if not stated:
        return "Every answer here is our assumption; the source states none of them."
    return (f"The source states the {'answer' if len(stated) == 1 else 'answers'} at "
            f"{_and(stated)}; the others are our assumptions.")


def _requirement_lines(tree: Tree, case: Case, req: Requirement, *, notes: bool = True
                       ) -> list[str]:
    decision = decide(dict(req.answers), tree)
    steps = [f"{tree.gate(s.gate).label}: *{md_escape(tree.gate(s.gate).answer(s.answer).label)}*"
             for s in decision.path]
    lines = [f"- **{md_escape(req.name)}**: " + "; ".join(steps) + "."]
    if decision.exit is not None and notes:
        lines.append(f"  It ends at {leads_to(tree, decision.exit)}.")
    elif decision.exit is not None:  # a card: the exit in brief, the telling has the sentence
        lines.append(f"  Exit: **{md_escape(tree.exit(decision.exit).title)}** "
                     f"(`{decision.exit}`).")
    if notes:
        stated = "" if case.illustrative else stated_line(tree, case, req)
        lines += [f"  {text}" for text in (stated, md_escape(req.note)) if text]
    return lines


def case_walks(case: Case, tree: Tree | None = None) -> Markdown:
    """Each requirement of a case walked through the tree, with whose answers they are."""
    tree = resolve(tree)
    lines: list[str] = []
    for req in case.requirements:
        lines += _requirement_lines(tree, case, req)
    return md("\n".join(lines))


def _case_head(case: Case) -> str:
    # An invented case says so in its own name and description (the tree's data), once.
    tail = " Every answer in it is ours." if case.illustrative else ""
    return f"**{md_escape(case.name)}**. {md_escape(case.description)}{tail}"


def _recall(tree: Tree, case: Case, gate_id: str) -> str:
    """A case told at an earlier gate, recalled by its answer at ``gate_id``."""
    gate, first = tree.gate(gate_id), tree.gate(case.gates[0])
    answers = [f"*{md_escape(gate.answer(dict(r.answers)[gate_id]).label)}*"
               for r in case.requirements if gate_id in dict(r.answers)]
    return (f"**{md_escape(case.name)}** (told at {first.label}) answers {_and(answers)} "
            f"here (`{gate_id}`).")


def gate_cases(gate_id: str, tree: Tree | None = None) -> Markdown:
    """The named cases the guide discusses at a gate: told in full at the first gate a case
    is discussed at, recalled by its answer at the later ones."""
    tree = resolve(tree)
    tree.gate(gate_id)  # an unknown gate raises, it does not just list nothing
    blocks = []
    for case in tree.cases_at(gate_id):
        if case.gates[0] != gate_id:
            blocks.append(_recall(tree, case, gate_id))
            continue
        lines = [_case_head(case), ""]
        for req in case.requirements:
            lines += _requirement_lines(tree, case, req)
        if case.sources:
            lines += ["", f"Source: {cite(tree, case.sources)}."]
        blocks.append("\n".join(lines))
    if not blocks:
        return md("No named case is discussed at this gate.")
    return md("\n\n".join(blocks))


def case_card(case: Case, tree: Tree | None = None) -> Markdown:
    """A scenario card for a group: the case's name, where its story is told, the requirements
    to walk, and the tree's walk hidden until revealed (the story itself is told once, at the
    case's gate, so the card does not repeat it)."""
    tree = resolve(tree)
    names = ", ".join(f"*{md_escape(r.name)}*" for r in case.requirements)
    where = (f"told at {tree.gate(case.gates[0]).label}" if case.gates
             else "the guide's running example")
    lines = [f"**{md_escape(case.name)}** ({where}). Requirements to walk: {names}.", "",
             "<details><summary>Where the tree sends it</summary>", ""]
    for req in case.requirements:
        lines += _requirement_lines(tree, case, req, notes=False)
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

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
from ..present.content import exit_named, gate_name
from ..present.guide_words import WORDS
from ..present.markdown import md_escape, md_text
from ..present.text import span
from ..present.words import LABELS
from ..tree.model import Case, Requirement, Tree
from ._text import cite, md, resolve

__all__ = ["assumptions", "case_walks", "gate_cases", "gate_example"]


def gate_example(gate_id: str, tree: Tree | None = None) -> Markdown:
    """How the running example answers a gate, marked when the answer is our assumption."""
    tree = resolve(tree)
    gate = tree.gate(gate_id)
    if tree.example is None or gate.example is None:
        return md(WORDS["not_walked"].format(gate=gate.label))
    name = md_escape(tree.example.name)
    ans = gate.answer(gate.example.answer)
    mark = f" *({WORDS['example_assumed']})*" if gate.example.assumed else ""
    answer = WORDS["example_answer"].format(answer=f"*{md_escape(ans.label)}*",
                                            id=f"`{gate.id}={ans.id}`")
    return md(f"**{LABELS['example']} ({name}).** {answer}{mark} "
              f"{md_escape(gate.example.note)}")


def _and(items: list[str]) -> str:
    return (items[0] if len(items) == 1 else
            WORDS["and"].format(items=", ".join(items[:-1]), last=items[-1]))


def stated_line(tree: Tree, case: Case, req: Requirement) -> str:
    """One line saying which answers of ``req``'s walk the source states and which are ours,
    or ``""`` when the source states them all."""
    path = [step.gate for step in decide(dict(req.answers), tree).path]
    if case.illustrative:
        return WORDS["invented"]
    stated = [tree.gate(g).label for g in path if g not in req.assumed]
    if len(stated) == len(path):
        return ""
    if not stated:
        return WORDS["none_stated"]
    return WORDS["stated_one" if len(stated) == 1 else "stated_many"].format(gates=_and(stated))


def _requirement_lines(tree: Tree, case: Case, req: Requirement) -> list[str]:
    decision = decide(dict(req.answers), tree)
    steps = [WORDS["step"].format(
        gate=tree.gate(s.gate).label,
        answer=f"*{md_escape(tree.gate(s.gate).answer(s.answer).label)}*") for s in decision.path]
    lines = [f"- **{md_escape(req.name)}**: " + "; ".join(steps) + "."]
    if decision.exit is not None:
        ends = (span(f"{LABELS['it_ends_at']} "), *exit_named(tree, decision.exit), span("."))
        lines.append(f"  {md_text(ends)}")
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
    tail = f" {WORDS['all_ours']}" if case.illustrative else ""
    return f"**{md_escape(case.name)}**. {md_escape(case.description)}{tail}"


def _recall(tree: Tree, case: Case, gate_id: str) -> str:
    """A case told at an earlier gate, recalled by its answer at ``gate_id``."""
    gate, first = tree.gate(gate_id), tree.gate(case.gates[0])
    answers = [f"*{md_escape(gate.answer(dict(r.answers)[gate_id]).label)}*"
               for r in case.requirements if gate_id in dict(r.answers)]
    return WORDS["recall"].format(case=f"**{md_escape(case.name)}**",
                                  told=WORDS["told_at"].format(gate=first.label),
                                  answers=_and(answers), id=f"`{gate_id}`")


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
            lines += ["", WORDS["source"].format(sources=cite(tree, case.sources))]
        blocks.append("\n".join(lines))
    if not blocks:
        return md(WORDS["no_cases"])
    return md("\n\n".join(blocks))


def assumptions(req: Requirement, tree: Tree | None = None) -> Markdown:
    """The answers of a requirement's walk that are our assumptions, one bullet per gate.

    Shown above a decision record of the requirement, so that the record is not read as the
    source post's verdict.
    """
    tree = resolve(tree)
    decision = decide(dict(req.answers), tree)
    assumed = [step for step in decision.path if step.gate in req.assumed]
    if not assumed:
        return md(WORDS["all_stated"])
    lines = [WORDS["assumed_intro"], ""]
    for step in assumed:
        gate = tree.gate(step.gate)
        said = WORDS["step"].format(gate=md_escape(gate_name(gate)),
                                    answer=f"*{md_escape(gate.answer(step.answer).label)}*")
        lines.append(f"- {said} (`{step.gate}={step.answer}`)")
    return md("\n".join(lines))

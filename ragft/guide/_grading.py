"""Grading the self-checks: the right choice of each question and the feedback for every
choice, worked out by the tree and the calculators, never stored.

The four kinds and who grades them:

- ``lands``: where the tree sends the scenario; :func:`ragft.engine.decision.decide` (or
  :func:`ragft.engine.architecture.combine`, for a use case of several requirements);
- ``flip``: which single fact, changed, would send it elsewhere; each choice is a change of one
  answer, and the right one is the only change after which the walk ends at another exit;
- ``assumption``: which assumption of a proposed plan is wrong; each choice is an answer the
  plan takes for granted, the right one is the only one the scenario contradicts, and with it
  the walk reaches the plan;
- ``number``: a figure worked out with :mod:`ragft.engine.calc` (does a corpus fit the window,
  in which month fine-tuning pays back).

A question's ``expect`` field is only a check that the authored feedback still matches what
ragft computes; :func:`check` reports any question where it does not.

Example:
    >>> from ragft.guide._quiz_data import questions
    >>> q = questions("knowledge")[0]
    >>> right_answer(q) == q.expect
    True
    >>> items("knowledge")[0].number
    1
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import calc
from ..engine.architecture import combine
from ..engine.decision import Decision, all_walks, decide
from ..errors import UnknownIdError
from ..present.content import gate_name
from ..present.guide_words import QUIZ, WORDS
from ..present.html import esc
from ..tree.model import Tree
from ._quiz_data import Choice, Question, questions, quiz_ids
from ._text import resolve


@dataclass(frozen=True)
class Item:
    """One question ready to show: the data both surfaces carry (the widget in Jupyter and the
    site's static form), with the right choice worked out and the feedback for every choice."""

    id: str
    number: int
    kind: str
    scenario: str
    ask: str
    options: tuple[tuple[str, str], ...]  # (key, label)
    right: str
    feedback: Mapping[str, str] = field(default_factory=dict)  # key -> HTML

    def grade(self, key: str) -> bool:
        """Whether ``key`` is the right choice.

        Raises:
            UnknownIdError: ``key`` is not one of the choices.
        """
        if key not in self.feedback:
            raise UnknownIdError(key, "choice", dict(self.options))
        return key == self.right


# -- grading -----------------------------------------------------------------------------------


def _decisions(q: Question, tree: Tree) -> list[tuple[str, Decision]]:
    if q.is_architecture:
        return list(combine([(n, dict(a)) for n, a in q.requirements], tree).decisions)
    return [("", decide(dict(q.answers), tree))]


def _lands(answers: Mapping[str, str], tree: Tree, where: str = "") -> str:
    return decide(dict(answers), tree).require_exit(where)


def worked(q: Question) -> tuple[str, str]:
    """A number question's result and the one line of arithmetic that gives it.

    >>> q = next(q for q in questions("budget") if q.kind == "number")
    >>> worked(q)[0] == q.expect
    True
    """
    inputs = dict(q.inputs)
    if q.calc == "context_fit":
        tokens = calc.to_tokens(float(inputs["amount"]), str(inputs.get("unit", "tokens")))
        headroom = float(inputs.get("headroom", calc.DEFAULT_HEADROOM))
        fit = calc.context_fit(tokens, inputs["window"], headroom)
        line = QUIZ["fit_line"].format(tokens=f"{tokens:,.0f}", headroom=f"{headroom:,.0f}",
                                       window=f"{fit.window:,}", share=f"{fit.share:.0%}",
                                       verdict=QUIZ[f"verdict_{fit.verdict}"].lower())
        return fit.verdict, line
    premium = calc.serving_premium(float(inputs.pop("input_tokens")),
                                   float(inputs.pop("output_tokens")))
    be = calc.break_even(serving_premium_per_request=premium,
                         **{k: float(v) for k, v in inputs.items()})
    figures = {"upfront": calc.money(be.upfront), "saving": calc.money(be.monthly_saving),
               "upkeep": calc.money(be.monthly_upkeep), "net": calc.money(be.monthly_net)}
    if be.months is None:
        return "never", QUIZ["never_line"].format(**figures)
    month = math.ceil(round(be.months, 6))
    return str(month), QUIZ["months_line"].format(**figures, months=f"{be.months:.1f}",
                                                  month=month)


def right_answer(q: Question, tree: Tree | None = None) -> str:
    """The key of the right choice of ``q``, worked out by ragft from the question's data.

    For ``lands``: the exit the answers reach (or the combined architecture's summary); for
    ``flip``: the change after which the walk ends elsewhere; for ``assumption``: the assumption
    the scenario contradicts; for ``number``: the calculator's result. When no choice or
    several qualify, the first is returned and :func:`check` reports the question.

    Raises:
        IncompleteDecisionError: the answers stop before an exit.
    """
    tree = resolve(tree)
    if q.kind == "number":
        return worked(q)[0]
    if q.kind == "lands":
        if q.is_architecture:
            return combine([(n, dict(a)) for n, a in q.requirements], tree).summary
        return _lands(dict(q.answers), tree, f"question {q.id!r}")
    qualifying = _qualifying(q, tree)
    return qualifying[0] if qualifying else ""


def _qualifying(q: Question, tree: Tree) -> list[str]:
    base = dict(q.answers)
    here = _lands(base, tree, f"question {q.id!r}")
    found = []
    for c in q.choices:
        changed = {**base, **dict(c.answers)}
        if q.kind == "flip" and _lands(changed, tree, f"question {q.id!r}") != here:
            found.append(c.key)
        if q.kind == "assumption":
            on_path = {s.gate: s.answer for s in decide(changed, tree).path}
            contradicts = any(base.get(g) != a for g, a in c.answers)
            if contradicts and all(on_path.get(g) == a for g, a in c.answers) and \
                    _lands(changed, tree) == q.plan:
                found.append(c.key)
    return found


# -- feedback ----------------------------------------------------------------------------------


def _strong(text: str) -> str:
    return f"<strong>{esc(text)}</strong>"


def _step(tree: Tree, gate_id: str, answer_id: str) -> str:
    gate = tree.gate(gate_id)
    return WORDS["step"].format(gate=esc(gate_name(gate)),
                                answer=f"<em>{esc(gate.answer(answer_id).label)}</em>")


def _phrase(tree: Tree, template: str, gate_id: str, answer_id: str) -> str:
    gate = tree.gate(gate_id)
    return QUIZ[template].format(gate=esc(gate_name(gate)),
                                 answer=f"<em>{esc(gate.answer(answer_id).label)}</em>")


def _walk_line(tree: Tree, decision: Decision) -> str:
    return "; ".join(_step(tree, s.gate, s.answer) for s in decision.path)


def _reachable(prefix: list[tuple[str, str]], walks: list[Decision]) -> set[str]:
    n = len(prefix)
    return {w.require_exit() for w in walks
            if [(s.gate, s.answer) for s in w.path[:n]] == prefix}


def deciding_gate(answers: dict[str, str], exit_id: str, tree: Tree | None = None
                  ) -> tuple[str, str] | None:
    """The first (gate, answer) of the walk of ``answers`` after which ``exit_id`` can no
    longer be reached; ``None`` if the walk reaches it.

    >>> deciding_gate({"prompting": "yes", "context": "no", "knowledge": "changing"},
    ...               "fine_tune")
    ('knowledge', 'changing')
    """
    tree = resolve(tree)
    tree.exit(exit_id)
    walks = list(all_walks(tree))
    prefix: list[tuple[str, str]] = []
    for step in decide(answers, tree).path:
        prefix.append((step.gate, step.answer))
        if exit_id not in _reachable(prefix, walks):
            return step.gate, step.answer
    return None


def _verdict(right: bool, why: str) -> str:
    word = WORDS["right"] if right else WORDS["wrong"]
    return f"<strong>{esc(word)}.</strong> {esc(why)}"


def _exit_title(tree: Tree, exit_id: str) -> str:
    return _strong(tree.exit(exit_id).title)


def _reason(q: Question, c: Choice, right: str, tree: Tree) -> str:
    """The tree's (or the calculator's) reason, after the authored feedback of choice ``c``."""
    if q.kind == "number":
        return esc(worked(q)[1])
    if q.kind == "lands" and q.is_architecture:
        if c.key != right:
            return WORDS["combines_into"].format(architecture=_strong(right))
        parts = "; ".join(
            WORDS["ends_at"].format(requirement=f"<em>{esc(name)}</em>",
                                    exit=_exit_title(tree, d.require_exit()))
            for name, d in _decisions(q, tree))
        return WORDS["requirements_end"].format(ends=parts)
    decision = decide(dict(q.answers), tree)
    if q.kind == "lands":
        if c.key == right:
            last = decision.path[-1]
            return WORDS["decided"].format(gate=esc(gate_name(tree.gate(last.gate))),
                                           walk=_walk_line(tree, decision))
        found = deciding_gate(dict(q.answers), c.key, tree)
        assert found is not None  # a choice that is not the exit reached is out of reach
        return WORDS["out_of_reach"].format(step=_step(tree, *found))
    here = decision.require_exit()
    changed = decide({**dict(q.answers), **dict(c.answers)}, tree)
    change = "; ".join(_phrase(tree, "answered", g, a) for g, a in c.answers)
    if q.kind == "flip":
        there = changed.require_exit()
        if there == here:
            return QUIZ["flip_same"].format(change=change, exit=_exit_title(tree, here))
        return QUIZ["flip_moves"].format(change=change, exit=_exit_title(tree, there),
                                         was=_exit_title(tree, here))
    facts = "; ".join(_phrase(tree, "answer_is", g, dict(q.answers).get(g, a))
                      for g, a in c.answers)
    if c.key == right:
        return QUIZ["assumption_wrong"].format(facts=facts, exit=_exit_title(tree, here),
                                               plan=_exit_title(tree, q.plan))
    return QUIZ["assumption_holds"].format(facts=facts)


def _label(q: Question, c: Choice, tree: Tree) -> str:
    if q.kind == "lands":
        return c.key if q.is_architecture else tree.exit(c.key).title
    if q.kind == "number":
        if q.calc == "context_fit":
            return QUIZ[f"verdict_{c.key}"]
        return QUIZ["never"] if c.key == "never" else QUIZ["in_month"].format(month=c.key)
    return c.text


def _ask(q: Question, tree: Tree) -> str:
    if q.kind == "lands":
        return QUIZ["ask_architecture" if q.is_architecture else "ask_exit"]
    if q.kind == "assumption":
        return QUIZ["ask_assumption"].format(plan=tree.exit(q.plan).title)
    if q.kind == "number":
        return QUIZ[f"ask_{q.calc}"]
    return QUIZ["ask_flip"]


def item(number: int, q: Question, tree: Tree | None = None) -> Item:
    """Question ``q`` (shown as number ``number``) ready to show and grade."""
    tree = resolve(tree)
    right = right_answer(q, tree)
    feedback = {c.key: (f"{_verdict(c.key == right, c.why)} <span class='ragft-quiz-reason'>"
                        f"{_reason(q, c, right, tree)}</span>")
                for c in q.choices}
    return Item(id=q.id, number=number, kind=q.kind, scenario=q.scenario, ask=_ask(q, tree),
                options=tuple((c.key, _label(q, c, tree)) for c in q.choices), right=right,
                feedback=feedback)


def items(quiz_id: str, tree: Tree | None = None, path: str | Path | None = None
          ) -> tuple[Item, ...]:
    """Every question of a quiz, ready to show and grade.

    Raises:
        UnknownIdError: no quiz has this id, or a choice names an exit the tree lacks.
        IncompleteDecisionError: a question's answers stop before an exit.
    """
    tree = resolve(tree)
    return tuple(item(i, q, tree) for i, q in enumerate(questions(quiz_id, path), 1))


# -- checking the file -------------------------------------------------------------------------


def check(tree: Tree | None = None, path: str | Path | None = None) -> list[str]:
    """Problems with the quiz file against ``tree``, one line each (empty: all is well).

    A question is broken when ragft's answer is not its ``expect`` (the feedback was written
    for another answer), when no choice or more than one is right, when a choice repeats
    another, or when fewer than three are offered. An ``assumption`` question is broken when
    the scenario's own walk reaches the plan (then no assumption of it is wrong).
    """
    tree = resolve(tree)
    problems = []
    for quiz_id in quiz_ids(path):
        for q in questions(quiz_id, path):
            where = f"{quiz_id}/{q.id}"
            right = right_answer(q, tree)
            keys = [c.key for c in q.choices]
            if q.kind in ("flip", "assumption"):
                count = len(_qualifying(q, tree))
            else:
                count = keys.count(right)
            if right != q.expect:
                problem = (f"{'the calculator' if q.kind == 'number' else 'the tree'} answers "
                           f"{right!r}, the feedback expects {q.expect!r}")
                problems.append(f"{where}: {problem}")
            if count != 1:
                what = repr(right) if q.kind in ("lands", "number") else "right"
                problem = f"{count} choices are {what}"
                problems.append(f"{where}: {problem}")
            if len(set(keys)) != len(keys):
                problem = "a choice is offered twice"
                problems.append(f"{where}: {problem}")
            if len(keys) < 3:
                problem = "offer at least three choices"
                problems.append(f"{where}: {problem}")
            if q.kind == "assumption" and _lands(dict(q.answers), tree) == q.plan:
                problem = "the scenario's own walk reaches the plan"
                problems.append(f"{where}: {problem}")
    return problems

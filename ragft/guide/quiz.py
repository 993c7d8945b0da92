"""Graded self-checks: scenarios as multiple-choice questions, graded by the tree and calculators.

A question (``quizzes.yaml``) gives a scenario, its ``kind`` and a few choices, each with a line
of feedback. Which choice is right is not stored: ragft works it out from the data, so the quiz
cannot drift from the tree. The four kinds and who grades them:

- ``lands``: where the tree sends the scenario; :func:`ragft.engine.decision.decide` (or
  :func:`ragft.engine.architecture.combine`, for a use case of several requirements);
- ``flip``: which single fact, changed, would send it elsewhere; each choice is a change of one
  answer, and the right one is the only change after which the walk ends at another exit;
- ``assumption``: which assumption of a proposed plan is wrong; each choice is an answer the
  plan takes for granted, the right one is the only one the scenario contradicts, and with it
  the walk reaches the plan;
- ``number``: a figure worked out with :mod:`ragft.engine.calc` (does a corpus fit the window,
  in which month fine-tuning pays back).

The ``expect`` field is only a check that the authored feedback still matches what ragft
computes; :func:`check` reports any question where it does not.

:func:`show` gives a notebook's self-check: a widget that grades each answer in Python
(:class:`ragft.widgets.quiz.Quiz`), whose stored form is a static HTML form carrying the same
items, which the site's script (``site/quiz.html``) grades in the page.

Example:
    >>> from ragft.guide import quiz
    >>> q = quiz.questions("knowledge")[0]
    >>> quiz.right_answer(q) == q.expect
    True
    >>> quiz.items("knowledge")[0].number
    1
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..engine import calc
from ..engine.architecture import combine
from ..engine.decision import Decision, all_walks, decide
from ..errors import LessonDataError, UnknownIdError
from ..present.content import gate_name
from ..present.guide_words import QUIZ, WORDS
from ..present.html import esc
from ..tree.model import Tree
from ._data import Reader, load_yaml
from ._text import resolve

__all__ = ["form_html", "head_html", "html_element", "show"]

DEFAULT_FILE = "quizzes.yaml"
LETTERS = "ABCDEF"
KINDS = ("lands", "flip", "assumption", "number")
CALCS = {
    "context_fit": {"amount", "unit", "window", "headroom"},
    "break_even": {"requests_per_month", "saving_per_request", "input_tokens", "output_tokens",
                   "engineering_hours", "hourly_rate", "training_cost", "retrains_per_year",
                   "maintenance_hours_per_month"},
}
VERDICTS = ("yes", "tight", "no")


@dataclass(frozen=True)
class Choice:
    """One choice: its key (an exit id, an architecture summary, a choice id or a value), the
    text shown for it (empty: the exit's title), the change or assumption of answers it stands
    for, and why it is or is not right."""

    key: str
    why: str
    text: str = ""
    answers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Question:
    """A scenario of one kind, with what ragft needs to grade it and the choices offered."""

    id: str
    scenario: str
    choices: tuple[Choice, ...]
    expect: str
    kind: str = "lands"
    answers: tuple[tuple[str, str], ...] = ()
    requirements: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    plan: str = ""
    calc: str = ""
    inputs: tuple[tuple[str, Any], ...] = ()

    @property
    def is_architecture(self) -> bool:
        """Whether the choices are architectures of several requirements, not exits."""
        return bool(self.requirements)

    @property
    def tested_gates(self) -> set[str]:
        """The gates whose answers the question turns on (for the scenario-wording check)."""
        found = {g for g, _ in self.answers}
        for _, answers in self.requirements:
            found |= {g for g, _ in answers}
        return found


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


# -- reading the file --------------------------------------------------------------------------

_COMMON = {"id", "kind", "scenario", "expect", "choices"}
_KEYS = {
    "lands": _COMMON | {"answers", "requirements"},
    "flip": _COMMON | {"answers"},
    "assumption": _COMMON | {"answers", "plan"},
    "number": _COMMON | {"calc", "inputs"},
}


def _scalar(r: Reader, key: str) -> str:
    value = r.data.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        problem = (f"missing key {key!r}" if value is None else
                   f"{key} must be a string or a whole number, got {value!r}")
        raise r.error(problem)
    return str(value)


def _choice(origin: str, where: str, item: object, kind: str, architecture: bool) -> Choice:
    if kind == "lands":
        key = "architecture" if architecture else "exit"
        cr = Reader(origin, where, item, {key, "why"})
        return Choice(key=cr.text(key), why=cr.text("why"))
    if kind == "number":
        cr = Reader(origin, where, item, {"value", "why"})
        return Choice(key=_scalar(cr, "value"), why=cr.text("why"))
    text_key, answers_key = ("fact", "change") if kind == "flip" else ("claim", "assumes")
    cr = Reader(origin, where, item, {"id", text_key, answers_key, "why"})
    return Choice(key=cr.text("id"), why=cr.text("why"), text=cr.text(text_key),
                  answers=cr.answers(answers_key))


def _inputs(r: Reader, calc_name: str) -> tuple[tuple[str, Any], ...]:
    value = r.data.get("inputs")
    if not isinstance(value, Mapping):
        problem = f"inputs must be a mapping of {calc_name}'s inputs, got {value!r}"
        raise r.error(problem)
    known = CALCS[calc_name]
    for key in value:
        if key not in known:
            problem = f"unknown input {key!r} of {calc_name} (must be one of {sorted(known)})"
            raise r.error(problem)
    return tuple(value.items())


def _question(origin: str, where: str, data: object) -> Question:
    if not isinstance(data, Mapping):
        Reader(origin, where, data, set())  # raises: must be a mapping
    kind_of = data.get("kind") if isinstance(data, Mapping) else None
    if kind_of not in KINDS:
        problem = ("missing key 'kind'" if kind_of is None else
                   f"unknown kind {kind_of!r} (must be one of {list(KINDS)})")
        raise LessonDataError(origin, where, problem)
    kind = str(kind_of)
    r = Reader(origin, where, data, _KEYS[kind])
    reqs: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    if kind == "lands" and "requirements" in r.data:
        for sub, item in r.items("requirements"):
            rr = Reader(origin, sub, item, {"name", "answers"})
            reqs.append((rr.text("name"), rr.answers("answers")))
    choices = [_choice(origin, sub, item, kind, bool(reqs)) for sub, item in r.items("choices")]
    if len(choices) > len(LETTERS):
        problem = f"at most {len(LETTERS)} choices, got {len(choices)}"
        raise r.error(problem)
    calc_name = ""
    inputs: tuple[tuple[str, Any], ...] = ()
    if kind == "number":
        calc_name = r.text("calc")
        if calc_name not in CALCS:
            problem = f"unknown calc {calc_name!r} (must be one of {sorted(CALCS)})"
            raise r.error(problem)
        inputs = _inputs(r, calc_name)
    answers = () if reqs or kind == "number" else r.answers("answers")
    return Question(id=r.text("id"), scenario=r.text("scenario"), choices=tuple(choices),
                    expect=_scalar(r, "expect"), kind=kind, answers=answers,
                    requirements=tuple(reqs), plan=r.text("plan") if kind == "assumption" else "",
                    calc=calc_name, inputs=inputs)


@cache
def _load(path: str | None) -> dict[str, tuple[Question, ...]]:
    data, origin = load_yaml(path, DEFAULT_FILE)
    top = Reader(origin, WORDS["top_level"], data, {"quizzes"})
    quizzes = top.data.get("quizzes")
    if not isinstance(quizzes, dict) or not quizzes:
        problem = "quizzes must map quiz ids to lists of questions"
        raise top.error(problem)
    found = {}
    for quiz_id, entries in quizzes.items():
        holder = Reader(origin, "quizzes", {quiz_id: entries}, {str(quiz_id)})
        found[str(quiz_id)] = tuple(_question(origin, where, item)
                                    for where, item in holder.items(str(quiz_id)))
    return found


def quiz_ids(path: str | Path | None = None) -> tuple[str, ...]:
    """The ids of the quizzes in the file (one per notebook), in file order."""
    return tuple(_load(None if path is None else str(path)))


def questions(quiz_id: str, path: str | Path | None = None) -> tuple[Question, ...]:
    """The questions of one quiz.

    Raises:
        UnknownIdError: no quiz has this id.
    """
    quizzes = _load(None if path is None else str(path))
    if quiz_id not in quizzes:
        raise UnknownIdError(quiz_id, "quiz", quizzes)
    return quizzes[quiz_id]


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


# -- the static form ---------------------------------------------------------------------------


def html_element(tag: str, body: str = "", **attrs: str) -> str:
    """An HTML element; attribute names take ``_`` for ``-`` (``data_kind``), values are
    escaped, ``body`` is HTML already."""
    named = "".join(f" {k.rstrip('_').replace('_', '-')}='{esc(v)}'" for k, v in attrs.items())
    return f"<{tag}{named}>{body}</{tag}>"


#: The static form's own classes: MathJax (JupyterLab's, and any page's) leaves amounts such as
#: $1,200 alone inside them.
FORM_CLASSES = ("ragft-quiz", "tex2jax_ignore", "mathjax_ignore")


def head_html(it: Item) -> str:
    """A question's first paragraph: its number, its kind and the scenario."""
    number = html_element("strong", esc(QUIZ["question"].format(number=it.number)))
    kind = html_element("span", esc(f"({QUIZ['kind_' + it.kind]})"), class_="ragft-quiz-kind")
    return html_element("p", f"{number} {kind} {esc(it.scenario)}", class_="ragft-quiz-scenario")


def _radio(name: str, value: str) -> str:
    return html_element("input", type="radio", name=name, value=value).removesuffix("</input>")


def _item_html(quiz_id: str, it: Item) -> str:
    name = f"ragft-quiz-{quiz_id}-{it.id}"
    labelled = list(zip(LETTERS, it.options, strict=False))
    radios = "\n".join(
        html_element("label", _radio(name, key) + esc(f" {letter}. {label}"),
                     class_="ragft-quiz-option")
        for letter, (key, label) in labelled)
    fieldset = html_element("fieldset", html_element("legend", esc(it.ask)) + radios,
                            class_="ragft-quiz-choices")
    key_items = "\n".join(
        html_element("li", html_element("em", esc(f"{letter}. {label}")) + ": "
                     + html_element("span", it.feedback[key], class_="ragft-quiz-says"),
                     data_choice=key)
        for letter, (key, label) in labelled)
    answer_key = html_element("details", html_element("summary", esc(QUIZ["key"]))
                              + html_element("ul", key_items), class_="ragft-quiz-key")
    return html_element("div", "\n".join((head_html(it), fieldset, answer_key)),
                        class_="ragft-quiz-item", data_kind=it.kind, data_right=it.right,
                        id=name)


def form_html(quiz_id: str, quiz_items: tuple[Item, ...]) -> str:
    """The self-check as a static HTML form carrying its data: what a notebook stores and the
    site shows. Without a script it reads as questions with each answer key folded away; the
    site's script (``site/quiz.html``) turns it into a graded form."""
    words = {k: QUIZ[k] for k in ("check", "retry", "score", "pick_first", "score_label")}
    note = html_element("p", esc(QUIZ["static_note"]), class_="ragft-quiz-static")
    body = "\n".join((note, *(_item_html(quiz_id, it) for it in quiz_items)))
    return html_element("form", f"\n{body}\n", class_=" ".join(FORM_CLASSES),
                        data_quiz=quiz_id, data_words=json.dumps(words),
                        aria_label=QUIZ["form_label"])


def show(quiz_id: str, tree: Tree | None = None, path: str | Path | None = None) -> Any:
    """A notebook's self-check: a :class:`~ragft.widgets.quiz.Quiz` of every question.

    Raises:
        UnknownIdError: no quiz has this id, or a choice names an exit the tree lacks.
        IncompleteDecisionError: a question's answers stop before an exit.
    """
    from ..widgets.quiz import Quiz  # the widgets import ipywidgets; the data does not need it

    return Quiz(quiz_id, items(quiz_id, tree, path))


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

"""Graded self-checks: borderline scenarios as multiple-choice questions, graded by the tree.

A question (``quizzes.yaml``) gives a scenario, the answers it implies and a few choices, each with
a line of feedback. Which choice is right is not stored: :func:`ragft.engine.decision.decide` (or
:func:`ragft.engine.architecture.combine`, for a use case of several requirements) works it out, so
the quiz cannot drift from the tree. The ``expect`` field is only a check that the authored feedback
still matches the tree; :func:`check` reports any question where it does not.

Each choice renders as a ``<details>`` element with its feedback inside: plain HTML in a
Markdown output, which opens by keyboard and mouse in JupyterLab and on the static site, with
no kernel and no script. Besides the authored feedback, each choice of exit names the gate
that decides it, found by walking the tree: for the right one the gate that settles the walk,
for a wrong one the first answer of the scenario after which that exit is out of reach. The
right choice of an architecture lists where each requirement ends.

Example:
    >>> from ragft.guide import quiz
    >>> q = quiz.questions("knowledge")[0]
    >>> quiz.right_answer(q) == q.expect
    True
    >>> print(quiz.show("knowledge").data.splitlines()[0][:15])
    **Question 1.**
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from IPython.display import Markdown

from ..engine.architecture import combine
from ..engine.decision import Decision, all_walks, decide
from ..errors import UnknownNodeError
from ..tree.model import Tree
from ._data import Reader, load_yaml
from ._text import md, md_escape, resolve

__all__ = [
    "Choice",
    "check",
    "questions",
    "show",
]

DEFAULT_FILE = "quizzes.yaml"
EXIT_ASK = "Where does the tree send it? Open each choice to see its feedback."
ARCHITECTURE_ASK = ("Which architecture do its requirements combine into? Open each choice to "
                    "see its feedback.")
LETTERS = "ABCDEF"


@dataclass(frozen=True)
class Choice:
    """One choice: an exit id (or an architecture summary) and why it is or is not right."""

    key: str
    why: str


@dataclass(frozen=True)
class Question:
    """A scenario with its answers (or its requirements' answers) and the choices offered."""

    id: str
    scenario: str
    choices: tuple[Choice, ...]
    expect: str
    answers: tuple[tuple[str, str], ...] = ()
    requirements: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    @property
    def is_architecture(self) -> bool:
        """Whether the choices are architectures of several requirements, not exits."""
        return bool(self.requirements)


def _question(origin: str, where: str, data: object) -> Question:
    r = Reader(origin, where, data, {"id", "scenario", "answers", "requirements", "expect",
                                     "choices"})
    reqs: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    if "requirements" in r.data:
        for sub, item in r.items("requirements"):
            rr = Reader(origin, sub, item, {"name", "answers"})
            reqs.append((rr.text("name"), rr.answers("answers")))
    choices = []
    for sub, item in r.items("choices"):
        key = "architecture" if reqs else "exit"
        cr = Reader(origin, sub, item, {key, "why"})
        choices.append(Choice(key=cr.text(key), why=cr.text("why")))
    if len(choices) > len(LETTERS):
        r.fail(f"at most {len(LETTERS)} choices, got {len(choices)}")
    return Question(id=r.text("id"), scenario=r.text("scenario"), choices=tuple(choices),
                    expect=r.text("expect"), answers=() if reqs else r.answers("answers"),
                    requirements=tuple(reqs))


@cache
def _load(path: str | None) -> dict[str, tuple[Question, ...]]:
    data, origin = load_yaml(path, DEFAULT_FILE)
    top = Reader(origin, "top level", data, {"quizzes"})
    quizzes = top.data.get("quizzes")
    if not isinstance(quizzes, dict) or not quizzes:
        top.fail("quizzes must map quiz ids to lists of questions")
    found = {}
    for quiz_id, items in quizzes.items():
        holder = Reader(origin, "quizzes", {quiz_id: items}, {str(quiz_id)})
        found[str(quiz_id)] = tuple(_question(origin, where, item)
                                    for where, item in holder.items(str(quiz_id)))
    return found


def quiz_ids(path: str | Path | None = None) -> tuple[str, ...]:
    """The ids of the quizzes in the file (one per notebook), in file order."""
    return tuple(_load(None if path is None else str(path)))


def questions(quiz_id: str, path: str | Path | None = None) -> tuple[Question, ...]:
    """The questions of one quiz.

    Raises:
        UnknownNodeError: no quiz has this id.
    """
    quizzes = _load(None if path is None else str(path))
    if quiz_id not in quizzes:
        raise UnknownNodeError(quiz_id, quizzes, what="quiz")
    return quizzes[quiz_id]


def _decisions(q: Question, tree: Tree) -> list[tuple[str, Decision]]:
    if q.is_architecture:
        return list(combine([(n, dict(a)) for n, a in q.requirements], tree).decisions)
    return [("", decide(dict(q.answers), tree))]


def right_answer(q: Question, tree: Tree | None = None) -> str:
    """The tree's answer to ``q``: the exit its answers reach, or the summary of the
    architecture its requirements combine into.

    Raises:
        IncompleteDecisionError: the answers stop before an exit.
    """
    tree = resolve(tree)
    if q.is_architecture:
        return combine([(n, dict(a)) for n, a in q.requirements], tree).summary
    return decide(dict(q.answers), tree).require_exit(f"question {q.id!r}")


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


def _step(tree: Tree, gate_id: str, answer_id: str) -> str:
    gate = tree.gate(gate_id)
    return f"{gate.label}: *{md_escape(gate.answer(answer_id).label)}*"


def _walk_line(tree: Tree, decision: Decision) -> str:
    return "; ".join(_step(tree, s.gate, s.answer) for s in decision.path)


def _gate_phrase(tree: Tree, gate_id: str) -> str:
    gate = tree.gate(gate_id)
    return f"{gate.label} ({md_escape(gate.title)})"


def _exit_feedback(q: Question, choice: Choice, right: str, tree: Tree) -> str:
    decision = decide(dict(q.answers), tree)
    if choice.key == right:
        last = decision.path[-1]
        return (f"**Right.** {md_escape(choice.why)} Decided at {_gate_phrase(tree, last.gate)}. "
                f"The walk: {_walk_line(tree, decision)}.")
    found = deciding_gate(dict(q.answers), choice.key, tree)
    assert found is not None  # a choice that is not the exit reached is out of reach somewhere
    gate_id, answer_id = found
    label = md_escape(tree.gate(gate_id).answer(answer_id).label)
    return (f"**Not this one.** {md_escape(choice.why)} Decided at "
            f"{_gate_phrase(tree, gate_id)}: *{label}*. From there, this recommendation is out "
            "of reach.")


def _architecture_feedback(q: Question, choice: Choice, right: str, tree: Tree) -> str:
    if choice.key != right:
        return (f"**Not this one.** {md_escape(choice.why)} The tree combines these "
                f"requirements into **{md_escape(right)}**.")
    parts = "; ".join(
        f"*{md_escape(name)}* ends at **{md_escape(tree.exit(d.require_exit()).title)}**"
        for name, d in _decisions(q, tree))
    return f"**Right.** {md_escape(choice.why)} The requirements: {parts}."


def _choice_label(q: Question, choice: Choice, tree: Tree) -> str:
    return md_escape(choice.key if q.is_architecture else tree.exit(choice.key).title)


def _question_lines(number: int, q: Question, tree: Tree) -> Iterator[str]:
    right = right_answer(q, tree)
    ask = ARCHITECTURE_ASK if q.is_architecture else EXIT_ASK
    yield f"**Question {number}.** {md_escape(q.scenario)}"
    yield ""
    yield f"*{ask}*"
    for letter, choice in zip(LETTERS, q.choices, strict=False):
        feedback = (_architecture_feedback if q.is_architecture else _exit_feedback)(
            q, choice, right, tree)
        yield ""
        yield f"<details><summary>{letter}. {_choice_label(q, choice, tree)}</summary>"
        yield ""
        yield feedback
        yield ""
        yield "</details>"


def show(quiz_id: str, tree: Tree | None = None, path: str | Path | None = None) -> Markdown:
    """A notebook's self-check: every question of the quiz, each choice graded by the tree.

    Raises:
        UnknownNodeError: no quiz has this id, or a choice names an exit the tree lacks.
        IncompleteDecisionError: a question's answers stop before an exit.
    """
    tree = resolve(tree)
    blocks = ["\n".join(_question_lines(i, q, tree))
              for i, q in enumerate(questions(quiz_id, path), 1)]
    return md("\n\n---\n\n".join(blocks))  # a rule between questions, to see where each starts


def check(tree: Tree | None = None, path: str | Path | None = None) -> list[str]:
    """Problems with the quiz file against ``tree``, one line each (empty: all is well).

    A question is broken when the tree's answer is not its ``expect`` (the feedback was
    written for another answer), when no choice or more than one is right, or when a choice
    repeats another.
    """
    tree = resolve(tree)
    problems = []
    for quiz_id in quiz_ids(path):
        for q in questions(quiz_id, path):
            where = f"{quiz_id}/{q.id}"
            right = right_answer(q, tree)
            keys = [c.key for c in q.choices]
            if right != q.expect:
                problems.append(f"{where}: the tree answers {right!r}, the feedback expects "
                                f"{q.expect!r}")
            if keys.count(right) != 1:
                problems.append(f"{where}: {keys.count(right)} choices are {right!r}")
            if len(set(keys)) != len(keys):
                problems.append(f"{where}: a choice is offered twice")
            if len(keys) < 3:
                problems.append(f"{where}: offer at least three choices")
    return problems

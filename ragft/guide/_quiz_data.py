"""The self-checks' file (``quizzes.yaml``): its questions as checked, frozen data.

A question gives a scenario, its ``kind`` and a few choices, each with a line of feedback; which
choice is right is not stored (:mod:`ragft.guide._grading` works it out). Every key is checked
when the file is read, and a bad one is named with its place and the keys allowed.

Example:
    >>> from ragft.guide._quiz_data import questions, quiz_ids
    >>> "knowledge" in quiz_ids()
    True
    >>> questions("knowledge")[0].kind in KINDS
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import LessonDataError, UnknownIdError
from ..present.guide_words import WORDS
from ._data import Reader, load_yaml

DEFAULT_FILE = "quizzes.yaml"
LETTERS = "ABCDEF"
KINDS = ("lands", "flip", "assumption", "number")
CALCS = {
    "context_fit": {"amount", "unit", "window", "headroom"},
    "break_even": {"requests_per_month", "saving_per_request", "input_tokens", "output_tokens",
                   "engineering_hours", "hourly_rate", "training_cost", "retrains_per_year",
                   "maintenance_hours_per_month"},
}


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

"""The errors ragft raises for bad input, and the one helper that words them.

Every error is a :class:`ValueError` subclass. Messages that reject a value are built by
:func:`unknown`, in one shape: ``unknown answer 'x' for gate 'g' (must be one of [...])``, the
allowed values in the order the tree lists them. Library messages name no command-line flags;
the CLI adds its own advice.

The site walker shows the same words: :func:`message_templates` gives the export the messages
with a ``{value}`` slot, so the JavaScript fills in a value and words nothing itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "AnswerSyntaxError",
    "IncompleteDecisionError",
    "OutputExistsError",
    "OutputPathError",
    "RagftError",
    "RendererError",
    "TreeError",
    "UnknownAnswerError",
    "UnknownFormatError",
    "UnknownGateError",
    "UnknownIdError",
    "UnknownNodeError",
    "UnknownOptionError",
    "allowed",
    "message_templates",
    "unknown",
]


def allowed(values: Iterable[str]) -> str:
    """The ``(must be one of [...])`` tail of a message, values in the order given.

    >>> allowed(["static", "changing"])
    "(must be one of ['static', 'changing'])"
    """
    return f"(must be one of {list(values)!r})"


def near_miss(value: object, values: Iterable[str]) -> str | None:
    """The allowed value closest to a mistyped one, if any is close (case is ignored).

    >>> near_miss("promptng", ["prompting", "context"]), near_miss("zzz", ["prompting"])
    ('prompting', None)
    """
    values = list(values)
    by_lower = {v.lower(): v for v in values}
    close = difflib.get_close_matches(str(value).lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


def unknown(what: str, value: object, values: Iterable[str], *, where: str = "",
            suggest: bool = False) -> str:
    """The one wording of a rejected value; ``suggest`` adds the nearest allowed value.

    >>> unknown("answer", "sometimes", ["changing", "static"], where="for gate 'knowledge'")
    "unknown answer 'sometimes' for gate 'knowledge' (must be one of ['changing', 'static'])"
    >>> unknown("gate", "promptng", ["prompting", "context"], suggest=True)
    "unknown gate 'promptng' (must be one of ['prompting', 'context']); did you mean 'prompting'?"
    """
    values = list(values)
    place = f" {where}" if where else ""
    hint = near_miss(value, values) if suggest else None
    tail = f"; did you mean {hint!r}?" if hint is not None else ""
    return f"unknown {what} {value!r}{place} {allowed(values)}{tail}"


class RagftError(ValueError):
    """Base class of every error about bad input to ragft."""


class UnknownIdError(RagftError):
    """An id, name or choice outside the allowed set (a kind, a source, a context window...)."""

    def __init__(self, value: str, what: str, values: Iterable[str], where: str = "", *,
                 suggest: bool = False) -> None:
        super().__init__(unknown(what, value, values, where=where, suggest=suggest))
        self.value = value
        self.what = what


class UnknownGateError(UnknownIdError):
    """A gate id that the tree does not have."""

    def __init__(self, gate: str, gates: Iterable[str], *, suggest: bool = False) -> None:
        super().__init__(gate, "gate", gates, suggest=suggest)
        self.gate = gate


class UnknownAnswerError(UnknownIdError):
    """An answer id that the gate does not have."""

    def __init__(self, answer: str, gate: str, answers: Iterable[str], *,
                 suggest: bool = False) -> None:
        super().__init__(answer, "answer", answers, where=f"for gate {gate!r}", suggest=suggest)
        self.answer = answer
        self.gate = gate


class UnknownNodeError(UnknownIdError):
    """A gate or exit id that the tree does not have."""

    def __init__(self, node: str, nodes: Iterable[str], what: str = "gate or exit") -> None:
        super().__init__(node, what, nodes)
        self.node = node


class UnknownOptionError(UnknownIdError):
    """A choice outside a fixed list, such as a calculator's unit or a Graphviz engine."""


class UnknownFormatError(UnknownIdError):
    """An output format or file suffix ragft cannot write."""

    def __init__(self, fmt: str, formats: Iterable[str]) -> None:
        super().__init__(fmt, "format", formats)
        self.format = fmt


class AnswerSyntaxError(RagftError):
    """An answer argument that is not of the form ``gate=answer``."""

    def __init__(self, text: str, reason: str) -> None:
        msg = f"bad answer {text!r}: {reason} (write answers as gate=answer, e.g. knowledge=static)"
        super().__init__(msg)
        self.text = text


class IncompleteDecisionError(RagftError):
    """A decision that has not reached an exit where a finished one is needed."""

    def __init__(self, what: str, next_gate: str, answers: Iterable[str]) -> None:
        msg = f"{what} is not finished: gate {next_gate!r} needs an answer {allowed(answers)}"
        super().__init__(msg)
        self.next_gate = next_gate


class OutputPathError(RagftError):
    """An output path that cannot be written: a folder, or a place ragft may not write to."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path!s}: {problem}")
        self.path = path
        self.problem = problem


class OutputExistsError(RagftError):
    """An output file that exists and would be overwritten."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path!s} already exists")
        self.path = path


class RendererError(RagftError):
    """The diagram renderer is missing, failed on a graph, or took too long."""


class TreeError(RagftError):
    """A tree file that is malformed: names the file, where in it, and what is wrong."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        msg = f"{source}: {where}: {problem}" if where else f"{source}: {problem}"
        super().__init__(msg)
        self.source = source
        self.where = where
        self.problem = problem


class _Slot(str):
    """A value whose repr is ``{value}``: fills the message templates' slot."""

    def __repr__(self) -> str:
        return "{value}"


def message_templates(gates: Iterable[tuple[str, Iterable[str]]]) -> dict[str, object]:
    """The walker's messages for a bad link, with ``{value}`` where the bad value goes.

    ``gates`` is each gate id with its answer ids, in tree order.

    >>> message_templates([("prompting", ["no", "yes"])])["answer"]
    {'prompting': "unknown answer {value} for gate 'prompting' (must be one of ['no', 'yes'])"}
    """
    pairs = [(g, list(a)) for g, a in gates]
    slot = _Slot()
    return {
        "gate": str(UnknownGateError(slot, [g for g, _ in pairs])),
        "answer": {g: str(UnknownAnswerError(slot, g, a)) for g, a in pairs},
        "syntax": str(AnswerSyntaxError(slot, "expected gate=answer")),
        "repeated": str(AnswerSyntaxError(slot, "that gate is already answered")),
    }

"""The errors ragft raises for bad input.

Every error is a :class:`ValueError` subclass whose message names the bad value and, where there
is one, the allowed set, in the shape ``unknown answer 'x' for gate 'g' (must be one of [...])``.
The message is built by the functions here so that the CLI, the widgets and the tests all see
the same words.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AnswerSyntaxError",
    "IncompleteDecisionError",
    "OutputExistsError",
    "RagftError",
    "TreeError",
    "UnknownAnswerError",
    "UnknownFormatError",
    "UnknownGateError",
    "UnknownNodeError",
    "UnknownOptionError",
    "allowed",
]


def allowed(values: Iterable[str]) -> str:
    """Return the ``(must be one of [...])`` tail of an error message, values sorted."""
    return f"(must be one of {sorted(values)!r})"


class RagftError(ValueError):
    """Base class of every error about bad input to ragft."""


class UnknownGateError(RagftError):
    """A gate id that the tree does not have."""

    def __init__(self, gate: str, gates: Iterable[str]) -> None:
        msg = f"unknown gate {gate!r} {allowed(gates)}"
        super().__init__(msg)
        self.gate = gate


class UnknownAnswerError(RagftError):
    """An answer id that the gate does not have."""

    def __init__(self, answer: str, gate: str, answers: Iterable[str]) -> None:
        msg = f"unknown answer {answer!r} for gate {gate!r} {allowed(answers)}"
        super().__init__(msg)
        self.answer = answer
        self.gate = gate


class UnknownNodeError(RagftError):
    """A gate or exit id that the tree does not have."""

    def __init__(self, node: str, nodes: Iterable[str], what: str = "gate or exit") -> None:
        msg = f"unknown {what} {node!r} {allowed(nodes)}"
        super().__init__(msg)
        self.node = node


class UnknownOptionError(RagftError):
    """A choice outside a fixed list, such as a calculator's unit or context window."""

    def __init__(self, value: str, what: str, options: Iterable[str]) -> None:
        msg = f"unknown {what} {value!r} {allowed(options)}"
        super().__init__(msg)
        self.value = value


class AnswerSyntaxError(RagftError):
    """An answer argument that is not of the form ``gate=answer``."""

    def __init__(self, text: str, reason: str) -> None:
        msg = f"bad answer {text!r}: {reason} (write answers as gate=answer, e.g. knowledge=static)"
        super().__init__(msg)
        self.text = text


class IncompleteDecisionError(RagftError):
    """A decision that has not reached an exit where a finished one is needed."""

    def __init__(self, what: str, next_gate: str, answers: Iterable[str]) -> None:
        msg = (
            f"{what} is not finished: gate {next_gate!r} needs an answer "
            f"{allowed(answers)}"
        )
        super().__init__(msg)
        self.next_gate = next_gate


class UnknownFormatError(RagftError):
    """An output format or file suffix ragft cannot write."""

    def __init__(self, fmt: str, formats: Iterable[str]) -> None:
        msg = f"unknown format {fmt!r} {allowed(formats)}"
        super().__init__(msg)
        self.format = fmt


class OutputExistsError(RagftError):
    """An output file that exists and would be overwritten without ``force``."""

    def __init__(self, path: str) -> None:
        msg = f"{path!s} already exists (pass --force to overwrite it)"
        super().__init__(msg)
        self.path = path


class TreeError(RagftError):
    """A tree file that is malformed: names the file, where in it, and what is wrong."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        msg = f"{source}: {where}: {problem}" if where else f"{source}: {problem}"
        super().__init__(msg)
        self.source = source
        self.where = where
        self.problem = problem

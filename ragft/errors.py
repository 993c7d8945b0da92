"""The errors ragft raises, and the one helper that words them.

Every error about bad input is a :class:`RagftError`, a :class:`ValueError`; each names where
the input came from, where in it the problem is, and what is wrong. A missing or failing
diagram renderer is not bad input: :class:`RendererError` is a :class:`RuntimeError`, as
graphviz's ``ExecutableNotFound`` is. Every exception class of ragft is defined here.

Messages that reject a value are built by :func:`unknown`, in one shape:
``unknown answer 'x' for gate 'g' (must be one of [...])``, the allowed values in the order the
tree lists them. Library messages name no command-line flags, Python classes, errnos or
temporary files; the CLI adds its own advice.

The site walker shows the same words: :func:`message_templates` gives the export the messages
with a ``{value}`` slot, so the JavaScript fills in a value and words nothing itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# The errors a user of the package catches; the others are importable from here, unlisted.
__all__ = [
    "IncompleteDecisionError",
    "OutputExistsError",
    "RagftError",
    "RendererError",
    "TreeError",
    "UnknownAnswerError",
    "UnknownGateError",
]


def allowed(values: Iterable[object]) -> str:
    """The ``(must be one of [...])`` tail of a message, values in the order given.

    >>> allowed(["static", "changing"])
    "(must be one of ['static', 'changing'])"
    """
    return f"(must be one of {list(values)!r})"


def near_miss(value: object, values: Iterable[object]) -> str | None:
    """The allowed value closest to a mistyped one, if any is close (case is ignored).

    >>> near_miss("promptng", ["prompting", "context"]), near_miss("zzz", ["prompting"])
    ('prompting', None)
    """
    by_lower = {str(v).lower(): str(v) for v in values}
    close = difflib.get_close_matches(str(value).lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


def unknown(what: str, value: object, values: Iterable[object], *, where: str = "",
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


def describe(value: object) -> str:
    """What a YAML value is, in words a file's author knows (not a Python type name).

    >>> describe(None), describe(["a"]), describe("yes")
    ('nothing', 'a list', "text ('yes')")
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value!r})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"text ({value[:40]!r})"
    if isinstance(value, list):
        return "a list"
    return "something else"


class RagftError(ValueError):
    """Base class of every error about bad input to ragft."""


# -- a value outside the allowed set ---------------------------------------------------------


class UnknownIdError(RagftError):
    """An id outside a table of allowed ids: a kind, exit, source, quiz, glossary term...

    ``what`` names the table (``"exit"``, ``"quiz"``); every ``Tree.<table>(id)`` lookup but
    :meth:`~ragft.tree.model.Tree.gate` raises this class for an id the table lacks.
    """

    def __init__(self, value: object, what: str, values: Iterable[object], where: str = "", *,
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
    """A node id that is neither a gate nor an exit of the tree."""

    def __init__(self, node: str, nodes: Iterable[str]) -> None:
        super().__init__(node, "gate or exit", nodes)
        self.node = node


class UnknownOptionError(UnknownIdError):
    """A choice outside a fixed list, such as a calculator's unit or a Graphviz engine."""


class UnknownFormatError(UnknownIdError):
    """An output format or file suffix ragft cannot write."""

    def __init__(self, fmt: str, formats: Iterable[str]) -> None:
        super().__init__(fmt, "format", formats)
        self.format = fmt


# -- answers, decisions and the command line -------------------------------------------------


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


class EmptyCaseError(RagftError):
    """A use case with no requirements to combine, or no use case at all."""


class UsageError(RagftError):
    """A command line that cannot be read, or options that do not go together; ``prog`` is
    the command whose help explains it."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


class CalculatorInputError(RagftError):
    """A calculator input outside its range: names the input, what it must be, and the value.

    >>> str(CalculatorInputError(-1, name="hours", must="a number >= 0"))
    'hours must be a number >= 0, got -1'
    """

    def __init__(self, value: object, *, name: str, must: str) -> None:
        super().__init__(f"{name} must be {must}, got {value!r}")
        self.name = name
        self.value = value
        self.must = must


class RecordFieldError(RagftError):
    """A field of a decision record that is missing, malformed, or does not fit the decision
    (a bad date, a reason for a gate the walk does not reach); ``field`` names it."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


class TableError(RagftError):
    """Rows that cannot make a lesson's table: none, or rows whose columns differ."""


# -- files ragft reads -----------------------------------------------------------------------


class DataFileError(RagftError):
    """A file ragft reads that is missing or malformed: names the file, where in it, and what
    is wrong (``tree.yaml: gates[0]: missing key 'question'``)."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        msg = f"{source}: {where}: {problem}" if where else f"{source}: {problem}"
        super().__init__(msg)
        self.source = source
        self.where = where
        self.problem = problem


class TreeError(DataFileError):
    """A tree file that is malformed: names the file, where in it, and what is wrong."""


class CaseFileError(DataFileError):
    """A use case file (YAML) that is missing or malformed; ``where`` names the line and the
    requirement."""


class RecordFileError(DataFileError):
    """A file that is not a ragft decision record, or a record of another tree; or a folder of
    records that does not exist."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(source, "", problem)


class LessonDataError(DataFileError):
    """A data file of the guide (quizzes, glossary, a lesson's sample data) that is missing or
    malformed."""


class WalkerDataError(RagftError):
    """A part of the site walker that cannot go into its page: a source file missing from the
    install or holding ``</script``, an SVG with active content, data that is not an export.

    ``part`` names the part the problem is about (``the tree SVG``), when the problem does not.
    """

    def __init__(self, problem: str, *, part: str = "") -> None:
        super().__init__(f"{part} {problem}" if part else problem)
        self.part = part
        self.problem = problem


# -- files ragft writes ----------------------------------------------------------------------


class OutputPathError(RagftError):
    """An output path that cannot be written: a folder, or a place ragft may not write to."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path!s}: {problem}")
        self.path = path
        self.problem = problem


class NotAFolderError(OutputPathError):
    """A file where ragft must write into a folder (or make one), in one wording:
    ``docs is a file, not a folder``; ``path``, when given, is the output path it blocks.

    >>> str(NotAFolderError("a.txt", "a.txt/x.md")), str(NotAFolderError("docs"))
    ('a.txt/x.md: a.txt is a file, not a folder', 'docs is a file, not a folder')
    """

    def __init__(self, file: str, path: str = "") -> None:
        problem = f"{file} is a file, not a folder"
        if path and path != file:
            super().__init__(path, problem)
        else:  # the file is the path given: name it once
            RagftError.__init__(self, problem)
            self.path, self.problem = file, problem
        self.file = file


class OutputExistsError(RagftError):
    """An output file that exists and would be overwritten."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path!s} already exists")
        self.path = path


# -- the renderer: not bad input -------------------------------------------------------------


class RendererError(RuntimeError):
    """The diagram renderer (Graphviz) failed on a graph or took too long; not bad input."""


class RendererNotFoundError(RendererError):
    """The Graphviz binary is not installed where ragft looks for it."""


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

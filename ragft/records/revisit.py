"""Revisit decision records: decide their answers again against the current tree.

A record's front matter holds its answers (in the order the walk asked them) and the exit
they reached. :func:`revisit_record` walks the same answers through ``tree`` and says, per
decision, whether it stands, changed (from which exit to which, and where the walk now goes
another way), or cannot be decided because the tree no longer has a gate or answer the record
used. Nothing of the record's prose is read.

Example:
    >>> from ragft.engine.decision import decide
    >>> from ragft.tree.loader import default_tree
    >>> from ragft.records.madr import record_markdown
    >>> from ragft.records.template import RecordFields
    >>> text = record_markdown(decide({"prompting": "no"}), RecordFields(date="2026-01-31"))
    >>> print(revisit_record(text, default_tree(), origin="0001.md").line())
    0001.md: stands: prompt_first (Exhaust prompt engineering first)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..engine.decision import decide
from ..errors import RagftError
from ..tree.model import Tree
from .madr import tree_digest
from .read import (
    RecordedDecision,
    RecordInfo,
    check_tree,
    read_record,
    read_record_file,
    record_files,
)

__all__ = [
    "Outcome",
    "revisit_files",
]

Verdict = Literal["stands", "changed", "gone"]


@dataclass(frozen=True)
class Outcome:
    """What became of one recorded decision; ``cause`` says why it changed or is gone."""

    name: str
    verdict: Verdict
    old_exit: str
    new_exit: str | None
    cause: str = ""


@dataclass(frozen=True)
class Revisit:
    """A record revisited: one outcome per decision it holds."""

    origin: str
    outcomes: tuple[Outcome, ...]
    tree_changed: bool
    tree: Tree = field(repr=False, compare=False)

    @property
    def stands(self) -> bool:
        """Whether every decision of the record stands."""
        return all(o.verdict == "stands" for o in self.outcomes)

    def line(self) -> str:
        """One line for people: ``FILE: stands: exit (title)`` or ``FILE: changed: ...``."""
        tree = self.tree
        changed = [o for o in self.outcomes if o.verdict != "stands"]
        if not changed:
            if len(self.outcomes) == 1:
                o = self.outcomes[0]
                said = f"{o.old_exit} ({tree.exit(o.old_exit).title})"
            else:
                said = f"all {len(self.outcomes)} requirements"
            note = " (the tree has changed since; this decision has not)" if self.tree_changed \
                else ""
            return f"{self.origin}: stands: {said}{note}"
        parts = []
        for o in changed:
            who = f"requirement {o.name!r}: " if o.name else ""
            if o.verdict == "gone":
                parts.append(f"{who}{o.cause}")
            else:
                title = f" ({tree.exit(o.new_exit).title})" if o.new_exit else ""
                parts.append(f"{who}{o.old_exit} -> {o.new_exit or 'no exit'}{title}: {o.cause}")
        rest = len(self.outcomes) - len(changed)
        tail = f"; {rest} of {len(self.outcomes)} requirements stand" if rest else ""
        return f"{self.origin}: changed: {'; '.join(parts)}{tail}"


def _missing(recorded: RecordedDecision, tree: Tree) -> str:
    """What the record uses that the tree lacks, or ``""``."""
    for gate_id, answer_id in recorded.answers.items():
        if gate_id not in tree.gate_ids:
            return f"the tree no longer has gate {gate_id!r}"
        gate = tree.gate(gate_id)
        if answer_id not in gate.answer_ids:
            return (f"the tree's gate {gate_id!r} no longer has answer {answer_id!r} "
                    f"(it has {list(gate.answer_ids)!r})")
    return ""


def _cause(recorded: RecordedDecision, tree: Tree) -> str:
    """Where the current tree's walk of the recorded answers leaves the recorded path."""
    pairs = list(recorded.answers.items())
    walk = tree.walk(recorded.answers)
    steps = list(walk.steps)
    for i, step in enumerate(steps):
        if step.gate != pairs[i][0]:
            after = (f"answer '{pairs[i - 1][0]}={pairs[i - 1][1]}' now leads to gate "
                     f"{step.gate!r}" if i else f"the tree now starts at gate {step.gate!r}")
            return f"{after}, not {pairs[i][0]!r}"
    last = f"'{steps[-1].gate}={steps[-1].answer}'" if steps else "the start"
    if not walk.finished:
        return (f"after {last} the tree now asks gate {walk.end!r}, which the record has no "
                "answer for")
    if len(steps) < len(pairs):
        unused = [g for g, _ in pairs[len(steps):]]
        return f"answer {last} now leads to {walk.end!r}; the answers to {unused!r} are not used"
    if walk.layer != recorded.layer:
        setter = next((s for s in reversed(steps) if tree.gate(s.gate).answer(s.answer).layer),
                      None)
        by = f"answer '{setter.gate}={setter.answer}' now makes " if setter else "now "
        return (f"{by}{walk.layer or 'nothing'!r} the knowledge layer, not "
                f"{recorded.layer or 'nothing'!r}, so the walk ends at {walk.end!r}")
    return f"answer {last} now leads to {walk.end!r}"


def _outcome(recorded: RecordedDecision, tree: Tree) -> Outcome:
    gone = _missing(recorded, tree)
    if gone:
        return Outcome(recorded.name, "gone", recorded.exit, None, gone)
    decision = decide(recorded.answers, tree)
    if decision.exit == recorded.exit:
        if tuple(decision.components) != recorded.components:
            return Outcome(recorded.name, "changed", recorded.exit, decision.exit,
                           f"its components are now {list(decision.components)!r}, "
                           f"not {list(recorded.components)!r}")
        return Outcome(recorded.name, "stands", recorded.exit, decision.exit)
    return Outcome(recorded.name, "changed", recorded.exit, decision.exit,
                   _cause(recorded, tree))


def _revisit(info: RecordInfo, tree: Tree) -> Revisit:
    check_tree(info, tree)
    outcomes = tuple(_outcome(d, tree) for d in info.decisions)
    changed = bool(info.tree_sha256) and info.tree_sha256 != tree_digest(tree)
    return Revisit(info.origin, outcomes, changed, tree)


def revisit_record(text: str, tree: Tree, *, origin: str = "<record>") -> Revisit:
    """Revisit one record's text.

    Raises:
        RagftError: naming ``origin``: not a ragft record, malformed front matter, or a
            record of another tree.
    """
    return _revisit(read_record(text, origin=origin), tree)


def revisit_files(paths: Iterable[str | Path], tree: Tree) -> Iterator[Revisit | RagftError]:
    """Revisit each file, and each ``*.md`` file of each folder, in order.

    Yields a :class:`Revisit`, or the error of a file that is bad input, so one bad file
    does not hide what the others say.
    """
    for given in paths:
        path = Path(given)
        files = record_files(path) if path.is_dir() else [path]
        for file in files:
            try:
                yield _revisit(read_record_file(file), tree)
            except RagftError as err:
                yield err

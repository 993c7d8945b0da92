"""Revisit decision records: decide their answers again against the current tree.

A record's front matter holds its answers (in the order the walk asked them) and the exit
they reached. :func:`revisit_files` walks the same answers through ``tree`` and says, per
decision, whether it stands, changed (from which exit to which, and where the walk now goes
another way), or cannot be decided because the tree no longer has a gate or answer the record
used. Nothing of the record's prose is read.

Example:
    >>> from ragft.engine.decision import decide
    >>> from ragft.tree.loader import default_tree
    >>> from ragft.records.madr import record_markdown
    >>> from ragft.records.template import RecordFields
    >>> text = record_markdown(decide({"prompting": "no"}), RecordFields(date="2026-01-31"))
    >>> import pathlib, tempfile
    >>> record = pathlib.Path(tempfile.mkdtemp()) / "0001.md"
    >>> _ = record.write_text(text, encoding="utf-8")
    >>> [r.line() for r in revisit_files([record], default_tree())] == [
    ...     f"{record}: stands: prompt_first (Exhaust prompt engineering first)"]
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..engine.decision import decide
from ..errors import RagftError
from ..present.record_words import REVISIT
from ..tree.model import Tree
from .madr import tree_digest
from .read import (
    RecordedDecision,
    RecordInfo,
    check_tree,
    read_record_file,
    record_files,
)

__all__ = ["Skipped"]

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
                said = REVISIT["one"].format(exit=o.old_exit, title=tree.exit(o.old_exit).title)
            else:
                said = REVISIT["all"].format(count=len(self.outcomes))
            note = REVISIT["tree_changed"] if self.tree_changed else ""
            return REVISIT["stands"].format(origin=self.origin, said=said, note=note)
        parts = []
        for o in changed:
            who = REVISIT["requirement"].format(name=o.name) if o.name else ""
            if o.verdict == "gone":
                parts.append(f"{who}{o.cause}")
            else:
                title = REVISIT["title"].format(title=tree.exit(o.new_exit).title) \
                    if o.new_exit else ""
                parts.append(REVISIT["moved"].format(
                    who=who, old=o.old_exit, new=o.new_exit or REVISIT["no_exit"], title=title,
                    cause=o.cause))
        rest = len(self.outcomes) - len(changed)
        tail = REVISIT["rest"].format(rest=rest, count=len(self.outcomes)) if rest else ""
        return REVISIT["changed"].format(origin=self.origin, parts="; ".join(parts), tail=tail)


def _missing(recorded: RecordedDecision, tree: Tree) -> str:
    """What the record uses that the tree lacks, or ``""``."""
    for gate_id, answer_id in recorded.answers.items():
        if gate_id not in tree.gate_ids:
            return REVISIT["no_gate"].format(gate=gate_id)
        gate = tree.gate(gate_id)
        if answer_id not in gate.answer_ids:
            return REVISIT["no_answer"].format(gate=gate_id, answer=answer_id,
                                               answers=list(gate.answer_ids))
    return ""


def _cause(recorded: RecordedDecision, tree: Tree) -> str:
    """Where the current tree's walk of the recorded answers leaves the recorded path."""
    pairs = list(recorded.answers.items())
    walk = tree.walk(recorded.answers)
    steps = list(walk.steps)
    for i, step in enumerate(steps):
        if step.gate != pairs[i][0]:
            after = (REVISIT["leads_to_gate"].format(gate=pairs[i - 1][0], answer=pairs[i - 1][1],
                                                     next=step.gate)
                     if i else REVISIT["starts_at"].format(gate=step.gate))
            return REVISIT["not_gate"].format(after=after, gate=pairs[i][0])
    last = (REVISIT["pair"].format(gate=steps[-1].gate, answer=steps[-1].answer) if steps
            else REVISIT["start"])
    if not walk.finished:
        return REVISIT["asks"].format(last=last, gate=walk.end)
    if len(steps) < len(pairs):
        unused = [g for g, _ in pairs[len(steps):]]
        return REVISIT["unused"].format(last=last, end=walk.end, unused=unused)
    if walk.layer != recorded.layer:
        setter = next((s for s in reversed(steps) if tree.gate(s.gate).answer(s.answer).layer),
                      None)
        by = (REVISIT["made_by"].format(gate=setter.gate, answer=setter.answer) if setter
              else REVISIT["made_now"])
        return REVISIT["layer"].format(by=by, layer=walk.layer or REVISIT["nothing"],
                                       old=recorded.layer or REVISIT["nothing"], end=walk.end)
    return REVISIT["leads"].format(last=last, end=walk.end)


def _outcome(recorded: RecordedDecision, tree: Tree) -> Outcome:
    gone = _missing(recorded, tree)
    if gone:
        return Outcome(recorded.name, "gone", recorded.exit, None, gone)
    decision = decide(recorded.answers, tree)
    if decision.exit == recorded.exit:
        if tuple(decision.components) != recorded.components:
            return Outcome(recorded.name, "changed", recorded.exit, decision.exit,
                           REVISIT["components"].format(new=list(decision.components),
                                                        old=list(recorded.components)))
        return Outcome(recorded.name, "stands", recorded.exit, decision.exit)
    return Outcome(recorded.name, "changed", recorded.exit, decision.exit,
                   _cause(recorded, tree))


def _revisit(info: RecordInfo, tree: Tree) -> Revisit:
    check_tree(info, tree)
    outcomes = tuple(_outcome(d, tree) for d in info.decisions)
    changed = bool(info.tree_sha256) and info.tree_sha256 != tree_digest(tree)
    return Revisit(info.origin, outcomes, changed, tree)


@dataclass(frozen=True)
class Skipped:
    """A file of a folder that is not a decision record of the tree, left out as
    :func:`~ragft.records.read.tally_records` leaves it out; ``reason`` says why."""

    name: str
    reason: str


def revisit_files(paths: Iterable[str | Path],
                  tree: Tree) -> Iterator[Revisit | Skipped | RagftError]:
    """Revisit each file, and each ``*.md`` file of each folder, in order.

    Yields a :class:`Revisit`, or the error of a file that is bad input, so one bad file
    does not hide what the others say. In a folder, a file that is not a decision record of
    ``tree`` (a stray ``notes.md``) is a :class:`Skipped`, as the tally skips it; a file named
    on its own must be a record.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            try:
                yield _revisit(read_record_file(path), tree)
            except RagftError as err:
                yield err
            continue
        for file in record_files(path):
            try:
                info = read_record_file(file)
                check_tree(info, tree)
            except RagftError as err:
                yield Skipped(str(file), str(err).removeprefix(f"{file}: "))
                continue
            yield _revisit(info, tree)

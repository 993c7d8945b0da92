"""Walk the tree: answers in, a decision out.

Pure functions over a :class:`~ragft.model.Tree`; every renderer (widgets, CLI, export, the
site's walker data) asks this module and none decides for itself.

Example:
    >>> from ragft.engine import decide
    >>> d = decide({"prompting": "yes", "context": "no", "knowledge": "changing"})
    >>> d.exit, d.kind
    ('rag_dynamic', 'rag')
    >>> for f in d.flips:
    ...     print(f.gate, f.alternative, f.lands_at)
    prompting no prompt_first
    context yes long_context
    knowledge static None
    >>> decide({"prompting": "yes"}).next_gate
    'context'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from .errors import AnswerSyntaxError, IncompleteDecisionError, UnknownGateError, UnknownNodeError
from .loader import default_tree
from .model import Tree

__all__ = [
    "Decision",
    "Flip",
    "Step",
    "all_answer_sets",
    "all_walks",
    "answers_key",
    "check_answers",
    "decide",
    "parse_answers",
    "path_to",
]


@dataclass(frozen=True)
class Step:
    """One answered gate on the path and the node the answer led to."""

    gate: str
    answer: str
    next: str


@dataclass(frozen=True)
class Flip:
    """What a different answer at one gate on the path would do.

    ``leads_to`` is the node the other answer goes to; ``lands_at`` is the exit the walk would
    then reach with every other answer kept, or ``None`` while more answers are needed.
    """

    gate: str
    answer: str
    alternative: str
    leads_to: str
    lands_at: str | None


@dataclass(frozen=True)
class Decision:
    """The result of walking the tree with a set of answers."""

    path: tuple[Step, ...]
    exit: str | None
    next_gate: str | None
    off_path: tuple[tuple[str, str], ...]
    flips: tuple[Flip, ...]
    tree: Tree = field(repr=False, compare=False)

    @property
    def complete(self) -> bool:
        """Whether the walk reached an exit."""
        return self.exit is not None

    @property
    def kind(self) -> str | None:
        """The exit's kind (``rag``, ``fine_tune``, ``hybrid``...), or ``None`` if unfinished."""
        return None if self.exit is None else self.tree.exit(self.exit).kind

    @property
    def answers(self) -> dict[str, str]:
        """The answers on the path, gate id to answer id."""
        return {s.gate: s.answer for s in self.path}

    def require_exit(self, what: str = "the decision") -> str:
        """Return the exit id, or raise :class:`IncompleteDecisionError`."""
        if self.exit is None:
            assert self.next_gate is not None  # an unfinished walk always stops at a gate
            gate = self.tree.gate(self.next_gate)
            raise IncompleteDecisionError(what, gate.id, gate.answer_ids)
        return self.exit

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; the keys are the CLI's ``--json`` output."""
        ex = None if self.exit is None else self.tree.exit(self.exit)
        return {
            "exit": self.exit,
            "kind": self.kind,
            "title": None if ex is None else ex.title,
            "complete": self.complete,
            "path": [[s.gate, s.answer] for s in self.path],
            "next": self.next_gate,
            "off_path": [list(p) for p in self.off_path],
            "flips": [
                {"gate": f.gate, "answer": f.answer, "alternative": f.alternative,
                 "leads_to": f.leads_to, "exit": f.lands_at}
                for f in self.flips
            ],
        }


def check_answers(answers: Mapping[str, str], tree: Tree) -> None:
    """Raise if any gate or answer id is unknown to ``tree``."""
    for gate_id, answer_id in answers.items():
        if gate_id not in tree.gate_ids:
            raise UnknownGateError(gate_id, tree.gate_ids)
        tree.gate(gate_id).answer(answer_id)


def _walk(answers: Mapping[str, str], tree: Tree) -> tuple[list[Step], str]:
    """Follow answers from the root; return the steps and the node the walk stopped at."""
    steps, node = tree.follow(answers)
    return [Step(*step) for step in steps], node


def decide(answers: Mapping[str, str], tree: Tree | None = None) -> Decision:
    """Walk ``tree`` (default: ragft's own) with ``answers`` (gate id to answer id).

    Raises:
        UnknownGateError: a key is not a gate of the tree.
        UnknownAnswerError: a value is not an answer of its gate.
    """
    tree = tree or default_tree()
    check_answers(answers, tree)
    steps, node = _walk(answers, tree)
    on_path = {s.gate for s in steps}
    off_path = tuple((g, a) for g, a in answers.items() if g not in on_path)
    flips: list[Flip] = []
    if tree.is_exit(node):
        for step in steps:
            for alt in tree.gate(step.gate).answers:
                if alt.id == step.answer:
                    continue
                _, end = _walk({**answers, step.gate: alt.id}, tree)
                lands = end if tree.is_exit(end) else None
                flips.append(Flip(step.gate, step.answer, alt.id, alt.next, lands))
    return Decision(
        path=tuple(steps),
        exit=node if tree.is_exit(node) else None,
        next_gate=None if tree.is_exit(node) else node,
        off_path=off_path,
        flips=tuple(flips),
        tree=tree,
    )


def parse_answers(items: Iterable[str], tree: Tree | None = None) -> dict[str, str]:
    """Parse ``gate=answer`` strings (CLI arguments, URL hash parts) into a checked mapping.

    >>> parse_answers(["prompting=yes", "context=no"])
    {'prompting': 'yes', 'context': 'no'}
    """
    tree = tree or default_tree()
    answers: dict[str, str] = {}
    for text in items:
        gate_id, sep, answer_id = text.partition("=")
        gate_id, answer_id = gate_id.strip(), answer_id.strip()
        if not sep or not gate_id or not answer_id:
            raise AnswerSyntaxError(text, "expected gate=answer")
        if gate_id in answers and answers[gate_id] != answer_id:
            reason = f"gate {gate_id!r} is already answered {answers[gate_id]!r}"
            raise AnswerSyntaxError(text, reason)
        answers[gate_id] = answer_id
    check_answers(answers, tree)
    return answers


def answers_key(answers: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """Canonical ``gate=answer&...`` text of a path, as the site's URL hash writes it.

    >>> answers_key({"prompting": "yes", "context": "yes"})
    'prompting=yes&context=yes'
    """
    pairs = answers.items() if isinstance(answers, Mapping) else answers
    return "&".join(f"{g}={a}" for g, a in pairs)


def all_walks(tree: Tree | None = None) -> Iterator[Decision]:
    """Every distinct complete walk from the root to an exit (one per path)."""
    tree = tree or default_tree()

    def extend(answers: dict[str, str], node: str) -> Iterator[Decision]:
        if tree.is_exit(node):
            yield decide(answers, tree)
            return
        for ans in tree.gate(node).answers:
            yield from extend({**answers, node: ans.id}, ans.next)

    yield from extend({}, tree.root)


def all_answer_sets(tree: Tree | None = None) -> Iterator[dict[str, str]]:
    """Every combination of one answer per gate (2**7 = 128 for ragft's tree)."""
    tree = tree or default_tree()
    for combo in product(*(g.answer_ids for g in tree.gates)):
        yield dict(zip(tree.gate_ids, combo, strict=False))


def path_to(node: str, tree: Tree | None = None) -> dict[str, str]:
    """The answers that lead from the root to ``node`` (a gate or an exit).

    The site links into its walker at a gate with these answers in the URL hash.

    >>> path_to("depth")
    {'prompting': 'yes', 'context': 'no', 'knowledge': 'static'}

    Raises:
        UnknownNodeError: ``node`` is neither a gate nor an exit.
    """
    tree = tree or default_tree()
    if node not in tree.gate_ids + tree.exit_ids:
        raise UnknownNodeError(node, tree.gate_ids + tree.exit_ids)

    def search(answers: dict[str, str], here: str) -> dict[str, str] | None:
        if here == node:
            return answers
        if tree.is_exit(here):
            return None
        for ans in tree.gate(here).answers:
            found = search({**answers, here: ans.id}, ans.next)
            if found is not None:
                return found
        return None

    found = search({}, tree.root)
    assert found is not None  # the loader guarantees every node is reachable
    return found

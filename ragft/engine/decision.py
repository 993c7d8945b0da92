"""Walk the tree: answers in, a decision out.

Pure functions over a :class:`~ragft.tree.model.Tree`; every renderer (widgets, CLI, export, the
site's walker data) asks this module and none decides for itself.

Example:
    >>> from ragft.engine.decision import decide
    >>> d = decide({"prompting": "yes", "context": "no", "knowledge": "changing"})
    >>> d.exit, d.kind
    ('rag_dynamic', 'rag')
    >>> for f in d.flips:
    ...     print(f.gate, f.alternative, f.lands_at)
    prompting no prompt_first
    context yes long_context_refresh
    knowledge static None
    >>> d.components, d.summary
    (('retrieval', 'prompting'), 'RAG + prompts')
    >>> decide({"prompting": "yes"}).next_gate
    'context'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from ..errors import (
    AnswerSyntaxError,
    IncompleteDecisionError,
    UnknownAnswerError,
    UnknownGateError,
    UnknownNodeError,
)
from ..tree.loader import default_tree
from ..tree.model import Step, Tree

__all__ = [
    "Decision",
    "all_walks",
    "answers_key",
    "decide",
    "path_to",
]


@dataclass(frozen=True)
class Flip:
    """What a different answer at one gate on the path would do.

    ``leads_to`` is the node the other answer goes to; ``lands_at`` is the exit the walk would
    then reach with every other answer kept, or ``None`` while more answers are needed;
    ``key`` is that walk's path as :attr:`Decision.key` writes it (the answers it still uses).
    """

    gate: str
    answer: str
    alternative: str
    leads_to: str
    lands_at: str | None
    key: str = ""


@dataclass(frozen=True)
class Decision:
    """The result of walking the tree with a set of answers.

    ``layer`` is the knowledge layer the answers chose (``retrieval`` or ``long_context`` in
    ragft's tree), ``""`` before the context pre-check is answered.
    """

    path: tuple[Step, ...]
    exit: str | None
    next_gate: str | None
    off_path: tuple[tuple[str, str], ...]
    flips: tuple[Flip, ...]
    layer: str
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
    def components(self) -> tuple[str, ...]:
        """The exit's components in the tree's order (``()`` while unfinished)."""
        if self.exit is None:
            return ()
        wanted = set(self.tree.exit(self.exit).components)
        return tuple(c.id for c in self.tree.components if c.id in wanted)

    @property
    def summary(self) -> str:
        """The components in one line, such as ``RAG + prompts`` (``""`` while unfinished)."""
        return self.tree.summarise(self.components)

    @property
    def answers(self) -> dict[str, str]:
        """The answers on the path, gate id to answer id."""
        return {s.gate: s.answer for s in self.path}

    @property
    def key(self) -> str:
        """The path as ``gate=answer&...``: the site's URL hash, the export's state key."""
        return answers_key(self.answers)

    def require_exit(self, what: str = "the decision") -> str:
        """Return the exit id, or raise :class:`IncompleteDecisionError`."""
        if self.exit is None:
            gate = self.tree.gate(str(self.next_gate))
            raise IncompleteDecisionError(what, gate.id, gate.answer_ids)
        return self.exit

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; the keys are the CLI's ``--json`` output."""
        ex = None if self.exit is None else self.tree.exit(self.exit)
        return {
            "exit": self.exit,
            "kind": self.kind,
            "title": None if ex is None else ex.title,
            "summary": self.summary or None,
            "components": list(self.components),
            "layer": self.layer or None,
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


def _decide(answers: Mapping[str, str], tree: Tree) -> Decision:
    check_answers(answers, tree)
    walk = tree.walk(answers)
    on_path = {s.gate for s in walk.steps}
    flips: list[Flip] = []
    if walk.finished:
        for step in walk.steps:
            for alt in tree.gate(step.gate).answers:
                if alt.id != step.answer:
                    other = tree.walk({**answers, step.gate: alt.id})
                    lands = other.end if other.finished else None
                    flips.append(Flip(step.gate, step.answer, alt.id, alt.next, lands,
                                      answers_key((s.gate, s.answer) for s in other.steps)))
    return Decision(
        path=walk.steps,
        exit=walk.end if walk.finished else None,
        next_gate=None if walk.finished else walk.end,
        off_path=tuple((g, a) for g, a in answers.items() if g not in on_path),
        flips=tuple(flips),
        layer=walk.layer,
        tree=tree,
    )


def decide(answers: Mapping[str, str], tree: Tree | None = None) -> Decision:
    """Walk ``tree`` (default: ragft's own) with ``answers`` (gate id to answer id).

    Raises:
        UnknownGateError: a key is not a gate of the tree.
        UnknownAnswerError: a value is not an answer of its gate.
    """
    return _decide(answers, tree or default_tree())


def parse_answers(items: Iterable[str], tree: Tree | None = None) -> dict[str, str]:
    """Parse ``gate=answer`` strings (CLI arguments, URL hash parts) into a checked mapping.

    Ids are matched without regard to case (a tree's ids are lower case); a near miss is
    answered with the id it was probably meant to be.

    >>> parse_answers(["prompting=yes", "Context=NO"])
    {'prompting': 'yes', 'context': 'no'}
    >>> parse_answers(["promptng=yes"])
    Traceback (most recent call last):
    ...
    ragft.errors.UnknownGateError: unknown gate 'promptng' (must be one of ['prompting', \
'context', 'knowledge', 'depth', 'data', 'format', 'budget']); did you mean 'prompting'?

    Raises:
        AnswerSyntaxError: an item is not ``gate=answer``, or answers a gate twice differently.
        UnknownGateError, UnknownAnswerError: an id the tree does not have.
    """
    tree = tree or default_tree()
    answers: dict[str, str] = {}
    for text in items:
        typed_gate, sep, typed_answer = (part.strip() for part in text.partition("="))
        if not sep or not typed_gate or not typed_answer:
            raise AnswerSyntaxError(text, "expected gate=answer")
        gate_id, answer_id = typed_gate.lower(), typed_answer.lower()
        if gate_id not in tree.gate_ids:
            raise UnknownGateError(typed_gate, tree.gate_ids, suggest=True)
        gate = tree.gate(gate_id)
        if answer_id not in gate.answer_ids:
            raise UnknownAnswerError(typed_answer, gate_id, gate.answer_ids, suggest=True)
        if gate_id in answers and answers[gate_id] != answer_id:
            raise AnswerSyntaxError(text, "that gate is already answered")
        answers[gate_id] = answer_id
    return answers


def answers_key(answers: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """Canonical ``gate=answer&...`` text of a path, as the site's URL hash writes it.

    >>> answers_key({"prompting": "yes", "context": "yes"})
    'prompting=yes&context=yes'
    """
    pairs = answers.items() if isinstance(answers, Mapping) else answers
    return "&".join(f"{g}={a}" for g, a in pairs)


def all_states(tree: Tree | None = None) -> Iterator[Decision]:
    """Every state a walk can be in: each prefix of every walk, then the walk finished.

    The root state (no answers) comes first; the order is depth first, answers in tree order.
    """
    tree = tree or default_tree()

    def extend(answers: dict[str, str]) -> Iterator[Decision]:
        decision = _decide(answers, tree)
        yield decision
        if decision.next_gate is not None:
            for ans in tree.gate(decision.next_gate).answers:
                yield from extend({**answers, decision.next_gate: ans.id})

    yield from extend({})


def all_walks(tree: Tree | None = None) -> Iterator[Decision]:
    """Every distinct complete walk from the root to an exit (one per path)."""
    return (d for d in all_states(tree) if d.complete)


def all_answer_sets(tree: Tree | None = None) -> Iterator[dict[str, str]]:
    """Every combination of one answer per gate (2**7 = 128 for ragft's tree)."""
    tree = tree or default_tree()
    for combo in product(*(g.answer_ids for g in tree.gates)):
        yield dict(zip(tree.gate_ids, combo, strict=True))


def path_to(node: str, tree: Tree | None = None) -> dict[str, str]:
    """The answers of the first walk (in tree order) that reaches ``node``, a gate or an exit.

    The site links into its walker at a gate with these answers in the URL hash.

    >>> path_to("depth")
    {'prompting': 'yes', 'context': 'no', 'knowledge': 'static'}
    >>> path_to("long_context")
    {'prompting': 'yes', 'context': 'yes', 'knowledge': 'static', 'depth': 'reference'}

    Raises:
        UnknownNodeError: ``node`` is neither a gate nor an exit.
    """
    tree = tree or default_tree()
    if node not in tree.gate_ids + tree.exit_ids:
        raise UnknownNodeError(node, tree.gate_ids + tree.exit_ids)
    for state in all_states(tree):
        if node in (state.exit, state.next_gate):
            return state.answers
    raise UnknownNodeError(node, [])  # pragma: no cover - the loader makes every node reachable

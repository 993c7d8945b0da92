"""Combine the decisions of a use case's requirements into one architecture.

A real use case holds several requirements, and the tree may send each a different way. Each
exit names the components it needs (prompting layer, retrieval, long context, fine-tuning
pipeline); the architecture is their union, summarised in the tree's component order.

Example:
    >>> from ragft.engine.architecture import combine_case
    >>> from ragft.tree.loader import default_tree
    >>> arch = combine_case(default_tree().example)
    >>> arch.summary
    'RAG + prompts'
    >>> [d.exit for _, d in arch.decisions]
    ['rag_dynamic', 'rag_reference', 'rag_prompts']
    >>> any("permissions" in w for w in arch.warnings)
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import EmptyCaseError
from ..tree.loader import default_tree
from ..tree.model import Case, Tree
from .decision import Decision, decide

__all__ = ["Architecture", "combine", "combine_case"]


@dataclass(frozen=True)
class Architecture:
    """One architecture for a use case: its components and the decision behind each part."""

    decisions: tuple[tuple[str, Decision], ...]
    components: tuple[str, ...]
    tree: Tree = field(repr=False, compare=False)

    @property
    def summary(self) -> str:
        """One line such as ``RAG + prompts``, components in the tree's order."""
        return self.tree.summarise(self.components)

    @property
    def exits(self) -> tuple[str, ...]:
        """The distinct exits reached, in requirement order."""
        return tuple(dict.fromkeys(d.require_exit() for _, d in self.decisions))

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning of the exits reached, once each: the parts are built together, so a
        warning about one part (permission-aware retrieval, say) holds for the whole."""
        return tuple(dict.fromkeys(w for e in self.exits for w in self.tree.exit(e).warnings))


def combine(
    requirements: Mapping[str, Mapping[str, str]] | Iterable[tuple[str, Mapping[str, str]]],
    tree: Tree | None = None,
) -> Architecture:
    """Decide each requirement (name to answers) and combine the exits' components.

    Raises:
        IncompleteDecisionError: a requirement's walk stops before an exit.
        EmptyCaseError: there are no requirements.
    """
    tree = tree or default_tree()
    items = list(requirements.items() if isinstance(requirements, Mapping) else requirements)
    if not items:
        msg = "a use case needs at least one requirement"
        raise EmptyCaseError(msg)
    decisions = []
    used: set[str] = set()
    for name, answers in items:
        decision = decide(answers, tree)
        decision.require_exit(f"requirement {name!r}")
        used.update(decision.components)
        decisions.append((name, decision))
    order = tuple(c.id for c in tree.components if c.id in used)
    return Architecture(decisions=tuple(decisions), components=order, tree=tree)


def combine_case(case: Case | None, tree: Tree | None = None) -> Architecture:
    """Combine the requirements of a case from the tree (the running example, a named case).

    Raises:
        EmptyCaseError: ``case`` is ``None``, as the example of a tree that has none is.
    """
    tree = tree or default_tree()
    if case is None:
        msg = f"{tree.origin}: this tree has no running example"
        raise EmptyCaseError(msg)
    return combine([(r.name, dict(r.answers)) for r in case.requirements], tree)

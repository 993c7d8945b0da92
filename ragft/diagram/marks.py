"""What a decision marks on the tree diagram: a pure function of the decision, no graphviz.

The diagram (:mod:`ragft.diagram.dot`) draws every node and edge under the tree's ids; a page
highlights a walk by adding classes to the ids :func:`marks` names. The site walker gets these
through the export, so the web payload needs no Graphviz to know them.

Example:
    >>> from ragft.engine.decision import decide
    >>> m = marks(decide({"prompting": "yes", "context": "no", "knowledge": "changing"}))
    >>> m.nodes
    ('prompting', 'context', 'knowledge', 'rag_dynamic')
    >>> m.edges, m.current
    (('prompting-yes', 'context-no', 'knowledge-changing'), None)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.decision import Decision

__all__: list[str] = []


@dataclass(frozen=True)
class Marks:
    """The ids a decision marks on the diagram: nodes and edges on its path, the gate waiting."""

    nodes: tuple[str, ...]
    edges: tuple[str, ...]
    current: str | None


def marks(decision: Decision) -> Marks:
    """What ``decision`` marks on the tree diagram (the export gives the walker the same)."""
    tree = decision.tree
    edges = []
    for step in decision.path:
        edge = f"{step.gate}-{step.answer}"
        if tree.is_exit(step.next) and decision.exit not in (None, step.next):
            edge += f"-{tree.exit(str(decision.exit)).layer}"
        edges.append(edge)
    nodes = [s.gate for s in decision.path]
    nodes += [n for n in (decision.exit, decision.next_gate) if n is not None]
    return Marks(tuple(dict.fromkeys(nodes)), tuple(edges), decision.next_gate)

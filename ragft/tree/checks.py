"""Cross-reference checks run on every tree as it is loaded.

Rules: ids are unique; every answer leads to an existing gate or exit; the root is a gate that no
answer leads back to; there are no cycles; every gate and exit is reachable from the root; every
kind, component and source named exists; example and case answers name real gates and answers,
and lead to the exit the case names.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import TreeError, unknown
from .model import Case, Tree

__all__: list[str] = []


def _unique(tree: Tree, where: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise TreeError(tree.origin, where, f"duplicate id {ident!r}")
        seen.add(ident)


def _known(tree: Tree, where: str, what: str, value: str, known: Iterable[str]) -> None:
    known = list(known)
    if value not in known:
        raise TreeError(tree.origin, where, unknown(what, value, known))


def check_graph(tree: Tree) -> None:
    """Raise :class:`TreeError` for the first rule the tree breaks."""
    gate_ids, exit_ids = tree.gate_ids, tree.exit_ids
    _unique(tree, "gates", gate_ids)
    _unique(tree, "exits", exit_ids)
    _unique(tree, "gates and exits", gate_ids + exit_ids)
    for key, ids in (("kinds", [k.id for k in tree.kinds]),
                     ("components", [c.id for c in tree.components]),
                     ("sources", [s.id for s in tree.sources]),
                     ("cases", [c.id for c in tree.cases])):
        _unique(tree, key, ids)
    _known(tree, "root", "gate", tree.root, gate_ids)
    nodes = gate_ids + exit_ids
    sources = [s.id for s in tree.sources]
    for gate in tree.gates:
        where = f"gate {gate.id!r}"
        _unique(tree, f"{where} answers", gate.answer_ids)
        if len(gate.answers) < 2:
            raise TreeError(tree.origin, where, "needs at least two answers")
        for ans in gate.answers:
            _known(tree, f"{where} answer {ans.id!r}", "next node", ans.next, nodes)
            if ans.layer:
                _known(tree, f"{where} answer {ans.id!r}", "layer", ans.layer,
                       [x.id for x in tree.components])
        if gate.example is not None:
            _known(tree, f"{where} example", "answer", gate.example.answer, gate.answer_ids)
        for s in gate.sources:
            _known(tree, f"{where} sources", "source", s, sources)
    for ex in tree.exits:
        where = f"exit {ex.id!r}"
        _known(tree, where, "kind", ex.kind, [k.id for k in tree.kinds])
        if not ex.components:
            raise TreeError(tree.origin, where, "needs at least one component")
        for c in ex.components:
            _known(tree, f"{where} components", "component", c, [x.id for x in tree.components])
        for s in ex.sources:
            _known(tree, f"{where} sources", "source", s, sources)
        if ex.variant_of:
            _check_variant(tree, where, ex.variant_of, ex.layer)
    _check_shape(tree)
    for case in ((tree.example,) if tree.example else ()) + tree.cases:
        _check_case(tree, case)
    for ev in tree.evidence:
        _known(tree, f"evidence {ev.id!r}", "source", ev.source, sources)


def _check_variant(tree: Tree, where: str, base: str, layer: str) -> None:
    """A variant replaces a plain exit, for a layer some answer sets, and is the only one."""
    plain = [e.id for e in tree.exits if not e.variant_of]
    _known(tree, where, "exit to vary", base, plain)
    _known(tree, where, "layer", layer, [a.layer for g in tree.gates for a in g.answers
                                         if a.layer])
    twins = [e.id for e in tree.exits if e.variant_of == base and e.layer == layer]
    if len(twins) > 1:
        problem = f"exits {twins!r} all vary {base!r} for layer {layer!r}; keep one"
        raise TreeError(tree.origin, where, problem)


def _check_shape(tree: Tree) -> None:
    """One root, no cycles, everything reachable."""
    targets = {a.next: g.id for g in tree.gates for a in g.answers}
    if tree.root in targets:
        problem = f"answer of gate {targets[tree.root]!r} leads back to the root"
        raise TreeError(tree.origin, f"root {tree.root!r}", problem)
    gates = {g.id: g for g in tree.gates}
    state: dict[str, str] = {}  # "open" while on the current walk, "done" once finished

    def visit(node: str, trail: tuple[str, ...]) -> None:
        if state.get(node) == "open":
            cycle = " -> ".join((*trail[trail.index(node):], node))
            raise TreeError(tree.origin, f"gate {node!r}", f"cycle: {cycle}")
        if state.get(node) == "done" or node not in gates:
            state.setdefault(node, "done")
            return
        state[node] = "open"
        for ans in gates[node].answers:
            visit(ans.next, (*trail, node))
        state[node] = "done"

    visit(tree.root, ())
    for ex in tree.exits:  # a variant is reached wherever the exit it replaces is
        if ex.variant_of in state:
            state.setdefault(ex.id, "done")
    for node in tree.gate_ids + tree.exit_ids:
        if node not in state:
            what = "gate" if node in gates else "exit"
            raise TreeError(tree.origin, f"{what} {node!r}", "not reachable from the root")


def _check_case(tree: Tree, case: Case) -> None:
    for s in case.sources:
        _known(tree, f"case {case.id!r} sources", "source", s, [x.id for x in tree.sources])
    for g in case.gates:
        _known(tree, f"case {case.id!r} gates", "gate", g, tree.gate_ids)
    for req in case.requirements:
        where = f"case {case.id!r} requirement {req.id!r}"
        _known(tree, where, "exit", req.exit, tree.exit_ids)
        for gate_id, answer_id in req.answers:
            _known(tree, where, "gate", gate_id, tree.gate_ids)
            _known(tree, f"{where} gate {gate_id!r}", "answer", answer_id,
                   tree.gate(gate_id).answer_ids)
        for g in req.assumed:
            _known(tree, f"{where} assumed", "gate", g, [a for a, _ in req.answers])
        end = tree.walk(dict(req.answers)).end
        if end != req.exit:
            problem = f"its answers lead to {end!r}, not to its exit {req.exit!r}"
            raise TreeError(tree.origin, where, problem)

"""The decision tree as a Graphviz diagram, built from the tree's data.

Only DOT text is made here (with the ``graphviz`` package); :mod:`ragft.diagram.render` turns it
into SVG or PNG. Node and edge ids are the tree's ids, so a web page can highlight a path with CSS:

- a gate's node has id ``<gate>`` and class ``gate stage-precheck`` or ``gate stage-gate``;
- an exit's node has id ``<exit>`` and class ``exit kind-<kind>``;
- an answer's edge has id ``<gate>-<answer>`` and class ``answer``; where the answer's exit has a
  variant for a knowledge layer, a second edge ``<gate>-<answer>-<layer>`` leads to the variant;
- with a decision, the nodes and edges on its path also get ``on-path``, and the next unanswered
  gate gets ``current``; with a focus gate, that gate, its answers and their targets get ``focus``.

The same input always gives the same DOT text.

Example:
    >>> from ragft.diagram.dot import tree_diagram
    >>> dot = tree_diagram().source
    >>> [line.split(" [")[0].strip() for line in dot.splitlines() if 'id="knowledge-' in line]
    ['knowledge -> rag_dynamic', 'knowledge -> long_context_refresh', 'knowledge -> depth']
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING

import graphviz

from ..errors import UnknownGateError
from ..present.words import LABELS
from ..tree.loader import default_tree
from ..tree.model import Gate, Kind, Tree
from .marks import marks

if TYPE_CHECKING:
    from ..engine.decision import Decision

__all__ = ["tree_diagram"]

# Graphviz sizes text with the metrics of the face it is named, and graphviz-pure knows a few by
# name only: "Helvetica" gets Arial's metrics and is written into the SVG as
# "Helvetica,sans-Serif", which every system maps to Helvetica, Arial or a metric-compatible
# face (Liberation Sans, Arimo). A list such as "Helvetica,Arial,sans-serif" is no known name
# and falls back to Times metrics, narrower than any sans face. The walker and the site draw
# the diagram in Arimo, which they carry (ragft/web/walker.css); where no font is carried,
# the margins below leave room for DejaVu Sans, about 14% wider than Arial.
FONT = "Helvetica"
INK = "#1F2328"  # text and emphasis: 15:1 on white
MUTED_INK = "#595959"  # muted text still reads at 7:1 on white
MUTED_LINE = "#B3B3B3"
MUTED_FILL = "#F6F6F6"
CURRENT_FILL = "#FFF1C2"  # the gate waiting for an answer, or the gate in focus
WRAP = 30
EDGE_WRAP = 18  # answers sit between the columns, so their lines are kept shorter
GAP = "\u00a0" * 3  # no-break spaces: DOT keeps them at the start of a line

# nodesep: room for an answer to grow to the right (see _label) without reaching the next one.
# The background stays white in the file, so a stored SVG reads on any page; the walker's style
# sheet makes it follow the theme.
_GRAPH = {"rankdir": "TB", "nodesep": "0.35", "ranksep": "0.45", "fontname": FONT,
          "bgcolor": "white"}
# margin (inches, each side): 0.07 of the widest line (WRAP characters) for a wider fallback
# face, plus the rounded corner.
_NODE = {"shape": "box", "style": "rounded,filled", "fontname": FONT, "fontsize": "11",
         "margin": "0.24,0.08", "color": INK, "fillcolor": "white", "fontcolor": INK}
_EDGE = {"fontname": FONT, "fontsize": "10", "color": "#4D4D4D", "fontcolor": INK,
         "arrowsize": "0.7"}


def _label(*parts: str, width: int = WRAP, left: bool = False) -> str:
    """Escaped DOT label: each part wrapped at ``width`` characters, lines centred (DOT's
    ``\\n``) or, with ``left``, left-aligned (``\\l``).

    An edge's label sits to the right of its line; left-aligned, text drawn in a face wider than
    the one Graphviz measured grows away from the line instead of across it.
    """
    lines = [line for part in parts
             for line in textwrap.wrap(part, width, break_on_hyphens=False) or [""]]
    # escape() turns backslashes and <...> into plain text, so a title such as
    # "<script>" is drawn as written and never read as an HTML-like label.
    escaped = [graphviz.escape(line) for line in lines]
    if left:
        # A gap before each line keeps the text off its edge, which runs down the label's left.
        escaped = [GAP + line for line in escaped]
    label: str = graphviz.nohtml("\\l".join(escaped) + "\\l" if left else "\\n".join(escaped))
    return label


def _tint(color: str, amount: float = 0.14) -> str:
    """``color`` mixed into white: a light fill under dark text."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02X}" for c in rgb)


def _start(tree: Tree, prechecks: bool) -> str:
    if prechecks:
        return tree.root
    # The first numbered gate that the pre-checks lead to (gate 1, knowledge, in ragft's tree).
    for gate in tree.gates:
        if gate.stage == "gate":
            return gate.id
    return tree.root


def visible_nodes(tree: Tree | None = None, *, prechecks: bool = True) -> list[str]:
    """Ids of the gates and exits the diagram draws, in tree order.

    >>> visible_nodes(prechecks=False)[:3]
    ['knowledge', 'depth', 'data']
    """
    tree = tree or default_tree()
    seen: set[str] = set()
    todo = [_start(tree, prechecks)]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if not tree.is_exit(node):
            todo.extend(a.next for a in tree.gate(node).answers)
    seen |= {e.id for e in tree.exits if e.variant_of in seen}
    return [n for n in tree.gate_ids + tree.exit_ids if n in seen]


def _edges(tree: Tree, gate: Gate) -> list[tuple[str, str, str, str]]:
    """Each edge an answer draws: ``(edge id, answer id, target, label)``; an answer whose
    exit has variants draws one edge more per variant, labelled with its layer."""
    layered = {e.variant_of: e for e in tree.exits if e.variant_of}
    out = []
    for ans in gate.answers:
        label = ans.label
        if ans.layer:
            label += f" ({tree.component(ans.layer).label})"
        variant = layered.get(ans.next)
        if variant is not None:
            base_layers = {a.layer for g in tree.gates for a in g.answers if a.layer}
            base_layer = sorted(base_layers - {variant.layer})
            base = f" ({tree.component(base_layer[0]).label})" if base_layer else ""
            out.append((f"{gate.id}-{ans.id}", ans.id, ans.next, label + base))
            out.append((f"{gate.id}-{ans.id}-{variant.layer}", ans.id, variant.id,
                        f"{label} ({tree.component(variant.layer).label})"))
        else:
            out.append((f"{gate.id}-{ans.id}", ans.id, ans.next, label))
    return out


def _classes(*names: str) -> str:
    return " ".join(n for n in names if n)


def tree_diagram(
    tree: Tree | None = None,
    *,
    decision: Decision | None = None,
    prechecks: bool = True,
    focus: str | None = None,
    legend: bool = True,
) -> graphviz.Digraph:
    """The whole tree, top to bottom.

    Args:
        tree: the tree to draw (default: ragft's own).
        decision: highlight this decision's path and the gate it waits at.
        prechecks: draw the pre-checks; when false the diagram starts at the first numbered gate.
        focus: a gate id; that gate, its answers and their targets stand out, the rest is muted.
        legend: add a key to the kinds of exit marked as paths to watch.

    Raises:
        UnknownGateError: ``focus`` is not a gate the diagram draws.
    """
    tree = tree or default_tree()
    nodes = visible_nodes(tree, prechecks=prechecks)
    shown_gates = [g for g in tree.gates if g.id in nodes]
    if focus is not None and focus not in {g.id for g in shown_gates}:
        raise UnknownGateError(focus, [g.id for g in shown_gates])

    on_nodes: set[str] = set()
    on_edges: set[str] = set()
    current = None
    if decision is not None:
        m = marks(decision)
        on_nodes, on_edges, current = set(m.nodes), set(m.edges), m.current
    focus_nodes: set[str] = set()
    if focus is not None:
        focus_nodes = {focus} | {target for _, _, target, _ in _edges(tree, tree.gate(focus))}
    highlighting = decision is not None or focus is not None

    g = graphviz.Digraph("ragft", graph_attr=_GRAPH, node_attr=_NODE, edge_attr=_EDGE)
    for gate in shown_gates:
        _gate_node(g, gate, on=gate.id in on_nodes, current=gate.id == current,
                   focus=gate.id in focus_nodes, is_focus=gate.id == focus,
                   muted=highlighting and gate.id not in on_nodes | focus_nodes)
    for ex in tree.exits:
        if ex.id in nodes:
            lit = ex.id in on_nodes | focus_nodes
            _exit_node(g, ex.id, ex.title, tree.kind(ex.kind), on=ex.id in on_nodes,
                       focus=ex.id in focus_nodes, muted=highlighting and not lit)
    for gate in shown_gates:
        for edge_id, _, target, label in _edges(tree, gate):
            on = edge_id in on_edges
            in_focus = gate.id == focus
            attrs = {"id": edge_id,
                     "class": _classes("answer", "on-path" if on else "",
                                       "focus" if in_focus else "")}
            if on or in_focus:
                attrs.update(color=INK, penwidth="3" if on else "2.2")
            elif highlighting:
                attrs.update(color=MUTED_LINE, fontcolor=MUTED_INK)
            if not tree.is_exit(target):
                attrs["weight"] = "8"  # keep the chain of gates in a straight column
            g.edge(gate.id, target, _label(label, width=EDGE_WRAP, left=True),
                   _attributes=attrs)
    if legend:
        _legend(g, [k for k in tree.kinds if k.watch])
    return g


def _gate_node(g: graphviz.Digraph, gate: Gate, *, on: bool, current: bool, focus: bool,
               is_focus: bool, muted: bool) -> None:
    attrs = {"id": gate.id,
             "class": _classes("gate", f"stage-{gate.stage}", "on-path" if on else "",
                               "current" if current else "", "focus" if focus else "")}
    if current or is_focus:
        attrs.update(fillcolor=CURRENT_FILL, penwidth="3")
    elif on:
        attrs.update(penwidth="3")
    elif focus:
        attrs.update(penwidth="2")
    elif muted:
        attrs.update(color=MUTED_LINE, fillcolor=MUTED_FILL, fontcolor=MUTED_INK)
    g.node(gate.id, _label(gate.label, gate.question), _attributes=attrs)


def _exit_node(g: graphviz.Digraph, exit_id: str, title: str, kind: Kind, *, on: bool,
               focus: bool, muted: bool) -> None:
    # The kind's colour is the border and a light fill; the text stays dark for contrast.
    attrs = {"id": exit_id,
             "class": _classes("exit", f"kind-{kind.id}", "on-path" if on else "",
                               "focus" if focus else ""),
             "style": "filled", "color": kind.color, "fillcolor": _tint(kind.color),
             "penwidth": "4" if on else "2"}
    if muted:
        attrs.update(fillcolor=MUTED_FILL, fontcolor=MUTED_INK)
    g.node(exit_id, _label(title), _attributes=attrs)


def _legend(g: graphviz.Digraph, kinds: Iterable[Kind]) -> None:
    kinds = list(kinds)
    if not kinds:
        return
    with g.subgraph(name="cluster_legend") as key:
        key.attr(label=LABELS["paths_to_watch"], id="legend", fontname=FONT, fontsize="11",
                 fontcolor=INK, color=MUTED_LINE, style="rounded")
        for kind in kinds:
            key.node(f"legend_{kind.id}", _label(kind.label), _attributes={
                "id": f"legend-{kind.id}", "class": _classes("legend", f"kind-{kind.id}"),
                "style": "filled", "color": kind.color, "fillcolor": _tint(kind.color),
                "penwidth": "2"})
        for a, b in itertools.pairwise(kinds):
            key.edge(f"legend_{a.id}", f"legend_{b.id}", style="invis")


def text_alternative(
    tree: Tree | None = None, decision: Decision | None = None, *, prechecks: bool = True
) -> str:
    """The diagram in plain text, for alt text and screen readers (the words are
    :func:`ragft.present.tree_words`, and with a decision :func:`ragft.present.path_text`).

    >>> print(text_alternative().splitlines()[2])
    - Not yet: go to recommendation "Exhaust prompt engineering first" (Prompting).
    """
    from ..present.content import path_text, tree_words
    from ..present.text import plain

    tree = tree or default_tree()
    nodes = visible_nodes(tree, prechecks=prechecks)
    lines = tree_words(tree, prechecks=prechecks, nodes=nodes).lines()
    if decision is not None:
        lines.append(plain(path_text(decision)))
    return "\n".join(lines)

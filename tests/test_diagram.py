"""The diagram's DOT text: built from the tree's data, with the contract's ids and classes.

The golden file ``tests/golden/tree.dot`` holds the DOT of the whole tree. After an intended
change, refresh it with::

    python -c "import ragft.diagram.dot as d; open('tests/golden/tree.dot', 'w').write(d.tree_diagram().source)"

and review the diff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import MARKUP
from ragft.diagram.dot import text_alternative, tree_diagram, visible_nodes
from ragft.engine.decision import Decision, all_walks, decide, path_to
from ragft.errors import UnknownGateError
from ragft.tree.model import Tree

GOLDEN = Path(__file__).parent / "golden" / "tree.dot"

_STMT = re.compile(r"^\s*(\w+)(?: -> (\w+))? \[(.*)\]$")
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^\s\]]+)')


@dataclass(frozen=True)
class Stmt:
    """A node or edge statement of DOT text, attributes unquoted."""

    tail: str
    head: str | None
    attrs: dict[str, str]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


def parse_dot(source: str) -> tuple[dict[str, Stmt], dict[str, Stmt]]:
    """Nodes by name and edges by id, from DOT text as the graphviz package writes it."""
    nodes: dict[str, Stmt] = {}
    edges: dict[str, Stmt] = {}
    for line in source.splitlines():
        m = _STMT.match(line)
        if not m or m.group(1) in ("graph", "node", "edge"):
            continue
        attrs = {k: v[1:-1] if v.startswith('"') else v for k, v in _ATTR.findall(m.group(3))}
        stmt = Stmt(m.group(1), m.group(2), attrs)
        if stmt.head is None:
            assert stmt.tail not in nodes, f"node {stmt.tail} declared twice"
            nodes[stmt.tail] = stmt
        elif "id" in attrs:
            assert attrs["id"] not in edges, f"edge {attrs['id']} declared twice"
            edges[attrs["id"]] = stmt
    return nodes, edges


def data_parts(source: str) -> tuple[dict[str, Stmt], dict[str, Stmt]]:
    """Like :func:`parse_dot`, without the legend's nodes (which are not part of the tree)."""
    nodes, edges = parse_dot(source)
    return ({k: v for k, v in nodes.items() if "legend" not in v.classes},
            {k: v for k, v in edges.items() if v.tail in nodes and "legend" not in
             nodes[v.tail].classes})


def expected_edges(tree: Tree, shown: list[str]) -> dict[str, tuple[str, str]]:
    """Each answer's edge, plus one per variant of the exit it leads to (its layer's edge)."""
    edges = {f"{g.id}-{a.id}": (g.id, a.next)
             for g in tree.gates if g.id in shown for a in g.answers}
    for g in tree.gates:
        for a in g.answers:
            for v in (e for e in tree.exits if e.variant_of == a.next and g.id in shown):
                edges[f"{g.id}-{a.id}-{v.layer}"] = (g.id, v.id)
    return edges


def on_path_edges(walk: Decision) -> set[str]:
    """The edges a walk takes; the last one leads to a variant when the walk's layer has one."""
    tree = walk.tree
    out = set()
    for s in walk.path:
        variant = tree.is_exit(s.next) and walk.exit != s.next
        out.add(f"{s.gate}-{s.answer}" + (f"-{tree.exit(walk.exit or '').layer}" if variant else ""))
    return out


def test_whole_tree_holds_every_gate_exit_and_edge_and_nothing_else(tree: Tree) -> None:
    nodes, edges = data_parts(tree_diagram(tree).source)
    assert set(nodes) == set(tree.gate_ids) | set(tree.exit_ids)
    assert {k: (e.tail, e.head) for k, e in edges.items()} == expected_edges(tree, list(nodes))
    for gate in tree.gates:
        assert nodes[gate.id].attrs["id"] == gate.id
        assert nodes[gate.id].classes == {"gate", f"stage-{gate.stage}"}
        assert gate.label in nodes[gate.id].attrs["label"]
        for ans in gate.answers:
            edge = edges[f"{gate.id}-{ans.id}"]
            assert edge.classes == {"answer"}
            assert _plain(edge.attrs["label"]).startswith(ans.label)
            if ans.layer:  # the context pre-check says which knowledge layer it sets
                assert tree.component(ans.layer).label in _plain(edge.attrs["label"])
    for ex in tree.exits:
        assert nodes[ex.id].attrs["id"] == ex.id
        assert nodes[ex.id].classes == {"exit", f"kind-{ex.kind}"}
        assert nodes[ex.id].attrs["color"] == tree.kind(ex.kind).color
        assert nodes[ex.id].attrs["label"].replace("\\n", " ") == ex.title


def test_legend_names_the_paths_to_watch(tree: Tree) -> None:
    nodes, _ = parse_dot(tree_diagram(tree).source)
    legend = {n.attrs["label"] for n in nodes.values() if "legend" in n.classes}
    assert legend == {k.label for k in tree.kinds if k.watch}
    assert legend  # ragft's tree marks RAG, fine-tune and hybrid
    nodes, _ = parse_dot(tree_diagram(tree, legend=False).source)
    assert not [n for n in nodes.values() if "legend" in n.classes]


def test_golden_dot_of_the_whole_tree(tree: Tree) -> None:
    assert tree_diagram(tree).source == GOLDEN.read_text(encoding="utf-8"), (
        "DOT changed; if intended, refresh tests/golden/tree.dot (see this module's docstring)"
    )


def test_without_prechecks_the_tree_starts_at_gate_one(tree: Tree) -> None:
    first = next(g for g in tree.gates if g.stage == "gate")
    nodes, edges = data_parts(tree_diagram(tree, prechecks=False).source)
    prechecks = {g.id for g in tree.gates if g.stage == "precheck"}
    only_via_prechecks = {a.next for g in tree.gates if g.id in prechecks for a in g.answers
                          if tree.is_exit(a.next)}
    assert first.id in nodes
    assert not prechecks & set(nodes)
    assert not only_via_prechecks & set(nodes)
    assert set(nodes) == set(visible_nodes(tree, prechecks=False))
    assert {k: (e.tail, e.head) for k, e in edges.items()} == expected_edges(tree, list(nodes))
    # Nothing leads into the first gate any more: it is the diagram's top.
    assert all(e.head != first.id for e in edges.values())


@pytest.mark.parametrize("prechecks", [True, False], ids=lambda p: f"prechecks={p}")
def test_every_walk_highlights_exactly_its_path(tree: Tree, prechecks: bool) -> None:
    shown = visible_nodes(tree, prechecks=prechecks)
    for walk in all_walks(tree):
        nodes, edges = data_parts(tree_diagram(tree, decision=walk, prechecks=prechecks).source)
        steps = [s for s in walk.path if s.gate in shown]
        want_edges = {e for e in on_path_edges(walk) if e.split("-")[0] in shown}
        want_nodes = ({s.gate for s in steps} | {walk.exit}) & set(shown)
        assert {k for k, e in edges.items() if "on-path" in e.classes} == want_edges
        assert {k for k, n in nodes.items() if "on-path" in n.classes} == want_nodes
        assert not [n for n in nodes.values() if "current" in n.classes]
        for k, e in edges.items():
            assert (e.attrs.get("penwidth") == "3") == (k in want_edges)


def test_an_unfinished_walk_marks_the_next_gate_current(tree: Tree) -> None:
    for gate in tree.gates:
        answers = path_to(gate.id, tree)
        nodes, edges = data_parts(tree_diagram(tree, decision=decide(answers, tree)).source)
        assert [k for k, n in nodes.items() if "current" in n.classes] == [gate.id]
        assert nodes[gate.id].classes >= {"gate", "on-path", "current"}
        assert {k for k, e in edges.items() if "on-path" in e.classes} == {
            f"{g}-{a}" for g, a in answers.items()}
        # Everything off the path is muted, yet its text keeps a readable grey.
        for k, n in nodes.items():
            if "on-path" not in n.classes:
                assert n.attrs["fontcolor"] == "#595959", k


def test_focus_emphasises_one_gate_its_answers_and_their_targets(tree: Tree) -> None:
    for gate in tree.gates:
        nodes, edges = data_parts(tree_diagram(tree, focus=gate.id).source)
        mine = dict(expected_edges(tree, [gate.id]).items())
        targets = {head for _, head in mine.values()}
        assert {k for k, n in nodes.items() if "focus" in n.classes} == {gate.id} | targets
        assert {k for k, e in edges.items() if "focus" in e.classes} == set(mine)
        for k, n in nodes.items():
            muted = n.attrs.get("fontcolor") == "#595959"
            assert muted == (k not in targets | {gate.id}), k


def test_focus_on_an_unknown_or_hidden_gate_is_an_error(tree: Tree) -> None:
    with pytest.raises(UnknownGateError, match=r"unknown gate 'nope' \(must be one of \["):
        tree_diagram(tree, focus="nope")
    with pytest.raises(UnknownGateError, match=r"unknown gate 'rag_dynamic'"):
        tree_diagram(tree, focus="rag_dynamic")
    precheck = next(g for g in tree.gates if g.stage == "precheck")
    with pytest.raises(UnknownGateError, match=rf"unknown gate {precheck.id!r}"):
        tree_diagram(tree, focus=precheck.id, prechecks=False)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _unwrap(label: str) -> str:
    """A DOT label without its line breaks (``\\n``, or ``\\l`` for a left-aligned line, not
    preceded by an escaping backslash)."""
    return _squash(re.sub(r"(?<!\\)\\[nl]", "", label))


def _plain(label: str) -> str:
    """A DOT label as one line of words: breaks and the no-break spaces before lines gone."""
    return " ".join(re.sub(r"(?<!\\)\\[nl]", " ", label).replace("\u00a0", " ").split())


def test_labels_with_markup_quotes_and_backslashes_stay_plain_text(hostile_tree: Tree) -> None:
    source = tree_diagram(hostile_tree).source
    nodes, edges = data_parts(source)
    assert set(nodes) == set(hostile_tree.gate_ids + hostile_tree.exit_ids)
    # No HTML-like labels (label=<...>): every label is a quoted string, with quotes and
    # backslashes escaped so that DOT shows them instead of reading them.
    assert "label=<" not in source
    dot_markup = MARKUP.replace("\\", "\\\\").replace('"', '\\"')
    for ex in hostile_tree.exits:
        assert _squash(dot_markup) in _unwrap(nodes[ex.id].attrs["label"])
    for gate in hostile_tree.gates:
        for ans in gate.answers:
            assert _squash(dot_markup) in _unwrap(edges[f"{gate.id}-{ans.id}"].attrs["label"])


def test_text_alternative_describes_every_gate_and_answer(tree: Tree) -> None:
    text = text_alternative(tree)
    assert f"{len(tree.gates)} questions and {len(tree.exits)} recommendations" in text
    for gate in tree.gates:
        assert f"{gate.label}: {gate.question}" in text
        for ans in gate.answers:
            where = (f'recommendation "{tree.exit(ans.next).title}"' if tree.is_exit(ans.next)
                     else tree.gate(ans.next).label)
            assert f"- {ans.label}: go to {where}" in text
    assert "Highlighted path" not in text


def test_text_alternative_of_a_path(tree: Tree) -> None:
    for walk in all_walks(tree):
        text = text_alternative(tree, walk)
        assert text.endswith(f'It ends at recommendation "{tree.exit(walk.exit or "").title}" '
                             f"({tree.kind(walk.kind or '').label}).")
        for step in walk.path:
            gate = tree.gate(step.gate)
            assert f"{gate.label}: {gate.answer(step.answer).label}" in text
    waiting = decide(path_to("data", tree), tree)
    assert text_alternative(tree, waiting).endswith(
        f"Next question, {tree.gate('data').label}: {tree.gate('data').question}")
    short = text_alternative(tree, prechecks=False)
    assert all(g.label not in short for g in tree.gates if g.stage == "precheck")


def test_hostile_labels_render_as_text_in_svg(hostile_tree: Tree) -> None:
    import xml.etree.ElementTree as ET

    from ragft.diagram.render import render

    svg = render(tree_diagram(hostile_tree))
    root = ET.fromstring(svg)  # well-formed XML, so nothing broke out of its attribute or text
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not tags & {"script", "img", "b"}
    texts = _squash(" ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")))
    for ex in hostile_tree.exits:  # the label is wrapped into lines: compare without spaces
        assert _squash(MARKUP + ex.title.removeprefix(MARKUP))[:60] in texts
    assert "<script" not in svg

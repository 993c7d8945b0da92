"""Rendering with the real graphviz-pure binary: the SVG contract, determinism, the cache."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ragft.diagram.backend import find_executable, run_layout
from ragft.diagram.dot import tree_diagram
from ragft.diagram.render import cache_clear, render, render_tree
from ragft.engine.decision import all_walks, decide, path_to
from ragft.errors import (
    RendererError,
    RendererNotFoundError,
    UnknownFormatError,
    UnknownOptionError,
)
from ragft.tree.model import Tree

SVG_NS = "{http://www.w3.org/2000/svg}"
# The module, not the function of the same name that ``ragft.diagram.render`` may resolve to.
render_mod = importlib.import_module("ragft.diagram.render")


def svg_groups(svg: str) -> dict[str, set[str]]:
    """``<g>`` ids to their classes (entities such as ``&#45;`` decoded by the XML parser)."""
    root = ET.fromstring(svg)
    return {g.get("id", ""): set(g.get("class", "").split())
            for g in root.iter(f"{SVG_NS}g") if g.get("id")}


def test_svg_has_every_id_and_class_of_the_contract(tree: Tree) -> None:
    groups = svg_groups(render(tree_diagram(tree)))
    for gate in tree.gates:
        assert groups[gate.id] == {"node", "gate", f"stage-{gate.stage}"}
        for ans in gate.answers:
            assert groups[f"{gate.id}-{ans.id}"] == {"edge", "answer"}
    for ex in tree.exits:
        assert groups[ex.id] == {"node", "exit", f"kind-{ex.kind}"}


def test_svg_of_a_path_carries_on_path_and_current(tree: Tree) -> None:
    answers = path_to("format", tree)
    groups = svg_groups(render(tree_diagram(tree, decision=decide(answers, tree))))
    on = {k for k, c in groups.items() if "on-path" in c}
    assert on == set(answers) | {"format"} | {f"{g}-{a}" for g, a in answers.items()}
    assert {k for k, c in groups.items() if "current" in c} == {"format"}


def test_svg_is_byte_identical_across_renders_and_processes(tree: Tree) -> None:
    walk = next(iter(all_walks(tree)))
    graph = tree_diagram(tree, decision=walk)
    first = render(graph)
    cache_clear()
    second = render(graph)
    assert first == second
    assert first is not second  # really rendered twice
    code = ("import sys; from ragft.diagram.dot import tree_diagram; from ragft.diagram.render import render;"
            "sys.stdout.write(render(sys.stdin.read()))")
    other = subprocess.run([sys.executable, "-c", code], input=graph.source, text=True,
                           capture_output=True, check=True).stdout
    assert other == first


def test_svg_holds_no_links_or_scripts(tree: Tree) -> None:
    svg = render(tree_diagram(tree))
    assert "<a " not in svg
    assert "<script" not in svg
    assert "xlink:href" not in svg


def test_render_is_cached_by_source_and_format(tree: Tree) -> None:
    cache_clear()
    graph = tree_diagram(tree)
    svg = render(graph)
    assert render(graph.source) is svg
    assert render(graph, "svg") is svg
    info = render_mod._render.cache_info()
    assert (info.hits, info.misses) == (2, 1)
    assert isinstance(render(graph, "png"), bytes)  # another format, another entry


def test_render_tree_draws_what_render_of_the_diagram_draws(tree: Tree) -> None:
    cache_clear()
    for walk in [None, *all_walks(tree)]:
        assert render_tree(tree, decision=walk) == render(tree_diagram(tree, decision=walk))
    assert render_tree(tree, prechecks=False, focus="depth", legend=False) == render(
        tree_diagram(tree, prechecks=False, focus="depth", legend=False))
    assert render_tree(tree, "dot") == tree_diagram(tree).source
    assert isinstance(render_tree(tree, "png"), bytes)
    with pytest.raises(UnknownFormatError):
        render_tree(tree, "pdf")


def test_a_render_tree_hit_builds_no_diagram(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's key is what decides the drawing, so a hit is a look-up: no DOT is built
    (building it was most of what a hit of render() cost)."""
    cache_clear()
    walks = list(all_walks(tree))
    drawn = {i: render_tree(tree, decision=w) for i, w in enumerate(walks)}
    monkeypatch.setattr("ragft.diagram.dot.tree_diagram", lambda *a, **k: pytest.fail("built"))
    for i, w in enumerate(walks):
        # Another Decision of the same answers is the same drawing.
        again = decide(w.answers, tree)
        assert render_tree(tree, decision=again) is drawn[i]


def test_render_tree_keeps_trees_apart_and_the_least_recent_goes(
        tree: Tree, hostile_tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keyed by the tree object (which the entry holds, so its id is not reused) and the
    options: another tree or another option is another drawing; the cache stays bounded."""
    cache_clear()
    ours = render_tree(tree)
    theirs = render_tree(hostile_tree)
    assert ours != theirs
    assert render_tree(tree) is ours  # now the most recent
    monkeypatch.setattr(render_mod, "CACHE_SIZE", 2)
    render_tree(tree, legend=False)
    kept = [entry[0] for entry in render_mod._DRAWN.values()]
    assert kept == [tree, tree], "the hostile tree, least recently used, should have gone"
    cache_clear()
    assert not render_mod._DRAWN


def test_png_and_dot(tree: Tree) -> None:
    graph = tree_diagram(tree)
    png = render(graph, "png")
    assert isinstance(png, bytes)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert render(graph, "dot") == graph.source


@pytest.mark.parametrize("fmt", ["pdf", "SVG", "", "svg "])
def test_unknown_format(tree: Tree, fmt: str) -> None:
    with pytest.raises(UnknownFormatError, match=rf"unknown format {fmt!r} \(must be one of "
                       rf"\['svg', 'png', 'dot'\]\)"):
        render(tree_diagram(tree), fmt)


def test_graphviz_pure_is_found_next_to_python() -> None:
    assert find_executable() == Path(sys.executable).parent / "graphviz-pure"


def test_missing_graphviz_pure_is_a_clear_error(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RendererNotFoundError, match=r"'graphviz-pure' \(pip install graphviz-pure\)"):
        render("digraph { missing }")


def test_system_dot_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAGFT_GRAPHVIZ", raising=False)
    assert find_executable().name == "graphviz-pure"
    monkeypatch.setenv("RAGFT_GRAPHVIZ", "dot")
    if shutil.which("dot") is None:
        with pytest.raises(RendererNotFoundError, match=r"cannot find the Graphviz binary 'dot'"):
            find_executable()
        with pytest.raises(RendererNotFoundError):
            render("digraph { only_with_dot }", engine="dot")
    else:
        assert find_executable() == Path(shutil.which("dot") or "")
        assert "<svg" in render("digraph { with_dot }", engine="dot")
    monkeypatch.setenv("RAGFT_GRAPHVIZ", "neato")
    with pytest.raises(UnknownOptionError,
                       match=r"^unknown Graphviz engine 'neato' \(must be one of \['pure', 'dot'\]\)$"):
        find_executable()


def test_the_cache_is_keyed_on_the_engine_used(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "digraph { cache_key_check }"
    monkeypatch.delenv("RAGFT_GRAPHVIZ", raising=False)
    assert "<svg" in render(source)
    # The same source under another engine must reach that engine, not the cached drawing.
    monkeypatch.setenv("RAGFT_GRAPHVIZ", "neato")
    with pytest.raises(UnknownOptionError):
        render(source)


def test_a_renderer_that_hangs_is_a_one_line_error(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    slow = tmp_path / "graphviz-pure"
    slow.write_text("#!/bin/sh\nsleep 5\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr("ragft.diagram.backend.TIMEOUT", 0.2)
    with pytest.raises(RendererError, match=r"^graphviz-pure took longer than 0.2 seconds") as info:
        run_layout("digraph { slow }", "svg")
    assert isinstance(info.value, RuntimeError)
    assert not isinstance(info.value, ValueError)  # a failing renderer is not bad input
    assert "\n" not in str(info.value)


def test_a_broken_graph_reports_the_binary_error() -> None:
    with pytest.raises(RendererError, match=r"graphviz-pure failed \(exit \d+\): .+"):
        run_layout("digraph { a -> }", "svg")


def test_backend_is_the_only_code_that_starts_a_process() -> None:
    package = Path(str(render_mod.__file__)).parent.parent
    backend = package / "diagram" / "backend.py"
    assert backend.exists()
    for path in package.rglob("*.py"):
        if path == backend:
            continue
        text = path.read_text(encoding="utf-8")
        assert "subprocess" not in text, path
        assert "os.system" not in text, path


"""Every label of every diagram fits, in Chromium, whatever face draws it.

graphviz-pure measures text with Arial's metrics; a browser draws it in whatever face it finds.
These tests render the diagrams the guide shows (the whole tree, without the pre-checks, each
gate in focus, and a highlighted path to every exit), put each SVG in a page, force a face with
CSS, and measure with ``getBBox``:

The notebooks' stored SVG outputs are measured too.

- every text of a node inside its shape;
- no edge label overlapping another label or a node, and no edge line or arrow crossing a label.

The faces: DejaVu Sans (Debian's default, ~14% wider than Arial: what a stored notebook SVG
meets where no font is carried), Liberation Sans (``fonts-liberation``, Arial's metrics; skipped
where it is not installed), and the walker's carried Arimo (``walker.css``), which the site and
the walker use. The loops run over whatever nodes and edges each SVG has.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, load_script
from ragft.diagram.dot import tree_diagram
from ragft.diagram.render import render, strip_xml_prolog
from ragft.engine.decision import decide, path_to
from ragft.tree.model import Tree

CSS = ROOT / "ragft" / "web" / "walker.css"
FONTFACE = load_script(ROOT / "site" / "fontface.py")

MEASURE = """() => {
  const box = (el) => { const b = el.getBBox(); return {x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height}; };
  // A text's ink: its characters but the (no-break) spaces that only push it off its edge.
  const ink = (t) => {
    const chars = [...t.textContent].map((c, i) => [c, i]).filter(([c]) => c.trim() !== '');
    if (!chars.length) { return box(t); }
    return chars.map(([, i]) => t.getExtentOfChar(i))
      .map((b) => ({x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height}))
      .reduce((u, b) => ({x0: Math.min(u.x0, b.x0), y0: Math.min(u.y0, b.y0),
                          x1: Math.max(u.x1, b.x1), y1: Math.max(u.y1, b.y1)}));
  };
  const overlap = (a, b, pad) => a.x0 < b.x1 - pad && b.x0 < a.x1 - pad && a.y0 < b.y1 - pad && b.y0 < a.y1 - pad;
  const union = (bs) => bs.reduce((u, b) => ({x0: Math.min(u.x0, b.x0), y0: Math.min(u.y0, b.y0),
                                               x1: Math.max(u.x1, b.x1), y1: Math.max(u.y1, b.y1)}));
  const svg = document.querySelector('svg');
  const problems = [];
  const nodes = [...svg.querySelectorAll('g.node')].map((g) => ({
    id: g.id, shape: box(g.querySelector('path, polygon, ellipse')),
    texts: [...g.querySelectorAll('text')].map((t) => [t.textContent, ink(t)])}));
  for (const n of nodes) {
    for (const [words, t] of n.texts) {
      // 1.5 units of air on each side of the line, inside the border.
      if (t.x0 < n.shape.x0 + 1.5 || t.x1 > n.shape.x1 - 1.5 || t.y0 < n.shape.y0 || t.y1 > n.shape.y1) {
        problems.push(`node ${n.id}: "${words}" spills out of its box`);
      }
    }
  }
  const edges = [...svg.querySelectorAll('g.edge')].map((g) => {
    const texts = [...g.querySelectorAll('text')];
    return {id: g.id, label: texts.length ? union(texts.map(ink)) : null,
            words: texts.map((t) => t.textContent.trim()).join(' '),
            path: g.querySelector('path'), arrows: [...g.querySelectorAll('polygon')].map(box)};
  });
  const labelled = edges.filter((e) => e.label);
  labelled.forEach((a, i) => labelled.slice(i + 1).forEach((b) => {
    if (overlap(a.label, b.label, 0)) { problems.push(`labels of ${a.id} and ${b.id} overlap`); }
  }));
  for (const e of labelled) {
    for (const n of nodes) {
      if (overlap(e.label, n.shape, 0)) { problems.push(`label of ${e.id} ("${e.words}") overlaps node ${n.id}`); }
    }
  }
  for (const e of edges) {
    const length = e.path.getTotalLength();
    for (const other of labelled) {
      const b = other.label;
      let hit = false;
      for (let s = 0; s <= length && !hit; s += 1) {
        const p = e.path.getPointAtLength(s);
        hit = p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1;
      }
      if (hit) { problems.push(`edge ${e.id} crosses the label of ${other.id} ("${other.words}")`); }
      if (e.arrows.some((a) => overlap(a, b, 0))) { problems.push(`the arrow of ${e.id} touches the label of ${other.id}`); }
    }
  }
  return {problems, nodes: nodes.length, edges: edges.length, labels: labelled.length,
          font: getComputedStyle(svg.querySelector('text')).fontFamily};
}"""


def diagrams(tree: Tree) -> Iterator[tuple[str, str]]:
    """Name -> SVG of every diagram the guide draws (the loops follow the tree's data)."""
    yield "tree", render(tree_diagram(tree))
    yield "no-prechecks", render(tree_diagram(tree, prechecks=False))
    for gate in tree.gates:
        yield f"focus-{gate.id}", render(tree_diagram(tree, focus=gate.id))
    for ex in tree.exits:
        decision = decide(dict(path_to(ex.id, tree)), tree)
        yield f"path-{ex.id}", render(tree_diagram(tree, decision=decision))


def installed(family: str) -> bool:
    try:
        out = subprocess.run(["fc-list", family], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return False
    return bool(out.strip())


FACES = {
    "dejavu": ('"DejaVu Sans"', "DejaVu Sans"),
    "liberation": ('"Liberation Sans"', "Liberation Sans"),
    "carried-arimo": (None, None),  # walker.css's own stack, whose first face it carries
}


def stored_diagrams() -> Iterator[tuple[str, str]]:
    """The diagrams the notebooks carry as outputs (what JupyterLab shows, with no font of ours)."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            for j, out in enumerate(cell.get("outputs", [])):
                svg = "".join(out.get("data", {}).get("image/svg+xml", ""))
                if 'class="graph"' in svg:
                    yield f"{path.stem}-cell{i}-{j}", svg


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, tree: Tree) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("diagrams")
    made = {}
    for name, svg in [*diagrams(tree), *stored_diagrams()]:
        made[name] = folder / f"{name}.svg"
        made[name].write_text(strip_xml_prolog(svg), encoding="utf-8")
    return made


def page_html(svg: str, face: str | None) -> str:
    forced = f"svg text {{ font-family: {face} !important; }}" if face else ""
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fit</title>'
            f"<style>{CSS.read_text(encoding='utf-8')}\n{forced}</style></head>"
            f'<body><figure class="ragft-diagram">{svg}</figure></body></html>')


@pytest.mark.browser
@pytest.mark.parametrize("face", list(FACES))
def test_every_label_fits_its_shape_and_no_label_is_crossed(
    face: str, pages: dict[str, Path], offline: Any
) -> None:
    css, family = FACES[face]
    if family and not installed(family):
        pytest.skip(f"{family} is not installed here (apt-get install fonts-liberation)")
    page = offline.new_page()
    problems = []
    for name, path in pages.items():
        page.set_content(page_html(path.read_text(encoding="utf-8"), css))
        page.evaluate("() => document.fonts.ready")
        result = page.evaluate(MEASURE)
        assert result["nodes"] > 0, name
        assert result["labels"] > 0, name
        problems += [f"{name}: {p}" for p in result["problems"]]
    page.close()
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.browser
def test_the_carried_face_is_the_one_drawn(offline: Any, tree: Tree) -> None:
    """The data: URL in walker.css loads (no network) and Chromium draws the labels in it."""
    page = offline.new_page()
    page.set_content(page_html(strip_xml_prolog(render(tree_diagram(tree))), None))
    page.evaluate("() => document.fonts.ready")
    faces = page.evaluate("""() => [...document.fonts].filter((f) => f.status === 'loaded')
                                       .map((f) => f.family.replace(/"/g, '') + ' ' + f.weight)""")
    assert [f.strip('"') for f in faces] == ["ragft Arimo 400"]
    page.close()


def test_walker_css_carries_the_committed_font_files() -> None:
    """The @font-face block is what site/fontface.py makes from site/fonts/ (with its licence)."""
    text = CSS.read_text(encoding="utf-8")
    assert FONTFACE.synced(text) == text, "run python site/fontface.py"
    assert FONTFACE.font_block() in text
    assert "SIL OPEN FONT LICENSE" in (ROOT / "site" / "fonts" / "OFL.txt").read_text().upper()

"""The walker's layout in Chromium at a phone's, a laptop's and a projector's width, light and dark.

- no step of any walk makes the page scroll sideways (long source addresses wrap);
- a recommendation uses the page's width, and Back and Restart are on screen without scrolling
  to the end of the record;
- the tree's labels stay readable (the diagram never shrinks them to a few pixels);
- in the dark theme the diagram follows it (no white panel, no white boxes), and on the Quarto
  site the walker shows the page's own background instead of a rectangle of its own;
- on a projector (1920x1080) every question's answers and the whole tree are on screen, side by
  side; and what walker.html compacts (its style, its diagram) draws as the original does.

The loops run over every prefix of every walk the tree has.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Offline, show_walk
from ragft.engine.decision import all_walks, answers_key, decide
from ragft.tree.model import Tree
from ragft.web.export import export

pytestmark = pytest.mark.browser

READY = "#ragft-walker[data-ready]"
WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
MIN_LABEL_PX = 10  # the smallest label text, in CSS pixels

SIZES_JS = """(key) => {
  const root = document.getElementById('ragft-walker');
  const doc = document.documentElement;
  const texts = [...root.querySelectorAll('.ragft-tree svg text')].map((t) => t.getBoundingClientRect().height);
  return {key, wide: doc.scrollWidth - doc.clientWidth, smallest: Math.min(...texts)};
}"""


def prefixes(tree: Tree) -> list[str]:
    keys = {answers_key((s.gate, s.answer) for s in walk.path[:i])
            for walk in all_walks(tree) for i in range(len(walk.path) + 1)}
    return sorted(keys, key=lambda k: (k.count("&"), k))


def quarto_like_page(dark: bool) -> str:
    """walk.qmd's walker block in a page with the body classes and colours Quarto's themes set."""
    qmd = (ROOT / "walk.qmd").read_text(encoding="utf-8")
    block = re.search(r"```\{=html\}\n(.*?)```", qmd, re.DOTALL)
    assert block
    bg, fg = ("#222222", "#ffffff") if dark else ("#ffffff", "#373a3c")
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Walk</title>'
            f"<style>:root {{ --bs-body-bg: {bg}; --bs-body-color: {fg}; }}"
            f"body {{ background: {bg}; color: {fg}; margin: 0 1rem; }}</style></head>"
            f'<body class="quarto-{"dark" if dark else "light"}"><main>{block.group(1)}'
            "</main></body></html>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, tree: Tree) -> Path:
    folder = tmp_path_factory.mktemp("layout")
    export(folder / "site-data", tree)
    for dark in (False, True):
        (folder / f"walk-{'dark' if dark else 'light'}.html").write_text(
            quarto_like_page(dark), encoding="utf-8")
    return folder


def open_page(offline: Offline, url: str, size: dict[str, int], scheme: str) -> Any:
    page = offline.new_page()
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_selector(READY)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("which", ["walker.html", "site"])
def test_no_step_scrolls_sideways_and_labels_stay_readable(
    offline: Offline, serve: Any, site: Path, tree: Tree, scheme: str, width: str, which: str
) -> None:
    base = serve(site)
    url = base + ("site-data/walker.html" if which == "walker.html" else f"walk-{scheme}.html")
    page = open_page(offline, url, WIDTHS[width], scheme)
    wide, small = [], []
    for key in prefixes(tree):
        show_walk(page, key)
        shown = page.evaluate(SIZES_JS, key)
        if shown["wide"] > 0:
            wide.append(f"#{key}: {shown['wide']}px too wide")
        if shown["smallest"] < MIN_LABEL_PX:
            small.append(f"#{key}: {shown['smallest']:.1f}px labels")
    assert wide == []
    assert small == []
    assert offline.console_errors == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_recommendation_uses_the_width_and_keeps_its_actions_in_view(
    offline: Offline, serve: Any, site: Path, tree: Tree, width: str
) -> None:
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    page = open_page(offline, serve(site) + "site-data/walker.html#" + answers_key(walk.answers),
                     WIDTHS[width], "light")
    box = page.evaluate("""() => {
      const r = (sel) => document.querySelector(sel).getBoundingClientRect();
      return {layout: r('.ragft-layout').width, panel: r('.ragft-panel').width,
              flips: r("[data-section='flips']").left, build: r("[data-section='build']").left,
              height: innerHeight,
              back: r('.ragft-nav').bottom, pageHeight: document.documentElement.scrollHeight};
    }""")
    assert box["panel"] >= 0.95 * box["layout"], box
    assert box["pageHeight"] > box["height"], "the record should be longer than a screen here"
    # The heading has focus, the page is at its top: Back and Restart are on screen already.
    assert box["back"] <= box["height"], box
    if width == "laptop":
        assert box["flips"] > box["build"] + 0.3 * box["panel"], "what would flip it sits beside"
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => scrollY > 0")  # the wheel has scrolled the page
    assert page.evaluate("() => document.querySelector('.ragft-nav').getBoundingClientRect()"
                         ".bottom <= innerHeight"), "Back and Restart scrolled away"


FILLS = """() => {
  const svg = document.querySelector('#ragft-walker svg');
  const fill = (el) => getComputedStyle(el).fill;
  const root = document.getElementById('ragft-walker');
  return {
    background: fill(svg.querySelector('g.graph > polygon')),
    gates: [...svg.querySelectorAll('g.node.gate:not(.current) > path')].map(fill),
    exits: [...svg.querySelectorAll('g.node.exit > polygon, g.node.exit > path')].map(fill),
    text: getComputedStyle(svg.querySelector('text')).fill,
    walker: getComputedStyle(root).backgroundColor,
    page: getComputedStyle(document.body).backgroundColor,
  };
}"""
WHITE = "rgb(255, 255, 255)"


@pytest.mark.parametrize("which", ["walker.html", "site"])
def test_the_diagram_follows_the_dark_theme(
    offline: Offline, serve: Any, site: Path, which: str
) -> None:
    url = serve(site) + ("site-data/walker.html" if which == "walker.html" else "walk-dark.html")
    page = open_page(offline, url + "#prompting=yes", WIDTHS["laptop"], "dark")
    shown = page.evaluate(FILLS)
    assert shown["background"] in ("none", "transparent", "rgba(0, 0, 0, 0)"), shown
    assert shown["gates"], shown
    assert WHITE not in shown["gates"], shown
    assert shown["exits"], shown
    assert not any(f == WHITE or f.startswith("rgb(2") for f in shown["exits"]), shown
    assert shown["text"] != "rgb(31, 35, 40)", "dark text on a dark page"
    if which == "site":
        assert shown["walker"] == "rgba(0, 0, 0, 0)", "a panel of its own on the page"
    light = open_page(offline, url.replace("dark", "light") + "#prompting=yes",
                      WIDTHS["laptop"], "light").evaluate(FILLS)
    assert WHITE in light["gates"], "the light theme keeps the diagram's own colours"


PROJECTOR = {"width": 1920, "height": 1080}
IN_VIEW_JS = """() => {
  const root = document.getElementById('ragft-walker');
  scrollTo(0, 0);
  const box = (sel) => { const r = root.querySelector(sel).getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const doc = document.documentElement;
  return {options: box('fieldset[data-gate] .ragft-options'), tree: box('.ragft-tree svg'),
          question: box('.ragft-question'), wide: doc.scrollWidth - doc.clientWidth,
          w: innerWidth, h: innerHeight};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_projector_the_question_and_the_tree_are_on_screen_side_by_side(
    offline: Offline, serve: Any, site: Path, tree: Tree, scheme: str
) -> None:
    """At 1920x1080 every question's answers and the whole tree are in view, without
    scrolling, side by side (issue 24: the room sees both at once)."""
    page = open_page(offline, serve(site) + "site-data/walker.html", PROJECTOR, scheme)
    waiting = [k for k in prefixes(tree)
               if decide(dict(p.split("=") for p in k.split("&") if p), tree).next_gate]
    assert waiting
    problems = []
    for key in waiting:
        show_walk(page, key)
        shown = page.evaluate(IN_VIEW_JS)
        for part in ("options", "tree"):
            r = shown[part]
            if r["left"] < 0 or r["top"] < 0 or r["right"] > shown["w"] or r["bottom"] > shown["h"]:
                problems.append(f"#{key}: the {part} is not all on screen: {r}")
        if shown["options"]["right"] > shown["tree"]["left"]:
            problems.append(f"#{key}: the answers and the tree are not side by side")
        if shown["wide"] > 0:
            problems.append(f"#{key}: {shown['wide']}px too wide")
    assert problems == []
    # Larger than the laptop's type, for the back of the room.
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.ragft-question')).fontSize)")
    assert size >= 22, size
    assert offline.console_errors == []


RULES_JS = """() => [...document.styleSheets].map((sheet) => {
  const walk = (rules) => [...rules].map((r) => r.cssRules ? [r.cssText.split('{')[0], walk(r.cssRules)] : r.cssText);
  return walk(sheet.cssRules);
})"""
# What each drawn element (not a group, which draws nothing) looks like, placed in its own SVG.
STYLES_JS = """() => [...document.querySelectorAll('figure svg')].map((svg) => {
  const at = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text, path, polygon, polyline, ellipse')].map((n) => {
    const s = getComputedStyle(n), r = n.getBoundingClientRect();
    // Not white-space: xml:space="preserve" goes where a label keeps no blank, and the label's
    // box (its place and width to a hundredth of a pixel) shows it is drawn the same.
    const type = n.tagName === 'text' ? [s.fontSize, s.fontFamily, s.textAnchor] : [];
    return [n.tagName, n.textContent, s.fill, s.stroke, ...type,
            Math.round((r.left - at.left) * 100), Math.round((r.top - at.top) * 100),
            Math.round(r.width * 100)].join(' ');
  });
})"""


def test_walker_html_compacts_only_what_a_browser_cannot_tell(offline: Offline, tree: Tree) -> None:
    """The inline style parses to the same rules as walker.css, and the inline diagram's every
    element has the same computed colours, type and place as the drawing Graphviz made."""
    from ragft.diagram.dot import tree_diagram
    from ragft.diagram.render import render
    from ragft.web.compact import compact_svg, minify_css
    from ragft.web.page import inline_svg

    css = (ROOT / "ragft" / "web" / "walker.css").read_text(encoding="utf-8")
    page = offline.new_page()
    page.set_content(f"<style>{css}</style><style>{minify_css(css)}</style>")
    sheets = page.evaluate(RULES_JS)
    assert len(sheets) == 2
    assert sheets[0]
    assert sheets[0] == sheets[1]
    svg = inline_svg(render(tree_diagram(tree)))
    small = compact_svg(svg)
    assert len(small) < 0.8 * len(svg)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.set_content(f'<!DOCTYPE html><html lang="en"><head><style>{css}</style></head><body>'
                         f'<div class="ragft-walker"><figure class="ragft-tree">{svg}</figure>'
                         f'<figure class="ragft-tree">{small}</figure></div></body></html>')
        before, after = page.evaluate(STYLES_JS)
        assert len(before) > 100
        assert before == after, scheme

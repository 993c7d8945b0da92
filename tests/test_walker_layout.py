"""The walker's layout in Chromium at a phone's and a laptop's width, light and dark.

- no step of any walk makes the page scroll sideways (long source addresses wrap);
- a recommendation uses the page's width, and Back and Restart are on screen without scrolling
  to the end of the record;
- the tree's labels stay readable (the diagram never shrinks them to a few pixels);
- in the dark theme the diagram follows it (no white panel, no white boxes), and on the Quarto
  site the walker shows the page's own background instead of a rectangle of its own.

The loops run over every prefix of every walk the tree has.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Offline
from ragft.engine.decision import all_walks, answers_key
from ragft.tree.model import Tree
from ragft.web.export import export

pytestmark = pytest.mark.browser

READY = "#ragft-walker[data-ready]"
WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
MIN_LABEL_PX = 10  # the smallest label text, in CSS pixels

DRAW_JS = """async (key) => {
  const root = document.getElementById('ragft-walker');
  if (location.hash.replace(/^#/, '') !== key) {
    const drawn = new Promise((done) => root.addEventListener('ragft:render', () => done(), {once: true}));
    location.hash = key; await drawn;
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
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
        shown = page.evaluate(DRAW_JS, key)
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

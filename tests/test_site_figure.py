"""The home page's tree (site/_includes/_tree-figure.md) in Chromium, as the site shows it.

Quarto is absent here, so the include's HTML goes into a page with the body class and colours
Quarto's light and dark themes set, next to the walker's style sheet that the include links.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Offline, run_axe
from ragft.tree.model import Tree
from ragft.web.export import export

pytestmark = pytest.mark.browser

THEMES = {"light": ("#ffffff", "#373a3c"), "dark": ("#222222", "#ffffff")}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, tree: Tree) -> Path:
    folder = tmp_path_factory.mktemp("home")
    export(folder / "site-data", tree)
    include = (ROOT / "site" / "_includes" / "_tree-figure.md").read_text(encoding="utf-8")
    block = re.search(r"```\{=html\}\n(.*?)```", include, re.DOTALL)
    assert block
    for mode, (bg, fg) in THEMES.items():
        (folder / f"{mode}.html").write_text(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Home</title>'
            f"<style>:root {{ --bs-body-bg: {bg}; --bs-body-color: {fg}; }} body {{ background:"
            f" {bg}; color: {fg}; max-width: 50rem; margin: 0 auto; padding: 0 1rem; }}</style>"
            f'</head><body class="quarto-{mode}"><main><h1>Home</h1>{block.group(1)}</main>'
            "</body></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("mode", list(THEMES))
def test_home_tree_is_readable_themed_and_accessible(
    offline: Offline, serve: Any, home: Path, axe_js: Path, mode: str, width: int
) -> None:
    page = offline.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=mode)
    page.goto(serve(home) + f"{mode}.html")
    shown = page.evaluate("""() => {
      const svg = document.querySelector('.ragft-figure svg');
      const doc = document.documentElement;
      return {
        smallest: Math.min(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height)),
        wide: doc.scrollWidth - doc.clientWidth,
        gate: getComputedStyle(svg.querySelector('g.node.gate > path')).fill,
        font: getComputedStyle(svg.querySelector('text')).fontFamily,
      };
    }""")
    assert shown["smallest"] >= 10, shown
    assert shown["wide"] == 0, "the page scrolls sideways, not just the figure"
    assert shown["font"].startswith('"ragft Arimo"'), shown
    assert (shown["gate"] == "rgb(255, 255, 255)") == (mode == "light"), shown
    page.locator(".ragft-tree-text summary").click()
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]
    assert offline.console_errors == []

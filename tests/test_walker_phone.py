"""The walk page leads with the walk: on a phone (390x844) the first question and its answers
are on the first screen.

- walk.qmd puts the walker first and how the page works after it;
- at the first question Back and Restart are not offered (nothing to undo), and they are once
  there is an answer;
- in a phone's column the answers follow the question at once (the question's explanation, why
  it is asked and the running example come after them) and each answer's signals fold, while a
  laptop's column shows them open; once an answer is chosen, Continue is on the screen;
- on the rendered site (with Quarto), the question and every answer of the first gate are within
  the first screen under Quarto's navigation bar and title, in both themes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Offline
from ragft.tree.model import Tree
from ragft.web.export import export

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
READY = "#ragft-walker[data-ready]"

FIRST_SCREEN_JS = """() => {
  const box = (e) => e.getBoundingClientRect();
  const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length);
  const options = [...document.querySelectorAll('.ragft-form .ragft-option')];
  const explanation = document.querySelector('.ragft-form .ragft-explanation');
  return {
    height: innerHeight,
    legend: box(document.querySelector('.ragft-form legend')).bottom,
    labels: options.map((o) => box(o.querySelector('label')).bottom),
    options: options.map((o) => box(o).bottom),
    explanation: explanation ? box(explanation).top : null,
    nav: shown('.ragft-nav button').map((b) => b.textContent),
    folded: [...document.querySelectorAll('.ragft-form details.ragft-signals')].map((d) => !d.open),
  };
}"""


def test_walk_page_puts_the_walker_before_its_explanation() -> None:
    text = (ROOT / "walk.qmd").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1].lstrip()
    assert body.startswith("```{=html}"), "walk.qmd opens with prose before the walker"
    assert re.search(r"```\n+## ", body), "how the page works follows the walker"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, tree: Tree) -> Path:
    folder = tmp_path_factory.mktemp("phone")
    export(folder / "site-data", tree)
    return folder


def open_at(offline: Offline, url: str, size: dict[str, int], scheme: str = "light") -> Any:
    page = offline.new_page()
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_selector(READY)
    return page


@pytest.mark.browser
def test_on_a_phone_the_first_question_and_its_answers_come_first(
    offline: Offline, serve: Any, site: Path, tree: Tree
) -> None:
    page = open_at(offline, serve(site) + "site-data/walker.html", PHONE)
    shown = page.evaluate(FIRST_SCREEN_JS)
    assert shown["nav"] == [], "Back and Restart offered before there is anything to undo"
    assert len(shown["labels"]) == len(tree.gate(tree.root).answers)
    # The standalone page has its own heading and introduction above the walker: every answer
    # is still on the first screen, and the explanation waits below the answers.
    assert max(shown["labels"]) <= shown["height"], shown
    assert shown["explanation"] is None or shown["explanation"] > max(shown["options"]), shown
    assert shown["folded"], "no answer has signals"
    assert all(shown["folded"]), "signals open in a phone's column"
    # Choosing an answer brings Continue onto the screen; answering offers Back and Restart.
    page.locator(".ragft-form .ragft-option label").last.click()
    button = page.locator(".ragft-form .ragft-actions button")
    assert page.evaluate("(b) => b.getBoundingClientRect().bottom <= innerHeight",
                         button.element_handle())
    button.click()
    page.wait_for_function("() => document.querySelector('.ragft-trail li') !== null")
    assert len(page.evaluate(FIRST_SCREEN_JS)["nav"]) == 2
    assert offline.console_errors == []


@pytest.mark.browser
def test_on_a_laptop_the_signals_are_open(offline: Offline, serve: Any, site: Path) -> None:
    page = open_at(offline, serve(site) + "site-data/walker.html", LAPTOP)
    shown = page.evaluate(FIRST_SCREEN_JS)
    assert shown["nav"] == []
    assert shown["folded"]
    assert not any(shown["folded"])
    assert shown["explanation"] < shown["options"][0], "explanation before the answers"


@pytest.mark.quarto
@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rendered_walk_page_shows_the_first_question_and_answers_on_a_phone(
    rendered_site: Path, offline: Offline, serve: Any, tree: Tree, scheme: str
) -> None:
    page = open_at(offline, serve(rendered_site) + "walk.html", PHONE, scheme)
    shown = page.evaluate(FIRST_SCREEN_JS)
    assert shown["nav"] == []
    assert len(shown["labels"]) == len(tree.gate(tree.root).answers)
    assert shown["legend"] <= shown["height"], shown
    # Every answer can be chosen without scrolling; the first is on screen in full.
    assert max(shown["labels"]) <= shown["height"], shown
    assert shown["options"][0] <= shown["height"], shown
    assert offline.console_errors == []

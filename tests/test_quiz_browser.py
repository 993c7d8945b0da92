"""The site's self-check in Chromium, offline: the stored static form graded by site/quiz.html.

The page is what a rendered notebook page holds of a quiz cell (its stored ``text/html``) with
the script ``_quarto.yml`` includes after every page's body, so the test needs no Quarto. It is
answered with the keyboard only, checked with axe in the light and the dark colour scheme, and
``test_the_rendered_budget_page_grades_in_the_page`` does the same on the rendered site where
Quarto is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Offline, run_axe
from ragft.guide import _grading, quiz

SCRIPT = ROOT / "site" / "quiz.html"


def _page(folder: Path, quiz_id: str) -> str:
    form = quiz.form_html(quiz_id, _grading.items(quiz_id))
    (folder / "quiz.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Self-check</title>"
        "<style>:root { color-scheme: light dark; }</style></head><body><main>"
        f"<h1>Self-check</h1>{form}</main>{SCRIPT.read_text(encoding='utf-8')}</body></html>",
        encoding="utf-8")
    return "quiz.html"


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_site_quiz_is_graded_by_keyboard(tmp_path: Path, offline: Offline, serve: Any,
                                             axe_js: Path, scheme: str) -> None:
    items = _grading.items("budget")
    base = serve(tmp_path)
    page = offline.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(base + _page(tmp_path, "budget"), wait_until="load")
    first = items[0]
    right_at = [k for k, _ in first.options].index(first.right)
    score = page.locator(".ragft-quiz-score")
    assert score.inner_text() == "Score: 0 of 5 right"
    assert page.locator(".ragft-quiz-key").first.is_hidden()
    assert run_axe(page, axe_js) == []

    _tab_to(page, "#ragft-quiz-budget-" + first.id + " input[type=radio]")
    for _ in range(right_at):
        page.keyboard.press("ArrowDown")  # a native radio group: the arrows choose
    _tab_to(page, ".ragft-quiz-check")
    page.keyboard.press("Enter")
    item = page.locator(f"#ragft-quiz-budget-{first.id}")
    feedback = item.locator(".ragft-quiz-feedback")
    assert feedback.inner_text().startswith("Right.")
    assert score.inner_text() == "Score: 1 of 5 right"
    assert page.evaluate("() => document.activeElement.className").endswith("ragft-quiz-retry")
    assert item.locator("input[type=radio]").first.is_disabled()
    assert run_axe(page, axe_js) == []

    page.keyboard.press("Enter")  # Try again
    assert feedback.inner_text() == ""
    assert score.inner_text() == "Score: 0 of 5 right"
    assert page.evaluate("() => document.activeElement.type") == "radio"

    second = items[1]
    wrong = next(i for i, (k, _) in enumerate(second.options) if k != second.right)
    other = page.locator(f"#ragft-quiz-budget-{second.id}")
    other.locator("input[type=radio]").nth(wrong).check()
    other.locator(".ragft-quiz-check").click()
    assert other.locator(".ragft-quiz-feedback").inner_text().startswith("Not this one.")
    assert score.inner_text() == "Score: 0 of 5 right"
    assert offline.console_errors == []
    page.close()


@pytest.mark.browser
def test_check_without_an_answer_asks_for_one(tmp_path: Path, offline: Offline,
                                              serve: Any) -> None:
    page = offline.new_page()
    page.goto(serve(tmp_path) + _page(tmp_path, "knowledge"), wait_until="load")
    page.locator(".ragft-quiz-check").first.click()
    assert page.locator(".ragft-quiz-feedback").first.inner_text() == "Choose an answer first."
    page.close()


@pytest.mark.quarto
@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_rendered_budget_page_grades_in_the_page(rendered_site: Path, offline: Offline,
                                                     serve: Any, axe_js: Path,
                                                     scheme: str) -> None:
    page = offline.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(serve(rendered_site) + "notebooks/05_budget.html", wait_until="load")
    first = _grading.items("budget")[0]
    item = page.locator(f"#ragft-quiz-budget-{first.id}")
    item.locator(f"input[value='{first.right}']").check()
    item.locator(".ragft-quiz-check").click()
    assert item.locator(".ragft-quiz-feedback").inner_text().startswith("Right.")
    assert page.locator(".ragft-quiz-score").inner_text() == "Score: 1 of 5 right"
    assert run_axe(page, axe_js) == []
    page.close()

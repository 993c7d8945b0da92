"""The self-checks as a reader without a kernel or a script meets them, in Chromium, with axe.

Every quiz's stored static form (what a notebook keeps beside the widget, and what the site
grades with its script; see tests/test_quiz_browser.py) is put on one page with no script:
the radios work by keyboard, each question's answer key opens by keyboard and holds the
feedback for every choice, and axe-core finds no WCAG 2.1 A/AA violation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from nbconvert.filters import markdown2html  # the glossary is still Markdown

from conftest import run_axe
from ragft.guide import _grading, _quiz_data, glossary, quiz

pytestmark = pytest.mark.browser


def _page(tmp_path: Path) -> Path:
    sections = [f"<section><h2>Self-check: {quiz_id}</h2>"
                f"{quiz.form_html(quiz_id, _grading.items(quiz_id))}</section>"
                for quiz_id in _quiz_data.quiz_ids()]
    sections.append(f"<section><h2>Glossary</h2>{markdown2html(glossary.glossary().data)}"
                    "</section>")
    html = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>ragft "
            f"self-checks</title></head><body><main>{''.join(sections)}</main></body></html>")
    assert "<script" not in html
    path = tmp_path / "index.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_self_checks_work_by_keyboard_without_a_script(
        tmp_path: Path, serve: Callable[[Path], str], offline: Any, axe_js: Path) -> None:
    _page(tmp_path)
    page = offline.new_page()
    page.goto(serve(tmp_path) + "index.html")
    questions = [q for i in _quiz_data.quiz_ids() for q in _quiz_data.questions(i)]
    keys = page.locator("details.ragft-quiz-key")
    assert keys.count() == len(questions)
    assert page.locator("input[type=radio]").count() == sum(len(q.choices) for q in questions)
    first = keys.first
    assert first.locator("li").first.is_hidden(), "the key stays folded until opened"
    page.keyboard.press("Tab")  # the first focusable element is the first question's radios
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowDown")  # a native radio group: the arrows choose
    assert page.locator("input[type=radio]:checked").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert first.evaluate("e => e.open")
    feedback = first.locator(".ragft-quiz-says").first
    assert feedback.is_visible()
    assert feedback.inner_text().startswith(("Right.", "Not this one."))
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    rights = page.locator(".ragft-quiz-says > strong", has_text="Right.")
    assert rights.count() == len(questions)
    anchors = page.evaluate(
        "[...document.querySelectorAll('a[id^=\"cell-id=term-\"]')].map(a => a.id)")
    assert anchors == [t.fragment for t in glossary.terms()]
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]
    assert offline.console_errors == []

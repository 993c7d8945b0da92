"""The self-checks as a reader without a kernel meets them: plain HTML, in Chromium, with axe.

Every quiz is rendered from its stored Markdown to HTML (nbconvert's Markdown renderer, as
Jupyter's exporters do; Quarto's pandoc passes the same ``<details>`` elements through), put on
one page, and checked: no script is needed, every choice opens by keyboard and shows its
feedback, and axe-core finds no WCAG 2.1 A/AA violation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from nbconvert.filters import markdown2html

from conftest import run_axe
from ragft.guide import glossary, quiz

pytestmark = pytest.mark.browser


def _page(tmp_path: Path) -> Path:
    sections = [f"<section><h2>Self-check: {quiz_id}</h2>{markdown2html(quiz.show(quiz_id).data)}"
                "</section>" for quiz_id in quiz.quiz_ids()]
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
    summaries = page.locator("details > summary")
    total = sum(len(q.choices) for i in quiz.quiz_ids() for q in quiz.questions(i))
    assert summaries.count() == total
    first = page.locator("details").first
    assert first.locator("p").first.is_hidden(), "feedback stays hidden until a choice opens"
    page.keyboard.press("Tab")  # the first focusable element is the first choice
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert first.evaluate("e => e.open")
    feedback = first.locator("p").first
    assert feedback.is_visible()
    assert feedback.inner_text().startswith(("Right.", "Not this one."))
    page.keyboard.press("Space")  # and closes again
    assert not first.evaluate("e => e.open")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    rights = page.locator("details strong", has_text="Right.")
    assert rights.count() == sum(len(quiz.questions(i)) for i in quiz.quiz_ids())
    anchors = page.evaluate("[...document.querySelectorAll('a[id^=term-]')].map(a => a.id)")
    assert anchors == [t.anchor for t in glossary.terms()]
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]
    assert offline.console_errors == []

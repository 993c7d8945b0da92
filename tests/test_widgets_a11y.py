"""The HTML the widgets write, checked with axe-core in Chromium (WCAG 2.1 A and AA).

ipywidgets draws the controls themselves; what ragft adds is the HTML inside ``HTML`` widgets
(gate texts, the card, the diagram, tables, calculator results and the plot). This puts all of
it on one page, as a notebook would show it, and runs axe on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from conftest import run_axe
from ragft.engine import all_walks
from ragft.loader import default_tree
from ragft.widgets import BreakEvenCalculator, CaseBuilder, ContextCalculator, Walker

pytestmark = pytest.mark.browser


def _html_values(widget: w.Widget) -> Iterator[str]:
    if isinstance(widget, w.HTML):
        yield widget.value
    for child in getattr(widget, "children", ()):
        yield from _html_values(child)


def test_widget_html_passes_axe(
    tmp_path: Path, serve: Callable[[Path], str], offline: Any, axe_js: Path
) -> None:
    tree = default_tree()
    hybrid = next(d for d in all_walks(tree) if d.exit == "hybrid")
    parts = [Walker(answers=hybrid.answers), Walker(), CaseBuilder(case=tree.example),
             ContextCalculator(), BreakEvenCalculator()]
    calc = BreakEvenCalculator()
    calc.requests.value = -1  # the error message is shown too
    parts.append(calc)
    body = "\n".join(f"<section>{v}</section>" for p in parts for v in _html_values(p) if v)
    page_html = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                 f"<title>ragft widgets</title></head><body><main>{body}</main></body></html>")
    (tmp_path / "index.html").write_text(page_html, encoding="utf-8")
    page = offline.new_page()
    page.goto(serve(tmp_path) + "index.html")
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]
    assert offline.console_errors == []

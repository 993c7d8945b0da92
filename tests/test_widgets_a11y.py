"""The markup the widgets make, checked with axe-core in Chromium (WCAG 2.1 A and AA).

ipywidgets draws its own controls; what ragft adds is the HTML inside ``HTML`` widgets (gate
texts, the card, the diagram, tables, calculator results, the plot, the record preview, the
stylesheet) and the answers' radio group, which ``ragft/widgets/static/choice.js`` draws. This
puts all of it on one page, as a notebook would show it, the radio groups drawn by the real
script with a stand-in for the widget model, and runs axe on it; then it drives one radio group
with the keyboard. ``test_jupyterlab.py`` runs axe on the same widgets inside JupyterLab.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from conftest import ROOT, run_axe
from ragft.engine.decision import all_walks
from ragft.tree.loader import default_tree
from ragft.widgets.calculators import BreakEvenCalculator, ContextCalculator
from ragft.widgets.case import CaseBuilder
from ragft.widgets.request_cost import RequestCostCalculator
from ragft.widgets.walker import Walker

pytestmark = pytest.mark.browser


CHOICE_JS = ROOT / "ragft" / "widgets" / "static" / "choice.js"
# A stand-in for an anywidget model: get/set/on/save_changes/send, recording what it is sent.
HARNESS = """<script type="module">
import choice from "./choice.js";
function model(state) {
  const on = {};
  const m = {
    state, sent: [],
    get: (k) => state[k],
    set: (k, v) => { state[k] = v; (on["change:" + k] || []).forEach((f) => f()); },
    on: (names, f) => names.split(" ").forEach((n) => (on[n] ||= []).push(f)),
    save_changes() {}, send(msg) { m.sent.push(msg); },
  };
  return m;
}
const base = {options: [["no", "Not yet"], ["yes", "Yes, and it is not enough"]],
              legend: "Have you pushed prompt engineering to its limits?",
              summary: "Pre-check 1 (Prompt engineering first)", focus_pending: false};
window.models = {
  open: model({...base, value: null, folded: false}),
  folded: model({...base, value: "yes", folded: true}),
};
for (const [id, m] of Object.entries(window.models)) {
  choice.render({model: m, el: document.getElementById("choice-" + id)});
}
document.body.dataset.ready = "1";
</script>"""


def _html_values(widget: w.Widget) -> Iterator[str]:
    if isinstance(widget, w.HTML):
        yield widget.value
    for child in getattr(widget, "children", ()):
        yield from _html_values(child)


@pytest.fixture
def widget_page(tmp_path: Path, serve: Callable[[Path], str], offline: Any) -> Any:
    tree = default_tree()
    hybrid = next(d for d in all_walks(tree) if d.exit == "hybrid")
    parts = [Walker(answers=hybrid.answers), Walker(), CaseBuilder(case=tree.example),
             ContextCalculator(), BreakEvenCalculator(), RequestCostCalculator()]
    calc = BreakEvenCalculator()
    calc.requests.value = -1  # the error message is shown too
    parts.append(calc)
    changed = Walker(answers=hybrid.answers)  # a notice of answers cleared by a change
    changed.path.edit("knowledge")
    changed.question("knowledge").choice.choose("changing")
    parts.append(changed)
    values = [v for p in parts for v in _html_values(p) if v]
    body = "\n".join(f"<section class='ragft-widget'>{v}</section>" for v in values)
    body += ("<section class='ragft-widget'><div id='choice-open'></div>"
             "<div id='choice-folded'></div></section>")
    page_html = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                 f"<title>ragft widgets</title></head><body><main>{body}</main>{HARNESS}"
                 "</body></html>")
    (tmp_path / "index.html").write_text(page_html, encoding="utf-8")
    shutil.copy(CHOICE_JS, tmp_path / "choice.js")
    page = offline.new_page()
    page.goto(serve(tmp_path) + "index.html")
    page.locator("body[data-ready]").wait_for()
    return page


def test_widget_markup_passes_axe(widget_page: Any, offline: Any, axe_js: Path) -> None:
    assert widget_page.locator("#choice-open fieldset legend").count() == 1
    assert widget_page.locator("#choice-folded .ragft-choice-change").count() == 1
    violations = run_axe(widget_page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]
    assert offline.console_errors == []


def test_the_radio_group_moves_with_arrows_and_chooses_with_space_or_enter(
        widget_page: Any) -> None:
    page = widget_page
    radios = page.locator("#choice-open input[type=radio]")
    assert radios.count() == 2
    assert {radios.nth(i).get_attribute("name") for i in range(2)} == {
        radios.first.get_attribute("name")}, "the answers share one name: one radio group"
    radios.first.focus()
    for key, at in (("ArrowDown", 1), ("ArrowDown", 0), ("ArrowUp", 1), ("Home", 0), ("End", 1)):
        page.keyboard.press(key)
        assert radios.nth(at).evaluate("r => r === document.activeElement"), key
    assert page.evaluate("() => models.open.state.value") is None, "moving is not choosing"
    page.keyboard.press("Space")
    assert page.evaluate("() => models.open.state.value") == "yes"
    page.keyboard.press("Enter")  # the chosen answer again: confirmed, for the walker to fold
    assert page.evaluate("() => models.open.sent") == [{"event": "confirm", "value": "yes"}]
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    assert page.evaluate("() => models.open.state.value") == "no"
    # Folded: one line with the answer, and a Change button named after its gate.
    change = page.get_by_role("button", name="Change the answer to Pre-check 1 (Prompt "
                                             "engineering first")
    assert "Yes, and it is not enough" in page.locator("#choice-folded").inner_text()
    change.click()
    assert page.evaluate("() => models.folded.state.folded") is False
    assert page.locator("#choice-folded input:checked").evaluate(
        "r => r === document.activeElement"), "the reopened question takes the focus"

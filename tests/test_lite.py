"""The in-browser course (issue 23): `tools/lite_build.py` builds JupyterLite with a Pyodide
kernel; served on loopback, every notebook runs in headless Chromium with nothing off the
machine, no error, its widgets live (its self-check grades an answer through the kernel) and
its diagrams and charts drawn.

One build per session into a temporary folder; one fresh browser context per notebook (its own
IndexedDB, as a first visit). Marked ``lite``: about half a minute per notebook on two cores.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Offline, missing, run_every_cell, shown_quiz
from ragft.tree.model import Tree

pytestmark = [pytest.mark.lite, pytest.mark.browser]

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT = 180_000  # ms: page, kernel (about 20 s here) and Run All, with room for a busy machine
STAND_IN = "run this cell to use it"  # a stored widget's text (tools/execute_notebooks.py)
IMAGES = ("image/svg+xml", "image/png")


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make lite``'s build step, with ``make``'s build environment, into a temporary folder."""
    if not (ROOT / "node_modules" / "pyodide" / "package.json").exists():
        missing("npm's pyodide is not installed (run npm ci)")
    python = ROOT / ".venv-lite" / "bin" / "python"
    if not python.exists():
        missing("the build environment .venv-lite is missing (make .venv-lite/.installed)")
    tmp = tmp_path_factory.mktemp("lite")
    done = subprocess.run([str(python), str(ROOT / "tools" / "lite_build.py"),
                           "--out", str(tmp / "site"), "--work", str(tmp / "work")],
                          capture_output=True, text=True, check=False, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return tmp / "site"


def _expected(notebook: Path) -> tuple[int, int, int]:
    """How many images (diagrams, charts) and widgets the stored notebook shows; its code cells."""
    images = widgets = code = 0
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        code += cell["cell_type"] == "code"
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            images += any(m in data for m in IMAGES)
            widgets += STAND_IN in "".join(data.get("text/plain", ""))
    return images, widgets, code


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_every_notebook_runs_in_the_browser(lite_site: Path, serve: Callable[[Path], str],
                                            offline: Offline, notebook: Path) -> None:
    images, widgets, code = _expected(notebook)
    page: Any = offline.new_page()
    missing_files: list[str] = []
    page.on("response", lambda r: r.status == 404 and missing_files.append(r.url))
    page.goto(serve(lite_site) + f"lab/index.html?path={notebook.name}")
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=TIMEOUT)
    # Every code cell drawn and numbered: the build draws all cells (windowing "defer").
    run_every_cell(page, TIMEOUT, cells=code)
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=TIMEOUT)
    outputs = page.locator(".jp-Notebook .jp-OutputArea-output")
    text = page.locator(".jp-Notebook").inner_text()
    assert STAND_IN not in text, "a widget still shows its stored stand-in, not a live view"
    assert "Error displaying widget" not in text
    live = page.locator(".jp-Notebook .jp-OutputArea-output:has(.jupyter-widgets)").count()
    assert live >= widgets, f"{live} live widgets, the notebook has {widgets}"
    drawn = page.locator(".jp-Notebook .jp-RenderedSVG, .jp-Notebook .jp-RenderedImage").count()
    assert drawn >= images, f"{drawn} diagrams or charts drawn, the notebook has {images}"
    assert outputs.count() > 0
    # JupyterLite's file layer answers "no such file" (a kernel looking a path up) with a 404
    # under api/, which Chromium logs; any other 404 is a file the build left out.
    assert [u for u in missing_files if "/api/" not in u] == []
    _self_check_grades(page, notebook)
    errors = [e for e in offline.console_errors if not e.startswith("Failed to load resource")]
    assert errors == [], errors


def _self_check_grades(page: Any, notebook: Path) -> None:
    """The notebook's self-check, live: its first question's right answer, Check, and the
    kernel's feedback (a round trip through the Pyodide kernel, as a learner makes it)."""
    from ragft.guide._grading import items
    from ragft.guide._quiz_data import LETTERS
    from ragft.guide.glossary import GLOSSARY_NOTEBOOK
    from ragft.present.guide_words import QUIZ

    if notebook.name == GLOSSARY_NOTEBOOK:
        return  # the glossary has no self-check; every other notebook ends with one
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    called = [q for c in cells if c["cell_type"] == "code"
              and (q := shown_quiz("".join(c["source"])))]
    assert called, f"{notebook.name} calls no quiz.show"
    first = items(called[-1])[0]
    keys = [key for key, _ in first.options]
    label = f"{LETTERS[keys.index(first.right)]}. {dict(first.options)[first.right]}"
    question = page.locator(".ragft-quiz-question").first
    question.get_by_role("radio", name=label, exact=True).click()
    question.get_by_role("button", name=QUIZ["check"], exact=True).click()
    question.locator(".ragft-quiz-right").wait_for(timeout=TIMEOUT // 6)


WALK = "07_walk_your_case.ipynb"
MARK = "# kept across a reload"  # what the learner types into a new cell


def _download(page: Any, menu: list[tuple[str, Any]]) -> Any:
    """Click through ``menu`` (role, name) and return the file the last click downloads."""
    for role, name in menu[:-1]:
        page.get_by_role(role, name=name, exact=isinstance(name, str)).first.click()
    role, name = menu[-1]
    with page.expect_download() as info:
        page.get_by_role(role, name=name, exact=isinstance(name, str)).first.click()
    return info.value


def _widget_models(notebook: dict[str, Any]) -> dict[str, Any]:
    widgets = notebook.get("metadata", {}).get("widgets", {})
    state: dict[str, Any] = widgets.get("application/vnd.jupyter.widget-state+json", {})
    return dict(state.get("state", {}))


def _save_and_check(page: Any, mark: str, title: str) -> None:
    """Save the notebook; its download holds the cell with ``mark`` and the walk to ``title``."""
    page.keyboard.press("Escape")
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Save Notebook")).first.click()
    page.locator(".jp-mod-dirty").first.wait_for(state="detached", timeout=TIMEOUT)
    saved = _download(page, [("menuitem", "File"), ("menuitem", re.compile(r"^Download"))])
    assert saved.suggested_filename == WALK
    notebook = json.loads(Path(saved.path()).read_text(encoding="utf-8"))
    assert any(mark in "".join(c["source"]) for c in notebook["cells"])
    assert any(title in json.dumps(m) for m in _widget_models(notebook).values()), \
        "the downloaded notebook does not hold the walk"


def test_a_learners_work_is_kept_and_can_be_downloaded(
        lite_site: Path, serve: Callable[[Path], str], offline: Offline, tree: Tree,
        tmp_path: Path) -> None:
    """Notebook 07 as a learner uses it: walk, write the record, add a cell, save; the notebook
    downloads with the walk in it. After a reload (a new kernel) the walk shows as it was left,
    the cell and the record are still there (the browser's storage), the record downloads as
    the walker wrote it, and the next save keeps the walk (tools/lite_fixes)."""
    from ragft.engine.decision import decide
    from ragft.records.adr import slug
    from ragft.records.madr import record_title
    from ragft.records.template import RecordFields

    page: Any = offline.new_page()
    page.goto(serve(lite_site) + f"lab/index.html?path={WALK}")
    idle = page.get_by_text(re.compile(r"\| Idle$")).first
    idle.wait_for(timeout=TIMEOUT)
    run_every_cell(page, TIMEOUT)
    idle.wait_for(timeout=TIMEOUT)
    walker = page.locator(".ragft-walker").first
    last = tree.example.requirements[-1]
    for gate, answer in last.answers:
        question = walker.locator(f".ragft-gate-{gate}")
        question.wait_for(timeout=TIMEOUT)
        question.get_by_role("radio", name=tree.gate(gate).answer(answer).label,
                             exact=True).click()
    title = tree.exit(last.exit).title
    walker.locator(".ragft-card-title", has_text=title).wait_for(timeout=TIMEOUT)
    walker.get_by_role("button", name=re.compile("decision record")).click()
    record = slug(record_title(decide(dict(last.answers), tree), RecordFields())) + ".md"
    walker.get_by_text(record).first.wait_for(timeout=TIMEOUT)
    # A cell of the learner's own at the end, typed in command mode then edit mode.
    page.locator(".jp-Notebook .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type(MARK)
    _save_and_check(page, MARK, title)

    page.reload()
    idle.wait_for(timeout=TIMEOUT)
    page.locator(".jp-Notebook .jp-Cell", has_text=MARK).first.wait_for(timeout=TIMEOUT)
    # The walk as it was left, drawn from the state saved in the notebook, no kernel needed.
    walker.locator(".ragft-card-title", has_text=title).wait_for(timeout=TIMEOUT)
    assert page.get_by_text("Loading widget").count() == 0
    page.locator(".jp-Notebook .jp-Cell", has_text=MARK).first.click()
    page.keyboard.press("Escape")  # command mode, then edit mode at the end of the cell
    page.keyboard.press("Enter")
    page.keyboard.press("Control+End")
    page.keyboard.type(" and saved again")
    _save_and_check(page, MARK + " and saved again", title)
    item = page.locator(".jp-DirListing-item", has_text=record).first
    item.wait_for(timeout=TIMEOUT)
    item.click(button="right")
    written = _download(page, [("menuitem", re.compile(r"^Download"))])
    assert written.suggested_filename == record
    text = Path(written.path()).read_text(encoding="utf-8")
    assert text.startswith("---\n")
    assert title in text
    errors = [e for e in offline.console_errors if not e.startswith("Failed to load resource")]
    assert errors == [], errors

"""A learner on the pip quick start, in a real JupyterLab and a real browser.

The module clones the repository into a temporary folder (a fresh clone: no trusted notebooks,
no JupyterLab settings of its own) and runs the README's ``make guide`` there, with the test
environment standing in for ``.venv`` (``make -o``: nothing is installed again) and a stand-in
browser that records the address JupyterLab opens. Every Jupyter folder lives in a temporary
directory, the server listens on 127.0.0.1 with a random token, and the page blocks every
request that leaves 127.0.0.1.

Then it does what a learner does: sees notebook 00 open, opens notebook 07 before running
anything (the stored diagrams must show at once), runs every cell, answers the running
example by clicking, and with the keyboard, saves, reloads, and finds the same answers, first
with the kernel still running and then from the saved notebook alone, with no widget error.
Screenshots at 1400x1000 go to ``$RAGFT_SCREENSHOTS`` when it is set.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, missing, run_every_cell, tracebacks
from ragft.diagram.marks import marks
from ragft.engine.decision import decide
from ragft.tree.model import Requirement, Tree

pytestmark = [pytest.mark.jupyterlab, pytest.mark.browser]

NOTEBOOK = "07_walk_your_case.ipynb"
VIEWPORT = {"width": 1400, "height": 1000}
# Test-only settings, written as the user's own (so the environment's defaults, which the route
# under test installs, still apply underneath): never ask about or fetch Jupyter news, and keep
# every cell in the DOM (no windowing) so the locators below do not depend on scrolling.
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
NO_WINDOWING = USER_SETTINGS["@jupyterlab/notebook-extension/tracker.jupyterlab-settings"]
# The windowing modes a learner's JupyterLab opens notebooks with: this JupyterLab's default
# (None: no user setting) and "full", the default of JupyterLab 4.2 to 4.4, which pyproject.toml
# allows. ("none" is these tests' own setting, above.)
LEARNER_WINDOWING = [None, "full"]
START_TIMEOUT = 90.0  # seconds for `make guide` to open the browser
UI_TIMEOUT = 60_000  # milliseconds for JupyterLab's page, the kernel and running every cell
CLICK_TIMEOUT = 30_000  # milliseconds for one answer to reach the kernel and come back
# What ipywidgets and JupyterLab's widget manager log when models or views fail to load; any
# console error fails the test too, these also at warning level.
WIDGET_ERRORS = re.compile(
    r"Failed to load model class|Could not create a model|Could not create a view|"
    r"Error displaying widget|Class \S+ not found in module|No version of module|"
    r"widget model not found|Could not find a model|model not found",
    re.IGNORECASE,
)
SVG_REPR = "<IPython.core.display.SVG object>"


@dataclass
class Lab:
    """JupyterLab as ``make guide`` started it in a fresh clone."""

    url: str  # the address the browser was asked to open
    base: str  # http://127.0.0.1:PORT
    token: str
    clone: Path
    log: Path
    shots: Path

    def api(self, path: str, method: str = "GET", body: Any = None) -> Any:
        """Call a JSON endpoint of the server with the token."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base}{path}", method=method, data=data,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def open(self, name: str) -> str:
        """The address of a notebook, in a fresh workspace (no tabs from an earlier page)."""
        return f"{self.base}/lab/tree/{name}?reset&token={self.token}"

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])


def _opened_url(record: Path, process: subprocess.Popen[bytes], log: Path) -> str:
    """The http address JupyterLab handed to the browser (directly or via its redirect file)."""
    deadline = time.monotonic() + START_TIMEOUT
    while not record.exists() or not record.read_text().strip():
        if process.poll() is not None:
            pytest.fail(f"`make guide` exited with {process.returncode}:\n{log.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"JupyterLab opened no browser in {START_TIMEOUT}s:\n{log.read_text()}")
        time.sleep(0.2)
    target = record.read_text().strip()
    if target.startswith("file://"):  # jupyter_server opens a local redirect page
        page = Path(target.removeprefix("file://")).read_text(encoding="utf-8")
        match = re.search(r"url=(http://[^\"'>\s]+)", page)
        assert match, f"no address in JupyterLab's redirect page:\n{page}"
        target = match.group(1)
    return target


def _fresh_clone(target: Path) -> None:
    """A fresh clone; with ``RAGFT_TEST_WORKTREE=1``, the working tree's uncommitted files
    copied over it (to try a change before it is committed)."""
    if shutil.which("git") is None:
        missing("git is not installed (apt-get install git)")
    if not (ROOT / ".git").exists():
        missing(f"{ROOT} is not a git checkout to clone")
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(target)],
                   check=True, timeout=120, capture_output=True)
    if os.environ.get("RAGFT_TEST_WORKTREE"):
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"],
                                cwd=ROOT, check=True, capture_output=True, text=True).stdout
        for name in filter(None, listed.split("\0")):
            if (ROOT / name).is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, target / name)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    if shutil.which("make") is None:
        missing("make is not installed (apt-get install make)")
    tmp = tmp_path_factory.mktemp("lab")
    clone = tmp / "ragft"
    _fresh_clone(clone)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        (tmp / var).mkdir()
        env[var] = str(tmp / var)
    for name, values in USER_SETTINGS.items():
        path = tmp / "JUPYTERLAB_SETTINGS_DIR" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    record = tmp / "opened.txt"
    fake_browser = tmp / "browser.sh"
    fake_browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{record}"\n', encoding="utf-8")
    fake_browser.chmod(0o755)
    env["BROWSER"] = str(fake_browser)
    token = secrets.token_hex(24)
    venv = Path(sys.prefix)
    flags = (f"--ServerApp.ip=127.0.0.1 --ServerApp.port=0 --IdentityProvider.token={token} "
             "--LabApp.extension_manager=readonly "
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
    # -o: the environment running these tests is the installed guide; do not rebuild it.
    command = ["make", "-s", "-o", f"{venv}/.guide", "guide", f"VENV={venv}", f"LAB_FLAGS={flags}"]
    log = tmp / "guide.log"
    shots = Path(os.environ.get("RAGFT_SCREENSHOTS") or tmp / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=clone, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = _opened_url(record, process, log)
        base = re.match(r"http://127\.0\.0\.1:\d+", url)
        assert base, url
        yield Lab(url, base.group(0), token, clone, log, shots)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@pytest.fixture
def page(lab: Lab, offline: Any) -> Iterator[Any]:
    """A 1400x1000 page; on failure a screenshot and the server log are printed."""
    messages: list[str] = []
    page = offline.new_page()
    page.set_viewport_size(VIEWPORT)
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.messages = messages
    yield page
    widget_warnings = [m for m in messages if WIDGET_ERRORS.search(m)]
    assert offline.console_errors == [], offline.console_errors
    assert widget_warnings == [], widget_warnings


def _shot(lab: Lab, page: Any, name: str) -> None:
    page.screenshot(path=str(lab.shots / f"{name}.png"))


def _notebook_ready(page: Any) -> None:
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=UI_TIMEOUT)
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=UI_TIMEOUT)


def _run_every_cell(page: Any) -> None:
    run_every_cell(page, UI_TIMEOUT)


def _scroll_to(page: Any, selector: str) -> None:
    page.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'start'})", selector)
    # scrolled: the element's top is in the viewport (JupyterLab's windowed notebook may still
    # be drawing it)
    page.wait_for_function("""(s) => { const r = document.querySelector(s).getBoundingClientRect();
                                       return r.top >= -1 && r.top < innerHeight; }""", arg=selector)


def _stored_outputs_show(page: Any, images: str = ".jp-RenderedSVG img") -> None:
    """Before any cell runs: diagrams drawn (SVG), widgets as their one-line text."""
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    # JupyterLab draws image/svg+xml as an <img> (a data URI), and only for trusted outputs.
    diagram = notebook.locator(images).first
    diagram.wait_for(timeout=UI_TIMEOUT)
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0",
                           arg=diagram.element_handle(), timeout=UI_TIMEOUT)
    text = notebook.inner_text()
    assert SVG_REPR not in text, "the notebook is not trusted: its diagrams show as text"
    assert "Error displaying widget" not in text


def test_server_rejects_requests_without_the_token(lab: Lab) -> None:
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{lab.base}/api/contents", timeout=5)
    assert err.value.code == 403


def test_make_guide_set_up_saving_widget_state(lab: Lab) -> None:
    settings = lab.api("/lab/api/settings/@jupyter-widgets/jupyterlab-manager:plugin")
    assert settings["schema"]["properties"]["saveState"]["default"] is True
    target = Path(sys.prefix, "share", "jupyter", "lab", "settings", "overrides.d", "ragft.json")
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        (lab.clone / "jupyter" / "overrides.d" / "ragft.json").read_text(encoding="utf-8"))


def test_make_guide_opens_the_first_notebook_with_its_diagrams(lab: Lab, page: Any) -> None:
    # Given a file, JupyterLab serves that file's folder: /lab/tree/00_start_here.ipynb.
    assert re.search(r"/lab/tree/(notebooks/)?00_start_here\.ipynb\?", lab.url), lab.url
    page.goto(lab.url, timeout=UI_TIMEOUT)
    tab = page.locator(".jp-mod-current .lm-TabBar-tabLabel, .lm-mod-current .lm-TabBar-tabLabel")
    tab.filter(has_text="00_start_here.ipynb").first.wait_for(timeout=UI_TIMEOUT)
    _notebook_ready(page)
    _stored_outputs_show(page)
    assert "run this cell to answer it here" in page.locator(".jp-Notebook").inner_text()
    _not_unsaved(page)
    _shot(lab, page, "00-opened")
    _run_every_cell(page)
    _diagrams_fit(page)
    _scroll_to(page, ".ragft-gate-question")
    _shot(lab, page, "00-question")
    _scroll_to(page, ".ragft-context-calculator")
    _shot(lab, page, "00-context-calculator")


def _not_unsaved(page: Any) -> None:
    """The kernel has connected and changed nothing: the tab shows no unsaved mark."""
    page.wait_for_timeout(1000)  # JupyterLab writes the kernel's metadata as it connects
    dirty = page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty, "
                         ".lm-TabBar-tab.lm-mod-current.jp-mod-dirty")
    assert dirty.count() == 0, "the notebook is marked unsaved before any edit"


def _diagrams_fit(page: Any) -> None:
    """Every diagram output is as wide as its output area at most (none is cut)."""
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedSVG img')].map(
        (i) => [i.getBoundingClientRect().width,
                i.closest('.jp-OutputArea-output').getBoundingClientRect().width])""")
    assert sizes, "no diagram drawn"
    assert all(img <= area + 0.5 for img, area in sizes), sizes


def test_make_guide_prints_the_first_notebooks_address(lab: Lab) -> None:
    deadline = time.monotonic() + 30
    # JupyterLab hides a token it was given (token=...); this one it was given
    want = f"{lab.base}/lab/tree/00_start_here.ipynb?token="
    while want not in lab.log.read_text(encoding="utf-8", errors="replace"):
        assert time.monotonic() < deadline, lab.log_tail()
        time.sleep(0.2)


# The heading of the term cell whose <a> carries the link's fragment lies inside the visible
# notebook's scrolled area (a windowed notebook may not have drawn that cell yet: false).
HEADING_IN_VIEW_JS = """(fragment) => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    const area = panel && panel.querySelector('.jp-WindowedPanel-outer');
    const anchor = panel && panel.querySelector(`[data-jupyter-id="${CSS.escape(fragment)}"]`);
    const heading = anchor && anchor.closest('.jp-Cell').querySelector('h3');
    if (!area || !heading) return false;
    const [a, h] = [area.getBoundingClientRect(), heading.getBoundingClientRect()];
    return h.height > 0 && h.top >= a.top && h.bottom <= a.bottom;
}"""


@pytest.mark.parametrize("windowing", LEARNER_WINDOWING, ids=lambda m: m or "default")
def test_the_click_that_opens_the_glossary_lands_on_its_term(lab: Lab, page: Any,
                                                              windowing: str | None) -> None:
    # JupyterLab reads settings as the page loads; the tests' own "none" comes back after.
    _set_windowing(lab, {} if windowing is None else {"windowingMode": windowing})
    try:
        page.goto(lab.open("01_knowledge.ipynb"), timeout=UI_TIMEOUT)
        _notebook_ready(page)
        link = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) "
                            "a[href*='09_glossary.ipynb'][href*='#']").first
        link.wait_for(timeout=UI_TIMEOUT)
        fragment = str(link.get_attribute("href")).split("#", 1)[1]
        link.click()  # the glossary is not open yet: this click opens it
        page.locator(".lm-TabBar-tab", has_text="09_glossary.ipynb").first.wait_for(
            timeout=UI_TIMEOUT)
        page.wait_for_function(HEADING_IN_VIEW_JS, arg=fragment, timeout=CLICK_TIMEOUT)
        page.wait_for_timeout(1500)  # and it stays there while the cells above it render
        assert page.evaluate(HEADING_IN_VIEW_JS, fragment), f"#{fragment} scrolled away"
    finally:
        _shot(lab, page, f"09-glossary-first-click-{windowing or 'default'}")
        _set_windowing(lab, NO_WINDOWING)


def _set_windowing(lab: Lab, values: object) -> None:
    """Write the user's notebook settings through the server, as the Settings Editor does."""
    lab.api("/lab/api/settings/@jupyterlab/notebook-extension:tracker", method="PUT",
            body={"raw": json.dumps(values)})


def test_a_glossary_link_lands_on_its_term(lab: Lab, page: Any) -> None:
    page.goto(lab.open("01_knowledge.ipynb"), timeout=UI_TIMEOUT)
    _notebook_ready(page)
    # JupyterLab writes a local link as /files/09_glossary.ipynb?_xsrf=...#cell-id=term-x
    links = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) "
                         "a[href*='09_glossary.ipynb'][href*='#']")
    links.first.wait_for(timeout=UI_TIMEOUT)
    # The click that opens the glossary is the test above; here the glossary stays in its
    # tab and each further link lands on its term.
    links.first.click()
    page.locator(".lm-TabBar-tab", has_text="09_glossary.ipynb").first.wait_for(
        timeout=UI_TIMEOUT)
    page.wait_for_timeout(1500)
    for index in (links.count() - 1, 1):
        page.locator(".lm-TabBar-tab", has_text="01_knowledge.ipynb").first.click()
        link = links.nth(index)
        anchor = str(link.get_attribute("href")).split("#", 1)[1]
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_function(
            """(id) => { const e = document.querySelector(
                `.jp-NotebookPanel:not(.lm-mod-hidden) [data-jupyter-id="${id}"]`);
                if (!e) return false; const r = e.getBoundingClientRect();
                return r.top >= 0 && r.top < innerHeight / 2; }""",
            arg=anchor, timeout=CLICK_TIMEOUT)
    _not_unsaved(page)
    _shot(lab, page, "09-glossary-term")


def test_the_break_even_calculator_follows_its_inputs(lab: Lab, page: Any) -> None:
    page.goto(lab.open("05_budget.ipynb"), timeout=UI_TIMEOUT)
    _notebook_ready(page)
    _stored_outputs_show(page)
    _run_every_cell(page)
    calc = page.locator(".ragft-break-even-calculator").first
    calc.wait_for(timeout=UI_TIMEOUT)
    _scroll_to(page, ".ragft-break-even-calculator")
    summary = calc.locator(".ragft-calc-result")
    assert "23.4 months" in summary.inner_text()
    field = calc.get_by_label("Maintenance hours per month:")
    label = calc.locator("label", has_text="Maintenance hours per month:").first
    assert label.evaluate("l => l.scrollWidth <= l.clientWidth"), "the label is cut"
    field.fill("10")
    field.press("Enter")
    from playwright.sync_api import expect

    expect(summary).to_contain_text("Never breaks even", timeout=CLICK_TIMEOUT)
    assert calc.locator("svg.ragft-plot").count() == 1
    _shot(lab, page, "05-break-even")


# -- the walk in notebook 07 ---------------------------------------------------------------------


def _on_path(walker: Any) -> set[str]:
    """Ids of the highlighted nodes and edges in the walker's inline diagram."""
    diagram = walker.locator(".ragft-diagram-box svg .on-path")
    return set(diagram.evaluate_all("els => els.map(e => e.id)"))


def _expected_on_path(tree: Tree, answers: list[tuple[str, str]]) -> set[str]:
    """The diagram contract: what :func:`ragft.diagram.marks.marks` says the walk marks."""
    m = marks(decide(dict(answers), tree))
    return set(m.nodes) | set(m.edges)


def _wait_for_path(walker: Any, expected: set[str], what: str) -> None:
    """Wait until the diagram highlights exactly ``expected`` (the kernel answers in between)."""
    # Resolve when the diagram box changes to the expected marks (or the time is up): the
    # kernel redraws it, so watch the box, not one SVG.
    walker.locator(".ragft-diagram-box").evaluate(
        """(box, [want, ms]) => new Promise((done) => {
            const ok = () => {
                const on = [...box.querySelectorAll("svg .on-path")].map((e) => e.id);
                return on.length === want.length && want.every((id) => on.includes(id));
            };
            if (ok()) { done(); return; }
            const seen = new MutationObserver(() => { if (ok()) { seen.disconnect(); done(); } });
            seen.observe(box, {subtree: true, childList: true, attributes: true});
            setTimeout(() => { seen.disconnect(); done(); }, ms);
        })""", [sorted(expected), CLICK_TIMEOUT])
    shown = _on_path(walker)
    assert shown == expected, f"diagram after {what}: highlighted {sorted(shown)}"


def _click_answer(walker: Any, tree: Tree, gate_id: str, answer_id: str) -> None:
    label = tree.gate(gate_id).answer(answer_id).label
    question = walker.locator(f".ragft-gate-{gate_id}")
    question.wait_for(timeout=CLICK_TIMEOUT)
    question.get_by_role("radio", name=label, exact=True).click(timeout=CLICK_TIMEOUT)


def _folded_answers(walker: Any) -> list[str]:
    return list(walker.locator(".ragft-choice-folded .ragft-choice-chosen").all_inner_texts())


def _walk(walker: Any, tree: Tree, requirement: Requirement) -> None:
    """Answer one requirement of the running example gate by gate, checking each step."""
    from playwright.sync_api import expect

    card = walker.locator(".ragft-card-box")
    restart = walker.get_by_role("button", name="Restart")
    if restart.is_enabled():
        restart.click()
        _wait_for_path(walker, _expected_on_path(tree, []), "Restart")
        expect(walker.locator(f".ragft-gate-{tree.root} input[type=radio]").first).to_be_visible(
            timeout=CLICK_TIMEOUT)
        _focus_in(walker, f".ragft-gate-{tree.root}", "Restart")
    done: list[tuple[str, str]] = []
    for gate_id, answer_id in requirement.answers:
        before = card.inner_text()
        _click_answer(walker, tree, gate_id, answer_id)
        done.append((gate_id, answer_id))
        expect(card).not_to_have_text(before, timeout=CLICK_TIMEOUT)
        _wait_for_path(walker, _expected_on_path(tree, done), f"{requirement.id}: {done}")
        # The answered gate folds to one line; the card stays within one screen of it.
        labels = [tree.gate(g).answer(a).label for g, a in done]
        expect(walker.locator(".ragft-choice-folded")).to_have_count(len(done))
        assert _folded_answers(walker) == labels
        question = walker.locator(".ragft-choice-folded").last.bounding_box()
        top = card.bounding_box()
        assert top["y"] - question["y"] < VIEWPORT["height"], "the card is off the screen"
    title = tree.exit(requirement.exit).title
    expect(card.locator(".ragft-card-title")).to_have_text(title, timeout=CLICK_TIMEOUT)
    _focus_in(walker, ".ragft-card-box", "the last answer")


def _focus_in(widget: Any, selector: str, what: str) -> None:
    """Wait until the keyboard focus is inside ``selector`` of the widget."""
    widget.page.wait_for_function(
        "([w, s]) => document.activeElement && w.contains(document.activeElement) "
        "&& document.activeElement.closest(s)",
        arg=[widget.element_handle(), selector], timeout=CLICK_TIMEOUT)
    assert widget.evaluate(
        "(w, s) => !!document.activeElement.closest(s)", selector), f"focus after {what}"


def _undo_and_keys(page: Any, walker: Any, tree: Tree) -> None:
    """Restart can be undone; a dropdown's arrow keys change it, not the notebook."""
    from playwright.sync_api import expect

    title = walker.locator(".ragft-card-title").inner_text()
    walker.get_by_role("button", name="Restart").click()
    _focus_in(walker, f".ragft-gate-{tree.root}", "Restart")
    walker.get_by_role("button", name="Undo Restart").click()
    expect(walker.locator(".ragft-card-title")).to_have_text(title, timeout=CLICK_TIMEOUT)
    _focus_in(walker, ".ragft-card-box", "Undo Restart")
    status = walker.get_by_label("Status:")
    active_cell = page.locator(".jp-Notebook .jp-Cell.jp-mod-active")
    cell_before = active_cell.inner_text()[:200]
    status.focus()
    before = status.input_value()
    page.keyboard.press("ArrowDown")
    expect(status).not_to_have_value(before, timeout=CLICK_TIMEOUT)
    assert status.evaluate("s => s === document.activeElement"), "the dropdown kept the focus"
    assert active_cell.inner_text()[:200] == cell_before, "the arrow key moved the notebook"
    page.keyboard.press("ArrowUp")
    expect(status).to_have_value(before, timeout=CLICK_TIMEOUT)


def _remove_and_undo(builder: Any) -> None:
    """Remove focuses the requirement now in its place; Undo Remove brings the row back."""
    from playwright.sync_api import expect

    rows = builder.locator(".ragft-requirement")
    names = [r.locator("input[type=text]").first.input_value() for r in rows.all()]
    rows.nth(1).get_by_role("button", name="Remove").click()
    expect(rows).to_have_count(len(names) - 1, timeout=CLICK_TIMEOUT)
    _focus_in(builder, ".ragft-requirement", "Remove")
    focused = builder.evaluate("() => document.activeElement.value")
    assert focused == names[2], "the requirement now in the removed one's place has the focus"
    builder.get_by_role("button", name="Undo Remove").click()
    expect(rows).to_have_count(len(names), timeout=CLICK_TIMEOUT)
    # the row comes back at the end, then moves to its place: wait for the order
    shown: list[str] = []
    deadline = time.monotonic() + CLICK_TIMEOUT / 1000
    while shown != names and time.monotonic() < deadline:
        builder.page.wait_for_timeout(200)
        shown = [r.locator("input[type=text]").first.input_value() for r in rows.all()]
    assert shown == names, "Undo Remove puts the requirement back where it was"


def _saved_view_is_off(page: Any, walker: Any) -> None:
    """Without a kernel the controls look and act disabled, and one line says why."""
    said = walker.evaluate("w => getComputedStyle(w, '::before').content")
    assert "no kernel" in said, said
    said_inside = walker.evaluate("""w => [...w.querySelectorAll('.ragft-widget')].filter(
        (e) => getComputedStyle(e, '::before').content.includes('kernel')).length""")
    assert said_inside == 0, "the reason is said once, on the whole widget"
    change = walker.locator(".ragft-choice-change").last
    assert change.is_disabled(), "Change answers nothing without a kernel"
    assert float(change.evaluate("b => getComputedStyle(b).opacity")) < 1
    folded = walker.locator(".ragft-choice-folded").count()
    change.dispatch_event("click")
    page.wait_for_timeout(300)
    assert walker.locator(".ragft-choice-folded").count() == folded, "Change unfolded a gate"


def _keyboard(page: Any, walker: Any, tree: Tree) -> None:
    """Arrow keys move between one question's answers; Space chooses; JupyterLab stays put."""
    from playwright.sync_api import expect

    root = tree.gate(tree.root)
    radios = walker.locator(f".ragft-gate-{root.id} input[type=radio]")
    assert len({r.get_attribute("name") for r in radios.all()}) == 1, "one radio group"
    active_cell = page.locator(".jp-Notebook .jp-Cell.jp-mod-active")
    radios.first.focus()
    cell_before = active_cell.inner_text()[:200]
    page.keyboard.press("ArrowDown")
    assert radios.nth(1).evaluate("r => r === document.activeElement")
    assert walker.locator("input:checked").count() == 0, "moving is not choosing"
    assert active_cell.inner_text()[:200] == cell_before, "the arrow key moved the notebook"
    outline = radios.nth(1).evaluate(
        "r => getComputedStyle(r.closest('label')).outlineStyle")
    assert outline != "none", "the focused answer shows it has the focus"
    page.keyboard.press("Space")
    nxt = root.answer(root.answers[1].id).next
    expect(walker.locator(f".ragft-gate-{nxt} input[type=radio]").first).to_be_visible(
        timeout=CLICK_TIMEOUT)
    page.wait_for_function(
        f"() => document.activeElement && document.activeElement.closest('.ragft-gate-{nxt}')",
        timeout=CLICK_TIMEOUT)


def _axe(page: Any, axe_js: Path, *selectors: str) -> list[tuple[str, list[str]]]:
    """axe-core's WCAG 2.1 A/AA violations inside the given widgets, as JupyterLab draws them."""
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate(
        "async (sel) => await axe.run({include: sel.map(s => [s])}, {runOnly: {type: 'tag', "
        "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})", list(selectors))
    return [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in result["violations"]]


def _saved_card_texts(path: Path) -> list[str]:
    """The HTML values of the walker cards in the notebook's saved widget state."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return []  # JupyterLab is still writing the file
    widgets = nb.get("metadata", {}).get("widgets", {})
    models = widgets.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return [
        m["state"].get("value", "")
        for m in models.values()
        if "ragft-card-box" in m.get("state", {}).get("_dom_classes", [])
    ]


def _reopened(page: Any, lab: Lab, labels: list[str], title: str, what: str) -> None:
    from playwright.sync_api import expect

    page.goto(lab.open(NOTEBOOK), timeout=UI_TIMEOUT)
    _notebook_ready(page)
    walker = page.locator(".ragft-walker").first
    walker.wait_for(timeout=UI_TIMEOUT)
    expect(walker.locator(".ragft-card-title")).to_have_text(title, timeout=UI_TIMEOUT)
    assert _folded_answers(walker) == labels, what
    assert "Error displaying widget" not in page.locator(".jp-Notebook").inner_text(), what


def test_a_learner_walks_saves_and_reopens_notebook_07(lab: Lab, page: Any, tree: Tree,
                                                       axe_js: Path) -> None:
    try:
        page.goto(lab.open(NOTEBOOK), timeout=UI_TIMEOUT)
        _notebook_ready(page)
        _stored_outputs_show(page)
        assert "Walker: run this cell" in page.locator(".jp-Notebook").inner_text()
        _not_unsaved(page)
        _shot(lab, page, "07-opened")
        _run_every_cell(page)
        walker = page.locator(".ragft-walker").first
        walker.wait_for(timeout=UI_TIMEOUT)
        _wait_for_path(walker, _expected_on_path(tree, []), "Run All")
        _scroll_to(page, ".ragft-walker")
        _keyboard(page, walker, tree)
        for requirement in tree.example.requirements:
            _walk(walker, tree, requirement)
        _undo_and_keys(page, walker, tree)
        _scroll_to(page, ".ragft-walker")
        _shot(lab, page, "07-walker")
        box = walker.locator(".ragft-diagram-box svg").first.bounding_box()
        area = walker.locator("xpath=ancestor::*[contains(@class,'jp-OutputArea-output')]")
        assert box["width"] <= area.bounding_box()["width"] + 0.5, "the diagram is cut"
        label = walker.locator(".ragft-diagram-box svg text").first.bounding_box()
        assert label["height"] >= 9, f"the diagram's labels are {label['height']:.1f} px tall"
        builder = page.locator(".ragft-case-builder").first
        _remove_and_undo(builder)
        builder.get_by_role("button", name="Answers").first.click()
        _scroll_to(page, ".ragft-case-builder")
        _shot(lab, page, "07-case-builder")
        assert tracebacks(page) == []
        assert _axe(page, axe_js, ".ragft-walker", ".ragft-case-builder") == []

        page.get_by_role("menuitem", name="File", exact=True).click()
        page.get_by_role("menuitem", name=re.compile(r"^Save Notebook")).first.click()
        last = tree.example.requirements[-1]
        title = tree.exit(last.exit).title
        saved = lab.clone / "notebooks" / NOTEBOOK
        deadline = time.monotonic() + CLICK_TIMEOUT / 1000
        while not any(title in c for c in _saved_card_texts(saved)):
            assert time.monotonic() < deadline, "the saved notebook holds no walker state"
            # not time.sleep: Playwright's sync API routes requests (the offline guard) only
            # while the test is inside one of its calls, so a plain sleep stalls the save
            page.wait_for_timeout(200)
        labels = [tree.gate(g).answer(a).label for g, a in last.answers]

        _reopened(page, lab, labels, title, "reloaded, the kernel still running")
        for session in lab.api("/api/sessions"):
            lab.api(f"/api/sessions/{session['id']}", method="DELETE")
        _reopened(page, lab, labels, title, "reopened from the saved notebook alone")
        _saved_view_is_off(page, page.locator(".ragft-walker").first)
        _scroll_to(page, ".ragft-walker")
        _shot(lab, page, "07-reopened")
    except Exception:
        page.screenshot(path=str(lab.shots / "failure.png"), full_page=True)
        print(f"screenshots: {lab.shots}\nlog:\n{lab.log_tail()}\nconsole:\n"
              + "\n".join(page.messages))
        raise

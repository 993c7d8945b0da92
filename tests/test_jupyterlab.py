"""A real JupyterLab in a real browser: run notebook 07 and walk the running example by clicking.

The test starts ``jupyter lab`` on 127.0.0.1 (a port the OS picks, a random token, every Jupyter
folder in a temporary directory, the widget-state override from ``jupyter/overrides.json``),
opens ``notebooks/07_walk_your_case.ipynb`` in Chromium with every non-loopback request blocked,
runs all cells from the Run menu and answers the running example's gates by clicking the answer
buttons. It checks what the page shows after every click (the recommendation card and the
highlighted path of the inline SVG diagram), that the console has no widget errors (a mismatch
between ipywidgets and JupyterLab's widget manager shows up there first) and that saving the
notebook stores the widget state, as it will on Binder.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

from ragft.model import Requirement, Tree

pytestmark = [pytest.mark.jupyterlab, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK = "notebooks/07_walk_your_case.ipynb"
OVERRIDES = ROOT / "jupyter" / "overrides.json"
# Test-only settings, layered under the shipped override (JupyterLab merges overrides.d/*.json):
# never ask about or fetch Jupyter news, and keep every cell in the DOM (no windowing) so the
# locators below do not depend on what is scrolled into view.
QUIET = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
        "doNotDisturbMode": True,
    },
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
START_TIMEOUT = 60.0  # seconds for the server to answer /api/status
UI_TIMEOUT = 60_000  # milliseconds for JupyterLab's page, the kernel and running every cell
CLICK_TIMEOUT = 20_000  # milliseconds for one answer to reach the kernel and come back
# The text of every error output (a Python traceback) JupyterLab shows; stderr warnings pass.
TRACEBACKS_JS = (
    "[...document.querySelectorAll(\".jp-OutputArea-output"
    "[data-mime-type='application/vnd.jupyter.stderr']\")]"
    ".map(e => e.textContent).filter(t => t.includes('Traceback'))"
)
# What ipywidgets and JupyterLab's widget manager log when models or views fail to load; any
# console error fails the test too, these also at warning level.
WIDGET_ERRORS = re.compile(
    r"Failed to load model class|Could not create a model|Could not create a view|"
    r"Error displaying widget|Class \S+ not found in module|No version of module|"
    r"widget model not found|Could not find a model",
    re.IGNORECASE,
)


@dataclass
class Lab:
    """A running JupyterLab server and where it keeps its files."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen[bytes]
    log: Path

    def api(self, path: str) -> Any:
        """GET a JSON endpoint of the server with the token."""
        request = urllib.request.Request(
            f"{self.url}{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])


def _fresh_copy(source: Path, target: Path) -> None:
    """Copy the notebooks, the notebook under test without outputs or stored widget state.

    A learner's first "Run All" in a fresh Binder starts from the same kernel-less state, and
    without stored state only saving from JupyterLab (the override under test) can add it.
    """
    shutil.copytree(source, target)
    nb = nbformat.read(target.parent / NOTEBOOK, as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(nb, target.parent / NOTEBOOK)


def _wait_for_server(process: subprocess.Popen[bytes], runtime: Path, log: Path) -> int:
    """The port the server listens on, read from its runtime file once it exists."""
    info = runtime / f"jpserver-{process.pid}.json"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {process.returncode}:\n{log.read_text()}")
        if info.exists():
            try:
                return int(json.loads(info.read_text(encoding="utf-8"))["port"])
            except (ValueError, KeyError):
                pass  # half-written; read again
        time.sleep(0.1)
    pytest.fail(f"jupyter lab wrote no {info.name} in {START_TIMEOUT}s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab on 127.0.0.1 with a random token, isolated in a temporary folder."""
    if not (ROOT / NOTEBOOK).exists():
        pytest.fail(f"{NOTEBOOK} is missing")
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "root"
    _fresh_copy(NOTEBOOKS, root / "notebooks")
    settings = tmp / "app-settings"
    (settings / "overrides.d").mkdir(parents=True)
    shutil.copy(OVERRIDES, settings / "overrides.json")
    (settings / "overrides.d" / "test-quiet.json").write_text(json.dumps(QUIET), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    dirs = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTERLAB_SETTINGS_DIR": "user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
        "IPYTHONDIR": "ipython",
    }
    for var, name in dirs.items():
        (tmp / name).mkdir()
        env[var] = str(tmp / name)
    token = secrets.token_hex(24)
    log = tmp / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", "--ServerApp.port=0",
        f"--IdentityProvider.token={token}", "--ServerApp.allow_root=True",
        f"--ServerApp.root_dir={root}", f"--LabApp.app_settings_dir={settings}",
        # nothing that would reach PyPI or GitHub from the server side either
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        port = _wait_for_server(process, tmp / "runtime", log)
        server = Lab(f"http://127.0.0.1:{port}", token, root, process, log)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"/api/status never answered:\n{server.log_tail()}")
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def test_server_rejects_requests_without_the_token(lab: Lab) -> None:
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{lab.url}/api/contents", timeout=5)
    assert err.value.code == 403


def test_override_makes_jupyterlab_save_widget_state(lab: Lab) -> None:
    settings = lab.api("/lab/api/settings/@jupyter-widgets/jupyterlab-manager:plugin")
    assert settings["schema"]["properties"]["saveState"]["default"] is True


# -- the browser walk -------------------------------------------------------------------------


def _on_path(walker: Any) -> set[str]:
    """Ids of the highlighted nodes and edges in the walker's inline diagram."""
    diagram = walker.locator(".ragft-diagram-box svg .on-path")
    return set(diagram.evaluate_all("els => els.map(e => e.id)"))


def _expected_on_path(tree: Tree, answers: list[tuple[str, str]]) -> set[str]:
    """The diagram contract: answered gates, their answer edges, and where the last one leads."""
    if not answers:
        return {tree.root}
    gate, answer = answers[-1]
    leads_to = tree.gate(gate).answer(answer).next
    return {g for g, _ in answers} | {f"{g}-{a}" for g, a in answers} | {leads_to}


def _wait_for_path(walker: Any, expected: set[str], what: str) -> None:
    """Wait until the diagram highlights exactly ``expected`` (the kernel answers in between)."""
    deadline = time.monotonic() + CLICK_TIMEOUT / 1000
    while (shown := _on_path(walker)) != expected and time.monotonic() < deadline:
        walker.page.wait_for_timeout(100)
    assert shown == expected, f"diagram after {what}: highlighted {sorted(shown)}"


def _tracebacks(page: Any) -> list[str]:
    return list(page.evaluate(f"() => {TRACEBACKS_JS}"))


def _run_every_cell(page: Any) -> None:
    """Run all cells from the Run menu; wait until each shows its number, fail on a traceback."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        f"""() => {{
            const prompts = [...document.querySelectorAll(
                '.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
            const done = prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            return (prompts.length > 0 && done) || {TRACEBACKS_JS}.length > 0;
        }}""",
        timeout=UI_TIMEOUT,
    )
    assert _tracebacks(page) == [], "a cell of the notebook failed"


def _click_answer(walker: Any, tree: Tree, gate_id: str, answer_id: str) -> None:
    label = tree.gate(gate_id).answer(answer_id).label
    question = walker.locator(f".ragft-gate-{gate_id}")
    question.wait_for(timeout=CLICK_TIMEOUT)
    choice = question.get_by_role("radio", name=label, exact=True).or_(
        question.get_by_role("button", name=label, exact=True)
    )
    choice.click(timeout=CLICK_TIMEOUT)


def _walk(walker: Any, tree: Tree, requirement: Requirement) -> None:
    """Answer one requirement of the running example gate by gate, checking each step."""
    from playwright.sync_api import expect

    card = walker.locator(".ragft-card-box")
    restart = walker.get_by_role("button", name="Restart")
    if restart.is_enabled():
        restart.click()
        _wait_for_path(walker, _expected_on_path(tree, []), "Restart")
    done: list[tuple[str, str]] = []
    for gate_id, answer_id in requirement.answers:
        before = card.inner_text()
        _click_answer(walker, tree, gate_id, answer_id)
        done.append((gate_id, answer_id))
        expect(card).not_to_have_text(before, timeout=CLICK_TIMEOUT)
        _wait_for_path(walker, _expected_on_path(tree, done), f"{requirement.id}: {done}")
    title = tree.exit(requirement.exit).title
    expect(card.locator(".ragft-card-title")).to_have_text(title, timeout=CLICK_TIMEOUT)


def _saved_card_texts(path: Path) -> list[str]:
    """The HTML values of the walker cards in the notebook's saved widget state."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    widgets = nb.get("metadata", {}).get("widgets", {})
    models = widgets.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return [
        m["state"].get("value", "")
        for m in models.values()
        if "ragft-card-box" in m.get("state", {}).get("_dom_classes", [])
    ]


def test_walk_the_running_example_in_jupyterlab(lab: Lab, offline: Any, tree: Tree) -> None:
    messages: list[str] = []
    page = offline.new_page()
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    try:
        page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}?token={lab.token}", timeout=UI_TIMEOUT)
        page.locator(".jp-Notebook").first.wait_for(timeout=UI_TIMEOUT)
        page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=UI_TIMEOUT)
        _run_every_cell(page)
        walker = page.locator(".ragft-walker").first  # the notebook's first walker
        walker.wait_for(timeout=UI_TIMEOUT)
        _wait_for_path(walker, _expected_on_path(tree, []), "Run All")
        for requirement in tree.example.requirements:
            _walk(walker, tree, requirement)

        assert _tracebacks(page) == []
        page.get_by_role("menuitem", name="File", exact=True).click()
        page.get_by_role("menuitem", name=re.compile(r"^Save Notebook")).first.click()
        last = tree.exit(tree.example.requirements[-1].exit).title
        saved = lab.root / NOTEBOOK
        deadline = time.monotonic() + CLICK_TIMEOUT / 1000
        while not any(last in c for c in _saved_card_texts(saved)):
            assert time.monotonic() < deadline, "the saved notebook holds no walker state"
            # not time.sleep: Playwright's sync API routes requests (the offline guard) only
            # while the test is inside one of its calls, so a plain sleep stalls the save
            page.wait_for_timeout(200)
    except Exception:
        shot = lab.root.parent / "failure.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}\nJupyterLab log:\n{lab.log_tail()}\nconsole:\n" + "\n".join(messages))
        raise
    widget_warnings = [m for m in messages if WIDGET_ERRORS.search(m)]
    assert offline.console_errors == [], offline.console_errors
    assert widget_warnings == [], widget_warnings
    assert "Error displaying widget" not in page.locator(".jp-Notebook").inner_text()
    assert offline.blocked == [], f"{len(offline.blocked)} requests left 127.0.0.1"

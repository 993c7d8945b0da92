"""Shared fixtures: the tree, a loopback HTTP server, and Debian's Chromium via Playwright.

Browser tests block every request that leaves 127.0.0.1 and fail if any was attempted, so a page
that reaches for a CDN cannot pass. Where Chromium, axe-core or Quarto is missing the tests skip
with the reason, except under CI (``CI=true``), where a missing browser or axe-core fails: CI
installs them, and a skip there would hide a broken install step. Quarto is never installed by
CI (it cannot be on these machines), so ``quarto`` tests always just skip without it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ragft.tree.loader import default_tree, load_tree
from ragft.tree.model import Tree

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("RAGFT_CHROMIUM", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")


# A tree of one gate and two exits of two kinds, for tests of a team's own tree file.
SMALL = textwrap.dedent("""\
    schema_version: 1
    title: A small tree
    root: size
    kinds:
      - {id: rag, label: RAG, color: "#0072B2", watch: true, description: d}
      - {id: fine_tune, label: Fine-tune, color: "#D55E00", description: d}
    components:
      - {id: retrieval, label: RAG, description: d}
    gates:
      - id: size
        stage: gate
        number: 1
        title: Size
        question: Is it big?
        explanation: e
        answers:
          - {id: small, label: Small, meaning: m, next: train}
          - {id: big, label: Big, meaning: m, next: index}
    exits:
      - {id: index, kind: rag, title: Index it, summary: s, components: [retrieval]}
      - {id: train, kind: fine_tune, title: Train it, summary: s, components: [retrieval]}
    """)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run ``ragft`` in this process: its exit code, standard output and standard error."""
    from ragft.terminal.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def missing(reason: str) -> None:
    """Skip a test for a missing tool, or fail under CI, where the tool must be installed."""
    if IN_CI:
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("quarto"):
        return
    skip = pytest.mark.skip(reason="needs a real `quarto` binary (>=1.8), not installed here")
    for item in items:
        if "quarto" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def tree() -> Tree:
    """ragft's own tree."""
    return default_tree()


# Markup, script, quotes, an ampersand and a literal backslash-n: every renderer must show this
# as text (HTML escaping, DOT quoting, inline-JSON escaping all get a workout).
MARKUP = '</script><script>alert(1)</script><img src=x onerror=alert(2)><b>"q" & \\n'
# The tree file's human-readable fields; ids, links and numbers are left alone.
_PROSE = {"title", "question", "explanation", "why", "label", "meaning", "summary", "description",
          "note", "name", "claim", "caveat", "aspect", "rag", "fine_tune", "hybrid", "author"}
_PROSE_LISTS = {"signals", "build", "warnings", "revisit", "confirm"}


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in _PROSE_LISTS:
            return [f"{MARKUP}{v}" for v in value]
        return [_poison(v) for v in value]
    if isinstance(value, str) and key in _PROSE:
        return f"{MARKUP}{value}"
    return value


@pytest.fixture
def hostile_tree(tmp_path: Path) -> Tree:
    """ragft's own tree with :data:`MARKUP` put before every piece of text a reader sees."""
    import yaml

    data = yaml.safe_load((ROOT / "ragft" / "tree" / "data" / "tree.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(_poison(data), allow_unicode=True), encoding="utf-8")
    return load_tree(path)


def shown_quiz(source: str) -> str | None:
    """The quiz id that a ``quiz.show("id")`` code cell shows; ``None`` for any other cell."""
    import ast

    source = source.strip()
    if not source.startswith("quiz.show("):
        return None
    return str(ast.literal_eval(source.removeprefix("quiz.show(").rstrip(")")))


def load_script(path: Path) -> Any:
    """Import a script that is not in a package (tools/, site/, benchmarks/) as a module, with
    its folder on the path, as when it runs (its sibling modules import)."""
    import importlib.util
    import sys

    if str(path.parent) not in sys.path:
        sys.path.append(str(path.parent))

    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import does: dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _close_widgets() -> Iterator[None]:
    """Close every widget a test made, as ipywidgets' own tests do."""
    yield
    import sys

    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].Widget.close_all()


# The text of every error output (a Python traceback) JupyterLab shows; stderr warnings pass.
TRACEBACKS_JS = (
    "[...document.querySelectorAll(\".jp-OutputArea-output"
    "[data-mime-type='application/vnd.jupyter.stderr']\")]"
    ".map(e => e.textContent).filter(t => t.includes('Traceback'))"
)


def tracebacks(page: Any) -> list[str]:
    """The tracebacks a JupyterLab page shows (JupyterLab's own or JupyterLite's)."""
    return list(page.evaluate(f"() => {TRACEBACKS_JS}"))


def run_every_cell(page: Any, timeout: int, cells: int | None = None) -> None:
    """Run all cells from JupyterLab's Run menu; wait until each code cell shows its number (and,
    given ``cells``, until that many are drawn: a notebook drawn in the background), or until a
    traceback appears; fail on a traceback."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    count = "prompts.length > 0" if cells is None else f"prompts.length === {cells}"
    page.wait_for_function(
        f"""() => {{
            const prompts = [...document.querySelectorAll(
                '.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
            const done = prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            return ({count} && done) || {TRACEBACKS_JS}.length > 0;
        }}""",
        timeout=timeout,
    )
    assert tracebacks(page) == [], "a cell of the notebook failed"


# Go to a walk in the walker and wait until it is drawn: clear the hash first, so every visit is
# a hashchange and a render (two walks can end at the same exit), then two frames for layout.
SHOW_WALK_JS = """async (key) => {
  const root = document.getElementById('ragft-walker');
  const go = async (value) => {
    if (location.hash.replace(/^#/, '') === value) { return; }
    const drawn = new Promise((done) => root.addEventListener('ragft:render', () => done(), {once: true}));
    location.hash = value; await drawn;
  };
  await go(''); await go(key);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


def show_walk(page: Any, key: str) -> None:
    """Show the walker's state for answers ``key`` (``ragft.engine.decision.answers_key``)."""
    page.evaluate(SHOW_WALK_JS, key)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a folder on 127.0.0.1 (a free port); returns its base URL ending in ``/``."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (never `playwright install`)."""
    if not Path(CHROMIUM).exists():
        missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Offline:
    """A browser context that lets only loopback requests through and records the rest."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES) or url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        return page


@pytest.fixture
def offline(browser: Any) -> Iterator[Offline]:
    """A fresh offline context; the test fails if a page tried to reach another origin."""
    context = browser.new_context()
    guard = Offline(context)
    yield guard
    context.close()
    assert guard.blocked == [], f"requests outside localhost were attempted: {guard.blocked}"


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """Path to axe-core's ``axe.min.js`` from ``npm ci`` (package.json pins it)."""
    if not AXE_JS.exists():
        missing(f"axe-core not found at {AXE_JS} (run `npm ci`)")
    return AXE_JS


def run_axe(page: Any, axe_path: Path) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2.1 A/AA rules on a page; return the violations."""
    page.add_script_tag(path=str(axe_path))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return list(result["violations"])


def fresh_clone(target: Path) -> Path:
    """``git clone`` of this repository into ``target``: what CI and a newcomer start from."""
    if shutil.which("git") is None:
        missing("git is not installed (apt-get install git)")
    if not (ROOT / ".git").exists():
        missing(f"{ROOT} is not a git checkout to clone")
    import subprocess

    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(target)],
                   check=True, timeout=120, capture_output=True)
    return target


@pytest.fixture(scope="session")
def rendered_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's ``make site`` in a fresh clone, rendered once per session: ``_site/``.

    The environment running the tests stands in for ``.venv`` (``make -o``: nothing is
    installed again), so Quarto's pre-render step runs with this Python, as ``make site`` runs
    it with ``.venv``'s, and imports the clone's own ragft.
    """
    import subprocess
    import sys

    if shutil.which("make") is None:
        missing("make is not installed (apt-get install make)")
    clone = fresh_clone(tmp_path_factory.mktemp("site") / "ragft")
    venv = Path(sys.prefix)
    command = ["make", "-s", "-o", f"{venv}/.guide", "site", f"VENV={venv}",
               f"PY={sys.executable}"]
    result = subprocess.run(command, cwd=clone, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    # (A Makefile without the target would do nothing and succeed: `site/` is a folder.)
    assert (clone / "_site" / "index.html").is_file(), "`make site` rendered nothing"
    return clone / "_site"

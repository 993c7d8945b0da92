"""In-browser course benchmarks: what a learner waits for and downloads (issue 23's goals).

``benchmarks/run.py`` appends :func:`rows`; run this file alone for the same numbers::

    python benchmarks/bench_lite.py

Builds the course with ``tools/lite_build.py`` (``.venv-lite``'s Python, as ``make lite``),
serves it on loopback and opens notebooks 01 and 07 in headless Chromium, each in a fresh
browser context (an empty cache, as a first visit). Rows: the build; per notebook, the time
until the kernel is idle (goal: at most 20 s) and Run All; the bytes one first visit transfers
(goal: at most 30 MB). Skipped where ``.venv-lite``, npm's pyodide or Chromium is missing.
"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv-lite" / "bin" / "python"
CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOKS = ("01_knowledge.ipynb", "07_walk_your_case.ipynb")
KERNEL_TARGET_S = 20.0
TRANSFER_TARGET_KB = 30 * 1024.0
WAIT_MS = 300_000
Row = tuple[str, float, float | None, str]


def skipped() -> list[tuple[str, str]]:
    """Rows that cannot be measured here, with the reason."""
    for path, what in ((PYTHON, "make .venv-lite/.installed"),
                       (ROOT / "node_modules" / "pyodide", "npm ci"),
                       (CHROMIUM, "apt-get install chromium")):
        if not path.exists():
            return [("in-browser course", f"{path.name} is missing ({what})")]
    return []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _visit(browser: Any, base: str, notebook: str) -> tuple[float, float, int]:
    """Kernel-idle time and Run All time (s), and bytes transferred, for one first visit."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    page.on("response", lambda r: sizes.append(int(r.headers.get("content-length", "0"))))
    idle = re.compile(r"\| Idle$")
    start = time.perf_counter()
    page.goto(f"{base}lab/index.html?path={notebook}")
    page.get_by_text(idle).first.wait_for(timeout=WAIT_MS)
    ready = time.perf_counter() - start
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    start = time.perf_counter()
    page.wait_for_function("""() => {
        const p = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
        return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }""",
                           timeout=WAIT_MS)
    page.get_by_text(idle).first.wait_for(timeout=WAIT_MS)
    ran = time.perf_counter() - start
    context.close()
    return ready, ran, sum(sizes)


def rows() -> list[Row]:
    if skipped():
        return []
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        start = time.perf_counter()
        subprocess.run([str(PYTHON), str(ROOT / "tools" / "lite_build.py"), "--out", str(out),
                        "--work", str(ROOT / "build" / "lite")], check=True, capture_output=True)
        found: list[Row] = [("in-browser course: build (make lite)",
                             time.perf_counter() - start, None, "s")]
        handler = functools.partial(_Quiet, directory=str(out))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                        args=["--disable-background-networking",
                                              "--disable-component-update"])
            for notebook in NOTEBOOKS:
                ready, ran, sent = _visit(browser, base, notebook)
                found += [(f"lite {notebook}: kernel idle", ready, KERNEL_TARGET_S, "s"),
                          (f"lite {notebook}: Run All", ran, None, "s"),
                          (f"lite {notebook}: first visit transfer", sent / 1024,
                           TRANSFER_TARGET_KB, "KB")]
            browser.close()
        server.shutdown()
    return found


if __name__ == "__main__":
    for name, value, target, unit in rows():
        print(f"{name:<52} {value:>10.1f} {unit:<3} target {target if target else '-'}")
    for name, reason in skipped():
        print(f"{name}: skipped, {reason}")

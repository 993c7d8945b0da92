"""The README's "open the guide" command opens JupyterLab at the first notebook.

Runs the real ``make guide`` recipe (with the already-installed environment, so nothing is
installed again) with a stand-in browser that records what JupyterLab asks it to open, then
opens that address in Chromium and checks that notebook 00 is the notebook on screen.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, missing

pytestmark = [pytest.mark.jupyterlab, pytest.mark.browser]

TIMEOUT = 60.0


def _opened_url(record: Path, process: subprocess.Popen[bytes], log: Path) -> str:
    """The http address JupyterLab handed to the browser (directly or via its redirect file)."""
    deadline = time.monotonic() + TIMEOUT
    while not record.exists() or not record.read_text().strip():
        if process.poll() is not None:
            pytest.fail(f"`make guide` exited with {process.returncode}:\n{log.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"JupyterLab opened no browser in {TIMEOUT}s:\n{log.read_text()}")
        time.sleep(0.2)
    target = record.read_text().strip()
    if target.startswith("file://"):  # jupyter_server opens a local redirect page
        page = Path(target.removeprefix("file://")).read_text(encoding="utf-8")
        match = re.search(r"url=(http://[^\"'>\s]+)", page)
        assert match, f"no address in JupyterLab's redirect page:\n{page}"
        target = match.group(1)
    return target


def test_make_guide_opens_jupyterlab_at_the_first_notebook(
    tmp_path: Path, offline: Any
) -> None:
    if shutil.which("make") is None:
        missing("make is not installed (apt-get install make)")
    record = tmp_path / "opened.txt"
    fake_browser = tmp_path / "browser.sh"
    fake_browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{record}"\n', encoding="utf-8")
    fake_browser.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        (tmp_path / var).mkdir()
        env[var] = str(tmp_path / var)
    env["BROWSER"] = str(fake_browser)
    token = secrets.token_hex(16)
    venv = Path(sys.prefix)
    flags = (f"--ServerApp.ip=127.0.0.1 --ServerApp.port=0 --IdentityProvider.token={token} "
             "--LabApp.extension_manager=readonly "
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
    # -o: the environment running these tests is the installed guide; do not rebuild it.
    command = ["make", "-s", "-o", f"{venv}/.guide", "guide", f"VENV={venv}", f"LAB_FLAGS={flags}"]
    log = tmp_path / "guide.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = _opened_url(record, process, log)
        assert url.startswith("http://127.0.0.1:"), url
        # Given a file, JupyterLab serves that file's folder: /lab/tree/00_start_here.ipynb.
        assert re.search(r"/lab/tree/(notebooks/)?00_start_here\.ipynb\?", url), url
        page = offline.new_page()
        page.goto(url)
        tab = page.locator(".jp-mod-current .lm-TabBar-tabLabel, .lm-mod-current .lm-TabBar-tabLabel")
        tab.filter(has_text="00_start_here.ipynb").first.wait_for(timeout=TIMEOUT * 1000)
        page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=TIMEOUT * 1000)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)

#!/usr/bin/env python3
"""Start JupyterLab on the first notebook and print that notebook's address.

    python tools/guide_lab.py [JUPYTER LAB OPTIONS] notebooks/00_start_here.ipynb

``make guide`` runs this. JupyterLab opens the notebook in a browser when it can; where it
cannot (a remote or headless machine) it prints only the address of its Launcher
(``http://HOST:PORT/lab?token=...``). This passes JupyterLab's output through unchanged and,
once that address appears, adds the address of the notebook itself on the same server, token
included, so the learner can open it from anywhere.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "notebook_url"]

LAB_URL = re.compile(r"(https?://[^\s/]+(?:/[^\s?]*)?)/lab(\?token=\S+)?")
SAID = "Notebook {name} (open this address if no browser opened): {url}"


def notebook_url(line: str, notebook: str) -> str | None:
    """The address of ``notebook`` (a path under the server's root) on the server whose Launcher
    address ``line`` holds; None when the line holds none."""
    found = LAB_URL.search(line)
    if found is None:
        return None
    return f"{found.group(1)}/lab/tree/{notebook}{found.group(2) or ''}"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    files = [a for a in args if a.endswith(".ipynb")]
    name = Path(files[-1]).name if files else ""
    process = subprocess.Popen([sys.executable, "-m", "jupyterlab", *args],
                               stderr=subprocess.PIPE, text=True, bufsize=1)
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    said = not name
    assert process.stderr is not None
    try:
        for line in process.stderr:
            sys.stderr.write(line)
            url = None if said else notebook_url(line, name)
            if url is not None:
                said = True
                print(SAID.format(name=name, url=url), file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
    return process.wait()


if __name__ == "__main__":
    sys.exit(main())

"""Data files in the in-browser course (JupyterLite with a Pyodide kernel).

JupyterLite 0.8's file layer parses every file whose extension contains "json" as a single JSON
document, so a JSON Lines file (``data/*.jsonl``) cannot be read through the kernel's file
system there. The site serves the same file under ``files/``, so it is fetched from there: the
same origin, with a synchronous request, which the kernel's web worker may make.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

IN_BROWSER = sys.platform == "emscripten"
DRIVE = Path("/drive")  # where JupyterLite mounts the learner's files in the kernel


def served_text(path: Path) -> str | None:
    """The text of ``path`` as the site serves it; None outside the browser or when not served."""
    if not IN_BROWSER:
        return None
    import js  # type: ignore[import-not-found]  # Pyodide's bridge to the worker's globals

    try:
        relative = (Path.cwd() / path).resolve().relative_to(DRIVE)
    except ValueError:
        return None
    # The worker's own script lives under <site>/extensions/...; the files under <site>/files/.
    site = str(js.location.href).split("/extensions/", 1)[0]
    request = js.XMLHttpRequest.new()
    request.open("GET", f"{site}/files/{quote(relative.as_posix())}", False)
    request.send(None)
    return str(request.responseText) if request.status == 200 else None

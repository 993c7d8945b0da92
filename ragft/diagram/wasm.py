"""Lay out DOT in the in-browser course, where there is no ``dot`` binary to run.

Pyodide cannot start processes, so in the browser the layout is done by Graphviz compiled to
WebAssembly (npm ``@viz-js/viz``), which the site serves beside the course. It wraps the same
Graphviz release as graphviz-pure (16.1.0), so the SVG is the one the Python package draws.
"""

from __future__ import annotations

import sys
from typing import Any

from ..errors import RendererError

__all__: list[str] = []

IN_BROWSER = sys.platform == "emscripten"
VIZ_PATH = "static/viz/viz-global.js"  # under the site's root (see tools/lite_build.py)
_viz: list[Any] = []  # the one Viz instance, made on first use (compiling Graphviz takes a while)


def _instance() -> Any:
    import js  # type: ignore[import-not-found]  # Pyodide's bridge to the worker's globals
    from pyodide.code import run_js  # type: ignore[import-not-found]
    from pyodide.ffi import run_sync  # type: ignore[import-not-found]

    if not _viz:
        site = str(js.location.href).split("/extensions/", 1)[0]
        request = js.XMLHttpRequest.new()
        request.open("GET", f"{site}/{VIZ_PATH}", False)
        request.send(None)
        if request.status != 200:
            msg = f"the diagram engine is missing from the site ({VIZ_PATH}: HTTP {request.status})"
            raise RendererError(msg)
        run_js(str(request.responseText))  # a classic script: defines the global Viz
        _viz.append(run_sync(js.Viz.instance()))
    return _viz[0]


def layout(source: str, fmt: str) -> bytes:
    """Lay out DOT ``source`` as ``fmt`` (``svg`` only in the browser) and return the bytes.

    Raises:
        RendererError: another format was asked for, or Graphviz rejected the graph.
    """
    if fmt != "svg":
        msg = f"the browser draws diagrams as svg only, not {fmt!r}"
        raise RendererError(msg)
    result = _instance().render(source, js_options())
    if str(result.status) != "success":
        errors = [str(e.message) for e in result.errors]
        msg = f"Graphviz failed: {errors[0] if errors else 'no message'}"
        raise RendererError(msg)
    return str(result.output).encode("utf-8")


def js_options() -> Any:
    import js
    from pyodide.ffi import to_js

    return to_js({"format": "svg"}, dict_converter=js.Object.fromEntries)

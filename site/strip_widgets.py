"""Quarto ipynb-filter: keep live widgets, and the CDN scripts they pull in, off the site.

Quarto pipes each notebook through this script (``ipynb-filters`` in ``_quarto.yml``) before
turning it into a page; the notebook files keep every output for Jupyter, GitHub and Binder.

Why a filter and not only cell options: Quarto decides whether a page needs require.js, jQuery
and ``@jupyter-widgets/html-manager`` from CDNs by scanning *every* stored output of the
notebook for a widget view, ``text/html`` or ``application/javascript``. It does so before it
reads cell options (quarto-cli ``src/core/jupyter/widgets.ts``,
``extractJupyterWidgetDependencies``, called at the top of ``jupyterToMarkdown``), so
``#| output: false`` or a ``remove-cell`` tag hides a dead control but still loads the scripts.

What it changes, in the copy Quarto renders:

- outputs that show a widget (``application/vnd.jupyter.widget-view+json``) are dropped, and so
  is the notebook's stored widget state (``metadata.widgets``);
- ``application/javascript`` is dropped from every output;
- ``text/html`` is dropped where the output has another rich form (Markdown, an image);
  otherwise it is kept as a raw HTML block of ``text/markdown``, which Quarto renders without
  adding any script.

Usage: ``python site/strip_widgets.py < notebook.ipynb > filtered.ipynb`` (standard library
only: Quarto runs it with whatever Python it finds).
"""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["WIDGET_VIEW", "strip"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RICH = ("text/markdown", "image/svg+xml", "image/png", "image/jpeg", "text/latex")


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _output(output: dict[str, Any]) -> dict[str, Any] | None:
    """The output as the site should see it, or ``None`` to drop it."""
    data = output.get("data")
    if not isinstance(data, dict):
        return output
    if WIDGET_VIEW in data:
        return None
    data = dict(data)
    data.pop("application/javascript", None)
    if "text/html" in data:
        html = _text(data.pop("text/html"))
        if not any(kind in data for kind in RICH):
            data["text/markdown"] = "```{=html}\n" + html.rstrip("\n") + "\n```\n"
    if not data:
        return None
    return {**output, "data": data}


def strip(nb: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of the notebook without widget views, widget state or page scripts."""
    cells = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and cell.get("outputs"):
            outputs = [o for o in map(_output, cell["outputs"]) if o is not None]
            cell = {**cell, "outputs": outputs}
        cells.append(cell)
    metadata = {k: v for k, v in nb.get("metadata", {}).items() if k != "widgets"}
    return {**nb, "metadata": metadata, "cells": cells}


def main() -> None:
    nb = json.loads(sys.stdin.read())
    sys.stdout.write(json.dumps(strip(nb), indent=1) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
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
  adding any script;
- links to the published site (``website.site-url`` in the project's ``_quarto.yml``) become
  relative, in Markdown cells and in Markdown and HTML outputs: the notebooks link the walker
  by its full URL so that the link works in Jupyter, on Binder and on GitHub, and the rendered
  page then points at its neighbour (``../walk.html#...`` from ``notebooks/``) and works offline;
- the note under the page's first text links the notebook where it runs: in the browser (the
  JupyterLite build that ``make lite`` adds under ``lite/``; the link is hidden until that build
  shows it, so a site without it links no missing page) and on Binder (the navbar's address).
  Quarto passes the notebook's text and not its name: the name is the file in the notebook's
  folder with the same bytes.

Cost (``benchmarks/bench_site.py``): most of the time is the interpreter starting, once per
notebook; the script imports only the standard library and writes compact JSON, without the
widget state that is about 40% of the notebooks' bytes, so Quarto has less to parse.

Usage: ``python site/strip_widgets.py < notebook.ipynb > filtered.ipynb``, run from the
notebook's folder as Quarto does (the project is the nearest folder above it holding
``_quarto.yml``). Standard library only: Quarto runs it with whatever Python it finds, or, given
an absolute path, as an executable.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["WIDGET_VIEW", "binder_url", "notebook_name", "page_note", "project_root",
           "relative_links", "site_url", "strip"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RICH = ("text/markdown", "image/svg+xml", "image/png", "image/jpeg", "text/latex")
LINKED = ("text/markdown", "text/html")
# A top-level or nested `site-url:` key; read without a YAML parser (standard library only).
SITE_URL = re.compile(r"""^[ \t]*site-url:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)
# The navbar's Binder launch address (tests/test_links.py keeps it ragft.web.links.BINDER).
BINDER_HREF = re.compile(r"""^[ \t]*href:[ \t]*["']?(https://mybinder\.org/[^"'\s#?]+)""",
                         re.MULTILINE)
# JupyterLab of the in-browser course, from the site's root (tools/lite_build.py builds it
# there); it opens a notebook of its contents given ?path=.
LITE_LAB = "lite/lab/index.html"
LITE_LINK = "ragft-run-lite"  # the class of the span that holds the link


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


# Text for site readers only: it exists here and nowhere in the notebooks, which Jupyter
# readers use live. Keyed by the widget class a removed cell displayed (its text/plain repr).
SITE_NOTES = {
    "GateQuestion": "On this page the question is not live, because the site runs no Python: "
                    "answer it in the walker linked above, or open this notebook on Binder to "
                    "use it in JupyterLab.",
    "ContextCalculator": "On this page the calculator is not live, because the site runs no "
                         "Python: the table above does the same arithmetic, and on Binder you "
                         "can change it.",
    "Walker": "On this page the walker is not live, because the site runs no Python: the "
              "site's walker, linked above, does the same walk in your browser.",
    "CaseBuilder": "On this page the case builder is not live, because the site runs no "
                   "Python: the table above shows the running example's result.",
}
SITE_NOTES["BreakEvenCalculator"] = SITE_NOTES["ContextCalculator"]


def page_note(name: str | None = None, root: str | None = None, binder: str | None = None) -> str:
    """The note under a page's first text: the page runs nothing; where the notebook runs.

    ``name`` is the notebook's file name, ``root`` the way from its folder to the site's root
    (``"../"``; ``None`` outside a Quarto project), ``binder`` its Binder launch address.
    """
    ways = []
    if root is not None:
        lite = root + LITE_LAB + (f"?path={name}" if name else "")
        # Hidden: tools/lite_build.py shows it once the course it links is in the site.
        ways.append(f"[[run it in your browser]({lite}) (JupyterLab in the page, nothing to "
                    f"install; the first visit loads about 28 MB),]"
                    f'{{.{LITE_LINK} hidden="hidden"}}')
    if binder is not None:
        ways.append(f"[open it on Binder]({binder}) (the first launch can take a few minutes),")
    last = ("or " if ways else "") + "run `make guide` on your machine."
    return ("This page shows the notebook with its stored results and runs none of it. To "
            "change the code and run it again: " + " ".join([*ways, last]))


PAGE_NOTE = page_note()


def _note(text: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {"tags": ["site-only"]}, "source": f"*{text}*"}


def _widget_class(cell: dict[str, Any]) -> str | None:
    """The class of the widget a code cell displayed, read from its stored output."""
    for output in cell.get("outputs", []):
        data = output.get("data")
        if isinstance(data, dict) and WIDGET_VIEW in data:
            return _text(data.get("text/plain", "")).split("(", 1)[0].strip() or None
    return None


def strip(nb: dict[str, Any], note: str = PAGE_NOTE) -> dict[str, Any]:
    """Return a copy of the notebook without widget views, widget state or page scripts, with
    a note for site readers where a live control was, and ``note`` under the page's first
    text."""
    cells = []
    noted = False
    for cell in nb.get("cells", []):
        widget = _widget_class(cell) if cell.get("cell_type") == "code" else None
        if cell.get("cell_type") == "code" and cell.get("outputs"):
            outputs = [o for o in map(_output, cell["outputs"]) if o is not None]
            cell = {**cell, "outputs": outputs}
        cells.append(cell)
        if widget is not None:
            cells.append(_note(SITE_NOTES.get(widget, SITE_NOTES["Walker"])))
        if not noted and cell.get("cell_type") == "markdown":
            cells.append(_note(note))
            noted = True
    metadata = {k: v for k, v in nb.get("metadata", {}).items() if k != "widgets"}
    return {**nb, "metadata": metadata, "cells": cells}


def project_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``_quarto.yml``, if any."""
    for folder in (start, *start.parents):
        if (folder / "_quarto.yml").is_file():
            return folder
    return None


def site_url(root: Path) -> str | None:
    """The ``site-url`` set in ``root/_quarto.yml``, ending with a slash, or ``None``."""
    match = SITE_URL.search((root / "_quarto.yml").read_text(encoding="utf-8"))
    return match.group(1).rstrip("/") + "/" if match else None


def binder_url(root: Path, notebook: str | None) -> str | None:
    """The navbar's Binder address in ``root/_quarto.yml``, opening ``notebook`` (a path from
    ``root``) in JupyterLab; ``None`` when the navbar has no Binder link."""
    match = BINDER_HREF.search((root / "_quarto.yml").read_text(encoding="utf-8"))
    if not match:
        return None
    return match.group(1) + (f"?urlpath=lab/tree/{notebook}" if notebook else "")


def notebook_name(raw: bytes, folder: Path) -> str | None:
    """The name of the notebook in ``folder`` whose bytes are ``raw``: Quarto pipes the file
    as it is (quarto-cli ``src/core/jupyter/jupyter-filters.ts``, jupyterNotebookFiltered)."""
    for path in sorted(folder.glob("*.ipynb")):
        if path.stat().st_size == len(raw) and path.read_bytes() == raw:
            return path.name
    return None


def _relinker(base: str, prefix: str) -> Callable[[str], str]:
    # Only link targets change: Markdown `](...)`, HTML href= and src=. A URL written out as
    # prose, or as an autolink `<...>` (which must stay absolute), is left as it is.
    pattern = re.compile(r"""(\]\(<?|\b(?:href|src)=["']?)""" + re.escape(base)
                         + r"""([^\s)"'<>]*)""")

    def relink(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            rest = match.group(2)
            if not rest or rest.startswith(("#", "?")):
                rest = "index.html" + rest  # the site's home page
            return match.group(1) + prefix + rest

        return pattern.sub(one, text)

    return relink


def _apply(value: Any, relink: Callable[[str], str]) -> Any:
    """``relink`` on a notebook string, kept in its stored shape (a string or a list of lines)."""
    if isinstance(value, list):
        return relink("".join(value)).splitlines(keepends=True)
    return relink(str(value))


def relative_links(nb: dict[str, Any], base: str, prefix: str) -> dict[str, Any]:
    """Return a copy of the notebook whose links to ``base`` (a site URL) start with ``prefix``.

    ``prefix`` is the way from the notebook's folder to the site's root: ``"../"`` for a
    notebook in ``notebooks/``, ``""`` for one at the root.
    """
    relink = _relinker(base, prefix)
    cells = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            cell = {**cell, "source": _apply(cell.get("source", ""), relink)}
        elif cell.get("cell_type") == "code" and cell.get("outputs"):
            outputs = []
            for out in cell["outputs"]:
                data = out.get("data")
                if isinstance(data, dict) and any(kind in data for kind in LINKED):
                    data = {k: _apply(v, relink) if k in LINKED else v for k, v in data.items()}
                    out = {**out, "data": data}
                outputs.append(out)
            cell = {**cell, "outputs": outputs}
        cells.append(cell)
    return {**nb, "cells": cells}


def main() -> None:
    raw = sys.stdin.buffer.read()
    here = Path.cwd()  # Quarto runs the filter from the notebook's folder
    root = project_root(here)
    if root is None:
        nb = strip(json.loads(raw))
    else:
        way = Path(os.path.relpath(root, here)).as_posix()
        prefix = "" if way == "." else way + "/"
        name = notebook_name(raw, here)
        place = Path(os.path.relpath(here / name, root)).as_posix() if name else None
        nb = strip(json.loads(raw), page_note(name, prefix, binder_url(root, place)))
        base = site_url(root)
        if base is not None:
            nb = relative_links(nb, base, prefix)
    # Compact: Quarto only parses it, and a third fewer bytes is a third less to parse.
    sys.stdout.write(json.dumps(nb, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

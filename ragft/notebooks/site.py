"""Site copies of the notebooks: the same pages, without widgets, for Quarto to render.

Quarto decides which scripts a notebook page loads by scanning *every* code cell's stored
outputs before it reads any cell option: one widget-view output anywhere, even in a cell marked
``#| output: false`` or tagged ``remove-cell``, puts require.js, jQuery and
``@jupyter-widgets/html-manager`` from a CDN into the page head (quarto-cli
``src/core/jupyter/widgets.ts``, ``extractJupyterWidgetDependencies`` and ``haveOutputType``,
called at the top of ``jupyterToMarkdown`` in ``src/core/jupyter/jupyter.ts``). Cell options
only hide the output. So the site is rendered from copies that drop each widget cell and the
notebook's widget state; the static counterpart beside each widget cell stays.

Example:
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w")])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output(
    ...     "display_data", {WIDGET_VIEW: {"model_id": "m"}, "text/plain": "w"})]
    >>> len(site_copy(nb).cells), widget_cells(nb)
    (0, [0])
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._io import write_atomic
from ..errors import RagftError
from .execute import notebook_text

__all__ = [
    "REMOVE_TAG",
    "SCRIPT_MIMES",
    "WIDGET_STATE",
    "WIDGET_VIEW",
    "has_widget_view",
    "site_copy",
    "widget_cells",
    "write_site_copies",
]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Outputs that make Quarto add require.js and jQuery from a CDN even without widgets.
SCRIPT_MIMES = ("text/html", "application/javascript")
# The cell tag Quarto (and Jupyter Book, nbconvert) reads as "leave this cell out".
REMOVE_TAG = "remove-cell"


def has_widget_view(cell: Any) -> bool:
    """Whether a cell's stored outputs include a widget view."""
    return any(WIDGET_VIEW in out.get("data", {}) for out in cell.get("outputs", ()))


def widget_cells(nb: Any) -> list[int]:
    """Indexes of the cells whose stored outputs include a widget view."""
    return [i for i, cell in enumerate(nb.cells) if has_widget_view(cell)]


def site_copy(nb: Any, name: str = "<notebook>") -> Any:
    """A copy of ``nb`` for the site: widget cells and widget state removed.

    Raises:
        RagftError: a remaining cell has an HTML or JavaScript output, which would still make
            Quarto load scripts from a CDN.
    """
    out = copy.deepcopy(nb)
    out.cells = [cell for cell in out.cells if not has_widget_view(cell)]
    out.metadata.pop("widgets", None)
    for i, cell in enumerate(out.cells):
        for output in cell.get("outputs", ()):
            bad = [m for m in SCRIPT_MIMES if m in output.get("data", {})]
            if bad:
                msg = (f"{name}: cell {i} has a {bad[0]} output, which makes Quarto load "
                       "require.js and jQuery from a CDN; display Markdown, SVG or PNG instead")
                raise RagftError(msg)
    return out


def write_site_copies(sources: Iterable[str | Path], dest: str | Path) -> list[Path]:
    """Write the site copy of each notebook into ``dest`` (same file names); return the paths.

    Every copy is checked before any is written, so a bad notebook leaves ``dest`` untouched.
    """
    import nbformat

    dest = Path(dest)
    copies = []
    for src in map(Path, sources):
        nb = nbformat.read(src, as_version=4)  # type: ignore[no-untyped-call]
        copies.append((dest / src.name, site_copy(nb, str(src))))
    return [write_atomic(path, notebook_text(nb), force=True) for path, nb in copies]

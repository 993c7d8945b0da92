"""Execute the guide's notebooks in place, so they are stored with outputs and widget state.

nbclient runs every cell in a fresh ``python3`` kernel whose working folder is the notebook's
own, and stores the widgets' state in ``metadata.widgets`` (GitHub and nbviewer need it to
draw a widget). The metadata is then cut down to a short list of keys, so a re-run changes
only what the run itself produces.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._io import write_atomic

__all__ = [
    "CELL_METADATA_KEYS",
    "KERNELSPEC",
    "NOTEBOOK_METADATA_KEYS",
    "clean_metadata",
    "execute_notebook",
    "notebook_paths",
    "notebook_text",
]

KERNELSPEC = {"name": "python3", "language": "python", "display_name": "Python 3"}
NOTEBOOK_METADATA_KEYS = ("kernelspec", "language_info", "widgets")
# Tags drive Quarto and nbval; the rest are Quarto cell options kept out of the visible source
# (Quarto reads them from cell metadata too) and JupyterLab's collapsed-input flag.
CELL_METADATA_KEYS = ("tags", "fig-alt", "fig-cap", "echo", "output", "include", "jupyter")
# language_info.version names the Python that happened to run the notebook: left out.
LANGUAGE_INFO_KEYS = ("name", "mimetype", "file_extension", "pygments_lexer", "codemirror_mode",
                      "nbconvert_exporter")


def notebook_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their ``*.ipynb`` files (sorted); keep files as they are."""
    found: list[Path] = []
    for p in map(Path, paths):
        found.extend(sorted(p.glob("*.ipynb")) if p.is_dir() else [p])
    return found


def clean_metadata(nb: Any) -> Any:
    """Keep only the notebook and cell metadata keys ragft needs; return ``nb``."""
    meta = {k: nb.metadata[k] for k in NOTEBOOK_METADATA_KEYS if k in nb.metadata}
    meta["kernelspec"] = dict(KERNELSPEC)
    if "language_info" in meta:
        info = meta["language_info"]
        meta["language_info"] = {k: info[k] for k in LANGUAGE_INFO_KEYS if k in info}
    nb.metadata = type(nb.metadata)(meta)
    for cell in nb.cells:
        cell.metadata = type(cell.metadata)(
            {k: cell.metadata[k] for k in CELL_METADATA_KEYS if k in cell.metadata})
    return nb


def notebook_text(nb: Any) -> str:
    """The notebook as stored on disk: nbformat's JSON plus a final newline, as JupyterLab saves."""
    import nbformat

    text: str = nbformat.writes(nb)  # type: ignore[no-untyped-call]
    return text + "\n"


def execute_notebook(path: str | Path, *, timeout: int = 300) -> Path:
    """Run the notebook at ``path`` top to bottom and write it back with its outputs.

    Nothing is written when a cell fails: the error propagates and the file stays as it was.

    Raises:
        nbclient.exceptions.CellExecutionError: a cell raised.
    """
    import nbformat  # test-time tools, not needed to read a notebook's helpers
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        nb,
        kernel_name=KERNELSPEC["name"],
        timeout=timeout,
        record_timing=False,
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    clean_metadata(nb)
    nbformat.validate(nb)
    write_atomic(path, notebook_text(nb), force=True)
    return path

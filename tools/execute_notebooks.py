#!/usr/bin/env python3
"""Execute the guide's notebooks in place, so they are stored with their outputs.

    python tools/execute_notebooks.py                               # every notebooks/*.ipynb
    python tools/execute_notebooks.py notebooks/01_knowledge.ipynb  # just one

nbclient runs every cell in a fresh ``python3`` kernel whose working folder is the notebook's
own. The metadata is then cut down to a short list of keys, so a re-run changes only what the
run itself produces.

**No widget state is stored.** Each widget output keeps only its ``text/plain`` form (ragft's
widgets say there how to start them) and loses its widget view; ``metadata.widgets`` is
dropped. Why: a stored view names a model by a random id, and stored state never matches the
models a learner's own run creates. JupyterLab loads stored state when the notebook opens and,
with widget saving on (``tools/guide_setup.py``), saves it back beside the learner's live
models; with saving off, the stale state is all a reopened notebook has, and its views show
"Error displaying widget: model not found". Without stored state the only widget state a
notebook ever holds is the one JupyterLab saved with the outputs it saved, so the two always
agree; re-executing no longer rewrites random ids either. Nothing is lost elsewhere: the
website drops widget outputs (``site/strip_widgets.py``), GitHub does not draw widgets, and
each widget sits beside a static worked example of what it computes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ragft._io import write_atomic

__all__ = [
    "CELL_METADATA_KEYS",
    "KERNELSPEC",
    "NOTEBOOK_METADATA_KEYS",
    "WIDGET_VIEW",
    "clean_metadata",
    "drop_widget_state",
    "execute_notebook",
    "main",
    "notebook_paths",
    "notebook_text",
]

# What JupyterLab writes when the kernel connects (ipykernel's kernel.json): stored as is, an
# opened notebook is not "unsaved" before any edit.
KERNELSPEC = {"name": "python3", "language": "python", "display_name": "Python 3 (ipykernel)"}
NOTEBOOK_METADATA_KEYS = ("kernelspec", "language_info")
# Tags drive Quarto and nbval; the rest are Quarto cell options kept out of the visible source
# (Quarto reads them from cell metadata too) and JupyterLab's collapsed-input flag.
CELL_METADATA_KEYS = ("tags", "fig-alt", "fig-cap", "echo", "output", "include", "jupyter")
# JupyterLab writes the kernel's language_info (with the Python version) when the kernel
# connects and marks the notebook unsaved if that changes it: all of it is kept, so a notebook
# opened in the guide's environment (the Python that executed it) is not "unsaved" before any
# edit.
LANGUAGE_INFO_KEYS = ("name", "mimetype", "file_extension", "pygments_lexer", "codemirror_mode",
                      "nbconvert_exporter", "version")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "notebooks"


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


def drop_widget_state(nb: Any) -> Any:
    """Drop ``metadata.widgets`` and every output's widget view (its text form stays)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", ()):
            output.get("data", {}).pop(WIDGET_VIEW, None)
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
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        nb,
        kernel_name=KERNELSPEC["name"],
        timeout=timeout,
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    drop_widget_state(clean_metadata(nb))
    nbformat.validate(nb)
    write_atomic(path, notebook_text(nb), force=True)
    return path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python tools/execute_notebooks.py",
        description="Execute the guide's notebooks in place, storing their outputs.")
    parser.add_argument("paths", nargs="*", default=[DEFAULT_FOLDER],
                        help="notebooks or folders of notebooks (default: notebooks/)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit code (2 for bad input, 1 for a failing notebook)."""
    parser = _parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    paths = notebook_paths(args.paths)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing or not paths:
        parser.error(f"no such notebook: {missing[0]}" if missing else "no notebooks found")
    for path in paths:
        print(f"executing {path}", flush=True)
        try:
            execute_notebook(path, timeout=args.timeout)
        except Exception as exc:  # a cell raised: nbclient's message names the cell
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

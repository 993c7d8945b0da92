#!/usr/bin/env python3
"""Write the glossary notebook's term cells from ``ragft/guide/glossary.yaml``.

    python tools/glossary_cells.py            # rewrite notebooks/09_glossary.ipynb's terms
    python tools/glossary_cells.py --check    # exit 1 if they differ from the data

The terms stand between the ``## Glossary`` heading and the next ``##`` heading, one Markdown
cell each, the cell id being the term's anchor (:func:`ragft.guide.glossary.term_cells`). Only
those cells change; every other cell and the metadata stay as they are.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "09_glossary.ipynb"
HEADING = "## Glossary"

__all__ = ["main", "term_span", "with_term_cells"]


def term_span(nb: Any) -> tuple[int, int]:
    """The cell indexes ``[start, end)`` of the terms: after ``## Glossary``, before the next
    ``##`` heading.

    Raises:
        ValueError: the notebook has no ``## Glossary`` heading cell.
    """
    cells = nb.cells
    heads = [i for i, c in enumerate(cells)
             if c.cell_type == "markdown" and c.source.strip() == HEADING]
    if not heads:
        msg = f"no Markdown cell {HEADING!r}"
        raise ValueError(msg)
    start = heads[0] + 1
    end = next((i for i in range(start, len(cells)) if cells[i].cell_type == "markdown"
                and cells[i].source.startswith("## ")), len(cells))
    return start, end


def with_term_cells(nb: Any) -> Any:
    """``nb`` with its term cells written from the data; return ``nb``."""
    import nbformat

    from ragft.guide.glossary import term_cells

    start, end = term_span(nb)
    new = []
    for cell_id, source in term_cells():
        cell = nbformat.v4.new_markdown_cell(source)  # type: ignore[no-untyped-call]
        cell.id = cell_id
        new.append(cell)
    nb.cells[start:end] = new
    return nb


def main(argv: Sequence[str] | None = None) -> int:
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    parser.add_argument("notebook", nargs="?", type=Path, default=NOTEBOOK)
    args = parser.parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)  # type: ignore[no-untyped-call]
    before = nbformat.writes(nb)  # type: ignore[no-untyped-call]
    after = nbformat.writes(with_term_cells(nb))  # type: ignore[no-untyped-call]
    if args.check:
        if before != after:
            print(f"{args.notebook}: term cells differ from glossary.yaml (run {__file__})")
            return 1
        return 0
    if before != after:  # stored as JupyterLab saves it: nbformat's JSON and a final newline
        args.notebook.write_text(after + "\n", encoding="utf-8")
        print(f"wrote {args.notebook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Write the glossary notebook's term cells from ``ragft/guide/glossary.yaml``.

    python tools/glossary_cells.py            # rewrite notebooks/09_glossary.ipynb's terms
    python tools/glossary_cells.py --check    # exit 1 if they differ from the data
    python tools/glossary_cells.py --links notebooks/*.ipynb   # relink ...#term-x as #cell-id=

The terms stand between the ``## Glossary`` heading and the next ``##`` heading, one Markdown
cell each, the cell id being the term's anchor (:func:`ragft.guide.glossary.term_cells`). Only
those cells change; every other cell and the metadata stay as they are.

``--links`` rewrites, in Markdown cells only, links in the older form ``09_glossary.ipynb#term-x``
to what :func:`ragft.guide.glossary.href` writes (``#cell-id=term-x``, which JupyterLab finds on
the click that opens the glossary; see that module's docstring). Outputs are not touched, so
the notebooks need no re-execution.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "09_glossary.ipynb"
HEADING = "## Glossary"
OLD_LINK = re.compile(r"\]\(09_glossary\.ipynb#(term-[a-z0-9-]+)\)")

__all__ = ["main", "relink", "term_span", "with_term_cells"]


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


def relink(nb: Any) -> int:
    """Rewrite ``nb``'s Markdown links to glossary terms in the ``#term-x`` form as
    :func:`ragft.guide.glossary.href` writes them; return how many changed.

    Raises:
        ValueError: a link names no glossary term.
    """
    from ragft.guide.glossary import href, terms

    by_anchor = {t.anchor: t.id for t in terms()}
    count = 0

    def new(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(1) not in by_anchor:
            msg = f"no glossary term has the anchor {match.group(1)!r}"
            raise ValueError(msg)
        count += 1
        return f"]({href(by_anchor[match.group(1)])})"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = OLD_LINK.sub(new, cell.source)
    return count


def _relink_files(paths: Sequence[Path], check: bool) -> int:
    import nbformat

    stale = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        changed = relink(nb)
        stale += changed
        if changed and not check:
            path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")  # type: ignore[no-untyped-call]
            print(f"{path}: {changed} glossary links rewritten")
        elif changed:
            print(f"{path}: {changed} glossary links in the old #term-x form "
                  f"(run {__file__} --links)")
    return 1 if check and stale else 0


def main(argv: Sequence[str] | None = None) -> int:
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    parser.add_argument("--links", action="store_true",
                        help="relink the given notebooks' glossary links instead")
    parser.add_argument("notebook", nargs="*", type=Path, default=[NOTEBOOK])
    args = parser.parse_args(argv)
    if args.links:
        return _relink_files(args.notebook, args.check)
    if len(args.notebook) != 1:
        parser.error("give one glossary notebook (or --links with any number)")
    args.notebook = args.notebook[0]
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

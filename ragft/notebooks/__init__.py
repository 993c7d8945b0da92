"""The guide's notebooks: what their cells display, and the commands that execute them.

- :mod:`ragft.notebooks.show`: the tree's text as Markdown and its diagrams as SVG, one call
  per notebook cell.
- :mod:`ragft.notebooks.charts`: the evidence chart and the chart of a group's decision records.
- :mod:`ragft.notebooks.execute`: run the notebooks in place with nbclient (``make notebooks``).
- :mod:`ragft.notebooks.site`: copies without widgets for the Quarto site (its pre-render step).

Run ``python -m ragft.notebooks --help`` for the command line.
"""

from __future__ import annotations

__all__: list[str] = []

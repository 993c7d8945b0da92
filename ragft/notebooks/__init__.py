"""The guide's notebooks: what their cells display, and the command that executes them.

- :mod:`ragft.notebooks.show`: the tree's text as Markdown and its diagrams as SVG, one call
  per notebook cell.
- :mod:`ragft.notebooks.cases`: the running example and the named cases walked, with our
  assumptions labelled (re-exported by ``show``).
- :mod:`ragft.notebooks.worked`: worked examples (calculators, a combined architecture, a
  decision record, a tally of records) as static Markdown, beside the live widgets.
- :mod:`ragft.notebooks.charts`: the evidence, break-even and decision-record charts (PNG).
- :mod:`ragft.notebooks.execute`: run the notebooks in place with nbclient (``make notebooks``,
  that is ``python -m ragft.notebooks``).
"""

from __future__ import annotations

__all__: list[str] = []

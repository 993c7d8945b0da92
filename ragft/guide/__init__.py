"""What the guide's notebooks display: the tree's text, diagrams, worked examples and charts.

- :mod:`ragft.guide.show`: the tree's text as Markdown and its diagrams as SVG, one call
  per notebook cell.
- :mod:`ragft.guide.cases`: the running example and the named cases walked, with our
  assumptions labelled (re-exported by ``show``).
- :mod:`ragft.guide.worked`: worked examples (calculators, a combined architecture, a
  decision record, a tally of records) as static Markdown, beside the live widgets.
- :mod:`ragft.guide.charts`: the evidence, break-even and decision-record charts (PNG).
"""

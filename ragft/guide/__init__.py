"""What the guide's notebooks display: the tree's text, diagrams, worked examples and charts.

- :mod:`ragft.guide.show`: the tree's text as Markdown and its diagrams as SVG, one call
  per notebook cell.
- :mod:`ragft.guide.cases`: the running example and the named cases walked, with our
  assumptions labelled (re-exported by ``show``).
- :mod:`ragft.guide.worked`: worked examples (calculators, a combined architecture, a
  decision record) as static Markdown, beside the live widgets.
- :mod:`ragft.guide.charts`: the evidence chart (PNG).
- :mod:`ragft.guide.practice`: the scenario cards of notebook 08 and the printable pack, each
  with the key the tree works out.
"""

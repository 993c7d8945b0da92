"""The presentation layer: what the renderings say, as structured content, worded once.

- :mod:`ragft.present.content`: decisions, gates and the tree as cards, sections and spans;
- :mod:`ragft.present.words`: every fixed heading and phrase;
- :mod:`ragft.present.text`: spans (text with a style and a link), no markup;
- renderers of that content: :mod:`~ragft.present.markdown`, :mod:`~ragft.present.html`,
  and :mod:`~ragft.present.data` for the site walker's JSON (the terminal's is
  :mod:`ragft.terminal.render`).
"""

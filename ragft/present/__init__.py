"""The presentation layer: what the renderings say, as structured content, worded once.

- :mod:`ragft.present.content`: decisions, gates and the tree as cards, sections and spans;
- :mod:`ragft.present.words`: every fixed heading and phrase;
- :mod:`ragft.present.text`: spans (text with a style and a link), no markup;
- renderers of that content: :mod:`~ragft.present.markdown`, :mod:`~ragft.present.html`,
  and :mod:`~ragft.present.data` for the site walker's JSON (the terminal's is
  :mod:`ragft.terminal.render`).
"""

from __future__ import annotations

from .content import (
    AnswerView,
    Card,
    GateView,
    PathItem,
    Section,
    TreeWords,
    answer_leads,
    card,
    flip_text,
    gate_view,
    off_path_notice,
    path_items,
    path_text,
    tree_words,
)
from .words import HEADINGS, LABELS

__all__ = [
    "HEADINGS",
    "LABELS",
    "AnswerView",
    "Card",
    "GateView",
    "PathItem",
    "Section",
    "TreeWords",
    "answer_leads",
    "card",
    "flip_text",
    "gate_view",
    "off_path_notice",
    "path_items",
    "path_text",
    "tree_words",
]

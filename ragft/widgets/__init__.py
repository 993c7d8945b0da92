"""Jupyter widgets for the decision tree, thin over :mod:`ragft.engine`.

Each widget is an ipywidgets ``VBox``, so ``display(Walker())`` works, and each reads the tree's
data and asks the engine; none holds decision logic of its own.

- :class:`GateQuestion`: one gate's question with nothing preselected, and what the answer means.
- :class:`Walker`: the gates one at a time, the diagram with the path, the card, a record button.
- :class:`CaseBuilder`: several requirements of one use case combined into one architecture.
- :class:`ContextCalculator` and :class:`BreakEvenCalculator`: two illustrative calculators
  (their arithmetic is :mod:`ragft.calc`).

Example:
    >>> from ragft.widgets import CaseBuilder
    >>> from ragft.loader import default_tree
    >>> CaseBuilder(case=default_tree().example).architecture.summary
    'RAG + prompts'
"""

from __future__ import annotations

from .calculators import BreakEvenCalculator, ContextCalculator
from .card import card_html
from .case import CaseBuilder
from .gate import GateQuestion
from .walker import Walker

__all__ = [
    "BreakEvenCalculator",
    "CaseBuilder",
    "ContextCalculator",
    "GateQuestion",
    "Walker",
    "card_html",
]

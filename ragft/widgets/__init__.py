"""Jupyter widgets for the decision tree, thin over :mod:`ragft.engine.decision`.

Each widget is an ipywidgets ``VBox``, so ``display(Walker())`` works, and each reads the tree's
data and asks the engine; none holds decision logic of its own.

- :class:`GateQuestion`: one gate's question with nothing preselected, and what the answer means.
- :class:`Walker`: the gates one at a time, the diagram with the path, the card, a record button.
- :class:`CaseBuilder`: several requirements of one use case combined into one architecture.
- :class:`ContextCalculator` and :class:`BreakEvenCalculator`: two illustrative calculators
  (their arithmetic is :mod:`ragft.engine.calc`); :func:`break_even_chart` draws the calculator's
  chart as a static notebook output.
- :class:`~ragft.widgets.request_cost.RequestCostCalculator`: one request's cost, monthly cost
  and time to first token on every path (its model is :mod:`ragft.engine.cost`).
- :func:`record_html` and :func:`record_preview`: a decision record as formatted text.
- :class:`Choice`: the radio group every question uses (an anywidget).
- :class:`~ragft.widgets.quiz.Quiz`: a notebook's graded self-check (Check, feedback, score,
  Try again), shown by :func:`ragft.guide.quiz.show`.

In a notebook saved before its cells ran, or not trusted, each widget shows one line saying how
to start it; ragft's notebooks are stored that way, with no widget state (see
``tools/execute_notebooks.py``).

Example:
    >>> from ragft.widgets.case import CaseBuilder
    >>> from ragft.tree.loader import default_tree
    >>> CaseBuilder(case=default_tree().example).architecture.summary
    'RAG + prompts'
"""

"""RAG, fine-tuning, or both? The decision tree as data, an engine, and its renderings.

Example:
    >>> import ragft
    >>> decision = ragft.decide({"prompting": "yes", "context": "no", "knowledge": "changing"})
    >>> decision.exit, decision.kind
    ('rag_dynamic', 'rag')
    >>> ragft.combine_case(ragft.default_tree().example).summary
    'RAG + prompts'

Diagrams and the export load lazily (``ragft.tree_diagram`` imports graphviz only when first
used), so ``import ragft`` stays cheap; so do the notebook widgets (``ragft.Walker()``...).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .architecture import Architecture, combine, combine_case
from .engine import Decision, Flip, Step, all_answer_sets, all_walks, decide, parse_answers
from .errors import (
    AnswerSyntaxError,
    IncompleteDecisionError,
    OutputExistsError,
    RagftError,
    TreeError,
    UnknownAnswerError,
    UnknownFormatError,
    UnknownGateError,
    UnknownNodeError,
    UnknownOptionError,
)
from .loader import default_tree, load_tree
from .model import Answer, Case, Exit, Gate, Tree
from .record import decision_record

if TYPE_CHECKING:  # the lazy names, for type checkers and editors
    from .diagram import gate_diagram, text_alternative, tree_diagram
    from .export import export as export_site
    from .render import render as render_diagram
    from .widgets import BreakEvenCalculator, CaseBuilder, ContextCalculator, GateQuestion, Walker

from ._version import __version__

# name -> (module, attribute); imported on first attribute access (PEP 562). The top-level
# names differ from the module names: importing ragft.render would otherwise replace the
# attribute `ragft.render` with the module.
_LAZY = {
    "tree_diagram": ("ragft.diagram", "tree_diagram"),
    "gate_diagram": ("ragft.diagram", "gate_diagram"),
    "text_alternative": ("ragft.diagram", "text_alternative"),
    "render_diagram": ("ragft.render", "render"),
    "export_site": ("ragft.export", "export"),
    # The notebook widgets: ipywidgets loads only when one is first used.
    "Walker": ("ragft.widgets", "Walker"),
    "GateQuestion": ("ragft.widgets", "GateQuestion"),
    "CaseBuilder": ("ragft.widgets", "CaseBuilder"),
    "ContextCalculator": ("ragft.widgets", "ContextCalculator"),
    "BreakEvenCalculator": ("ragft.widgets", "BreakEvenCalculator"),
}

__all__ = [
    "Answer",
    "AnswerSyntaxError",
    "Architecture",
    "BreakEvenCalculator",
    "Case",
    "CaseBuilder",
    "ContextCalculator",
    "Decision",
    "Exit",
    "Flip",
    "Gate",
    "GateQuestion",
    "IncompleteDecisionError",
    "OutputExistsError",
    "RagftError",
    "Step",
    "Tree",
    "TreeError",
    "UnknownAnswerError",
    "UnknownFormatError",
    "UnknownGateError",
    "UnknownNodeError",
    "UnknownOptionError",
    "Walker",
    "__version__",
    "all_answer_sets",
    "all_walks",
    "combine",
    "combine_case",
    "decide",
    "decision_record",
    "default_tree",
    "export_site",
    "gate_diagram",
    "load_tree",
    "parse_answers",
    "render_diagram",
    "text_alternative",
    "tree_diagram",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    msg = f"module 'ragft' has no attribute {name!r}"
    raise AttributeError(msg)

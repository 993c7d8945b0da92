"""RAG, fine-tuning, or both? The decision tree as data, an engine, and its renderings.

Example:
    >>> import ragft
    >>> decision = ragft.decide({"prompting": "yes", "context": "no", "knowledge": "changing"})
    >>> decision.exit, decision.kind
    ('rag_dynamic', 'rag')
    >>> ragft.combine_case(ragft.default_tree().example).summary
    'RAG + prompts'

The package reads in layers, one folder each: ``tree`` (the data and its checks), ``engine``
(what the tree decides), ``present`` (what the guide says, worded once), then the renderers:
``terminal``, ``records``, ``diagram``, ``web``, ``widgets`` and ``guide``. This module offers
the names most callers need; everything else has one home in its folder. The diagram and the
widgets load lazily, so ``import ragft`` does not import graphviz or ipywidgets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .engine.architecture import Architecture, combine_case
from .engine.decision import Decision, decide
from .errors import RagftError
from .records.madr import record_markdown
from .records.template import RecordFields
from .tree.loader import default_tree, load_tree
from .tree.model import Tree

if TYPE_CHECKING:  # the lazy names, for type checkers and editors
    from .diagram.dot import tree_diagram
    from .widgets.case import CaseBuilder
    from .widgets.gate import GateQuestion
    from .widgets.walker import Walker

# name -> module; imported on first attribute access (PEP 562).
_LAZY = {
    "tree_diagram": "ragft.diagram.dot",
    "Walker": "ragft.widgets.walker",
    "GateQuestion": "ragft.widgets.gate",
    "CaseBuilder": "ragft.widgets.case",
}

__all__ = [
    "Architecture",
    "CaseBuilder",
    "Decision",
    "GateQuestion",
    "RagftError",
    "RecordFields",
    "Tree",
    "Walker",
    "__version__",
    "combine_case",
    "decide",
    "default_tree",
    "load_tree",
    "record_markdown",
    "tree_diagram",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    msg = f"module 'ragft' has no attribute {name!r}"
    raise AttributeError(msg)

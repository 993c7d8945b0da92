"""Shared Markdown helpers of the notebook modules: escaping, names, destinations, citations.

Example:
    >>> from ragft.tree.loader import default_tree
    >>> cite(default_tree(), ["barnett2024"])[:40]
    'Scott Barnett et al., [*Seven Failure Po'
"""

from __future__ import annotations

from collections.abc import Iterable

from IPython.display import Markdown

from ..present.content import source_text
from ..present.markdown import md_text
from ..tree.loader import default_tree
from ..tree.model import Tree


def md(text: str) -> Markdown:
    """``text`` as an IPython Markdown display object."""
    return Markdown(text)  # type: ignore[no-untyped-call]  # IPython leaves __init__ untyped


def resolve(tree: Tree | None) -> Tree:
    """``tree``, or ragft's own tree when it is ``None``."""
    return tree if tree is not None else default_tree()


def cite(tree: Tree, source_ids: Iterable[str]) -> str:
    """The sources as one line: author, linked title and year, separated by semicolons."""
    return "; ".join(md_text(source_text(tree.source(sid))) for sid in source_ids)

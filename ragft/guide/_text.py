"""Shared Markdown helpers of the notebook modules: escaping, names, destinations, citations.

Example:
    >>> from ragft.tree.loader import default_tree
    >>> leads_to(default_tree(), "hybrid")
    'the recommendation **Fine-tune for behaviour, keep RAG for knowledge** (`hybrid`, Hybrid)'
"""

from __future__ import annotations

from collections.abc import Iterable

from IPython.display import Markdown

from ..tree.loader import default_tree
from ..tree.model import Gate, Tree

__all__ = ["cite", "gate_name", "leads_to", "md", "md_escape", "resolve"]


def md_escape(text: str) -> str:
    """Make tree text safe inside Markdown: no raw HTML, and ``$`` is never read as math.

    >>> md_escape("<b>USD 5</b> or $5")
    '&lt;b&gt;USD 5&lt;/b&gt; or \\\\$5'
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("$", "\\$"))


def md(text: str) -> Markdown:
    """``text`` as an IPython Markdown display object."""
    return Markdown(text)  # type: ignore[no-untyped-call]  # IPython leaves __init__ untyped


def resolve(tree: Tree | None) -> Tree:
    """``tree``, or ragft's own tree when it is ``None``."""
    return tree if tree is not None else default_tree()


def gate_name(gate: Gate) -> str:
    """A gate's label and title, such as ``Gate 1 · Static or changing knowledge?``."""
    return f"{gate.label} · {md_escape(gate.title)}"


def leads_to(tree: Tree, node: str) -> str:
    """Where an answer leads, in words: a recommendation (with its kind) or the next gate."""
    if tree.is_exit(node):
        ex = tree.exit(node)
        return (f"the recommendation **{md_escape(ex.title)}** (`{ex.id}`, "
                f"{md_escape(tree.kind(ex.kind).label)})")
    return f"the next question, **{gate_name(tree.gate(node))}** (`{node}`)"


def cite(tree: Tree, source_ids: Iterable[str]) -> str:
    """The sources as one line: author, linked title and year, separated by semicolons."""
    parts = []
    for sid in source_ids:
        src = tree.source(sid)
        year = f" ({src.year})" if src.year else ""
        title = f"[{md_escape(src.title)}]({src.url})" if src.url else md_escape(src.title)
        parts.append(f"{md_escape(src.author)}, *{title}*{year}")
    return "; ".join(parts)

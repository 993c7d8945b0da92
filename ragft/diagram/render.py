"""Render a diagram to SVG, PNG or DOT text, with a cache.

Rendering runs ``graphviz-pure`` through :mod:`ragft.diagram.backend`. :func:`render` keeps its
results in an LRU cache keyed by the DOT text and the format, so the same graph drawn again
costs no process. But that key is the DOT text, and building it
(:func:`~ragft.diagram.dot.tree_diagram`) is most of what a drawing costs once the process is
warm, so a hit still paid for the whole graph. :func:`render_tree` is keyed by what decides the
drawing instead (the tree, the ids a decision marks, the options): showing a path again (the
same answers in a walker, Back, a notebook re-run) is a dictionary look-up, and no DOT is built.

Example:
    >>> from ragft.diagram.dot import tree_diagram
    >>> from ragft.diagram.render import render
    >>> svg = render(tree_diagram())
    >>> '<g id="knowledge" class="node gate stage&#45;gate">' in svg
    True
    >>> render_tree() == svg  # the same drawing, kept under the tree and its options
    True
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from typing import TYPE_CHECKING, Literal, Protocol, overload

from ..errors import UnknownFormatError
from .backend import resolve_engine, run_layout
from .marks import Marks, marks

if TYPE_CHECKING:
    from ..engine.decision import Decision
    from ..tree.model import Tree

__all__ = ["render", "render_tree"]

# format -> whether the output is text
FORMATS = {"svg": True, "png": False, "dot": True}
CACHE_SIZE = 256


class _HasSource(Protocol):
    @property
    def source(self) -> str: ...


@functools.lru_cache(maxsize=CACHE_SIZE)
def _render(source: str, fmt: str, engine: str) -> str | bytes:
    if fmt == "dot":
        return source  # the DOT text as ragft wrote it: readable and deterministic
    data = run_layout(source, fmt, engine=engine)
    return data.decode("utf-8") if FORMATS[fmt] else data


@overload
def render(graph: _HasSource | str, fmt: Literal["svg", "dot"] = "svg", *,
           engine: str | None = None) -> str: ...
@overload
def render(graph: _HasSource | str, fmt: Literal["png"], *, engine: str | None = None) -> bytes: ...
@overload
def render(graph: _HasSource | str, fmt: str, *, engine: str | None = None) -> str | bytes: ...


def render(graph: _HasSource | str, fmt: str = "svg", *, engine: str | None = None) -> str | bytes:
    """Render ``graph`` (a ``graphviz.Digraph`` or DOT text) to ``fmt``.

    Args:
        graph: the diagram, or its DOT source.
        fmt: ``svg`` (a ``str``), ``png`` (``bytes``) or ``dot`` (the DOT source, a ``str``).
        engine: ``None`` for graphviz-pure (or ``$RAGFT_GRAPHVIZ``), ``"dot"`` for system Graphviz.

    Raises:
        UnknownFormatError: ``fmt`` is not one of :data:`FORMATS`.
        UnknownOptionError: ``engine`` is not a known engine.
        ragft.errors.RendererError: the binary is missing, failed or timed out.
    """
    if fmt not in FORMATS:
        raise UnknownFormatError(fmt, FORMATS)
    source = graph if isinstance(graph, str) else graph.source
    # Keyed on the engine actually used, so changing $RAGFT_GRAPHVIZ never returns a stale
    # drawing from the other engine.
    return _render(source, fmt, resolve_engine(engine) if fmt != "dot" else "")


# render_tree's drawings, least recently used first. The key holds the tree by id(); the entry
# holds the tree itself, so that id cannot be reused while the entry exists (a frozen Tree's own
# hash walks the whole tree: many times a look-up's cost).
_TreeKey = tuple[int, "Marks | None", bool, "str | None", bool, str, str]
_DRAWN: OrderedDict[_TreeKey, tuple[Tree, str | bytes]] = OrderedDict()


@overload
def render_tree(tree: Tree | None = None, fmt: Literal["svg", "dot"] = "svg", *,
                decision: Decision | None = None, prechecks: bool = True,
                focus: str | None = None, legend: bool = True,
                engine: str | None = None) -> str: ...
@overload
def render_tree(tree: Tree | None, fmt: Literal["png"], *, decision: Decision | None = None,
                prechecks: bool = True, focus: str | None = None, legend: bool = True,
                engine: str | None = None) -> bytes: ...


def render_tree(tree: Tree | None = None, fmt: str = "svg", *,
                decision: Decision | None = None, prechecks: bool = True,
                focus: str | None = None, legend: bool = True,
                engine: str | None = None) -> str | bytes:
    """``render(tree_diagram(tree, decision=..., ...), fmt)``, cached by what decides the
    drawing: the tree, what ``decision`` marks on it (:func:`~ragft.diagram.marks.marks`), the
    options, the format and the engine. Arguments and errors as those two functions'.
    """
    from ..tree.loader import default_tree

    if fmt not in FORMATS:
        raise UnknownFormatError(fmt, FORMATS)
    tree = tree or default_tree()
    key: _TreeKey = (id(tree), None if decision is None else marks(decision), prechecks, focus,
                     legend, fmt, resolve_engine(engine) if fmt != "dot" else "")
    found = _DRAWN.get(key)
    if found is not None and found[0] is tree:
        _DRAWN.move_to_end(key)
        return found[1]
    from .dot import tree_diagram  # graphviz is imported only to draw

    graph = tree_diagram(tree, decision=decision, prechecks=prechecks, focus=focus,
                         legend=legend)
    drawn = _render(graph.source, fmt, key[-1])
    _DRAWN[key] = (tree, drawn)
    if len(_DRAWN) > CACHE_SIZE:
        _DRAWN.popitem(last=False)
    return drawn


def cache_clear() -> None:
    """Forget every cached rendering (benchmarks measure the first render with it)."""
    _render.cache_clear()
    _DRAWN.clear()


_PROLOG = re.compile(r"\A\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def strip_xml_prolog(svg: str) -> str:
    """Drop an SVG document's ``<?xml ...?>`` declaration and DOCTYPE, so it can sit inline in
    HTML (the notebook widgets, the site walker).

    >>> strip_xml_prolog('<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<svg></svg>')
    '<svg></svg>'
    """
    return _PROLOG.sub("", svg, count=1)

"""Render a diagram to SVG, PNG or DOT text, with a cache.

Rendering runs ``graphviz-pure`` through :mod:`ragft.diagram.backend`. Results are kept in an LRU
cache keyed by the DOT text and the format, so showing a diagram again (the same answers in a
walker, a notebook re-run) costs a dictionary look-up, not a process.

Example:
    >>> from ragft.diagram.dot import tree_diagram
    >>> from ragft.diagram.render import render
    >>> svg = render(tree_diagram())
    >>> '<g id="knowledge" class="node gate stage&#45;gate">' in svg
    True
"""

from __future__ import annotations

import functools
import re
from typing import Literal, Protocol, overload

from ..errors import UnknownFormatError
from .backend import resolve_engine, run_layout

__all__ = ["render"]

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


def cache_clear() -> None:
    """Forget every cached rendering (benchmarks measure the first render with it)."""
    _render.cache_clear()


_PROLOG = re.compile(r"\A\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def strip_xml_prolog(svg: str) -> str:
    """Drop an SVG document's ``<?xml ...?>`` declaration and DOCTYPE, so it can sit inline in
    HTML (the notebook widgets, the site walker).

    >>> strip_xml_prolog('<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<svg></svg>')
    '<svg></svg>'
    """
    return _PROLOG.sub("", svg, count=1)

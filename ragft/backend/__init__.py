"""Run a Graphviz binary: the only place in ragft that starts a process.

ragft renders with ``graphviz-pure``, a self-contained Graphviz port installed from PyPI, so a
pip-only install draws diagrams with no system Graphviz and the same DOT gives the same SVG
bytes on every machine. A system ``dot`` is used only when asked for, with ``engine="dot"`` or
the environment variable ``RAGFT_GRAPHVIZ=dot``.

Example:
    >>> from ragft.backend import run_layout
    >>> run_layout("digraph { a -> b }", "svg")[:5]
    b'<?xml'
"""

from __future__ import annotations

from .binary import (
    ENGINE_ENV,
    ENGINES,
    BackendError,
    BackendNotFoundError,
    find_executable,
    resolve_engine,
    run_layout,
)

__all__ = [
    "ENGINES",
    "ENGINE_ENV",
    "BackendError",
    "BackendNotFoundError",
    "find_executable",
    "resolve_engine",
    "run_layout",
]

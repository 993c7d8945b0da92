"""Placeholder: the site walker's files (walker.html, walker.js, walker.css). Replaced by the walker work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["write_walker"]


def write_walker(directory: Path, payload: dict[str, Any], svg: str, *, force: bool) -> list[Path]:
    """Write the walker's files into ``directory``; return the paths written."""
    del directory, payload, svg, force
    return []

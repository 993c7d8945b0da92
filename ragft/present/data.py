"""The presentation layer's content as JSON-ready data, for the export (tree.json).

A span becomes ``[text, style, href]`` with empty parts dropped from the end, so the site
walker's data stays small; everything else keeps the dataclasses' field names.

Example:
    >>> from ragft.present.text import em, span
    >>> as_data((span("a"), em("b", href="#k")))
    [['a'], ['b', 'em', '#k']]
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .text import Span

__all__: list[str] = []


def as_data(value: Any) -> Any:
    """Dataclasses, tuples and spans to dicts, lists and short lists."""
    if isinstance(value, Span):
        parts = [value.text, value.style, value.href]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        return parts
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_data(v) for v in value]
    if isinstance(value, dict):
        return {k: as_data(v) for k, v in value.items()}
    return value

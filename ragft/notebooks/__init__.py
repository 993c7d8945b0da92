"""The command that executes the guide's notebooks (``python -m ragft.notebooks``).

What the notebooks display lives in :mod:`ragft.guide`; this package only keeps the execute
command until it moves to ``tools/``, and goes away with it.
"""

from __future__ import annotations

__all__: list[str] = []

"""``python -m ragft``: the same as the ``ragft`` command."""

from __future__ import annotations

import sys

from .terminal.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())

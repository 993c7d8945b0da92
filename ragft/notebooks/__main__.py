"""Command line: ``python -m ragft.notebooks [execute] [NOTEBOOK_OR_FOLDER ...]``.

    python -m ragft.notebooks                               # every notebooks/*.ipynb, in place
    python -m ragft.notebooks notebooks/01_knowledge.ipynb  # just one
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .execute import execute_notebook, notebook_paths

__all__ = ["main"]

DEFAULT_FOLDER = "notebooks"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ragft.notebooks",
        description="Execute the guide's notebooks in place, storing outputs and widget state.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("execute", help="run notebooks in place, storing outputs and widgets")
    run.add_argument("paths", nargs="*", default=[DEFAULT_FOLDER],
                     help="notebooks or folders of notebooks (default: notebooks/)")
    run.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit code (2 for bad input, 1 for a failing notebook)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in ("execute", "-h", "--help"):
        args_list.insert(0, "execute")  # "execute" is the default command
    parser = _parser()
    args = parser.parse_args(args_list)
    paths = notebook_paths(args.paths)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing or not paths:
        parser.error(f"no such notebook: {missing[0]}" if missing else "no notebooks found")
    for path in paths:
        print(f"executing {path}", flush=True)
        try:
            execute_notebook(path, timeout=args.timeout)
        except Exception as exc:  # a cell raised: nbclient's message names the cell
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

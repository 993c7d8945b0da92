"""Command line: ``python -m ragft.notebooks [execute|site] ...``.

    python -m ragft.notebooks                      # execute notebooks/*.ipynb in place
    python -m ragft.notebooks execute notebooks/01_knowledge.ipynb
    python -m ragft.notebooks site guide           # site copies without widgets, into guide/
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import RagftError
from .execute import execute_notebook, notebook_paths
from .site import write_site_copies

__all__ = ["main"]

DEFAULT_FOLDER = "notebooks"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ragft.notebooks",
        description="Execute the guide's notebooks, or write their copies for the site.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("execute", help="run notebooks in place, storing outputs and widgets")
    run.add_argument("paths", nargs="*", default=[DEFAULT_FOLDER],
                     help="notebooks or folders of notebooks (default: notebooks/)")
    run.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    site = sub.add_parser("site", help="write copies without widget cells for Quarto")
    site.add_argument("dest", help="folder to write the copies into")
    site.add_argument("paths", nargs="*", default=[DEFAULT_FOLDER],
                      help="notebooks or folders of notebooks (default: notebooks/)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit code (2 for bad input, 1 for a failing notebook)."""
    args_list = list(sys.argv[1:] if argv is None else argv) or ["execute"]
    parser = _parser()
    args = parser.parse_args(args_list)
    paths = notebook_paths(args.paths)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing or not paths:
        parser.error(f"no such notebook: {missing[0]}" if missing else "no notebooks found")
    try:
        if args.command == "site":
            for path in write_site_copies(paths, args.dest):
                print(f"wrote {path}")
            return 0
        for path in paths:
            print(f"executing {path}", flush=True)
            execute_notebook(path, timeout=args.timeout)
    except RagftError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a cell that raised: nbclient's message shows the cell
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

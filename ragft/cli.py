"""The ``ragft`` command: decide, walk, draw, record and export the tree.

Bad input of any kind (an unknown gate, answer or format, a malformed ``gate=answer``, a broken
tree file, an output file that exists) ends with one line ``ragft: error: ...`` on stderr and
exit code 2. A missing or failing Graphviz binary gives exit code 1.

Example:
    >>> main(["decide", "prompting=no"])
    Recommendation: Exhaust prompt engineering first
    Exit: prompt_first (Prompting)
    Path: prompting=no
    ...
    0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ._io import write_atomic
from .engine import decide, parse_answers
from .errors import OutputExistsError, RagftError, UnknownFormatError
from .loader import load_tree
from .model import Tree

__all__ = ["build_parser", "main"]

PROG = "ragft"
DIAGRAM_FORMATS = ("svg", "png", "dot")
ANSWERS_HELP = "answers as gate=answer, e.g. prompting=yes context=no knowledge=static"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other ragft error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The ``ragft`` argument parser (subcommands decide, walk, diagram, record, export)."""
    from ._version import __version__

    parser = _Parser(prog=PROG, description="RAG, fine-tuning, or both? Walk the decision tree.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--tree", metavar="FILE", type=Path,
                        help="use this tree file (YAML or JSON) instead of ragft's own")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)

    p = sub.add_parser("decide", help="the recommendation for a set of answers")
    p.add_argument("answers", nargs="*", metavar="ANSWER", help=ANSWERS_HELP)
    p.add_argument("--json", action="store_true", help="print the decision as JSON")

    sub.add_parser("walk", help="answer the questions one at a time in the terminal")

    p = sub.add_parser("diagram", help="draw the tree (.svg, .png or .dot)")
    p.add_argument("answers", nargs="*", metavar="ANSWER",
                   help=f"highlight the path of these answers; {ANSWERS_HELP}")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                   help="output file; its suffix picks the format (.svg, .png, .dot)")
    p.add_argument("--no-prechecks", action="store_true", help="start at gate 1")
    p.add_argument("--focus", metavar="GATE", help="emphasise one gate and its answers")
    p.add_argument("--engine", choices=("pure", "dot"), default=None,
                   help="graphviz-pure (default) or a system Graphviz 'dot'")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser("record", help="write a decision record (Markdown)")
    p.add_argument("answers", nargs="*", metavar="ANSWER", help=ANSWERS_HELP)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--title", help="what the decision is about")
    p.add_argument("--date", help="the record's date, YYYY-MM-DD (default: today)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser("export", help="write tree.json, tree.svg and the walker into DIR")
    p.add_argument("directory", type=Path, metavar="DIR")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    return parser


def _decide(args: argparse.Namespace, tree: Tree) -> int:
    from .walk import describe_decision

    decision = decide(parse_answers(args.answers, tree), tree)
    if args.json:
        print(json.dumps(decision.to_dict(), indent=2))
    else:
        print(describe_decision(decision))
    return 0


def _walk(args: argparse.Namespace, tree: Tree) -> int:
    from .walk import run_walk

    return run_walk(sys.stdin, sys.stdout, tree)


def _diagram(args: argparse.Namespace, tree: Tree) -> int:
    from .diagram import tree_diagram
    from .render import render

    fmt = args.output.suffix.lstrip(".").lower()
    if fmt not in DIAGRAM_FORMATS:
        raise UnknownFormatError(args.output.suffix or args.output.name,
                                 [f".{f}" for f in DIAGRAM_FORMATS])
    if args.output.exists() and not args.force:  # fail before any work; write_atomic re-checks
        raise OutputExistsError(str(args.output))
    decision = decide(parse_answers(args.answers, tree), tree) if args.answers else None
    graph = tree_diagram(tree, decision=decision, prechecks=not args.no_prechecks,
                         focus=args.focus)
    write_atomic(args.output, render(graph, fmt, engine=args.engine), force=args.force)
    print(args.output)
    return 0


def _record(args: argparse.Namespace, tree: Tree) -> int:
    from .record import decision_record

    if args.date is not None:
        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            msg = f"bad date {args.date!r} (write it as YYYY-MM-DD, e.g. 2026-01-31)"
            raise RagftError(msg) from None
    decision = decide(parse_answers(args.answers, tree), tree)
    text = decision_record(decision, date=args.date, title=args.title)
    write_atomic(args.output, text, force=args.force)
    print(args.output)
    return 0


def _export(args: argparse.Namespace, tree: Tree) -> int:
    from .export import export

    for path in export(args.directory, tree, force=args.force):
        print(path)
    return 0


COMMANDS = {"decide": _decide, "walk": _walk, "diagram": _diagram, "record": _record,
            "export": _export}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ragft`` with ``argv`` (default: the command line); return the exit code."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 2
    try:
        tree = load_tree(args.tree)
        return COMMANDS[args.command](args, tree)
    except OutputExistsError as exc:
        print(f"{PROG}: error: {exc} (pass --force to overwrite it)", file=sys.stderr)
        return 2
    except RagftError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`ragft walk | head`): stop quietly, as Unix tools do, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        print(f"{PROG}: error: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover - python -m ragft.cli
    sys.exit(main())

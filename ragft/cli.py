"""The ``ragft`` command: decide, walk, draw, record, revisit and export the tree.

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
    """The ``ragft`` argument parser (subcommands decide, walk, diagram, record, revisit,
    export)."""
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

    _record_parser(sub)
    _revisit_parser(sub)

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


def _record_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    from .records import STATUSES

    p = sub.add_parser("record", help="write a decision record (MADR 4.0 Markdown)",
                       description="Write the decision record of a walk, or of a use case's "
                                   "requirements (--case), as a MADR 4.0 file.")
    p.add_argument("answers", nargs="*", metavar="ANSWER", help=ANSWERS_HELP)
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="FILE",
                       help="write the record to FILE (default: print it)")
    where.add_argument("--adr", type=Path, metavar="DIR",
                       help="write DIR/NNNN-title.md with the next free number; never overwrites")
    p.add_argument("--case", type=Path, metavar="FILE",
                   help="a use case's requirements, answers and reasons (YAML) instead of ANSWER")
    p.add_argument("--use-case", "--title", dest="use_case", metavar="TEXT",
                   help="what the system is for")
    p.add_argument("--requirement", metavar="TEXT", help="the requirement this walk decides")
    p.add_argument("--status", metavar="STATUS",
                   help=f"the record's status: {', '.join(STATUSES)} (default: {STATUSES[0]})")
    p.add_argument("--by", action="append", default=[], metavar="NAME",
                   help="a decision-maker (repeat it, or separate names with commas)")
    p.add_argument("--why", action="append", default=[], metavar="GATE=REASON",
                   help='your reason for an answer, e.g. knowledge="policies change quarterly"')
    p.add_argument("--date", help="the record's date, YYYY-MM-DD (default: today)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _revisit_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    sub.add_parser(
        "revisit", help="check decision records against the current tree",
        description="Decide each record's answers again against the current tree (or --tree "
                    "FILE). Exit status 0: every decision stands; 1: one changed; 2: bad input.",
    ).add_argument("records", nargs="+", type=Path, metavar="RECORD",
                   help="record files, or folders of them")


def _reasons(items: Sequence[str]) -> dict[str, str]:
    why: dict[str, str] = {}
    for text in items:
        gate, sep, reason = text.partition("=")
        gate = gate.strip()
        if not sep or not gate or not reason.strip():
            msg = (f"bad reason {text!r}: write it as gate=\"reason\", "
                   'e.g. knowledge="policies change every quarter"')
            raise RagftError(msg)
        if gate in why:
            msg = f"bad reason {text!r}: gate {gate!r} already has a reason"
            raise RagftError(msg)
        why[gate] = reason
    return why


def _record(args: argparse.Namespace, tree: Tree) -> int:
    from .records import (
        STATUSES,
        RecordFields,
        case_record,
        read_case,
        record_markdown,
        record_title,
        write_adr,
    )
    from .records.template import check_date

    if args.date is not None:
        check_date(args.date)

    if args.case is not None:
        if args.answers or args.requirement or args.why:
            msg = "with --case FILE, the answers, requirements and reasons go in FILE"
            raise RagftError(msg)
        case = read_case(args.case, tree)
        fields = RecordFields(use_case=args.use_case or case.use_case,
                              status=args.status or case.status or STATUSES[0],
                              decision_makers=args.by or case.decision_makers,
                              date=args.date or "")
        text, title = case_record(case.requirements, fields, tree), fields.use_case
    else:
        fields = RecordFields(use_case=args.use_case or "", requirement=args.requirement or "",
                              status=args.status or STATUSES[0], decision_makers=args.by,
                              why=_reasons(args.why), date=args.date or "")
        decision = decide(parse_answers(args.answers, tree), tree)
        text, title = record_markdown(decision, fields), record_title(decision, fields)
    if args.adr is not None:
        print(write_adr(args.adr, title, text))
    elif args.output is not None:
        print(write_atomic(args.output, text, force=args.force))
    else:
        sys.stdout.write(text)
    return 0


def _revisit(args: argparse.Namespace, tree: Tree) -> int:
    from .revisit import revisit_files

    code = 0
    for result in revisit_files(args.records, tree):
        if isinstance(result, RagftError):
            print(f"{PROG}: error: {result}", file=sys.stderr)
            code = 2
        else:
            print(result.line())
            code = max(code, 0 if result.stands else 1)
    return code


def _export(args: argparse.Namespace, tree: Tree) -> int:
    from .export import export

    for path in export(args.directory, tree, force=args.force):
        print(path)
    return 0


COMMANDS = {"decide": _decide, "walk": _walk, "diagram": _diagram, "record": _record,
            "revisit": _revisit, "export": _export}


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

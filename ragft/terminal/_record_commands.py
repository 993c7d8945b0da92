"""The ``ragft`` commands that keep decisions: ``record`` writes one, ``revisit`` checks that
recorded decisions still stand, ``tally`` counts where a folder of records ended."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .._io import check_target, write_atomic
from ..errors import RagftError, UsageError
from ..present.cli_words import OPTIONS, WORDS
from ..tree.model import Tree
from ._shared import PROG, decision_of, say_err, unfinished
from .args import CommandParser, add_answers, command_parser, example_answers


def add_record(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    from ..present.record_words import STATUSES

    p = command_parser(sub, "record", tree=tree, answers=" ".join(example_answers(tree)),
                       last=tree.gates[-1].id)
    add_answers(p, tree)
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="FILE",
                       help=OPTIONS["record.output"])
    where.add_argument("--adr", type=Path, metavar="DIR",
                       help=OPTIONS["record.adr"])
    p.add_argument("--force", action="store_true", help=OPTIONS["force_file"])
    p.add_argument("--case", type=Path, metavar="FILE", help=OPTIONS["record.case"])
    p.add_argument("--use-case", "--title", dest="use_case", metavar="TEXT",
                   help=OPTIONS["record.use_case"])
    p.add_argument("--requirement", metavar="TEXT", help=OPTIONS["record.requirement"])
    p.add_argument("--status", metavar="STATUS", help=OPTIONS["record.status"].format(
        statuses=", ".join(STATUSES), default=STATUSES[0]))
    p.add_argument("--by", action="append", default=[], metavar="NAME",
                   help=OPTIONS["record.by"])
    p.add_argument("--why", action="append", default=[], metavar="GATE=REASON",
                   help=OPTIONS["record.why"])
    p.add_argument("--date", help=OPTIONS["record.date"])
    p.set_defaults(run=run_record)


def _reasons(items: Sequence[str]) -> dict[str, str]:
    why: dict[str, str] = {}
    for text in items:
        gate, sep, reason = text.partition("=")
        gate = gate.strip()
        if not sep or not gate or not reason.strip():
            msg = (f"bad reason {text!r}: write it as gate=\"reason\", "
                   'e.g. knowledge="policies change every quarter"')
            raise UsageError(msg, f"{PROG} record")
        if gate in why:
            msg = f"bad reason {text!r}: gate {gate!r} already has a reason"
            raise UsageError(msg, f"{PROG} record")
        why[gate] = reason
    return why


def run_record(args: argparse.Namespace, tree: Tree) -> int:
    from ..present.record_words import STATUSES
    from ..records.adr import write_adr
    from ..records.case import case_record, read_case
    from ..records.madr import record_markdown, record_title
    from ..records.template import RecordFields, check_date

    if args.date is not None:
        check_date(args.date)
    if args.output is not None:
        check_target(args.output, force=args.force, example="decision.md")
    if args.case is not None:
        if args.answers or args.requirement or args.why:
            msg = "with --case FILE, the answers, requirements and reasons go in FILE"
            raise UsageError(msg, f"{PROG} record")
        case = read_case(args.case, tree)
        fields = RecordFields(use_case=args.use_case or case.use_case,
                              status=args.status or case.status or STATUSES[0],
                              decision_makers=args.by or case.decision_makers,
                              date=args.date or "")
        text, title = case_record(case.requirements, fields, tree), fields.use_case
    else:
        decision = decision_of(args, tree)
        if not decision.complete:
            return unfinished(decision, "a decision record", "error")  # and nothing is written
        fields = RecordFields(use_case=args.use_case or "", requirement=args.requirement or "",
                              status=args.status or STATUSES[0], decision_makers=args.by,
                              why=_reasons(args.why), date=args.date or "")
        text, title = record_markdown(decision, fields), record_title(decision, fields)
    if args.adr is not None:
        print(write_adr(args.adr, title, text))
    elif args.output is not None:
        print(write_atomic(args.output, text, force=args.force))
    else:
        sys.stdout.write(text)
    return 0


def add_revisit(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    # and 1, a decision changed: the description says so
    p = command_parser(sub, "revisit", codes=(0, 1, 2))
    p.add_argument("records", nargs="+", type=Path, metavar="RECORD",
                   help=OPTIONS["revisit.records"])
    p.set_defaults(run=run_revisit)


def run_revisit(args: argparse.Namespace, tree: Tree) -> int:
    from ..records.revisit import Skipped, revisit_files

    code = 0
    for result in revisit_files(args.records, tree):
        if isinstance(result, Skipped):
            say_err("warning", WORDS["left_out"].format(name=result.name, reason=result.reason))
        elif isinstance(result, RagftError):
            say_err("error", str(result))
            code = 2
        else:
            print(result.line())
            code = max(code, 0 if result.stands else 1)
    return code


def add_tally(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    p = command_parser(sub, "tally")
    p.add_argument("directory", type=Path, metavar="DIR", help=OPTIONS["tally.directory"])
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help=OPTIONS["tally.output"])
    p.add_argument("--force", action="store_true", help=OPTIONS["force_file"])
    p.set_defaults(run=run_tally)


TALLY_FORMATS = ("svg", "txt")


def run_tally(args: argparse.Namespace, tree: Tree) -> int:
    from ..errors import UnknownFormatError
    from ..present.tally import tally_svg, tally_text
    from ..records.read import tally_records

    fmt = ""
    if args.output is not None:
        check_target(args.output, force=args.force, example="tally.svg")
        fmt = args.output.suffix.lstrip(".").lower()
        if fmt not in TALLY_FORMATS:
            raise UnknownFormatError(args.output.suffix or args.output.name,
                                     [f".{f}" for f in TALLY_FORMATS])
    tally = tally_records(args.directory, tree)
    for name, reason in tally.skipped:
        say_err("warning", WORDS["left_out"].format(name=name, reason=reason))
    sys.stdout.write(tally_text(tally, tree))
    if args.output is not None:
        render = tally_svg if fmt == "svg" else tally_text
        print(write_atomic(args.output, render(tally, tree, tally.skipped), force=args.force))
    return 0

"""The ``ragft`` command: decide, walk, draw, record and export the tree.

One ``add_<command>`` function declares each command's arguments and one ``run_<command>``
runs it; the answers, ``-o``/``--force`` and ``--tree`` are declared by shared helpers, so a new
command or option reads the same as the others.

Bad input of any kind (an unknown gate, answer, command, option or format, a malformed
``gate=answer``, a broken tree file, an output path that is a folder, exists or cannot be
written) ends with one line ``ragft: error: ...`` on stderr and exit code 2. Answers that stop
before a recommendation give exit code 3 and a line on stderr, in every command that takes
answers; answers the walk never reaches are named in a warning. A failing Graphviz renderer
gives exit code 1.

Example:
    >>> main(["decide", "prompting=no"])
    Recommendation (Prompting)
    Exhaust prompt engineering first
    Prompts
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

from .._io import check_target, write_atomic
from ..engine.decision import Decision, decide, parse_answers
from ..errors import (
    IncompleteDecisionError,
    OutputExistsError,
    OutputPathError,
    RagftError,
    RendererError,
    UnknownGateError,
    UsageError,
)
from ..present.cli_words import HELP, OPTIONS, WORDS, exit_status
from ..tree.loader import load_tree
from ..tree.model import Tree
from .args import (
    CommandParser,
    Parser,
    add_answers,
    add_output,
    command_parser,
    example_answers,
    examples_help,
    gate_completer,
    tree_option,
)

__all__ = ["main"]

PROG = "ragft"
DIAGRAM_FORMATS = ("svg", "png", "dot")
SHELLS = ("bash", "zsh", "fish")


# -- shared arguments ------------------------------------------------------------------------


def _decision(args: argparse.Namespace, tree: Tree) -> Decision:
    """The answers' decision; answers the walk never reaches are named on stderr."""
    from ..present.content import off_path_notice
    from ..present.text import plain

    decision = decide(parse_answers(args.answers, tree), tree)
    for notice in off_path_notice(decision):
        _say("warning", plain(notice))
    return decision


def _unfinished(decision: Decision, what: str, level: str = "warning") -> int:
    """Exit code 3 and a line on stderr while the answers stop before a recommendation."""
    if decision.complete:
        return 0
    gate = decision.tree.gate(str(decision.next_gate))
    _say(level, str(IncompleteDecisionError(what, gate.id, gate.answer_ids)))
    return 3


# -- commands --------------------------------------------------------------------------------


def add_decide(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    first, *rest = example_answers(tree)
    p = command_parser(sub, "decide", tree=tree, answers=" ".join((first, *rest)), first=first,
                       rest=" ".join(rest))
    add_answers(p, tree)
    p.add_argument("--json", action="store_true", help=OPTIONS["decide.json"])
    p.set_defaults(run=run_decide)


def run_decide(args: argparse.Namespace, tree: Tree) -> int:
    decision = _decision(args, tree)
    if args.json:
        print(json.dumps(decision.to_dict(), indent=2))
    else:
        from ..present.content import card
        from .render import Out, make_console, print_card

        print_card(Out(make_console(sys.stdout)), card(decision))
    return _unfinished(decision, "the walk")


def add_walk(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    p = command_parser(sub, "walk", codes=(0, 2, 3))
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help=OPTIONS["walk.output"])
    p.add_argument("--force", action="store_true", help=OPTIONS["force_file"])
    p.set_defaults(run=run_walk)


def run_walk(args: argparse.Namespace, tree: Tree) -> int:
    from .walk import run_walk as walk

    if args.output is None:
        return walk(sys.stdin, sys.stdout, tree)
    check_target(args.output, force=args.force, example="decision.md")  # before, not after

    def write(decision: Decision) -> int:
        from ..records.madr import record_markdown
        from ..records.template import RecordFields

        if not decision.complete:
            return _unfinished(decision, "a decision record", "error")  # nothing is written
        sys.stdout.flush()
        print(write_atomic(args.output, record_markdown(decision, RecordFields()),
                           force=args.force))
        return 0

    return walk(sys.stdin, sys.stdout, tree, end=write)


def add_diagram(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    gate = next((g for g in tree.gates if g.stage == "gate"), tree.gates[0])
    p = command_parser(sub, "diagram", tree=tree, codes=(0, 1, 2),
                       answers=" ".join(example_answers(tree)), gate=gate.id)
    add_answers(p, tree, help=OPTIONS["diagram.answers"].format(answers=OPTIONS["answers"]))
    add_output(p, OPTIONS["diagram.output"])
    p.add_argument("--no-prechecks", action="store_true", help=OPTIONS["diagram.no_prechecks"])
    focus = p.add_argument("--focus", metavar="GATE", help=OPTIONS["diagram.focus"])
    focus.completer = gate_completer(tree)  # type: ignore[attr-defined]
    p.add_argument("--engine", choices=("pure", "dot"), default=None,
                   help=OPTIONS["diagram.engine"])
    p.set_defaults(run=run_diagram)


def run_diagram(args: argparse.Namespace, tree: Tree) -> int:
    from ..diagram.dot import tree_diagram, visible_nodes
    from ..diagram.render import render
    from ..errors import UnknownFormatError

    check_target(args.output, force=args.force, example="tree.svg")
    fmt = args.output.suffix.lstrip(".").lower()
    if fmt not in DIAGRAM_FORMATS:
        raise UnknownFormatError(args.output.suffix or args.output.name,
                                 [f".{f}" for f in DIAGRAM_FORMATS])
    focus = None
    if args.focus is not None:
        shown = visible_nodes(tree, prechecks=not args.no_prechecks)
        gates = [g.id for g in tree.gates if g.id in shown]
        focus = args.focus.lower()
        if focus not in gates:
            raise UnknownGateError(args.focus, gates, suggest=True)
    decision = _decision(args, tree) if args.answers else None
    graph = tree_diagram(tree, decision=decision, prechecks=not args.no_prechecks, focus=focus)
    write_atomic(args.output, render(graph, fmt, engine=args.engine), force=args.force)
    print(args.output)
    return 0 if decision is None else _unfinished(decision, "the path")


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
        decision = _decision(args, tree)
        if not decision.complete:
            return _unfinished(decision, "a decision record", "error")  # and nothing is written
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
            _say("warning", WORDS["left_out"].format(name=result.name, reason=result.reason))
        elif isinstance(result, RagftError):
            _say("error", str(result))
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
        _say("warning", WORDS["left_out"].format(name=name, reason=reason))
    sys.stdout.write(tally_text(tally, tree))
    if args.output is not None:
        render = tally_svg if fmt == "svg" else tally_text
        print(write_atomic(args.output, render(tally, tree, tally.skipped), force=args.force))
    return 0


def add_export(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    p = command_parser(sub, "export")
    p.add_argument("directory", type=Path, metavar="DIR", help=OPTIONS["export.directory"])
    p.add_argument("--force", action="store_true", help=OPTIONS["export.force"])
    p.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, tree: Tree) -> int:
    from ..web.export import export

    try:
        written = export(args.directory, tree, force=args.force)
    except OSError:
        problem = "cannot be written here; choose a folder you can write to"
        raise OutputPathError(str(args.directory), problem) from None
    for path in written:
        print(path)
    return 0


def add_completion(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    p = command_parser(sub, "completion")
    p.add_argument("shell", choices=SHELLS, type=str.lower, help=OPTIONS["completion.shell"])
    p.set_defaults(run=run_completion)


def run_completion(args: argparse.Namespace, tree: Tree) -> int:
    from argcomplete.shell_integration import shellcode

    print(shellcode([PROG], shell=args.shell), end="")
    return 0


def add_schema(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    p = command_parser(sub, "schema")
    p.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace, tree: Tree) -> int:
    from ..tree.schema import tree_schema

    print(json.dumps(tree_schema(), indent=2))
    return 0


COMMANDS = (add_decide, add_walk, add_diagram, add_record, add_revisit, add_tally, add_export,
            add_schema, add_completion)


def build_parser(tree: Tree | None = None) -> argparse.ArgumentParser:
    """The ``ragft`` argument parser; the help of commands that take answers lists ``tree``'s
    gates (default: ragft's own tree)."""
    from .._version import __version__
    from ..tree.loader import default_tree

    tree = tree or default_tree()
    parser = Parser(
        prog=PROG,
        description=HELP["ragft"][1],
        epilog="\n\n".join([
            examples_help("ragft", answers=" ".join(example_answers(tree))),
            exit_status(0, 1, 2, 3),
        ]),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--tree", metavar="FILE", default=None,
                        help=OPTIONS["tree_top"])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands",
                                parser_class=CommandParser)
    for add in COMMANDS:
        add(sub, tree)
    return parser


# -- running ---------------------------------------------------------------------------------


def _say(level: str, message: str) -> None:
    from .render import say

    say(sys.stderr, level, message)


def _complete() -> None:
    """Answer a shell's Tab (argcomplete sets ``_ARGCOMPLETE``); otherwise do nothing."""
    if "_ARGCOMPLETE" in os.environ:
        from .args import complete

        complete(build_parser, load_tree)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ragft`` with ``argv`` (default: the command line); return the exit code."""
    _complete()
    args_in = list(sys.argv[1:] if argv is None else argv)
    try:
        tree = load_tree(tree_option(args_in))
        parser = build_parser(tree)
        try:
            args = parser.parse_args(args_in)
        except SystemExit as exc:  # --help and --version
            return exc.code if isinstance(exc.code, int) else 0
        if args.command is None:  # bare `ragft`: what it can do
            parser.print_help()
            return 0
        code: int = args.run(args, tree)
        return code
    except UsageError as exc:
        _say("error", f"{exc} (see '{exc.prog} --help')")
        return 2
    except OutputExistsError as exc:
        _say("error", f"{exc} {WORDS['force']}")
        return 2
    except RendererError as exc:
        _say("error", str(exc))
        return 1
    except RagftError as exc:
        _say("error", str(exc))
        return 2
    except BrokenPipeError:
        # The reader went away (`ragft walk | head`): stop quietly, as Unix tools do, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        _say("error", exc.strerror or "an input or output error")
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover - python -m ragft.terminal.cli
    sys.exit(main())

"""The ``ragft`` command: decide, walk, draw, record and export the tree.

One ``add_<command>`` function declares each command's arguments and one ``run_<command>``
runs it; the answers, ``-o``/``--force`` and ``--tree`` are declared by shared helpers, so a new
command or option reads the same as the others. The commands that keep decisions (``record``,
``revisit``, ``tally``) are in :mod:`ragft.terminal._record_commands`.

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
from ..engine.decision import Decision
from ..errors import (
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
from ._record_commands import add_record, add_revisit, add_tally
from ._shared import PROG, decision_of, say_err, unfinished
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

DIAGRAM_FORMATS = ("svg", "png", "dot")
SHELLS = ("bash", "zsh", "fish")


# -- commands --------------------------------------------------------------------------------


def add_decide(sub: argparse._SubParsersAction[CommandParser], tree: Tree) -> None:
    first, *rest = example_answers(tree)
    p = command_parser(sub, "decide", tree=tree, answers=" ".join((first, *rest)), first=first,
                       rest=" ".join(rest))
    add_answers(p, tree)
    p.add_argument("--json", action="store_true", help=OPTIONS["decide.json"])
    p.set_defaults(run=run_decide)


def run_decide(args: argparse.Namespace, tree: Tree) -> int:
    decision = decision_of(args, tree)
    if args.json:
        print(json.dumps(decision.to_dict(), indent=2))
    else:
        from ..present.content import card
        from .render import Out, make_console, print_card

        print_card(Out(make_console(sys.stdout)), card(decision))
    return unfinished(decision, "the walk")


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
            return unfinished(decision, "a decision record", "error")  # nothing is written
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
    decision = decision_of(args, tree) if args.answers else None
    graph = tree_diagram(tree, decision=decision, prechecks=not args.no_prechecks, focus=focus)
    write_atomic(args.output, render(graph, fmt, engine=args.engine), force=args.force)
    print(args.output)
    return 0 if decision is None else unfinished(decision, "the path")


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
        say_err("error", f"{exc} (see '{exc.prog} --help')")
        return 2
    except OutputExistsError as exc:
        say_err("error", f"{exc} {WORDS['force']}")
        return 2
    except RendererError as exc:
        say_err("error", str(exc))
        return 1
    except RagftError as exc:
        say_err("error", str(exc))
        return 2
    except BrokenPipeError:
        # The reader went away (`ragft walk | head`): stop quietly, as Unix tools do, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        say_err("error", exc.strerror or "an input or output error")
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover - python -m ragft.terminal.cli
    sys.exit(main())

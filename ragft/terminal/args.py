"""Command-line parsing for ``ragft``: argparse, made to read like the rest of ragft.

- Options may come anywhere after the command, between answers too (each command is parsed
  with ``parse_intermixed_args``); ``--tree`` is accepted before or after the command.
- A rejected command, choice or option gets the one wording of :func:`ragft.errors.unknown`,
  with the nearest allowed value ("did you mean '--json'?").
- Help texts keep their paragraphs and lists, wrapped to the terminal; the commands that take
  answers list the tree's gates and answers in the order the walk asks them.
- Shell completion (``argcomplete``) completes answers from the tree, the next question first.
"""

from __future__ import annotations

import argparse
import functools
import os
import shlex
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from ..errors import RagftError, UsageError, unknown
from ..present.cli_words import EXAMPLES, HELP, OPTIONS, WORDS, exit_status
from ..tree.model import Tree

__all__: list[str] = []



class Formatter(argparse.HelpFormatter):
    """Wraps help to the terminal but keeps paragraphs, and ``term<TAB>text`` lines as a table.

    Descriptions and epilogs are paragraphs separated by blank lines. A line starting with two
    spaces is an item: ``  term<TAB>text`` puts ``text`` in a column beside ``term``, other
    items wrap with a hanging indent.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=26)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        blocks = []
        for para in text.split("\n\n"):
            lines = para.split("\n")
            if not any(line.startswith("  ") for line in lines):
                blocks.append(self._wrap(" ".join(lines), width, indent, indent))
                continue
            terms = [ln.strip().partition("\t")[0] for ln in lines if "\t" in ln]
            column = indent + " " * min(max((len(t) for t in terms), default=0) + 4, 30)
            blocks.append("\n".join(self._item(ln, width, indent, column) for ln in lines))
        return "\n\n".join(blocks)

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):  # the commands, without a COMMAND line
            return "".join(self._format_action(a) for a in action._get_subactions())
        return super()._format_action(action)

    @staticmethod
    def _wrap(text: str, width: int, first: str, rest: str) -> str:
        return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest,
                             break_on_hyphens=False, break_long_words=False)

    def _item(self, line: str, width: int, indent: str, column: str) -> str:
        if not line.startswith("  "):  # a heading line inside a list block
            return self._wrap(line, width, indent, indent)
        term, tab, text = line.strip().partition("\t")
        if not tab:  # an example command: continuation lines indented further
            return self._wrap(term, width, indent + "  ", indent + "      ")
        head = f"{indent}  {term}"
        if width - len(column) < 36:  # too narrow for two columns: the text under its term
            return head + "\n" + self._wrap(text, width, indent + "      ", indent + "      ")
        if len(head) + 2 > len(column):  # a long term: its text starts on the next line
            return head + "\n" + self._wrap(text, width, column, column)
        return self._wrap(text, width, head.ljust(len(column)), column)


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are :class:`UsageError` and whose rejected choices say
    which were allowed and which was probably meant."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("allow_abbrev", False)  # `--js` is not `--json`: say what was meant
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._reject(extras[0])
        return parsed

    def _reject(self, extra: str) -> NoReturn:
        if extra.startswith("-") and len(extra) > 1:
            options = [o for a in self._actions for o in a.option_strings if o.startswith("--")]
            self.error(unknown("option", extra.split("=", 1)[0], options, suggest=True))
        self.error(f"unexpected argument {extra!r}")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            is_command = isinstance(action, argparse._SubParsersAction)
            named = action.metavar if isinstance(action.metavar, str) else action.dest
            what = "command" if is_command else named.lower()
            msg = unknown(what, value, list(choices), suggest=True)
            raise argparse.ArgumentError(None, msg)


class CommandParser(Parser):
    """One command's parser: options and answers intermixed, unknown options named."""

    _intermixed = False

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None,
                         ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixed:  # the inner passes of parse_known_intermixed_args
            return super().parse_known_args(args, namespace)
        self._intermixed = True
        try:
            parsed, extras = self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixed = False
        if extras:
            self._reject(extras[0])
        return parsed, extras


def examples_help(name: str, **slots: str) -> str:
    """The ``Examples:`` block of a help text: :data:`EXAMPLES` of ``name``, slots filled."""
    return "\n".join([WORDS["examples"], *(f"  {e.format(**slots)}" for e in EXAMPLES[name])])


def command_parser(sub: argparse._SubParsersAction[CommandParser], name: str, *,
                   tree: Tree | None = None, codes: tuple[int, ...] = (0, 2),
                   **slots: str) -> CommandParser:
    """A command's parser: its one-line help, what it does (from :data:`HELP`), its examples
    (:data:`EXAMPLES`, ``slots`` filled in), the gates, exit codes, and ``--tree`` (also
    accepted after the command).

    Commands given ``tree`` take answers: their help lists its gates, and they can end in 3.
    """
    summary, description = HELP[name]
    blocks = [examples_help(name, **slots)]
    if tree is not None:
        blocks.append(gates_help(tree))
        codes = (*codes, 3)
    blocks.append(exit_status(*codes, command=name))
    p: CommandParser = sub.add_parser(name, help=summary, description=description,
                                      epilog="\n\n".join(blocks))
    p.add_argument("--tree", metavar="FILE", default=argparse.SUPPRESS,
                   help=OPTIONS["tree"])
    return p


@functools.cache
def example_answers(tree: Tree) -> tuple[str, ...]:
    """The answers of a walk to show in examples: the first that takes three steps or more."""
    from ..engine.decision import all_walks

    walks = list(all_walks(tree))
    walk = next((w for w in walks if len(w.path) >= 3), max(walks, key=lambda w: len(w.path)))
    return tuple(f"{s.gate}={s.answer}" for s in walk.path)


def add_answers(p: argparse.ArgumentParser, tree: Tree, help: str = OPTIONS["answers"]) -> None:
    """The ``ANSWER ...`` positional, completed from ``tree``."""
    action = p.add_argument("answers", nargs="*", metavar="ANSWER", help=help)
    action.completer = answer_completer(tree)  # type: ignore[attr-defined]


def add_output(p: argparse.ArgumentParser, what: str) -> None:
    """``-o FILE`` (required) and ``--force``."""
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help=what)
    p.add_argument("--force", action="store_true", help=OPTIONS["force_file"])


def gates_help(tree: Tree) -> str:
    """The gates and their answers as an epilog block, in the order the walk asks them.

    >>> from ragft.tree.loader import default_tree
    >>> print(gates_help(default_tree()).splitlines()[1])
      prompting=no|yes	Pre-check 1: Have you pushed prompt engineering (system prompts, ...
    """
    lines = [WORDS["gates_heading"]]
    for gate in tree.gates:
        lines.append(f"  {gate.id}={'|'.join(gate.answer_ids)}\t{gate.label}: {gate.question}")
    return "\n".join(lines)


def tree_option(argv: Sequence[str]) -> str | None:
    """The ``--tree FILE`` given anywhere in ``argv`` (the last one wins), before parsing.

    The tree must be known to build the parser: its help lists the tree's gates.

    >>> tree_option(["decide", "x=y", "--tree", "our.yaml"]), tree_option(["--tree=a.yaml"])
    ('our.yaml', 'a.yaml')
    """
    found: str | None = None
    words = list(argv)
    for i, word in enumerate(words):
        if word == "--":
            break
        if word == "--tree":
            if i + 1 >= len(words):
                msg = "argument --tree: expected one argument (a tree file)"
                raise UsageError(msg, "ragft")
            found = words[i + 1]
        elif word.startswith("--tree="):
            found = word.removeprefix("--tree=")
    return found


def complete(build: Callable[[Tree], argparse.ArgumentParser],
             load: Callable[[str | None], Tree]) -> None:
    """Answer the shell's Tab through argcomplete, with the tree the command line names."""
    import argcomplete

    line = os.environ.get("COMP_LINE", "")
    try:
        words = shlex.split(line)[1:]
    except ValueError:  # an open quote: the words so far
        words = line.split()[1:]
    try:
        tree = load(tree_option(words))
    except RagftError:  # a half-typed --tree: complete with ragft's own tree
        tree = load(None)
    argcomplete.autocomplete(build(tree), always_complete_options=False)


Completer = Callable[..., Iterable[str]]


def answer_completer(tree: Tree) -> Completer:
    """Completes ``gate=answer``: the next question's answers, or any gate's by prefix."""
    from ..engine.decision import decide

    def complete(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
        given: dict[str, str] = {}
        for text in getattr(parsed_args, "answers", None) or []:
            gate, _sep, answer = str(text).lower().partition("=")
            if gate in tree.gate_ids and answer in tree.gate(gate).answer_ids:
                given[gate] = answer
        if "=" not in prefix and not prefix:
            nxt = decide(given, tree).next_gate
            gates = [tree.gate(nxt)] if nxt is not None else []
        else:
            gates = [g for g in tree.gates if g.id not in given]
        return [f"{g.id}={a}" for g in gates for a in g.answer_ids
                if f"{g.id}={a}".startswith(prefix.lower())]

    return complete


def gate_completer(tree: Tree) -> Completer:
    """Completes gate ids."""
    def complete(prefix: str, **_: object) -> list[str]:
        return [g for g in tree.gate_ids if g.startswith(prefix.lower())]

    return complete


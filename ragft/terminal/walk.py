"""The tree in a terminal: one question at a time, with back and restart (``ragft walk``).

Two front ends share one loop of states and one reading of what was typed (:func:`interpret`):

- on a terminal, each question is printed and its answers are a list chosen with the arrow keys
  and Enter, a number key, or an id and Enter (:mod:`ragft.terminal.menu`); the recommendation
  is shown compact, its long parts folded, so that it stays on screen;
- otherwise (a pipe, a script, a test) the answers are numbered and read one line at a time;
  a line that picks nothing gets one line back, not the whole question again.

Every step asks :func:`ragft.engine.decision.decide`, and every word about the tree comes from
:mod:`ragft.present`; nothing here decides or words the tree on its own.

Example:
    >>> import io
    >>> out = io.StringIO()
    >>> run_walk(io.StringIO("2\\n2\\n2\\n1\\nq\\n"), out)
    0
    >>> "Put the corpus in context, with prompt caching" in out.getvalue()
    True
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TextIO

from ..engine.decision import Decision, decide
from ..present.cli_words import WORDS
from ..present.content import Card, card, gate_view
from ..tree.loader import default_tree
from ..tree.model import Gate, Tree
from .render import (
    Out,
    make_console,
    print_card,
    print_card_head,
    print_path,
    print_question,
    print_section,
    rich_text,
)

__all__: list[str] = []

ACTIONS = {"b": "back", "back": "back", "r": "restart", "restart": "restart", "q": "quit",
           "quit": "quit", "exit": "quit"}
FIRST_OPEN = "build"  # the part of a recommendation shown open at first


def interactive(stdin: TextIO, stdout: TextIO) -> bool:
    """Whether to walk with the arrow-key lists: both ends are a terminal that can draw them."""
    return (stdin.isatty() and stdout.isatty()
            and os.environ.get("TERM", "") not in ("dumb", "unknown"))


def interpret(text: str, gate: Gate | None, parts: tuple[str, ...] = ()) -> str | None:
    """What a typed line asks for: ``answer:<id>``, ``open:<part>``, ``back``, ``restart``,
    ``quit``; ``None`` when it picks nothing. Case is ignored.

    >>> from ragft.tree.loader import default_tree
    >>> gate = default_tree().gate("knowledge")
    >>> interpret("2", gate), interpret(" STATIC ", gate), interpret("B", gate)
    ('answer:static', 'answer:static', 'back')
    >>> interpret("3", gate) is None, interpret("flips", None, ("build", "flips"))
    (True, 'open:flips')
    """
    said = text.strip().lower()
    if said in ACTIONS:
        return ACTIONS[said]
    options = gate.answer_ids if gate is not None else parts
    prefix = "answer:" if gate is not None else "open:"
    if said.isdigit() and 1 <= int(said) <= len(options):
        return prefix + options[int(said) - 1]
    return prefix + said if said in options else None


class _Walk:
    """The answers so far: a stack, so back pops one and restart empties it."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.answers: list[tuple[str, str]] = []
        self.undone: dict[str, str] = {}  # answers taken back, to highlight when asked again

    def decision(self) -> Decision:
        return decide(dict(self.answers), self.tree)

    def act(self, action: str, out: Out) -> bool:
        """Apply back/restart; False for quit."""
        if action == "quit":
            return False
        if action == "restart":
            self.undone.update(self.answers)
            self.answers.clear()
        elif action == "back":
            if self.answers:
                gate, answer = self.answers.pop()
                self.undone[gate] = answer
            else:
                out.para(WORDS["first_question"], style="ragft.hint")
        return True


def _numbers(count: int) -> str:
    return f"1-{count}, " if count else ""


def run_walk(stdin: TextIO, stdout: TextIO, tree: Tree | None = None, *,
             tty: bool | None = None, end: Callable[[Decision], int] | None = None) -> int:
    """Walk ``tree`` with a person at ``stdin``/``stdout``; return the exit code (0).

    ``tty`` picks the front end (default: the arrow-key lists when both ends are a terminal).
    Ending the input (Ctrl-D, or the end of a pipe) quits like ``q``. ``end``, when given, is
    called with the decision the walk ended on (``ragft walk -o`` writes its record) and its
    result is the exit code.
    """
    tree = tree or default_tree()
    out = Out(make_console(stdout))
    use_lists = interactive(stdin, stdout) if tty is None else tty
    out.para(tree.title, style="ragft.title")
    out.para(WORDS["keys_tty" if use_lists else "keys_lines"], style="ragft.hint")
    walk = _Walk(tree)
    code = _walk_lists(walk, out) if use_lists else _walk_lines(walk, out, stdin)
    return code if end is None else end(walk.decision())


def _walk_lines(walk: _Walk, out: Out, stdin: TextIO) -> int:
    ask = True
    while True:
        decision = walk.decision()
        gate = None if decision.next_gate is None else walk.tree.gate(decision.next_gate)
        if ask:
            out.blank()
            if gate is not None:
                view = gate_view(gate, walk.tree, dict(walk.answers))
                print_question(out, view, len(walk.answers) + 1, numbered=True)
            else:
                print_card(out, card(decision))
                out.blank()
                out.para(WORDS["result_keys_lines"], style="ragft.hint")
        out.console.print("> ", end="")
        out.console.file.flush()
        line = stdin.readline()
        if not line:
            out.blank()
            return 0
        if not stdin.isatty():  # nothing echoed what was read: say it, so the log reads right
            out.console.print(line.strip(), soft_wrap=True)
        action = interpret(line, gate)
        ask = action is not None
        if not line.strip():
            continue  # an empty line just asks again, quietly
        if action is None:
            key = "not_understood" if gate is not None else "not_understood_result"
            count = len(gate.answers) if gate is not None else 0
            out.para(WORDS[key].format(text=line.strip(), numbers=_numbers(count)))
        elif action.startswith("answer:") and gate is not None:
            _answered(walk, out, gate, action.removeprefix("answer:"))
        elif not walk.act(action, out):
            return 0
        elif action == "back" and not walk.answers and not decision.path:
            ask = False  # "already at the first question": the question is still on screen


def _answered(walk: _Walk, out: Out, gate: Gate, answer_id: str) -> None:
    """Take the answer and say what it means."""
    walk.answers.append((gate.id, answer_id))
    walk.undone.pop(gate.id, None)
    out.para(gate.answer(answer_id).meaning, first="  ", style="ragft.hint")


def _walk_lists(walk: _Walk, out: Out) -> int:
    opened, fresh = FIRST_OPEN, True
    while True:
        decision = walk.decision()
        try:
            if decision.next_gate is not None:
                gate = walk.tree.gate(decision.next_gate)
                action = _ask_gate(out, walk, gate)
                if action.startswith("answer:"):
                    _chosen(out, gate, action.removeprefix("answer:"))
                    _answered(walk, out, gate, action.removeprefix("answer:"))
                    continue
            else:
                shown = card(decision)
                parts = tuple(s.id for s in shown.sections)
                opened = opened if opened in parts else parts[0]
                _result(out, shown, opened, first=fresh)
                fresh = False
                action = _ask_part(shown, parts, opened)
                if action.startswith("open:"):
                    opened = action.removeprefix("open:")
                    continue
                opened, fresh = FIRST_OPEN, True
        except EOFError:
            return 0
        if not walk.act(action, out):
            return 0


def _ask_gate(out: Out, walk: _Walk, gate: Gate) -> str:
    """Print the question, then let the person pick an answer from the list (or b, r, q)."""
    from .menu import Choice, choose

    view = gate_view(gate, walk.tree, dict(walk.answers))
    out.blank()
    print_question(out, view, len(walk.answers) + 1, numbered=False)
    out.blank()
    before = walk.undone.get(gate.id, "")
    numbers = _numbers(len(gate.answers))

    def read(text: str) -> str | None:
        return interpret(text, gate)

    def refuse(text: str) -> str:
        return WORDS["not_understood"].format(text=text, numbers=numbers)

    return choose([Choice(f"answer:{a.id}", a.label, a.id) for a in view.answers],
                  interpret=read, refuse=refuse, hint=WORDS["hint_tty"],
                  selected=gate.answer_ids.index(before) if before in gate.answer_ids else 0)


def _ask_part(shown: Card, parts: tuple[str, ...], opened: str) -> str:
    """Let the person open another part of the recommendation (or b, r, q)."""
    from .menu import Choice, choose

    def read(text: str) -> str | None:
        return interpret(text, None, parts)

    def refuse(text: str) -> str:
        return WORDS["not_understood_result"].format(text=text, numbers=_numbers(len(parts)))

    return choose([Choice(f"open:{s.id}", f"{s.heading} ({len(s.items)})")
                   for s in shown.sections],
                  interpret=read, refuse=refuse, hint=WORDS["result_keys_tty"],
                  selected=parts.index(opened))


def _chosen(out: Out, gate: Gate, answer_id: str) -> None:
    """The answer, said once the list is gone: ``✓ Pre-check 1: Yes  prompting=yes``."""
    said = rich_text(())
    said.append("✓ ", style="ragft.chosen")
    said.append(f"{gate.label}: ", style="ragft.hint")
    said.append(gate.answer(answer_id).label, style="ragft.strong")
    said.append(f"  {gate.id}={answer_id}", style="ragft.code")
    out.para(said, rest="  ")


def _result(out: Out, shown: Card, opened: str, *, first: bool) -> None:
    """The recommendation first, the path in one line, then the one part that is open.

    After the first view each part opens on a cleared screen with the recommendation on top,
    so a long part never pushes the recommendation off a small terminal.
    """
    if first:
        out.blank()
    else:
        out.clear()
    print_card_head(out, shown, summary=first)
    out.blank()
    print_path(out, shown)
    for section in shown.sections:
        if section.id == opened:
            out.blank()
            print_section(out, section)
    out.blank()

"""What the ``ragft`` commands share: the program's name, the answers' decision, the exit code
of answers that stop early, and a line on stderr."""

from __future__ import annotations

import argparse
import sys

from ..engine.decision import Decision, decide, parse_answers
from ..errors import IncompleteDecisionError
from ..tree.model import Tree

PROG = "ragft"


def decision_of(args: argparse.Namespace, tree: Tree) -> Decision:
    """The answers' decision; answers the walk never reaches are named on stderr."""
    from ..present.content import off_path_notice
    from ..present.text import plain

    decision = decide(parse_answers(args.answers, tree), tree)
    for notice in off_path_notice(decision):
        say_err("warning", plain(notice))
    return decision


def unfinished(decision: Decision, what: str, level: str = "warning") -> int:
    """Exit code 3 and a line on stderr while the answers stop before a recommendation."""
    if decision.complete:
        return 0
    gate = decision.tree.gate(str(decision.next_gate))
    say_err(level, str(IncompleteDecisionError(what, gate.id, gate.answer_ids)))
    return 3


def say_err(level: str, message: str) -> None:
    """One line on stderr, styled for its level (``warning``, ``error``)."""
    from .render import say

    say(sys.stderr, level, message)

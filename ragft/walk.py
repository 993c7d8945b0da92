"""The tree in a terminal: one question at a time, with back and restart (``ragft walk``).

Input is read line by line, so the walk works the same typed by a person or piped in a test.
Every step asks :func:`ragft.engine.decide`; nothing here decides on its own.

Example:
    >>> import io
    >>> out = io.StringIO()
    >>> run_walk(io.StringIO("2\\n2\\n2\\n1\\nq\\n"), out)
    0
    >>> "Put the corpus in context, with prompt caching" in out.getvalue()
    True
"""

from __future__ import annotations

import textwrap
from typing import TextIO

from .engine import Decision, decide
from .loader import default_tree
from .model import Gate, Tree

__all__ = ["describe_decision", "describe_next", "run_walk"]

HELP = "Answer with a number (or the answer's id); b = back, r = restart, q = quit."


def _flip_text(decision: Decision) -> list[str]:
    tree = decision.tree
    lines = []
    for f in decision.flips:
        gate = tree.gate(f.gate)
        alt = gate.answer(f.alternative)
        if f.lands_at is not None:
            where = f"{tree.exit(f.lands_at).title} ({f.lands_at})"
        else:
            where = f"{tree.gate(f.leads_to).label} ({f.leads_to}), still to answer"
        lines.append(f"  - {gate.label}: '{alt.label}' ({f.gate}={f.alternative}) -> {where}")
    return lines


def _path_text(decision: Decision) -> str:
    return " -> ".join(f"{s.gate}={s.answer}" for s in decision.path) or "(no answers)"


def _off_path(decision: Decision) -> list[str]:
    """The line naming answers the walk never reached, if any (as the site walker says it)."""
    if not decision.off_path:
        return []
    ignored = ", ".join(f"{g}={a}" for g, a in decision.off_path)
    return ["", f"Not on the path, so not used: {ignored}"]


def describe_decision(decision: Decision) -> str:
    """Plain text of a decision: the exit, the path, what would flip it (or the next question)."""
    tree = decision.tree
    if decision.exit is None:
        return describe_next(decision)
    ex = tree.exit(decision.exit)
    lines = [
        f"Recommendation: {ex.title}",
        f"Exit: {ex.id} ({tree.kind(ex.kind).label})",
        f"Path: {_path_text(decision)}",
        "",
        ex.summary,
        "",
        "What to build:",
        *[f"  - {item}" for item in ex.build],
        *(["", "Warnings:", *[f"  - {w}" for w in ex.warnings]] if ex.warnings else []),
        "",
        "What would flip it:",
        *_flip_text(decision),
        *_off_path(decision),
    ]
    return "\n".join(lines)


def describe_next(decision: Decision) -> str:
    """Plain text for an unfinished decision: where it stopped and the answers allowed there.

    A finished decision is described in full instead (:func:`describe_decision`).
    """
    if decision.next_gate is None:
        return describe_decision(decision)
    gate = decision.tree.gate(decision.next_gate)
    width = max(len(f"{gate.id}={a.id}") for a in gate.answers)
    lines = [
        f"Not finished: {gate.label} ({gate.id}) needs an answer.",
        f"Path so far: {_path_text(decision)}",
        f"Next question: {gate.question}",
        "Allowed answers:",
        *[f"  {f'{gate.id}={a.id}':<{width}}  {a.label}" for a in gate.answers],
        *_off_path(decision),
    ]
    return "\n".join(lines)


def _ask(gate: Gate, step: int) -> str:
    explanation = textwrap.fill(gate.explanation, 78)
    options = "\n".join(f"  {n}. {a.label}" for n, a in enumerate(gate.answers, 1))
    return (f"\n[{step}] {gate.label}: {gate.title}\n{gate.question}\n\n{explanation}\n\n"
            f"{options}\n")


def _meaning(gate: Gate, answer_id: str) -> str:
    """What an answer means, said right after it is chosen."""
    return textwrap.indent(textwrap.fill(gate.answer(answer_id).meaning, 76), "  ") + "\n"


def _choice(text: str, gate: Gate) -> str | None:
    """The answer id a typed line picks, or None if it picks nothing."""
    if text.isdigit() and 1 <= int(text) <= len(gate.answers):
        return gate.answers[int(text) - 1].id
    return text if text in gate.answer_ids else None


def run_walk(stdin: TextIO, stdout: TextIO, tree: Tree | None = None) -> int:
    """Walk ``tree`` reading answers from ``stdin``; return the exit code (0).

    Ending the input (Ctrl-D, or the end of a pipe) quits like ``q``.
    """
    tree = tree or default_tree()
    answers: list[tuple[str, str]] = []

    def say(text: str) -> None:
        stdout.write(text)
        stdout.flush()

    say(f"{tree.title}\n{HELP}\n")
    while True:
        decision = decide(dict(answers), tree)
        if decision.exit is None:
            assert decision.next_gate is not None
            gate = tree.gate(decision.next_gate)
            say(_ask(gate, len(answers) + 1))
        else:
            gate = None
            say("\n" + describe_decision(decision) + "\n\nb = back, r = restart, q = quit\n")
        say("> ")
        line = stdin.readline()
        if not line:
            say("\n")
            return 0
        text = line.strip().lower()
        if text == "q":
            return 0
        if text == "r":
            answers.clear()
        elif text == "b":
            if answers:
                answers.pop()
            else:
                say("Already at the first question.\n")
        elif not text:
            continue  # an empty line just asks again
        elif gate is not None and (choice := _choice(text, gate)) is not None:
            answers.append((gate.id, choice))
            say(_meaning(gate, choice))
        else:
            allowed = f"1-{len(gate.answers)}, " if gate is not None else ""
            say(f"Not understood: {line.strip()!r}. Type {allowed}b, r or q.\n")

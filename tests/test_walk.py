"""The terminal walk read line by line, as a pipe or a script drives it (no terminal).

The arrow-key walk on a real terminal is driven in tests/test_terminal.py.
"""

from __future__ import annotations

import io

import pytest

from ragft.engine.decision import all_states, all_walks, decide
from ragft.present.cli_words import WORDS
from ragft.present.content import card, gate_name, gate_view
from ragft.present.text import plain
from ragft.terminal.walk import interpret, run_walk
from ragft.tree.model import Tree


def walk(text: str, tree: Tree) -> tuple[int, str]:
    out = io.StringIO()
    code = run_walk(io.StringIO(text), out, tree)
    return code, out.getvalue()


def numbers(answers: dict[str, str], tree: Tree) -> list[str]:
    return [str(tree.gate(g).answer_ids.index(a) + 1) for g, a in answers.items()]


def asked(out: str) -> list[str]:
    """The gate names of the questions asked, in order (``[1] Pre-check 1 (...)``)."""
    return [line.split("] ", 1)[1] for line in out.splitlines() if line.startswith("[")]


def test_every_walk_by_numbers_and_by_ids(tree: Tree) -> None:
    for decision in all_walks(tree):
        shown = card(decision)
        ids = list(decision.answers.values())
        for typed in (numbers(decision.answers, tree), ids, [i.upper() for i in ids]):
            code, out = walk("\n".join([*typed, "q"]) + "\n", tree)
            assert code == 0
            # Each question on the path was asked once, in order, and nothing else was.
            assert asked(out) == [gate_name(tree.gate(g)) for g in decision.answers]
            lines = out.splitlines()
            for step in decision.path:
                view = gate_view(tree.gate(step.gate), tree)
                assert view.question in lines
                assert view.explanation in lines
                for n, ans in enumerate(view.answers, 1):
                    assert f"  {n}. {ans.label} ({ans.id})" in lines  # numbered, ids shown
                assert f"  {tree.gate(step.gate).answer(step.answer).meaning}" in lines
            # The recommendation in the presentation layer's words, one item per line.
            assert [shown.kicker, shown.title, shown.line] == lines[
                lines.index(shown.kicker):lines.index(shown.kicker) + 3]
            for section in shown.sections:
                assert section.heading in lines
                for item in section.items:
                    assert any(line.endswith(plain(item)) for line in lines), plain(item)


def test_every_gate_lists_its_answers_in_tree_order(tree: Tree) -> None:
    """The same order at every gate: number n is the tree's n-th answer, ids beside them."""
    for state in (d for d in all_states(tree) if not d.complete):
        text = "\n".join(numbers(state.answers, tree)) + "\n"
        _, out = walk(text, tree)
        gate = tree.gate(str(state.next_gate))
        tail = out.rsplit(gate_name(gate), 1)[1]
        listed = [line for line in tail.splitlines() if line.startswith("  ") and ". " in line]
        assert listed == [f"  {n}. {a.label} ({a.id})" for n, a in enumerate(gate.answers, 1)]


def test_back_and_restart(tree: Tree) -> None:
    first = tree.gate(tree.root)
    no, yes = first.answers[0], first.answers[1]
    code, out = walk("1\nb\n2\nq\n", tree)
    assert code == 0
    assert out.count(f"] {gate_name(first)}") == 2  # asked twice: [1] Pre-check 1 (...)
    assert card(decide({first.id: no.id}, tree)).title in out
    # After a recommendation: back returns to the last question, restart to the first.
    code, out = walk("1\nb\nr\n2\nq\n", tree)
    assert out.count(f"] {gate_name(first)}") == 3
    second = tree.gate(yes.next)
    assert out.endswith("> q\n")
    assert gate_name(second) in out.rsplit("[1]", 1)[1]


def test_bad_input_gets_one_line_and_not_the_question_again(tree: Tree) -> None:
    first = tree.gate(tree.root)
    code, out = walk("b\n9\nmaybe\n\n", tree)
    assert code == 0
    assert WORDS["first_question"] in out
    count = len(first.answers)
    for typed in ("9", "maybe"):
        assert WORDS["not_understood"].format(text=typed, numbers=f"1-{count}, ") in out
    assert "Not understood: ''" not in out  # an empty line just asks again
    assert out.count(first.question) == 1  # never reprinted for a line that picked nothing
    # At a recommendation, numbers pick nothing: only b, r and q are offered.
    _, out = walk("1\n1\n", tree)
    assert WORDS["not_understood_result"].format(text="1", numbers="") in out


def test_end_of_input_quits(tree: Tree) -> None:
    code, out = walk("2\n", tree)
    assert code == 0
    assert out.endswith("> \n")


def test_a_pipe_gets_no_escape_codes_and_no_wrapping(tree: Tree) -> None:
    deepest = max(all_walks(tree), key=lambda d: len(d.path))
    _, out = walk("\n".join(numbers(deepest.answers, tree)) + "\nq\n", tree)
    assert "\x1b" not in out
    longest = max(len(line) for line in out.splitlines())
    assert longest > 100, "a pipe keeps each paragraph on one line for scripts"


@pytest.mark.parametrize(("typed", "expected"), [
    ("b", "back"), (" R ", "restart"), ("q", "quit"), ("quit", "quit"), ("", None), ("0", None),
])
def test_interpret_actions(tree: Tree, typed: str, expected: str | None) -> None:
    assert interpret(typed, tree.gate(tree.root)) == expected


def test_interpret_answers_by_number_and_id(tree: Tree) -> None:
    for gate in tree.gates:
        for n, ans in enumerate(gate.answers, 1):
            assert interpret(str(n), gate) == f"answer:{ans.id}"
            assert interpret(ans.id.upper(), gate) == f"answer:{ans.id}"
        assert interpret(str(len(gate.answers) + 1), gate) is None

"""The terminal walk, driven through its text input as a person (or a pipe) would."""

from __future__ import annotations

import io

from ragft.engine import all_walks, decide
from ragft.model import Tree
from ragft.walk import describe_decision, describe_next, run_walk


def walk(text: str, tree: Tree) -> tuple[int, str]:
    out = io.StringIO()
    code = run_walk(io.StringIO(text), out, tree)
    return code, out.getvalue()


def numbers(answers: dict[str, str], tree: Tree) -> list[str]:
    return [str(tree.gate(g).answer_ids.index(a) + 1) for g, a in answers.items()]


def test_every_walk_by_numbers_and_by_ids(tree: Tree) -> None:
    for decision in all_walks(tree):
        for typed in (numbers(decision.answers, tree), list(decision.answers.values())):
            code, out = walk("\n".join([*typed, "q"]) + "\n", tree)
            assert code == 0
            assert describe_decision(decision) in out
            # Each question on the path was asked once, in order, and nothing else was.
            asked = [line.split("] ", 1)[1].split(":")[0] for line in out.splitlines()
                     if line.startswith("[")]
            assert asked == [tree.gate(g).label for g in decision.answers]
            # Each question comes with its explanation, each answer with what it means.
            flat = " ".join(out.split())
            for step in decision.path:
                gate = tree.gate(step.gate)
                assert " ".join(gate.explanation.split()) in flat
                assert " ".join(gate.answer(step.answer).meaning.split()) in flat


def test_back_and_restart(tree: Tree) -> None:
    first = tree.gate(tree.root)
    yes, no = first.answers[1], first.answers[0]
    code, out = walk("2\nb\n1\nq\n", tree)
    assert code == 0
    assert describe_decision(decide({first.id: no.id}, tree)) in out
    assert out.count(f"{first.label}: {first.title}") == 2
    # After a recommendation: back returns to the last question, restart to the first.
    code, out = walk("1\nb\nr\n2\nq\n", tree)
    assert out.count(f"{first.label}: {first.title}") == 3
    second = tree.gate(yes.next)
    assert out.endswith("> ")
    assert f"{second.label}: {second.title}" in out.rsplit("[1]", 1)[1]


def test_back_at_the_first_question_and_bad_input(tree: Tree) -> None:
    first = tree.gate(tree.root)
    code, out = walk("b\n9\nmaybe\n\n", tree)
    assert code == 0
    assert "Already at the first question." in out
    assert f"Not understood: '9'. Type 1-{len(first.answers)}, b, r or q." in out
    assert "Not understood: 'maybe'." in out
    assert "Not understood: ''" not in out  # an empty line just asks again
    assert out.count(first.question) == 5  # asked again after every line that picked nothing


def test_end_of_input_quits(tree: Tree) -> None:
    code, out = walk("2\n", tree)
    assert code == 0
    assert out.endswith("> \n")


def test_describe_next_lists_allowed_answers(tree: Tree) -> None:
    for gate in tree.gates:
        from ragft.engine import path_to

        text = describe_next(decide(path_to(gate.id, tree), tree))
        assert f"Next question: {gate.question}" in text
        for ans in gate.answers:
            assert f"{gate.id}={ans.id}" in text


def test_unfinished_walk_names_answers_it_did_not_use(tree: Tree) -> None:
    for gate in tree.gates[1:]:  # every gate but the root: unreachable without the root's answer
        for answer in gate.answers:
            text = describe_next(decide({gate.id: answer.id}, tree))
            assert text.endswith(f"Not on the path, so not used: {gate.id}={answer.id}")
    assert "Not on the path" not in describe_next(decide({}, tree))


def test_describe_next_of_a_finished_walk_describes_it(tree: Tree) -> None:
    done = next(iter(all_walks(tree)))
    assert describe_next(done) == describe_decision(done)

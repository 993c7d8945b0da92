"""Where an answer leads, said as the engine decides it, by every renderer and in every state.

For each state a walk can be in that waits at a gate, and each answer of that gate, the exit
:func:`decide` reaches (or the gate it asks next) is what the notebook question, the walker's
recap, the presentation layer's question form (the terminal's and the site's) and the site
walker's data name, and no other exit is named. Walks come from the tree, so a new gate or exit
is covered with no new test code.
"""

from __future__ import annotations

import re

import pytest

from ragft.engine.decision import Decision, all_states, decide
from ragft.present.content import gate_view, leads_to
from ragft.present.text import plain
from ragft.tree.loader import default_tree
from ragft.web.payload import tree_payload
from ragft.widgets._path import AnswerPath

TREE = default_tree()
WAITING = [d for d in all_states(TREE) if d.next_gate is not None]
CASES = [(d, a.id) for d in WAITING for a in TREE.gate(str(d.next_gate)).answers]
PAYLOAD = tree_payload(TREE)


def _id(case: tuple[Decision, str]) -> str:
    decision, answer = case
    return "&".join([*(f"{g}={a}" for g, a in decision.answers.items()),
                     f"{decision.next_gate}={answer}"])


def _named_exits(text: str) -> set[str]:
    """The exits whose titles a text names."""
    return {e.id for e in TREE.exits if e.title in text}


def _check(text: str, decision: Decision, answer: str) -> None:
    after = decide({**decision.answers, str(decision.next_gate): answer}, TREE)
    flat = re.sub(r"<[^>]+>", "", text).replace("&#x27;", "'").replace("&amp;", "&")
    if after.exit is not None:
        # A title can contain another's ("RAG" in "Fine-tune ... RAG"): compare the longest.
        named = _named_exits(flat)
        assert after.exit in named, f"does not name {after.exit!r}: {flat!r}"
        others = {n for n in named
                  if not any(TREE.exit(n).title in TREE.exit(m).title for m in named - {n})}
        assert others == {after.exit}, f"names {others} where decide reaches {after.exit!r}"
    else:
        assert TREE.gate(str(after.next_gate)).label in flat
        assert not _named_exits(flat), f"names an exit before the walk ends: {flat!r}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_notebook_question_and_recap_say_what_decide_says(case: tuple[Decision, str]
                                                               ) -> None:
    decision, answer = case
    path = AnswerPath(TREE, recap=True, answers=decision.answers)
    question = path.question(str(decision.next_gate))
    question.answer = answer
    _check(question.meaning.value, decision, answer)
    assert path.recap is not None
    _check(path.recap.value, decision, answer)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_question_form_says_what_decide_says(case: tuple[Decision, str]) -> None:
    decision, answer = case
    view = gate_view(TREE.gate(str(decision.next_gate)), TREE, decision.answers)
    leads = {a.id: a.leads_to for a in view.answers}
    _check(plain(leads[answer]), decision, answer)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_site_walker_data_says_what_decide_says(case: tuple[Decision, str]) -> None:
    decision, answer = case
    leads = PAYLOAD["states"][decision.key]["leads"][answer]
    _check("".join(part[0] for part in leads), decision, answer)


@pytest.mark.parametrize("gate", TREE.gates, ids=lambda g: g.id)
def test_out_of_a_walk_an_answer_names_every_exit_it_can_reach(gate: object) -> None:
    """A question shown on its own (no walk before it) names each exit its answer can end at."""
    for ans in TREE.gate(gate.id).answers:  # type: ignore[attr-defined]
        reached = {d.exit for d in all_states(TREE) if d.exit is not None
                   and any(s.gate == gate.id and s.answer == ans.id and s.next == d.exit  # type: ignore[attr-defined]
                           for s in d.path)}
        assert reached <= _named_exits(plain(leads_to(TREE, ans.next)))

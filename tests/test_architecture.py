"""Combining a use case's requirements into one architecture."""

from __future__ import annotations

import pytest

from ragft.engine.architecture import combine, combine_case
from ragft.engine.decision import all_walks
from ragft.errors import IncompleteDecisionError, RagftError, UnknownAnswerError
from ragft.tree.loader import default_tree
from ragft.tree.model import Tree

TREE = default_tree()


def test_running_example_is_rag_plus_prompts(tree: Tree) -> None:
    arch = combine_case(tree.example)
    assert arch.summary == "RAG + prompts"
    assert arch.exits == ("rag_dynamic", "rag_reference", "rag_prompts")
    assert arch.components == ("retrieval", "prompting")
    assert [name for name, _ in arch.decisions] == [r.name for r in tree.example.requirements]  # type: ignore[union-attr]


@pytest.mark.parametrize("exit_id", TREE.exit_ids)
def test_one_requirement_gives_its_exit_components(exit_id: str) -> None:
    walk = next(d for d in all_walks() if d.exit == exit_id)
    arch = combine({"only": walk.answers})
    needed = TREE.exit(exit_id).components
    assert arch.components == tuple(c.id for c in TREE.components if c.id in needed)
    labels = [TREE.component(c).label for c in arch.components]
    assert arch.summary.lower() == " + ".join(labels).lower()


def test_hybrid_and_long_context_combine_in_tree_order() -> None:
    hybrid = {"prompting": "yes", "context": "no", "knowledge": "static", "depth": "deep",
              "data": "yes", "format": "no", "budget": "yes"}
    handbook = {"prompting": "yes", "context": "yes", "knowledge": "static", "depth": "reference"}
    arch = combine([("behaviour", hybrid), ("handbook", handbook)])
    assert arch.summary == "Fine-tuning + RAG + long context + prompts"


def test_incomplete_requirement_is_named() -> None:
    message = r"requirement 'voice' is not finished: gate 'depth'"
    with pytest.raises(IncompleteDecisionError, match=message):
        combine({"voice": {"prompting": "yes", "context": "no", "knowledge": "static"}})


def test_bad_answers_and_empty_cases() -> None:
    with pytest.raises(UnknownAnswerError):
        combine({"x": {"knowledge": "sometimes"}})
    with pytest.raises(RagftError, match="at least one requirement"):
        combine({})


def test_warnings_of_every_part_carry_over(tree: Tree) -> None:
    arch = combine_case(tree.example)
    expected = [w for e in arch.exits for w in tree.exit(e).warnings]
    assert list(arch.warnings) == list(dict.fromkeys(expected))
    assert set(tree.exit("rag_reference").warnings) <= set(arch.warnings)
    only_prompts = combine({"one": {"prompting": "no"}})
    assert only_prompts.warnings == tree.exit("prompt_first").warnings

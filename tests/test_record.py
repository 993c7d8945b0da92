"""Decision records: content, atomic writes, and reading them back for workshop charts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ragft._io import write_atomic
from ragft.engine import Decision, all_walks, decide
from ragft.errors import IncompleteDecisionError, OutputExistsError, RagftError, UnknownNodeError
from ragft.loader import default_tree
from ragft.record import decision_record, path_sources, read_record, tally_records

WALKS = list(all_walks())


@pytest.mark.parametrize("walk", WALKS, ids=lambda d: d.exit)
def test_record_holds_answers_build_flips_revisit_sources(walk: Decision) -> None:
    tree = walk.tree
    text = decision_record(walk, date="2026-01-31", title="Our assistant")
    ex = tree.exit(walk.exit or "")
    assert text.startswith(f"# Decision record: {ex.title}\n")
    assert "**Use case:** Our assistant" in text
    assert "**Date:** 2026-01-31" in text
    for step in walk.path:
        assert f"`{step.gate}={step.answer}`" in text
        assert tree.gate(step.gate).answer(step.answer).meaning in text
    for item in ex.build + ex.warnings + tree.revisit:
        assert item in text
    for flip in walk.flips:
        assert f"`{flip.gate}={flip.alternative}`" in text
    for sid in path_sources(walk):
        assert tree.source(sid).title in text
    assert read_record(text, tree) == walk.exit


def test_record_needs_a_finished_walk() -> None:
    with pytest.raises(IncompleteDecisionError, match="a decision record is not finished"):
        decision_record(decide({"prompting": "yes"}))


def test_write_atomic_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "d.md"
    write_atomic(target, "one")
    with pytest.raises(OutputExistsError, match=r"d\.md already exists \(pass --force"):
        write_atomic(target, "two")
    assert target.read_text() == "one"
    write_atomic(target, "three", force=True)
    assert target.read_text() == "three"
    assert os.listdir(tmp_path) == ["d.md"]  # no temporary file left behind


def test_write_atomic_leaves_nothing_on_failure(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_atomic(tmp_path / "x.md", 42)  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []


def test_tally_records(tmp_path: Path) -> None:
    tree = default_tree()
    for n, walk in enumerate(WALKS + WALKS[:2]):
        (tmp_path / f"group{n}.md").write_text(decision_record(walk), encoding="utf-8")
    counts = tally_records(tmp_path, tree)
    assert sum(counts.values()) == len(WALKS) + 2
    assert counts[WALKS[0].exit or ""] == 2


def test_tally_rejects_other_files(tmp_path: Path) -> None:
    tree = default_tree()
    (tmp_path / "notes.md").write_text("# just notes\n", encoding="utf-8")
    with pytest.raises(RagftError, match=r"notes\.md: not a ragft decision record"):
        tally_records(tmp_path, tree)
    with pytest.raises(RagftError, match="no such folder"):
        tally_records(tmp_path / "missing", tree)
    bad = "- **Recommendation:** Something (`teleport`, RAG)\n"
    with pytest.raises(UnknownNodeError, match=r"unknown exit 'teleport'"):
        read_record(bad, tree)


def test_write_atomic_gives_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "shared.md", "text")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644

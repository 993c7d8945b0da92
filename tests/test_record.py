"""Decision records: content, atomic writes, and reading them back for workshop charts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ragft._io import write_atomic
from ragft.engine import Decision, all_walks, decide
from ragft.errors import IncompleteDecisionError, OutputExistsError, RagftError
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
    with pytest.raises(OutputExistsError, match=r"d\.md already exists$"):
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


def test_tally_reports_other_files_instead_of_failing(tmp_path: Path) -> None:
    tree = default_tree()
    (tmp_path / "team-a.md").write_text(decision_record(WALKS[0]), encoding="utf-8")
    (tmp_path / "README.md").write_text("# just notes\n", encoding="utf-8")
    bad = "- **Recommendation:** Something (`teleport`, RAG)\n"
    (tmp_path / "team-b.md").write_text(bad, encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\xff\xfe\x00")
    tally = tally_records(tmp_path, tree)
    assert tally == {WALKS[0].exit: 1}
    reasons = dict(tally.skipped)
    assert sorted(reasons) == ["README.md", "binary.md", "team-b.md"]
    assert "not a ragft decision record" in reasons["README.md"]
    assert reasons["team-b.md"].startswith("unknown exit 'teleport' (must be one of")
    with pytest.raises(RagftError, match="no such folder"):
        tally_records(tmp_path / "missing", tree)


def test_read_record_names_the_file() -> None:
    tree = default_tree()
    bad = "- **Recommendation:** Something (`teleport`, RAG)\n"
    with pytest.raises(RagftError, match=r"^team-b\.md: unknown exit 'teleport' \(must be one of"):
        read_record(bad, tree, origin="team-b.md")
    with pytest.raises(RagftError, match=r"^notes\.md: not a ragft decision record"):
        read_record("# notes", tree, origin="notes.md")

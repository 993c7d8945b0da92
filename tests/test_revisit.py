"""`ragft revisit`: a record's answers decided again against the current tree, exit codes as
diff's (0 every decision stands, 1 one changed, 2 bad input)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from conftest import run_cli as run
from ragft.engine.decision import all_walks, decide
from ragft.records.case import CaseRequirement, case_record
from ragft.records.madr import record_markdown
from ragft.records.read import read_record
from ragft.records.revisit import Revisit, _revisit
from ragft.records.template import RecordFields
from ragft.tree.loader import load_tree
from ragft.tree.model import Tree

WALKS = list(all_walks())


def tree_copy(tmp_path: Path, change: Callable[[dict[str, Any]], None], name: str) -> Path:
    """ragft's tree file with ``change`` applied; its worked examples are dropped, since a
    changed tree no longer decides them as they say."""
    data = yaml.safe_load((ROOT / "ragft" / "tree" / "data" / "tree.yaml").read_text(encoding="utf-8"))
    data.pop("example", None)
    data.pop("cases", None)
    for gate in data["gates"]:
        gate.pop("example", None)
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def gate_of(data: dict[str, Any], gate_id: str) -> dict[str, Any]:
    return next(g for g in data["gates"] if g["id"] == gate_id)


def swap_answers(gate_id: str) -> Callable[[dict[str, Any]], None]:
    """Swap where a gate's first two answers lead (and the knowledge layer they set)."""
    def change(data: dict[str, Any]) -> None:
        first, second = gate_of(data, gate_id)["answers"][:2]
        for key in ("next", "layer"):
            a, b = first.pop(key, None), second.pop(key, None)
            if b is not None:
                first[key] = b
            if a is not None:
                second[key] = a
    return change



@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    for n, walk in enumerate(WALKS, 1):
        (folder / f"{n:04}-{walk.exit}.md").write_text(
            record_markdown(walk, RecordFields(date="2026-01-31")), encoding="utf-8")
    return folder


def test_every_record_stands_against_its_own_tree(capsys: pytest.CaptureFixture[str],
                                                   records: Path, tree: Tree) -> None:
    code, out, err = run(capsys, "revisit", records)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == len(WALKS)  # a folder prints one line per record
    for line, walk in zip(lines, WALKS, strict=True):
        assert line.endswith(f"-{walk.exit}.md: stands: {walk.exit} "
                             f"({tree.exit(walk.exit or '').title})")


@pytest.mark.parametrize("gate_id", [g.id for g in load_tree().gates])
def test_a_changed_gate_changes_the_records_that_pass_it(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, records: Path, gate_id: str) -> None:
    changed = load_tree(tree_copy(tmp_path, swap_answers(gate_id), gate_id))
    expect_changed = []
    for walk in WALKS:
        now = decide(walk.answers, changed)
        if now.exit != walk.exit:
            expect_changed.append(walk)
        else:  # only a walk through the gate can change
            assert now.answers == walk.answers or gate_id not in walk.answers
    assert expect_changed, f"swapping {gate_id}'s answers changed no walk"
    code, out, err = run(capsys, "--tree", tree_copy(tmp_path, swap_answers(gate_id), gate_id),
                         "revisit", records)
    assert (code, err) == (1, "")
    lines = dict(line.split(": ", 1) for line in out.splitlines())
    for n, walk in enumerate(WALKS, 1):
        said = lines[str(records / f"{n:04}-{walk.exit}.md")]
        if walk in expect_changed:
            new = decide(walk.answers, changed).exit
            assert said.startswith(f"changed: {walk.exit} -> {new or 'no exit'}"), said
            assert f"'{gate_id}={walk.answers[gate_id]}'" in said, said  # names the cause
        else:
            assert said.startswith("stands: "), said


def test_a_gate_or_answer_the_tree_no_longer_has(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, records: Path) -> None:
    def rename_answer(data: dict[str, Any]) -> None:
        gate_of(data, "budget")["answers"][0]["id"] = "not_now"

    code, out, _ = run(capsys, "--tree", tree_copy(tmp_path, rename_answer, "renamed"),
                       "revisit", records)
    assert code == 1
    gone = [line for line in out.splitlines() if "no longer has" in line]
    assert gone, out
    assert all(line.endswith(": changed: the tree's gate 'budget' no longer has answer 'no' "
                             "(it has ['not_now', 'yes'])") for line in gone)


def revisit_record(text: str, tree: Tree, *, origin: str) -> Revisit:
    """One record's text revisited, as ``ragft revisit`` does for each file."""
    return _revisit(read_record(text, origin=origin), tree)


def test_case_records_are_revisited_per_requirement(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, tree: Tree) -> None:
    reqs = [CaseRequirement(f"req {w.exit}", w.answers) for w in WALKS]
    text = case_record(reqs, RecordFields(use_case="Everything", date="2026-01-31"), tree)
    assert revisit_record(text, tree, origin="case.md").line() == (
        f"case.md: stands: all {len(WALKS)} requirements")
    changed = load_tree(tree_copy(tmp_path, swap_answers("budget"), "budget"))
    line = revisit_record(text, changed, origin="case.md").line()
    assert line.startswith("case.md: changed: requirement 'req rag_prompts': rag_prompts -> ")
    stand = sum(decide(w.answers, changed).exit == w.exit for w in WALKS)
    assert 0 < stand < len(WALKS)
    assert line.endswith(f"; {stand} of {len(WALKS)} requirements stand")


@pytest.mark.parametrize(("content", "message"), [
    ("# Meeting notes\n", "notes.md: not a ragft decision record (no front matter)"),
    ("---\nragft: [\n---\n", "notes.md: malformed front matter: line 3: "),
    ("- **Recommendation:** X (`rag_dynamic`, RAG)\n", "notes.md: a decision record in ragft's "
     "earlier format, without front matter; write it again with `ragft record`"),
    (None, "notes.md: a record of the tree 'Another tree', not of 'RAG, fine-tuning, or both?' "
           "(pass its tree file with --tree)"),
])
def test_stray_files_in_a_folder_are_left_out_and_bad_on_their_own(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        records: Path, content: str | None, message: str) -> None:
    if content is None:
        content = record_markdown(WALKS[0]).replace("tree: RAG, fine-tuning, or both?",
                                                    "tree: Another tree")
    bad = records / "notes.md"
    bad.write_text(content, encoding="utf-8")
    # In a folder, a file that is not a record of the tree is left out, as the tally leaves it.
    code, out, err = run(capsys, "revisit", records)
    name, _, reason = message.partition(": ")
    assert code == 0
    assert err.startswith(f"ragft: warning: {bad.parent}/{name}: left out: {reason}")
    assert err.count("\n") == 1
    assert len(out.splitlines()) == len(WALKS)  # the records are all reported
    # Named on its own, the same file is bad input.
    code, out, err = run(capsys, "revisit", bad)
    assert (code, out) == (2, "")
    assert err.startswith(f"ragft: error: {bad.parent}/{message}")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "revisit", tmp_path / "missing.md")
    assert (code, err) == (2, f"ragft: error: {tmp_path / 'missing.md'}: no such file\n")


def test_exit_code_is_the_worst_of_the_records(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path, records: Path) -> None:
    changed = tree_copy(tmp_path, swap_answers("knowledge"), "k")
    (tmp_path / "note.md").write_text("# note\n", encoding="utf-8")
    assert run(capsys, "--tree", changed, "revisit", records)[0] == 1
    assert run(capsys, "--tree", changed, "revisit", records, tmp_path / "note.md")[0] == 2
    first = sorted(records.iterdir())[0]
    assert run(capsys, "revisit", first)[0] == 0


"""The offline records loop in the terminal: `ragft walk -o` writes the record, `ragft tally`
counts a collected folder (text and SVG), `ragft revisit` checks it; a stray notes.md in the
folder is named and left out by both."""

from __future__ import annotations

import io
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from conftest import run_cli as run
from ragft.engine.decision import all_walks, decide
from ragft.records.madr import record_markdown
from ragft.records.read import tally_records
from ragft.records.template import RecordFields
from ragft.tree.model import Tree

SAMPLE = ROOT / "notebooks" / "records-sample"
NOTES = "# Meeting notes\n\nBring cake.\n"
SVG = "{http://www.w3.org/2000/svg}"



@pytest.fixture
def collected(tmp_path: Path) -> Path:
    """A workshop's folder: the sample records and someone's meeting notes."""
    folder = tmp_path / "records"
    shutil.copytree(SAMPLE, folder)
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    return folder


def test_tally_counts_every_exit_and_kind_and_names_the_stray_file(
        capsys: pytest.CaptureFixture[str], collected: Path, tree: Tree) -> None:
    code, out, err = run(capsys, "tally", collected)
    assert code == 0
    assert err == ("ragft: warning: notes.md: left out: not a ragft decision record "
                   "(no front matter)\n")
    counts = tally_records(collected, tree)
    total = sum(counts.values())
    assert total == len(list(SAMPLE.glob("*.md")))
    assert out.splitlines()[0] == f"Where {total} decision records ended"
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    for ex in tree.exits:  # every exit, zeros too, with its count and title
        assert rows[ex.id].endswith(f" {counts.get(ex.id, 0):>3}  {ex.title}"), rows[ex.id]
    for kind in tree.kinds:
        n = sum(counts.get(e.id, 0) for e in tree.exits if e.kind == kind.id)
        line = next((ln for ln in out.splitlines() if ln.startswith(f"  {kind.label}  ")), None)
        if any(e.kind == kind.id for e in tree.exits):
            assert line is not None, kind.label
            assert line.endswith(f" {n:>3}"), kind.label


def test_tally_writes_an_svg_chart_and_never_overwrites_without_force(
        capsys: pytest.CaptureFixture[str], collected: Path, tmp_path: Path, tree: Tree) -> None:
    chart = tmp_path / "tally.svg"
    code, out, _ = run(capsys, "tally", collected, "-o", chart)
    assert code == 0
    assert out.splitlines()[-1] == str(chart)
    svg = ET.parse(chart).getroot()
    assert svg.tag == f"{SVG}svg"
    texts = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    for ex in tree.exits:
        assert f"{ex.title} ({ex.id})" in texts
    assert "notes.md" in texts  # the file left out is named under the chart
    assert svg.findtext(f"{SVG}title") == "Where 11 decision records ended"
    before = chart.read_bytes()
    code, out, err = run(capsys, "tally", collected, "-o", chart)
    assert (code, out) == (2, "")
    assert err == f"ragft: error: {chart} already exists (pass --force to overwrite it)\n"
    assert chart.read_bytes() == before
    assert run(capsys, "tally", collected, "-o", chart, "--force")[0] == 0
    text = tmp_path / "tally.txt"
    code, out, _ = run(capsys, "tally", collected, "-o", text)
    printed = out.removesuffix(f"{text}\n")
    saved = text.read_text(encoding="utf-8")
    assert code == 0
    assert saved.startswith(printed)
    assert "notes.md" in saved.removeprefix(printed)


@pytest.mark.parametrize(("argv", "message"), [
    (["-o", "tally.png"], "unknown format '.png' (must be one of ['.svg', '.txt'])"),
    (["--nope"], "unknown option '--nope'"),
])
def test_tally_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                collected: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                argv: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "tally", collected, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"ragft: error: {message}")
    assert err.count("\n") == 1
    assert list(tmp_path.glob("tally.*")) == []


def test_tally_of_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "tally", tmp_path / "nowhere")
    assert (code, out) == (2, "")
    assert err == (f"ragft: error: {tmp_path / 'nowhere'}: no such folder of decision "
                   "records\n")


def test_revisit_leaves_out_the_stray_file_as_the_tally_does(
        capsys: pytest.CaptureFixture[str], collected: Path) -> None:
    code, out, err = run(capsys, "revisit", collected)
    assert code == 0
    assert err == (f"ragft: warning: {collected / 'notes.md'}: left out: not a ragft decision "
                   "record (no front matter)\n")
    assert len(out.splitlines()) == len(list(SAMPLE.glob("*.md")))
    assert all(": stands: " in line for line in out.splitlines())


def test_revisit_help_lists_exit_codes_0_1_and_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "revisit", "--help")
    assert code == 0
    status = out.split("Exit status:")[1]
    assert [line.split()[0] for line in status.strip().splitlines()] == ["0", "1", "2"]
    assert "changed" in status


def _walk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, typed: str,
          *argv: object) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    return run(capsys, "walk", *argv)


@pytest.mark.parametrize("walk", list(all_walks()), ids=lambda d: d.exit)
def test_walk_o_writes_the_same_record_as_ragft_record(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        tree: Tree, walk: object) -> None:
    answers = walk.answers  # type: ignore[attr-defined]
    typed = "".join(f"{a}\n" for a in answers.values()) + "q\n"
    target = tmp_path / "team-blue.md"
    code, out, err = _walk(capsys, monkeypatch, typed, "-o", target)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == str(target)
    assert target.read_text(encoding="utf-8") == record_markdown(decide(answers, tree),
                                                                RecordFields())
    code, out, err = run(capsys, "record", *(f"{g}={a}" for g, a in answers.items()))
    assert out == target.read_text(encoding="utf-8")


def test_walk_o_refuses_an_existing_file_before_asking_anything(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    target = tmp_path / "team-blue.md"
    target.write_text("ours\n", encoding="utf-8")
    code, out, err = _walk(capsys, monkeypatch, "1\nq\n", "-o", target)
    assert (code, out) == (2, "")
    assert err == f"ragft: error: {target} already exists (pass --force to overwrite it)\n"
    assert target.read_text(encoding="utf-8") == "ours\n"
    code, out, err = _walk(capsys, monkeypatch, "1\nq\n", "-o", target, "--force")
    assert (code, err) == (0, "")
    assert "exit: prompt_first" in target.read_text(encoding="utf-8")


def test_walk_o_that_stops_before_a_recommendation_writes_nothing(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    target = tmp_path / "team-blue.md"
    code, _, err = _walk(capsys, monkeypatch, "2\nq\n", "-o", target)
    assert code == 3
    assert err == ("ragft: error: a decision record is not finished: gate 'context' needs an "
                   "answer (must be one of ['no', 'yes'])\n")
    assert not target.exists()

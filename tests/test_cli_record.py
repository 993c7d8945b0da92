"""`ragft record`: the team's fields, use case files, numbered ADRs; bad input is one line,
exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli as run
from ragft.engine.decision import Decision, all_walks, decide
from ragft.records.case import CaseRequirement, case_record, read_case
from ragft.records.madr import record_markdown
from ragft.records.template import RecordFields
from ragft.tree.model import Tree

WALKS = list(all_walks())
DATE = "2026-01-31"
CASE = """\
use-case: Internal knowledge assistant
decision-makers: [Ana, Bo]
requirements:
  - name: Policy and product-spec facts
    answers: {prompting: yes, context: no, knowledge: changing}
    why:
      knowledge: Policies change every quarter
  - name: Company voice
    answers:
      prompting: "yes"
      context: "no"
      knowledge: static
      depth: deep
      data: "yes"
      format: "no"
      budget: "no"
"""



def items(answers: dict[str, str]) -> list[str]:
    return [f"{g}={a}" for g, a in answers.items()]


@pytest.mark.parametrize("walk", WALKS, ids=lambda d: d.exit)
def test_the_teams_words_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                               walk: Decision) -> None:
    answers = walk.answers
    why = {g: f"reason for {g}" for g in answers}
    code, out, err = run(capsys, "record", *items(answers), "--use-case", "Support bot",
                         "--requirement", "Fresh facts", "--status", "accepted", "--by", "Ana",
                         "--by", "Bo, Cy", *(f"--why={g}={r}" for g, r in why.items()),
                         "--date", DATE)
    assert (code, err) == (0, "")
    assert out == record_markdown(decide(answers), RecordFields(
        use_case="Support bot", requirement="Fresh facts", status="accepted",
        decision_makers=["Ana", "Bo", "Cy"], why=why, date=DATE))


def test_a_use_case_file_makes_one_record(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          tree: Tree) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    code, out, err = run(capsys, "record", "--case", case, "--date", DATE, "--status", "accepted")
    assert (code, err) == (0, "")
    read = read_case(case, tree)
    assert read.use_case == "Internal knowledge assistant"
    assert read.requirements[0] == CaseRequirement(
        "Policy and product-spec facts", {"prompting": "yes", "context": "no",
                                          "knowledge": "changing"},
        {"knowledge": "Policies change every quarter"})
    assert out == case_record(read.requirements, RecordFields(
        use_case=read.use_case, status="accepted", decision_makers=["Ana", "Bo"], date=DATE), tree)


@pytest.mark.parametrize(("body", "message"), [
    ("use-case: X\nrequirements:\n  - name: A\n    answers: {prompting: yes, context: sometimes}\n",
     "line 4: requirement 'A': unknown answer 'sometimes' for gate 'context' (must be one of "
     "['no', 'yes'])"),
    ("use-case: X\nrequirements:\n  - name: A\n    answers: {prompting: no}\n  - name: B\n"
     "    answers:\n      prompting: yes\n",
     "line 7: requirement 'B' is not finished: gate 'context' needs an answer"),
    ("use-case: X\nrequirements:\n  - name: A\n    answers: {prompting: no}\n    why: {budget: x}\n",
     "line 5: requirement 'A': reason for gate 'budget', which this walk does not reach"),
    ("use-case: X\nrequirements:\n  - name: A\n    answers: {promptin: no}\n",
     "line 4: requirement 'A': unknown gate 'promptin' (must be one of ['prompting', "),
    ("use-case: X\nrequirements:\n  - name: A\n    answer: {prompting: no}\n",
     "line 4: unknown key 'answer' in requirement 1 (must be one of ['name', 'answers', 'why'])"),
    ("use-case: X\nrequirements:\n  - answers: {prompting: no}\n", "line 3: requirement 1 has no name"),
    ("use-case: X\nrequirements:\n  - name: A\n    answers: {prompting: no}\n  - name: A\n"
     "    answers: {prompting: no}\n", "line 5: requirement 'A' appears twice"),
    ("use-case: X\nstatus: done\nrequirements:\n  - name: A\n    answers: {prompting: no}\n",
     "line 2: unknown status 'done'"),
    ("requirements: []\n", "line 1: missing key 'use-case'"),
    ("use-case: X\nrequirements: {prompting: no}\n",
     "line 2: requirements must be a list of one or more requirements"),
    ("use-case: [\n", "line 2: not valid YAML"),
    ("", "empty; a case file needs use-case and requirements"),
])
def test_case_file_errors_name_the_line_and_requirement(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        body: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("case.yaml").write_text(body, encoding="utf-8")
    code, out, err = run(capsys, "record", "--case", "case.yaml", "-o", "out.md")
    assert (code, out) == (2, "")
    assert err.startswith(f"ragft: error: case.yaml: {message}"), err
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


def test_numbered_adrs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "decisions"
    code, out, _ = run(capsys, "record", "prompting=no", "--adr", folder, "--date", DATE)
    assert (code, out) == (0, f"{folder / '0001-exhaust-prompt-engineering-first.md'}\n")
    code, out, _ = run(capsys, "record", *items(WALKS[1].answers), "--adr", folder,
                       "--use-case", "Release notes bot", "--date", DATE)
    assert (code, out) == (0, f"{folder / '0002-release-notes-bot.md'}\n")
    assert (folder / "0002-release-notes-bot.md").read_text(encoding="utf-8") == record_markdown(
        WALKS[1], RecordFields(use_case="Release notes bot", date=DATE))
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    code, out, _ = run(capsys, "record", "--case", case, "--adr", folder)
    assert (code, out) == (0, f"{folder / '0003-internal-knowledge-assistant.md'}\n")
    assert sorted(p.name for p in folder.iterdir()) == [
        "0001-exhaust-prompt-engineering-first.md", "0002-release-notes-bot.md",
        "0003-internal-knowledge-assistant.md"]


@pytest.mark.parametrize(("argv", "message"), [
    (["record", "prompting=no", "-o", "out.md", "--why", "knowlege=x"],
     "unknown gate 'knowlege' (must be one of ['prompting', 'context', "),
    (["record", "prompting=no", "-o", "out.md", "--why", "budget=x"],
     "reason for gate 'budget', which this walk does not reach (must be one of ['prompting'])"),
    (["record", "prompting=no", "-o", "out.md", "--why", "prompting"], "bad reason 'prompting': write it as gate="),
    (["record", "prompting=no", "-o", "out.md", "--why", "prompting=a", "--why", "prompting=b"],
     "bad reason 'prompting=b': gate 'prompting' already has a reason"),
    (["record", "prompting=no", "-o", "out.md", "--status", "done"], "unknown status 'done' (must be one of "
     "['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'])"),
    (["record", "prompting=no", "--adr", "afile"],
     "afile is a file, not a folder"),
    (["record", "prompting=no", "-o", "out.md", "--case", "c.yaml"],
     "with --case FILE, the answers, requirements and reasons go in FILE"),
    (["record", "--case", "missing.yaml", "-o", "out.md"], "missing.yaml: no such file"),
    (["record", "prompting=no", "-o", "out.md", "--date", "31/01/2026"],
     "bad date '31/01/2026' (write it as YYYY-MM-DD, e.g. 2026-01-31)"),
    (["record", "prompting=no", "-o", "d.md", "--adr", "docs"],
     "argument --adr: not allowed with argument -o/--output"),
])
def test_bad_input_is_one_line_exit_2_nothing_written(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        argv: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("afile").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"ragft: error: {message}"), err
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_record_prints_without_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "record", "prompting=no", "--date", DATE)
    assert code == 0
    assert out == record_markdown(decide({"prompting": "no"}), RecordFields(date=DATE))


def test_help_names_every_record_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "record", "--help")
    assert code == 0
    for option in ("--use-case", "--requirement", "--status", "--by", "--why", "--case", "--adr"):
        assert option in out

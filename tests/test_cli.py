"""The ``ragft`` command, run in-process through ``main`` and once as the installed script."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SMALL
from conftest import run_cli as run
from ragft.diagram.dot import tree_diagram
from ragft.diagram.render import render
from ragft.engine.decision import all_walks, decide, path_to
from ragft.present.content import card
from ragft.present.text import plain
from ragft.records.madr import record_markdown
from ragft.records.template import RecordFields
from ragft.tree.loader import default_tree, load_tree
from ragft.tree.model import Tree

TREE = default_tree()
# What no message may show: a Python class name, an errno, a temporary file, a traceback.
LEAKS = re.compile(r"Error\b|Errno|errno|\.tmp\b|Traceback|NoneType|\bstr\b|\bdict\b")



def one_line(err: str, level: str = "error") -> str:
    """The single ``ragft: error: ...`` (or warning) line a command must print."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"ragft: {level}: ")
    assert not LEAKS.search(lines[0]), lines[0]
    return lines[0]


def items(answers: dict[str, str]) -> list[str]:
    return [f"{g}={a}" for g, a in answers.items()]


# decide ---------------------------------------------------------------------------------------

def test_decide_text_for_every_walk(capsys: pytest.CaptureFixture[str], tree: Tree) -> None:
    """The card of the presentation layer, one item per line in a pipe, in its order."""
    for walk in all_walks(tree):
        code, out, err = run(capsys, "decide", *items(walk.answers))
        assert (code, err) == (0, "")
        shown = card(walk)
        lines = out.splitlines()
        assert lines[:3] == [shown.kicker, shown.title, shown.line]
        assert shown.summary in lines
        where = 0
        for section in shown.sections:
            where = lines.index(section.heading, where)
            for n, item in enumerate(section.items, 1):
                mark = f"{n}." if section.ordered else "-"
                where = lines.index(f"  {mark} {plain(item)}", where)


def test_decide_json_is_the_decision(capsys: pytest.CaptureFixture[str], tree: Tree) -> None:
    for walk in all_walks(tree):
        code, out, _ = run(capsys, "decide", "--json", *items(walk.answers))
        assert code == 0
        assert json.loads(out) == walk.to_dict()


def test_unfinished_answers_exit_3_in_every_command(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, tree: Tree) -> None:
    for gate in tree.gates:
        answers = items(path_to(gate.id, tree))
        expected = (f"not finished: gate '{gate.id}' needs an answer "
                    f"(must be one of {list(gate.answer_ids)!r})")
        code, out, err = run(capsys, "decide", *answers)
        assert code == 3
        assert expected in one_line(err, "warning")
        lines = out.splitlines()
        assert lines[1] == f"{gate.label} ({gate.id}) needs an answer"
        assert gate.question in lines
        for ans in gate.answers:
            assert f"  - {gate.id}={ans.id}  {ans.label}" in lines
        code, out, err = run(capsys, "decide", "--json", *answers)
        assert code == 3
        assert json.loads(out)["next"] == gate.id
        assert json.loads(out)["complete"] is False
        target = tmp_path / f"{gate.id}.svg"
        code, out, err = run(capsys, "diagram", *answers, "-o", target)
        assert target.exists()  # the path so far is drawn
        if answers:
            assert (code, out) == (3, f"{target}\n")
            assert expected in one_line(err, "warning")
        else:  # no answers: the whole tree, no walk to finish
            assert (code, out, err) == (0, f"{target}\n", "")
        record = tmp_path / f"{gate.id}.md"
        code, out, err = run(capsys, "record", *answers, "-o", record)
        assert (code, out) == (3, "")
        assert expected in one_line(err)
        assert not record.exists()  # a record needs a recommendation


def test_unused_answers_get_the_same_warning_in_every_command(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Tree) -> None:
    first = tree.gate(tree.root)
    short = next(a for a in first.answers if tree.is_exit(a.next))  # ends at once
    unused = f"{tree.gates[-1].id}={tree.gates[-1].answers[0].id}"
    argv = [f"{first.id}={short.id}", unused]
    said = {run(capsys, "decide", *argv)[2],
            run(capsys, "decide", "--json", *argv)[2],
            run(capsys, "diagram", *argv, "-o", tmp_path / "t.dot")[2],
            run(capsys, "record", *argv, "-o", tmp_path / "t.md")[2]}
    assert len(said) == 1
    line = one_line(said.pop(), "warning")
    assert f"Not on the path, so not used: {unused}." in line
    assert run(capsys, "decide", *argv)[0] == 0  # a warning, not a failure


def test_options_anywhere_and_tree_before_or_after(capsys: pytest.CaptureFixture[str],
                                                   tree: Tree) -> None:
    walk = max(all_walks(tree), key=lambda d: len(d.path))
    answers = items(walk.answers)
    origin = str(Path(__file__).parent.parent / "ragft" / "tree" / "data" / "tree.yaml")
    expected = walk.to_dict()
    for argv in (
        ["decide", "--json", *answers],
        ["decide", *answers, "--json"],
        ["decide", answers[0], "--json", *answers[1:]],
        ["--tree", origin, "decide", *answers[:2], "--json", *answers[2:]],
        ["decide", *answers[:3], f"--tree={origin}", "--json", *answers[3:]],
        ["decide", answers[0], "--tree", origin, *answers[1:], "--json"],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, ""), argv
        assert json.loads(out) == expected, argv


def test_ids_are_case_insensitive(capsys: pytest.CaptureFixture[str], tree: Tree) -> None:
    for walk in all_walks(tree):
        shouted = [f"{g.upper()}={a.title()}" for g, a in walk.answers.items()]
        code, out, _ = run(capsys, "decide", "--json", *shouted)
        assert code == 0
        assert json.loads(out) == walk.to_dict()


def _typo(word: str) -> str:
    """A plausible slip: one letter left out (or doubled, for short words)."""
    return word[:-2] + word[-1] if len(word) > 3 else word + word[-1]


def test_near_misses_get_did_you_mean(capsys: pytest.CaptureFixture[str], tree: Tree) -> None:
    for gate in tree.gates:
        code, _, err = run(capsys, "decide", f"{_typo(gate.id)}=x")
        assert code == 2
        line = one_line(err)
        assert f"(must be one of {list(tree.gate_ids)!r})" in line  # tree order, not sorted
        assert line.endswith(f"; did you mean {gate.id!r}?")
        for ans in gate.answers:
            code, _, err = run(capsys, "decide", f"{gate.id}={_typo(ans.id)}")
            line = one_line(err)
            assert f"for gate {gate.id!r} (must be one of {list(gate.answer_ids)!r})" in line
            if ans.id == "no":  # "noo" is as close to "no" as anything: no wrong guess, though
                continue
            assert line.endswith(f"; did you mean {ans.id!r}?"), line
        code, _, err = run(capsys, "diagram", "-o", "x.svg", "--focus", _typo(gate.id))
        assert one_line(err).endswith(f"; did you mean {gate.id!r}?")




@pytest.fixture
def small_tree(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.mark.parametrize(("argv", "expected"), [
    (["decide", "nope=yes"], "unknown gate 'nope' (must be one of ['prompting', 'context', "),
    (["decide", "knowledge=maybe"],
     "unknown answer 'maybe' for gate 'knowledge' (must be one of ['changing', 'static'])"),
    (["decide", "knowledge"], "bad answer 'knowledge': expected gate=answer"),
    (["decide", "=yes"], "bad answer '=yes': expected gate=answer"),
    (["decide", "prompting=yes", "prompting=no"], "bad answer 'prompting=no': that gate is already answered"),
    (["decide", "--jsn"], "unknown option '--jsn' (must be one of ['--help', '--tree', '--json']); did you mean '--json'? (see 'ragft decide --help')"),
    (["--jsn"], "unknown option '--jsn'"),
    (["dance"], "unknown command 'dance' (must be one of ['decide', 'walk', 'diagram', 'record', 'revisit', 'tally', 'export', 'schema', 'completion'])"),
    (["decde"], "did you mean 'decide'?"),
    (["export", "a", "b"], "unexpected argument 'b' (see 'ragft export --help')"),
    (["completion", "tcsh"], "unknown shell 'tcsh' (must be one of ['bash', 'zsh', 'fish'])"),
    (["diagram", "prompting=no"], "the following arguments are required: -o/--output"),
    (["diagram", "-o", "t.svg", "--engine", "dto"], "unknown engine 'dto' (must be one of ['pure', 'dot']); did you mean 'dot'?"),
    (["diagram", "-o", "tree.txt"], "unknown format '.txt' (must be one of ['.svg', '.png', '.dot'])"),
    (["diagram", "-o", "tree"], "unknown format 'tree' (must be one of ['.svg', '.png', '.dot'])"),
    (["diagram", "-o", "t.svg", "--focus", "rag_dynamic"], "unknown gate 'rag_dynamic'"),
    (["diagram", "-o", "t.svg", "--no-prechecks", "--focus", "prompting"],
     "unknown gate 'prompting' (must be one of ['knowledge', 'depth', 'data', 'format', 'budget'])"),
    (["diagram", "-o", "t.svg", "knowledge=x"], "unknown answer 'x' for gate 'knowledge'"),
    (["record", "prompting=no", "-o", "d.md", "--date", "31/01/2026"],
     "bad date '31/01/2026' (write it as YYYY-MM-DD"),
    (["decide", "--tree"], "argument --tree: expected one argument"),
    (["--tree", "no-such-tree.yaml", "decide"], "no-such-tree.yaml: no such file"),
    (["decide", "--tree", "no-such-tree.yaml"], "no-such-tree.yaml: no such file"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                          expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert expected in one_line(err)
    assert list(tmp_path.iterdir()) == []  # nothing written


def _bad_files(root: Path) -> dict[str, tuple[Path, str]]:
    """Output paths and tree files that must each get one clear line, and what it says."""
    folder = root / "adir"
    folder.mkdir()
    (root / "empty.yaml").write_text("", encoding="utf-8")
    (root / "binary.yaml").write_bytes(b"\x7fELF\x00\x01\xff\xfe")
    (root / "afile").write_text("x", encoding="utf-8")
    return {
        "folder": (folder, "is a folder; give a file name, e.g. "),
        "proc": (Path("/proc/ragft-test/x.md"), "cannot be written here"),
        "under a file": (root / "afile" / "x.md", "afile is a file, not a folder"),
        "missing tree": (root / "missing.yaml", "no such file"),
        "empty tree": (root / "empty.yaml", "the file is empty"),
        "binary tree": (root / "binary.yaml", "not a text file"),
        "folder tree": (folder, "is a folder, not a tree file"),
    }


def test_bad_paths_get_one_clear_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = _bad_files(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    for name in ("folder", "proc", "under a file"):
        path, said = bad[name]
        suffix = "" if name == "folder" else path.suffix
        for argv in (["record", "prompting=no", "-o", path], ["record", "prompting=no", "-o", path, "--force"],
                     ["diagram", "-o", path.with_suffix(".svg") if suffix else path]):
            code, out, err = run(capsys, *argv)
            assert (code, out) == (2, ""), (name, argv)
            line = one_line(err)
            assert str(argv[-1] if argv[-1] != "--force" else path) in line
            assert said in line, line
    for name in ("missing tree", "empty tree", "binary tree", "folder tree"):
        path, said = bad[name]
        for argv in (["--tree", path, "decide"], ["decide", "--tree", path], ["walk", "--tree", path]):
            code, out, err = run(capsys, *argv)
            assert (code, out) == (2, ""), argv
            assert f"{path}: {said}" in one_line(err)
    code, _, err = run(capsys, "export", "/proc/ragft-test")
    assert code == 2
    assert "/proc/ragft-test: cannot be written here" in one_line(err)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing half-written


# help -------------------------------------------------------------------------------------------

COMMANDS = ("decide", "walk", "diagram", "record", "revisit", "tally", "export", "schema",
            "completion")
TAKES_ANSWERS = ("decide", "diagram", "record")
ENDS_IN_3 = (*TAKES_ANSWERS, "walk")  # walk -o: a walk that stops before a recommendation


def test_bare_ragft_and_help_show_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["--help"], ["-h"]):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        listed = re.findall(r"^  (\w+)\s{2,}", out.split("commands:")[1], re.M)
        assert listed[:len(COMMANDS)] == list(COMMANDS)
        assert "Exit status:" in out
    code, out, _ = run(capsys, "--version")
    assert (code, out.split()[0]) == (0, "ragft")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_says_what_it_does_with_an_example(
        capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, err = run(capsys, command, "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"usage: ragft {command} ")
    examples = out.split("Examples:\n")[1].split("\n\n")[0]
    assert f"ragft {command}" in examples
    assert "Exit status:" in out
    assert ("  3  " in out) == (command in ENDS_IN_3)


def _gates_in_help(text: str, tree: Tree) -> None:
    block = _flat(text.split("Gates and their answers")[1].split("Exit status:")[0])
    where = -1
    for gate in tree.gates:
        term = f"{gate.id}={'|'.join(gate.answer_ids)}"
        found = block.find(f"{term} {gate.label}: {_flat(gate.question)}")
        assert found > where, f"{term} missing or out of the tree's order"
        where = found


@pytest.mark.parametrize("command", TAKES_ANSWERS)
def test_help_lists_the_gates_of_the_tree_in_order(capsys: pytest.CaptureFixture[str],
                                                   small_tree: Path, command: str) -> None:
    _gates_in_help(run(capsys, command, "--help")[1], TREE)
    small = load_tree(small_tree)
    for argv in (["--tree", small_tree, command, "--help"], [command, "--help", "--tree", small_tree]):
        out = run(capsys, *argv)[1]
        _gates_in_help(out, small)
        assert "prompting" not in out


@pytest.mark.parametrize("columns", [60, 100])
def test_help_fits_the_terminal(capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for command in ((), *((c,) for c in COMMANDS)):
        out = run(capsys, *command, "--help")[1]
        for line in out.splitlines():
            assert len(line) <= columns, line


ANSWER_TEXT = st.sampled_from(sorted({a.id for g in TREE.gates for a in g.answers} | {"maybe"}))


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(TREE.gate_ids), ANSWER_TEXT), st.randoms())
def test_decide_over_random_answer_sets(capsys: pytest.CaptureFixture[str],
                                        answers: dict[str, str], rnd: object) -> None:
    """Any subset of gates, in any order, with any answer text: the CLI agrees with the engine."""
    args = items(answers)
    rnd.shuffle(args)  # type: ignore[attr-defined]
    code, out, err = run(capsys, "decide", "--json", *args)
    bad = [(g, a) for g, a in answers.items() if a not in TREE.gate(g).answer_ids]
    if bad:
        assert code == 2
        assert "unknown answer" in one_line(err)
    else:
        in_order = dict(arg.split("=") for arg in args)  # off_path keeps the order given
        expected = decide(in_order)
        assert code == (0 if expected.complete else 3)
        assert json.loads(out) == expected.to_dict()


# --tree -----------------------------------------------------------------------------------------

def test_custom_tree_file(capsys: pytest.CaptureFixture[str], small_tree: Path,
                          tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--tree", small_tree, "decide", "--json", "size=small")
    assert code == 0
    assert json.loads(out)["exit"] == "train"
    code, _, err = run(capsys, "--tree", small_tree, "decide", "prompting=yes")
    assert code == 2
    assert "unknown gate 'prompting' (must be one of ['size'])" in one_line(err)
    svg = tmp_path / "small.svg"
    code, _, _ = run(capsys, "diagram", "size=big", "-o", svg, "--tree", small_tree)
    assert code == 0
    assert 'id="size&#45;big" class="edge answer on&#45;path"' in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), [
    ("title: [unclosed", "not valid YAML or JSON"),
    (SMALL.replace("next: train", "next: nowhere"), "unknown next node 'nowhere'"),
    (SMALL.replace("root: size", "root: index"), "unknown gate 'index'"),
    ("- just\n- a list\n", "must be a mapping"),
])
def test_malformed_tree_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str,
                             expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "--tree", path, "decide")
    assert (code, out) == (2, "")
    line = one_line(err)
    assert str(path) in line
    assert expected in line


# diagram ----------------------------------------------------------------------------------------

def test_diagram_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Tree) -> None:
    walk = next(iter(all_walks(tree)))
    for suffix in ("svg", "dot", "png"):
        out_file = tmp_path / f"tree.{suffix}"
        code, out, err = run(capsys, "diagram", *items(walk.answers), "-o", out_file)
        assert (code, out, err) == (0, f"{out_file}\n", "")
        made = render(tree_diagram(tree, decision=walk), suffix)
        assert out_file.read_bytes() == (made if isinstance(made, bytes) else made.encode())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tree.dot", "tree.png", "tree.svg"]


def test_diagram_options(capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Tree) -> None:
    dot = tmp_path / "focus.dot"
    assert run(capsys, "diagram", "--no-prechecks", "--focus", "DATA", "-o", dot)[0] == 0
    assert dot.read_text(encoding="utf-8") == tree_diagram(
        tree, prechecks=False, focus="data").source
    assert run(capsys, "diagram", "-o", tmp_path / "UPPER.SVG")[0] == 0


def test_diagram_never_overwrites_without_force(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    target = tmp_path / "tree.svg"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "diagram", "-o", target)
    assert code == 2
    assert f"{target} already exists (pass --force to overwrite it)" in one_line(err)
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "diagram", "-o", target, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<?xml")


# record -----------------------------------------------------------------------------------------

def test_record_writes_the_decision_record(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           tree: Tree) -> None:
    for n, walk in enumerate(all_walks(tree)):
        target = tmp_path / f"{n}.md"
        code, out, _ = run(capsys, "record", *items(walk.answers), "-o", target,
                           "--title", "Support bot", "--date", "2026-01-31")
        assert (code, out) == (0, f"{target}\n")
        assert target.read_text(encoding="utf-8") == record_markdown(
            walk, RecordFields(use_case="Support bot", date="2026-01-31"))


def test_record_never_overwrites_and_leaves_no_temp_file(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "decision.md"
    target.write_text("an earlier decision", encoding="utf-8")
    code, _, err = run(capsys, "record", "prompting=no", "-o", target)
    assert code == 2
    assert "already exists (pass --force to overwrite it)" in one_line(err)
    assert target.read_text(encoding="utf-8") == "an earlier decision"
    assert run(capsys, "record", "prompting=no", "-o", target, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("---\nstatus: proposed\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decision.md"]


# walk, export and completion through the CLI ---------------------------------------------------

def test_walk_command_reads_stdin(capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("2\n1\n1\nq\n"))
    code, out, _ = run(capsys, "walk")
    assert code == 0
    assert "RAG: dynamic knowledge needs dynamic retrieval" in out


def test_export_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, out, _ = run(capsys, "export", site)
    assert code == 0
    assert out.splitlines()[:2] == [str(site / "tree.json"), str(site / "tree.svg")]
    code, _, err = run(capsys, "export", site)
    assert code == 2
    assert "already exists (pass --force to overwrite it)" in one_line(err)
    assert run(capsys, "export", site, "--force")[0] == 0


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    code, out, err = run(capsys, "completion", shell.upper())
    assert (code, err) == (0, "")
    assert "ragft" in out
    assert "_ARGCOMPLETE" in out  # the script asks ragft itself, so it knows the tree


# the installed script ---------------------------------------------------------------------------

SCRIPT = Path(sys.executable).parent / "ragft"


def _script() -> Path:
    if not SCRIPT.exists():
        pytest.fail(f"the ragft console script is not installed at {SCRIPT} (pip install -e .)")
    return SCRIPT


def test_installed_console_script(tmp_path: Path, tree: Tree) -> None:
    assert tree.example is not None
    args = items(dict(tree.example.requirements[0].answers))
    done = subprocess.run([_script(), "decide", "--json", *args], capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["exit"] == tree.example.requirements[0].exit
    bad = subprocess.run([_script(), "decide", "knowledge=maybe"], capture_output=True,
                         text=True, check=False)
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == ("ragft: error: unknown answer 'maybe' for gate 'knowledge' "
                          "(must be one of ['changing', 'static'])\n")
    walked = subprocess.run([_script(), "walk"], input="2\n2\n2\n1\n", capture_output=True,
                            text=True, check=False, cwd=tmp_path)
    assert walked.returncode == 0
    assert "Put the corpus in context, with prompt caching" in walked.stdout
    as_module = subprocess.run([sys.executable, "-m", "ragft", "decide", "prompting=no"],
                               capture_output=True, text=True, check=False)
    assert as_module.returncode == 0
    assert as_module.stdout.startswith("Recommendation (")


def _complete(line: str, tmp_path: Path, **env: str) -> list[str]:
    """What Tab offers after ``line``, asked of the installed script as a shell would."""
    answer = tmp_path / "completions"
    done = subprocess.run(
        [_script()], capture_output=True, text=True, check=False, timeout=60,
        env={"PATH": "/usr/bin:/bin", **env, "_ARGCOMPLETE": "1", "_ARGCOMPLETE_IFS": "\n",
             "COMP_LINE": line, "COMP_POINT": str(len(line)),
             "_ARGCOMPLETE_STDOUT_FILENAME": str(answer)})
    assert done.returncode == 0, done.stderr
    return answer.read_text(encoding="utf-8").split()


def test_completion_offers_the_next_questions_answers(tmp_path: Path, tree: Tree,
                                                      small_tree: Path) -> None:
    assert _complete("ragft de", tmp_path) == ["decide"]
    assert _complete("ragft decide --j", tmp_path) == ["--json"]
    gate = tree.gates[3]
    answers = " ".join(items(path_to(gate.id, tree)))
    assert _complete(f"ragft decide {answers} ", tmp_path) == [
        f"{gate.id}={a}" for a in gate.answer_ids]
    assert _complete(f"ragft record -o x.md {answers} {gate.id[:3]}", tmp_path) == [
        f"{gate.id}={a}" for a in gate.answer_ids]
    small = load_tree(small_tree).gates[0]
    assert _complete(f"ragft decide --tree {small_tree} ", tmp_path) == [
        f"{small.id}={a}" for a in small.answer_ids]
    assert _complete("ragft diagram --focus d", tmp_path) == [
        g for g in tree.gate_ids if g.startswith("d")]


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    proc = subprocess.Popen([_script(), "walk"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before ragft writes, as with `ragft walk | head`
    _, err = proc.communicate(input=b"2\n2\n1\nq\n", timeout=60)
    assert (proc.returncode, err) == (141, b"")

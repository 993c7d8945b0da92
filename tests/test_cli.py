"""The ``ragft`` command, run in-process through ``main`` and once as the installed script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ragft.cli import main
from ragft.diagram import tree_diagram
from ragft.engine import all_walks, decide, path_to
from ragft.loader import default_tree
from ragft.model import Tree
from ragft.record import decision_record
from ragft.render import render

TREE = default_tree()


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    """The single ``ragft: error: ...`` line a failing command must print."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("ragft: error: ")
    return lines[0]


def items(answers: dict[str, str]) -> list[str]:
    return [f"{g}={a}" for g, a in answers.items()]


# decide ---------------------------------------------------------------------------------------

def test_decide_text_for_every_walk(capsys: pytest.CaptureFixture[str], tree: Tree) -> None:
    for walk in all_walks(tree):
        code, out, err = run(capsys, "decide", *items(walk.answers))
        assert (code, err) == (0, "")
        ex = tree.exit(walk.exit or "")
        assert out.startswith(f"Recommendation: {ex.title}\nExit: {ex.id} ")
        assert "Path: " + " -> ".join(items(walk.answers)) in out
        assert "What would flip it:" in out
        for item in ex.build + ex.warnings:
            assert item in out
        for flip in walk.flips:
            assert f"({flip.gate}={flip.alternative}) -> " in out
            if flip.lands_at:
                assert f"({flip.gate}={flip.alternative}) -> {tree.exit(flip.lands_at).title}" in out


def test_decide_json_is_the_decision(capsys: pytest.CaptureFixture[str], tree: Tree) -> None:
    for walk in all_walks(tree):
        code, out, _ = run(capsys, "decide", "--json", *items(walk.answers))
        assert code == 0
        data = json.loads(out)
        assert data == walk.to_dict()
        assert {"exit", "kind", "path", "next", "flips"} <= set(data)


def test_decide_unfinished_names_the_next_question(capsys: pytest.CaptureFixture[str],
                                                  tree: Tree) -> None:
    for gate in tree.gates:
        code, out, err = run(capsys, "decide", *items(path_to(gate.id, tree)))
        assert (code, err) == (0, "")
        assert f"Not finished: {gate.label} ({gate.id}) needs an answer." in out
        assert f"Next question: {gate.question}" in out
        for ans in gate.answers:
            assert f"{gate.id}={ans.id}" in out
            assert ans.label in out
        code, out, _ = run(capsys, "decide", "--json", *items(path_to(gate.id, tree)))
        assert json.loads(out)["next"] == gate.id


def test_decide_reports_answers_off_the_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decide", "prompting=no", "depth=deep")
    assert code == 0
    assert "Not on the path, so not used: depth=deep" in out


@pytest.mark.parametrize(("argv", "expected"), [
    (["decide", "nope=yes"], "unknown gate 'nope' (must be one of ['prompting', 'context', "),
    (["decide", "knowledge=maybe"],
     "unknown answer 'maybe' for gate 'knowledge' (must be one of ['changing', 'static'])"),
    (["decide", "knowledge"], "bad answer 'knowledge': expected gate=answer"),
    (["decide", "=yes"], "bad answer '=yes': expected gate=answer"),
    (["decide", "prompting=yes", "prompting=no"], "bad answer 'prompting=no': that gate is already answered"),
    (["decide", "--jsn"], "unrecognized arguments: --jsn"),
    (["dance"], "argument COMMAND: invalid choice: 'dance'"),
    ([], "the following arguments are required: COMMAND"),
    (["diagram", "prompting=no"], "the following arguments are required: -o/--output"),
    (["diagram", "-o", "tree.txt"], "unknown format '.txt' (must be one of ['.svg', '.png', '.dot'])"),
    (["diagram", "-o", "tree"], "unknown format 'tree' (must be one of ['.svg', '.png', '.dot'])"),
    (["diagram", "-o", "t.svg", "--focus", "rag_dynamic"], "unknown gate 'rag_dynamic'"),
    (["diagram", "-o", "t.svg", "--no-prechecks", "--focus", "prompting"],
     "unknown gate 'prompting' (must be one of ['knowledge', 'depth', 'data', 'format', 'budget'])"),
    (["diagram", "-o", "t.svg", "knowledge=x"], "unknown answer 'x' for gate 'knowledge'"),
    (["record", "prompting=yes", "-o", "d.md"],
     "a decision record is not finished: gate 'context' needs an answer (must be one of ['no', 'yes'])"),
    (["record", "prompting=no", "-o", "d.md", "--date", "31/01/2026"],
     "bad date '31/01/2026' (write it as YYYY-MM-DD"),
    (["--tree", "no-such-tree.yaml", "decide"], "no-such-tree.yaml: no such file"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                          expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert expected in one_error_line(err)
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("decide", "walk", "diagram", "record", "export"):
        assert command in out
    code, out, _ = run(capsys, "--version")
    assert (code, out.split()[0]) == (0, "ragft")


ANSWER_TEXT = st.sampled_from(sorted({a.id for g in TREE.gates for a in g.answers} | {"maybe"}))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
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
        assert "unknown answer" in one_error_line(err)
    else:
        assert code == 0
        in_order = dict(arg.split("=") for arg in args)  # off_path keeps the order given
        assert json.loads(out) == decide(in_order).to_dict()


# --tree -----------------------------------------------------------------------------------------

SMALL = textwrap.dedent("""\
    schema_version: 1
    title: A small tree
    root: size
    kinds:
      - {id: rag, label: RAG, color: "#0072B2", watch: true, description: d}
      - {id: fine_tune, label: Fine-tune, color: "#D55E00", description: d}
    components:
      - {id: retrieval, label: RAG, description: d}
    gates:
      - id: size
        stage: gate
        number: 1
        title: Size
        question: Is it big?
        explanation: e
        answers:
          - {id: big, label: Big, meaning: m, next: index}
          - {id: small, label: Small, meaning: m, next: train}
    exits:
      - {id: index, kind: rag, title: Index it, summary: s, components: [retrieval]}
      - {id: train, kind: fine_tune, title: Train it, summary: s, components: [retrieval]}
    """)


@pytest.fixture
def small_tree(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_custom_tree_file(capsys: pytest.CaptureFixture[str], small_tree: Path,
                          tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--tree", small_tree, "decide", "--json", "size=small")
    assert code == 0
    assert json.loads(out)["exit"] == "train"
    code, _, err = run(capsys, "--tree", small_tree, "decide", "prompting=yes")
    assert code == 2
    assert "unknown gate 'prompting' (must be one of ['size'])" in one_error_line(err)
    svg = tmp_path / "small.svg"
    code, _, _ = run(capsys, "--tree", small_tree, "diagram", "size=big", "-o", svg)
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
    line = one_error_line(err)
    assert str(path) in line
    assert expected in line


# diagram ----------------------------------------------------------------------------------------

def test_diagram_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Tree) -> None:
    answers = items(path_to("depth", tree))
    for suffix in ("svg", "dot", "png"):
        out_file = tmp_path / f"tree.{suffix}"
        code, out, err = run(capsys, "diagram", *answers, "-o", out_file)
        assert (code, out, err) == (0, f"{out_file}\n", "")
        graph = tree_diagram(tree, decision=decide(path_to("depth", tree), tree))
        made = render(graph, suffix)
        assert out_file.read_bytes() == (made if isinstance(made, bytes) else made.encode())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tree.dot", "tree.png", "tree.svg"]


def test_diagram_options(capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Tree) -> None:
    dot = tmp_path / "focus.dot"
    assert run(capsys, "diagram", "--no-prechecks", "--focus", "data", "-o", dot)[0] == 0
    assert dot.read_text(encoding="utf-8") == tree_diagram(
        tree, prechecks=False, focus="data").source
    assert run(capsys, "diagram", "-o", tmp_path / "UPPER.SVG")[0] == 0


def test_diagram_never_overwrites_without_force(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    target = tmp_path / "tree.svg"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "diagram", "-o", target)
    assert code == 2
    assert f"{target} already exists (pass --force to overwrite it)" in one_error_line(err)
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
        assert target.read_text(encoding="utf-8") == decision_record(
            walk, date="2026-01-31", title="Support bot")


def test_record_never_overwrites_and_leaves_no_temp_file(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "decision.md"
    target.write_text("an earlier decision", encoding="utf-8")
    code, _, err = run(capsys, "record", "prompting=no", "-o", target)
    assert code == 2
    assert "already exists (pass --force to overwrite it)" in one_error_line(err)
    assert target.read_text(encoding="utf-8") == "an earlier decision"
    assert run(capsys, "record", "prompting=no", "-o", target, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("---\nstatus: proposed\n")
    # A write that fails half-way (the target is a folder) leaves nothing behind.
    folder = tmp_path / "folder.md"
    folder.mkdir()
    code, _, err = run(capsys, "record", "prompting=no", "-o", folder, "--force")
    assert code == 1
    assert "ragft: error: " in one_error_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decision.md", "folder.md"]
    assert list(folder.iterdir()) == []


# walk and export through the CLI -------------------------------------------------------------

def test_walk_command_reads_stdin(capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("2\n1\n1\nq\n"))
    code, out, _ = run(capsys, "walk")
    assert code == 0
    assert "Recommendation: RAG: dynamic knowledge needs dynamic retrieval" in out


def test_export_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, out, _ = run(capsys, "export", site)
    assert code == 0
    assert out.splitlines()[:2] == [str(site / "tree.json"), str(site / "tree.svg")]
    code, _, err = run(capsys, "export", site)
    assert code == 2
    assert "already exists (pass --force to overwrite it)" in one_error_line(err)
    assert run(capsys, "export", site, "--force")[0] == 0


# the installed script ---------------------------------------------------------------------------

def test_installed_console_script(tmp_path: Path, tree: Tree) -> None:
    script = Path(sys.executable).parent / "ragft"
    if not script.exists():
        pytest.fail(f"the ragft console script is not installed at {script} (pip install -e .)")
    assert tree.example is not None
    args = items(dict(tree.example.requirements[0].answers))
    done = subprocess.run([script, "decide", "--json", *args], capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["exit"] == tree.example.requirements[0].exit
    bad = subprocess.run([script, "decide", "knowledge=maybe"], capture_output=True, text=True,
                         check=False)
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == ("ragft: error: unknown answer 'maybe' for gate 'knowledge' "
                          "(must be one of ['changing', 'static'])\n")
    walked = subprocess.run([script, "walk"], input="2\n2\n2\n1\n", capture_output=True, text=True,
                            check=False, cwd=tmp_path)
    assert walked.returncode == 0
    assert "Put the corpus in context, with prompt caching" in walked.stdout
    as_module = subprocess.run([sys.executable, "-m", "ragft", "decide", "prompting=no"],
                               capture_output=True, text=True, check=False)
    assert as_module.returncode == 0
    assert as_module.stdout.startswith("Recommendation: ")


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "ragft"
    proc = subprocess.Popen([script, "walk"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before ragft writes, as with `ragft walk | head`
    _, err = proc.communicate(input=b"2\n2\n1\nq\n", timeout=60)
    assert (proc.returncode, err) == (141, b"")

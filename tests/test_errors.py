"""One error family that means something: bad input is a ``RagftError`` (a ``ValueError``), a
failing renderer a ``RendererError`` (a ``RuntimeError``); every class lives in ``ragft.errors``
and every message is worded for a person, not a Python programmer."""

from __future__ import annotations

import ast
import builtins
import inspect
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import ragft.errors as errors
from conftest import ROOT
from ragft.errors import (
    NotAFolderError,
    RagftError,
    RendererError,
    RendererNotFoundError,
    UnknownIdError,
    UnknownNodeError,
)
from ragft.tree.loader import default_tree

CLASSES = {name: obj for name, obj in vars(errors).items()
           if inspect.isclass(obj) and issubclass(obj, BaseException)
           and obj.__module__ == errors.__name__}
RENDERER_FAMILY = {name for name, cls in CLASSES.items() if issubclass(cls, RendererError)}

# Words that give away a Python class, an errno or a temporary file in a message.
PYTHON_WORDS = sorted(
    {n for n, o in vars(builtins).items() if inspect.isclass(o) and n[:1].isupper()}
    | set(CLASSES) | {"NoneType", "ScalarNode", "MappingNode", "SequenceNode", "YAMLError"})
LEAKS = re.compile(r"<class |Errno|\.tmp\b|Traceback|\b(" + "|".join(PYTHON_WORDS) + r")\b")


def test_the_module_defines_the_classes_it_is_about() -> None:
    assert {"RagftError", "TreeError", "RendererError", "RendererNotFoundError", "UsageError",
            "NotAFolderError", "UnknownIdError", "UnknownNodeError"} <= set(CLASSES)
    assert {"RendererError", "RendererNotFoundError"} == RENDERER_FAMILY


@pytest.mark.parametrize("name", sorted(set(CLASSES) - RENDERER_FAMILY))
def test_every_error_but_the_renderer_s_is_bad_input(name: str) -> None:
    cls = CLASSES[name]
    assert issubclass(cls, RagftError)
    assert issubclass(cls, ValueError)
    assert not issubclass(cls, RuntimeError)


@pytest.mark.parametrize("name", sorted(RENDERER_FAMILY))
def test_a_failing_renderer_is_not_bad_input(name: str) -> None:
    cls = CLASSES[name]
    assert issubclass(cls, RuntimeError)
    assert not issubclass(cls, ValueError)
    assert not issubclass(cls, RagftError)  # `except RagftError` must not swallow it


def test_all_lists_only_errors_a_user_catches() -> None:
    assert len(errors.__all__) <= 8, errors.__all__
    assert all(name in CLASSES for name in errors.__all__), errors.__all__
    assert {"RagftError", "RendererError", "TreeError"} <= set(errors.__all__)
    for name in ("UnknownIdError", "UsageError", "unknown"):  # importable, not listed
        assert hasattr(errors, name)
        assert name not in errors.__all__


# -- no other module defines an exception ------------------------------------------------------

EXCEPTION_NAMES = {n for n, o in vars(builtins).items()
                   if inspect.isclass(o) and issubclass(o, BaseException)} | set(CLASSES)


def _exception_classes(path: Path) -> list[str]:
    """Classes in ``path`` whose base is an exception (by name, or a name ending in Error)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute)
                 else "" for b in node.bases]
        if any(b in EXCEPTION_NAMES or b.endswith(("Error", "Exception")) for b in bases):
            found.append(node.name)
    return found


def test_the_scan_finds_the_classes_of_errors_py() -> None:
    found = _exception_classes(ROOT / "ragft" / "errors.py")
    assert set(found) == set(CLASSES)


@pytest.mark.parametrize("path", sorted((ROOT / "ragft").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_but_errors_py_defines_an_exception(path: Path) -> None:
    if path == ROOT / "ragft" / "errors.py":
        return
    assert _exception_classes(path) == [], f"{path.name}: define exceptions in ragft/errors.py"


# -- real failures, real messages --------------------------------------------------------------

def _bad_record(tmp: Path) -> None:
    from ragft.records.read import read_record_file
    (tmp / "note.md").write_text("# just a note\n", encoding="utf-8")
    read_record_file(tmp / "note.md")


def _binary_record(tmp: Path) -> None:
    from ragft.records.read import read_record_file
    (tmp / "x.md").write_bytes(b"\xff\xfe\x00binary")
    read_record_file(tmp / "x.md")


def _no_records_folder(tmp: Path) -> None:
    from ragft.records.read import record_files
    record_files(tmp / "missing")


def _bad_case_yaml(tmp: Path) -> None:
    from ragft.records.case import read_case
    (tmp / "case.yaml").write_text("use-case: [unclosed\n", encoding="utf-8")
    read_case(tmp / "case.yaml")


def _case_list(tmp: Path) -> None:
    from ragft.records.case import read_case
    (tmp / "case.yaml").write_text("- a list\n", encoding="utf-8")
    read_case(tmp / "case.yaml")


def _case_bad_answer(tmp: Path) -> None:
    from ragft.records.case import read_case
    (tmp / "case.yaml").write_text(
        "use-case: Bot\nrequirements:\n  - name: r\n    answers: {prompting: maybe}\n",
        encoding="utf-8")
    read_case(tmp / "case.yaml")


def _unknown_quiz(_: Path) -> None:
    from ragft.guide._quiz_data import questions
    questions("nope")


def _quiz_file_a_list(tmp: Path) -> None:
    from ragft.guide._quiz_data import questions
    (tmp / "q.yaml").write_text("- a\n- b\n", encoding="utf-8")
    questions("x", tmp / "q.yaml")


def _quiz_file_bad_yaml(tmp: Path) -> None:
    from ragft.guide._quiz_data import questions
    (tmp / "q.yaml").write_text("quizzes: [\n", encoding="utf-8")
    questions("x", tmp / "q.yaml")


def _bad_jsonl(tmp: Path) -> None:
    from ragft.guide.lesson import read_jsonl
    (tmp / "x.jsonl").write_text('{"a": 1}\n[1]\n', encoding="utf-8")
    read_jsonl(tmp / "x.jsonl")


def _unknown_exit(_: Path) -> None:
    default_tree().exit("nope")


def _unknown_kind(_: Path) -> None:
    default_tree().kind("nope")


def _unwritable(_: Path) -> None:
    from ragft._io import write_atomic
    write_atomic("/proc/ragft-test/x.md", "x")


def _under_a_file(tmp: Path) -> None:
    from ragft._io import write_atomic
    (tmp / "afile").write_text("x", encoding="utf-8")
    write_atomic(tmp / "afile" / "x.md", "x")


def _negative_hours(_: Path) -> None:
    from ragft.engine.calc import check_amount
    check_amount("hours", -1)


def _bad_date(_: Path) -> None:
    from ragft.records.template import check_date
    check_date("31/01/2026")


def _svg_with_script(_: Path) -> None:
    from ragft.web.page import inline_svg
    inline_svg("<svg><script>alert(1)</script></svg>")


def _no_requirements(_: Path) -> None:
    from ragft.engine.architecture import combine
    combine([])


FAILURES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # name: (what fails, the class it raises, what the message says)
    "not a record": (_bad_record, "RecordFileError", "note.md: not a ragft decision record"),
    "binary record": (_binary_record, "RecordFileError", "not UTF-8 text"),
    "no records folder": (_no_records_folder, "RecordFileError",
                          "missing: no such folder of decision records"),
    "case not YAML": (_bad_case_yaml, "CaseFileError", "case.yaml: line 1: not valid YAML"),
    "case a list": (_case_list, "CaseFileError", "case.yaml: line 1: the case file must be a "
                    "mapping"),
    "case bad answer": (_case_bad_answer, "CaseFileError",
                        "requirement 'r': unknown answer 'maybe' for gate 'prompting'"),
    "unknown quiz": (_unknown_quiz, "UnknownIdError", "unknown quiz 'nope' (must be one of ["),
    "quiz file a list": (_quiz_file_a_list, "LessonDataError",
                         "q.yaml: top level: must be a mapping, got a list"),
    "quiz file not YAML": (_quiz_file_bad_yaml, "LessonDataError", "q.yaml: line 2: not valid "
                           "YAML"),
    "jsonl not an object": (_bad_jsonl, "LessonDataError", "x.jsonl: line 2 must be a JSON "
                            "object"),
    "unknown exit": (_unknown_exit, "UnknownIdError", "unknown exit 'nope' (must be one of ["),
    "unknown kind": (_unknown_kind, "UnknownIdError", "unknown kind 'nope' (must be one of ["),
    "unwritable": (_unwritable, "OutputPathError", "/proc/ragft-test/x.md: cannot be written"),
    "under a file": (_under_a_file, "NotAFolderError", "afile is a file, not a folder"),
    "negative hours": (_negative_hours, "CalculatorInputError",
                       "hours must be a number >= 0, got -1"),
    "bad date": (_bad_date, "RecordFieldError", "bad date '31/01/2026'"),
    "svg with script": (_svg_with_script, "WalkerDataError", "the tree SVG holds active content"),
    "no requirements": (_no_requirements, "EmptyCaseError", "at least one requirement"),
}


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_each_failure_has_its_class_and_a_plain_message(name: str, tmp_path: Path) -> None:
    fail, cls, said = FAILURES[name]
    with pytest.raises(RagftError) as info:
        fail(tmp_path)
    assert type(info.value).__name__ == cls
    message = str(info.value)
    assert said in message
    assert "\n" not in message
    assert LEAKS.search(message) is None, message


def test_the_leak_check_catches_python_words() -> None:
    for leak in ("x: must be a mapping, got NoneType", "[Errno 13] Permission denied",
                 "cannot write .x.md.abc123.tmp", "got <class 'list'>", "KeyError: 'a'",
                 "ScalarNode(tag=...)"):
        assert LEAKS.search(leak) is not None, leak
    assert LEAKS.search("must be a list of strings, got 3") is None


def test_an_unknown_id_of_any_table_is_the_same_error() -> None:
    tree = default_tree()
    raised = []
    for lookup, what in ((tree.exit, "exit"), (tree.kind, "kind"), (tree.source, "source"),
                         (tree.component, "component")):
        with pytest.raises(UnknownIdError) as info:
            lookup("nope")
        raised.append(type(info.value))
        assert info.value.what == what
        assert info.value.value == "nope"
    assert set(raised) == {UnknownIdError}  # not UnknownNodeError for exits alone


def test_unknown_node_is_only_for_a_gate_or_exit() -> None:
    from ragft.engine.decision import path_to

    with pytest.raises(UnknownNodeError, match=r"^unknown gate or exit 'nope' \(must be one of"):
        path_to("nope")
    from ragft.guide._quiz_data import questions
    from ragft.guide.glossary import href

    for lookup in (lambda: questions("nope"), lambda: href("nope")):
        with pytest.raises(UnknownIdError) as info:
            lookup()
        assert not isinstance(info.value, UnknownNodeError)


def test_not_a_folder_is_worded_once(tmp_path: Path) -> None:
    from ragft.records.adr import write_adr
    from ragft.web.export import export

    file = tmp_path / "afile"
    file.write_text("x", encoding="utf-8")
    said = []
    for fail in (lambda: write_adr(file, "t", "text"), lambda: export(file),
                 lambda: _under_a_file(tmp_path)):
        with pytest.raises(NotAFolderError) as info:
            fail()
        assert info.value.file == str(file)
        said.append(str(info.value).removeprefix(f"{file}/x.md: "))
    assert said == [f"{file} is a file, not a folder"] * 3
    assert file.read_text(encoding="utf-8") == "x"


def test_a_missing_renderer_is_a_runtime_error_and_exit_1(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ragft.diagram.render import cache_clear, render
    from ragft.terminal.cli import main

    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("RAGFT_GRAPHVIZ", raising=False)
    cache_clear()
    with pytest.raises(RendererNotFoundError) as info:
        render("digraph { no_renderer_here }")
    assert not isinstance(info.value, ValueError)
    assert LEAKS.search(str(info.value)) is None
    assert main(["diagram", "-o", str(tmp_path / "tree.svg")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ragft: error: cannot find the Graphviz binary 'graphviz-pure'"), err
    assert err.count("\n") == 1
    assert not (tmp_path / "tree.svg").exists()
    cache_clear()


@pytest.mark.parametrize(("argv", "said"), [
    (["record", "prompting=no", "--why", "prompting"], "bad reason 'prompting': write it as"),
    (["record", "prompting=no", "--case", "c.yaml"], "with --case FILE, the answers"),
])
def test_cli_option_errors_are_usage_errors(argv: list[str], said: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from ragft.terminal.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ragft: error: {said}"), err
    assert err.rstrip().endswith("(see 'ragft record --help')"), err
    assert err.count("\n") == 1

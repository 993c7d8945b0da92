"""Running the notebooks: nbval over all nine, and the commands that execute and copy them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from ragft.errors import RagftError
from ragft.notebooks.__main__ import main
from ragft.notebooks.execute import KERNELSPEC, execute_notebook
from ragft.notebooks.site import WIDGET_STATE, WIDGET_VIEW, widget_cells, write_site_copies

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if ".ipynb_checkpoints" not in p.parts}


@pytest.mark.notebooks
def test_nbval_passes_on_every_notebook() -> None:
    """Re-run each notebook and compare every output with the stored one, SVG included."""
    before = _files(NB_DIR)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", str(SANITIZE), "-p", "no:cacheprovider", "-q",
         "-o", "addopts=", str(NB_DIR)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    tail = "\n".join(proc.stdout.splitlines()[-40:])
    assert proc.returncode == 0, f"nbval failed (re-run `make notebooks`?):\n{tail}\n{proc.stderr}"
    assert " passed" in tail
    assert " failed" not in tail
    collected = sorted({line.split("::")[0] for line in proc.stdout.splitlines() if "::" in line})
    assert not collected or all(p.endswith(".ipynb") for p in collected)
    assert _files(NB_DIR) == before, "running the notebooks must not leave files behind"


def _notebook(*sources: str) -> nbformat.NotebookNode:
    nb = new_notebook(cells=[new_markdown_cell("# t"), *(new_code_cell(s) for s in sources)])
    nb.metadata = {"kernelspec": {"name": "other", "display_name": "X"}, "authors": ["x"]}
    nb.cells[1].metadata = {"tags": ["keep"], "collapsed": True, "scrolled": False}
    return nb


@pytest.mark.notebooks
def test_execute_stores_outputs_widget_state_and_clean_metadata(tmp_path: Path) -> None:
    path = tmp_path / "t.ipynb"
    nbformat.write(_notebook('print("hi")', 'from ragft.widgets import GateQuestion\n'
                                            'GateQuestion("knowledge")'), path)
    path.chmod(0o644)
    execute_notebook(path)
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "hi\n"
    assert [c.execution_count for c in nb.cells[1:]] == [1, 2]
    assert widget_cells(nb) == [2]
    model = nb.cells[2].outputs[0]["data"][WIDGET_VIEW]["model_id"]
    assert model in nb.metadata["widgets"][WIDGET_STATE]["state"]
    assert nb.metadata["kernelspec"] == KERNELSPEC
    assert set(nb.metadata) == {"kernelspec", "language_info", "widgets"}
    assert "version" not in nb.metadata["language_info"]
    assert nb.cells[1].metadata == {"tags": ["keep"]}
    assert "execution" not in nb.cells[2].metadata
    assert path.stat().st_mode & 0o777 == 0o644
    assert path.read_text(encoding="utf-8").endswith("}\n")


@pytest.mark.notebooks
def test_execute_runs_in_the_notebooks_folder(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_text("here", encoding="utf-8")
    path = tmp_path / "t.ipynb"
    nbformat.write(_notebook('print(open("data.txt").read())'), path)
    execute_notebook(path)
    assert nbformat.read(path, as_version=4).cells[1].outputs[0]["text"] == "here\n"


@pytest.mark.notebooks
def test_a_failing_cell_leaves_the_notebook_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "t.ipynb"
    nbformat.write(_notebook("1 + 1", "1 / 0"), path)
    before = path.read_bytes()
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        execute_notebook(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.ipynb"]


@pytest.mark.notebooks
def test_command_line_execute_reports_a_failing_notebook(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.ipynb"
    nbformat.write(_notebook("1 / 0"), path)
    assert main(["execute", str(path)]) == 1
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_command_line_rejects_a_missing_notebook(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["execute", str(tmp_path / "nope.ipynb")])
    assert exc.value.code == 2
    assert "no such notebook" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["site", str(tmp_path / "out"), str(tmp_path)])  # a folder without notebooks
    assert exc.value.code == 2
    assert "no notebooks found" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_command_line_writes_site_copies(tmp_path: Path) -> None:
    src = tmp_path / "notebooks"
    src.mkdir()
    for name in ("00_start_here.ipynb", "01_knowledge.ipynb", "08_facilitators.ipynb"):
        shutil.copy(NB_DIR / name, src / name)
    assert main(["site", str(tmp_path / "guide"), str(src)]) == 0
    for name in ("00_start_here.ipynb", "01_knowledge.ipynb", "08_facilitators.ipynb"):
        original = nbformat.read(src / name, as_version=4)
        copy = nbformat.read(tmp_path / "guide" / name, as_version=4)
        assert not widget_cells(copy)
        assert "widgets" not in copy.metadata
        assert len(copy.cells) == len(original.cells) - len(widget_cells(original))
        assert (tmp_path / "guide" / name).stat().st_mode & 0o777 == 0o644


def test_site_copies_refuse_html_outputs(tmp_path: Path) -> None:
    good, bad = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    nbformat.write(_notebook("1"), good)
    nb = _notebook("x")
    nb.cells[1].outputs = [new_output("display_data", {"text/html": "<b>x</b>",
                                                       "text/plain": "x"})]
    nbformat.write(nb, bad)
    with pytest.raises(RagftError, match=r"b\.ipynb: cell 1 has a text/html output"):
        write_site_copies([good, bad], tmp_path / "guide")
    assert not (tmp_path / "guide").exists()  # nothing half-written


@pytest.mark.quarto
def test_quarto_renders_a_site_copy_without_cdn_scripts(tmp_path: Path) -> None:
    """The widget notebook's page, rendered from its site copy, loads nothing from elsewhere."""
    write_site_copies([NB_DIR / "01_knowledge.ipynb"], tmp_path)
    proc = subprocess.run(["quarto", "render", "01_knowledge.ipynb", "--to", "html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "01_knowledge.html").read_text(encoding="utf-8")
    assert WIDGET_VIEW not in page
    assert WIDGET_STATE not in page
    assert "require.min.js" not in page
    assert "html-manager" not in page
    for bad in ('<script src="http', "<script src='http", '<link href="http',
                "stylesheet\" href=\"http"):
        assert bad not in page

"""Running the notebooks: nbval over all nine, and the commands that execute and copy them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ragft.notebooks.__main__ import main
from ragft.notebooks.execute import KERNELSPEC, execute_notebook

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


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
    assert WIDGET_VIEW not in nb.cells[1].outputs[0].get("data", {})
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
        main([str(tmp_path)])  # "execute" is the default; a folder without notebooks
    assert exc.value.code == 2
    assert "no notebooks found" in capsys.readouterr().err


@pytest.mark.quarto
def test_quarto_renders_a_widget_notebook_without_cdn_scripts(tmp_path: Path) -> None:
    """A notebook with widgets, rendered through the site's ipynb-filters, loads nothing else."""
    import yaml

    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    filters = [str((NB_DIR / f).resolve()) for f in config["ipynb-filters"]]
    (tmp_path / "_quarto.yml").write_text(yaml.safe_dump(
        {"ipynb-filters": filters, "execute": {"enabled": False},
         "format": {"html": {"html-math-method": "plain"}}}), encoding="utf-8")
    (tmp_path / "01_knowledge.ipynb").write_bytes((NB_DIR / "01_knowledge.ipynb").read_bytes())
    proc = subprocess.run(["quarto", "render", "01_knowledge.ipynb", "--to", "html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "01_knowledge.html").read_text(encoding="utf-8")
    assert WIDGET_VIEW not in page
    assert WIDGET_STATE not in page
    assert "GateQuestion(" not in page  # the widget cell itself is left out (remove-cell)
    for bad in ("require.min.js", "html-manager", '<script src="http', '<link href="http',
                'rel="stylesheet" href="http'):
        assert bad not in page

"""Running the notebooks: nbval over all nine, and the commands that execute and copy them."""

from __future__ import annotations

import os
import platform
import posixpath
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import ROOT, load_script

EXECUTE = load_script(ROOT / "tools" / "execute_notebooks.py")
KERNELSPEC = EXECUTE.KERNELSPEC
execute_notebook = EXECUTE.execute_notebook
main = EXECUTE.main
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
def test_execute_stores_outputs_and_clean_metadata_but_no_widget_state(tmp_path: Path) -> None:
    path = tmp_path / "t.ipynb"
    nbformat.write(_notebook('print("hi")', 'from ragft.widgets.gate import GateQuestion\n'
                                            'GateQuestion("knowledge")'), path)
    path.chmod(0o644)
    execute_notebook(path)
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "hi\n"
    assert [c.execution_count for c in nb.cells[1:]] == [1, 2]
    widget = nb.cells[2].outputs[0]["data"]
    assert WIDGET_VIEW not in widget, "a stored view would name a model no kernel has"
    assert widget["text/plain"] == ("Gate 1 (Static or changing knowledge?): run this cell to "
                                    "answer it here.")
    assert nb.metadata["kernelspec"] == KERNELSPEC
    assert set(nb.metadata) == {"kernelspec", "language_info"}
    assert nb.metadata["language_info"]["version"] == platform.python_version()
    assert nb.cells[1].metadata == {"tags": ["keep"]}
    assert "execution" not in nb.cells[2].metadata
    assert path.stat().st_mode & 0o777 == 0o644
    assert path.read_text(encoding="utf-8").endswith("}\n")
    first = path.read_text(encoding="utf-8")
    execute_notebook(path)
    assert path.read_text(encoding="utf-8") == first, "a re-run stores the same bytes"


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
    assert main([str(path)]) == 1
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_command_line_rejects_a_missing_notebook(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path / "nope.ipynb")])
    assert exc.value.code == 2
    assert "no such notebook" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path)])  # a folder without notebooks
    assert exc.value.code == 2
    assert "no notebooks found" in capsys.readouterr().err


def site_project(folder: Path, name: str = "01_knowledge") -> Path:
    """A small Quarto website in ``folder`` laid out like ours: one notebook in notebooks/ and
    the site's ipynb-filters at the same paths, relative to the notebook as Quarto wants."""
    import yaml

    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    filters = config["ipynb-filters"]
    notebook = folder / "notebooks" / f"{name}.ipynb"
    notebook.parent.mkdir(parents=True)
    notebook.write_bytes((NB_DIR / f"{name}.ipynb").read_bytes())
    for entry in filters:
        script = shlex.split(entry)[0]
        assert not posixpath.isabs(script), f"{script}: Quarto joins it to the notebook's folder"
        target = (notebook.parent / script).resolve()
        assert folder in target.parents, f"{script} leaves the project"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2((NB_DIR / script).resolve(), target)  # keeps the executable bit
    (folder / "_quarto.yml").write_text(yaml.safe_dump({
        "project": {"type": "website", "render": [f"notebooks/{name}.ipynb"]},
        "ipynb-filters": filters, "execute": {"enabled": False},
        "website": {"title": "t", "site-url": config["website"]["site-url"]},
        "format": {"html": {"html-math-method": "plain"}}}), encoding="utf-8")
    return notebook


def quarto_filtered(notebook: Path, filters: list[str]) -> str:
    """Run the ipynb-filters as quarto-cli does (src/core/jupyter/jupyter-filters.ts): the
    script path is Deno's ``join(dirname(notebook), script)``; an existing ``.py`` runs with
    Python, anything else as an executable; always from the notebook's folder."""
    text = notebook.read_text(encoding="utf-8")
    for entry in filters:
        script, *args = shlex.split(entry)
        joined = posixpath.normpath(f"{notebook.parent.as_posix()}/{script}")  # no reset at "/"
        run_py = script.endswith(".py") and Path(joined).is_file()
        assert run_py, f"Quarto would not find {script} from {notebook.parent}"
        text = subprocess.run([sys.executable, script, *args], input=text, cwd=notebook.parent,
                              capture_output=True, text=True, timeout=60, check=True).stdout
    return text


def test_the_site_filters_run_as_quarto_runs_them(tmp_path: Path) -> None:
    import yaml

    notebook = site_project(tmp_path)
    filters = yaml.safe_load((tmp_path / "_quarto.yml").read_text(encoding="utf-8"))[
        "ipynb-filters"]
    page = quarto_filtered(notebook, filters)
    assert "](../walk.html#prompting=yes&context=no)" in page
    assert "https://ragft.github.io/ragft/" not in page
    assert WIDGET_VIEW not in page
    assert WIDGET_STATE not in page


def test_the_filter_runs_as_an_executable() -> None:
    """Quarto runs a filter it cannot join to the notebook's folder (an absolute path, say)
    as a program: that needs the shebang line and the executable bit."""
    script = ROOT / "site" / "strip_widgets.py"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env python3\n")
    assert os.access(script, os.X_OK)
    raw = (NB_DIR / "00_start_here.ipynb").read_text(encoding="utf-8")
    out = subprocess.run([str(script)], input=raw, cwd=NB_DIR, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert "](../walk.html" in out
    assert WIDGET_VIEW not in out


@pytest.mark.quarto
def test_quarto_renders_a_widget_notebook_without_cdn_scripts(tmp_path: Path) -> None:
    """A notebook with widgets, rendered through the site's ipynb-filters, loads nothing else
    and links the walker beside it."""
    notebook = site_project(tmp_path)
    proc = subprocess.run(["quarto", "render", "notebooks/01_knowledge.ipynb", "--to", "html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "_site" / "notebooks" / "01_knowledge.html").read_text(encoding="utf-8")
    assert notebook.is_file()
    assert WIDGET_VIEW not in page
    assert WIDGET_STATE not in page
    assert "GateQuestion(" not in page  # the widget cell itself is left out (remove-cell)
    for bad in ("require.min.js", "html-manager", '<script src="http', '<link href="http',
                'rel="stylesheet" href="http'):
        assert bad not in page
    assert 'href="../walk.html#prompting=yes&amp;context=no"' in page
    assert "ragft.github.io/ragft/walk.html" not in page

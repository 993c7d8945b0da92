"""Every shell command the facilitator guide shows runs as written.

The commands are read from facilitators.qmd's ``sh``/``bash``/``shell`` code blocks (indented
ones inside list items too) and run in page order, in one temporary folder, with this venv's
``ragft`` and ``python`` first on PATH, as a facilitator would type them before, during and
after a session. Only the commands in :data:`SKIP` are not run, each with the reason: they
need a network or open a browser. Every other command must exit 0.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from ragft.records.read import read_record_file

PAGE = ROOT / "facilitators.qmd"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?:sh|bash|shell)[ \t]*\n(?P<body>.*?)^(?P=indent)```",
                   re.M | re.S)
SKIP = {
    "make guide": "installs from the network, then opens JupyterLab in a browser",
    'python -m pip install -e ".[guide]"': "installs from the network",
    "jupyter lab notebooks/00_start_here.ipynb": "opens JupyterLab in a browser",
    "conda env create -f environment.yml": "installs from the network",
    "conda activate ragft": "needs the environment the network step above creates",
    "git tag workshop-2026-03 && git push origin workshop-2026-03": "pushes to GitHub",
}
# What a person types at `ragft walk`: answer the first question "No" (prompt_first), quit.
WALK_INPUT = "1\nq\n"
NOTES = "# Meeting notes\n\nBring cake.\n"


def shell_commands(text: str) -> list[str]:
    """The commands of the page's shell code blocks, in order (``\\`` continuations joined,
    comments and blank lines dropped)."""
    commands = []
    for block in FENCE.finditer(text):
        body = re.sub(r"[ \t]*\\\n\s*", " ", block.group("body"))
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


COMMANDS = shell_commands(PAGE.read_text(encoding="utf-8"))


def test_the_page_shows_commands_and_every_skipped_one_is_on_it() -> None:
    assert len(COMMANDS) >= 8, COMMANDS
    assert set(SKIP) <= set(COMMANDS), "SKIP names a command the page no longer shows"
    assert "python tools/guide_setup.py" in COMMANDS  # fallback rung 2 sets the guide up


def test_the_extraction_reads_indented_blocks_and_continuations() -> None:
    text = "x\n\n   ```sh\n   ragft tally \\\n     records\n   # a comment\n   ```\n\n```python\nno\n```\n"
    assert shell_commands(text) == ["ragft tally records"]


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """A facilitator's folder: a copy of the clone's tools, notebooks and pages (the scripts
    work on the folder they are in, so nothing of this checkout changes), and the collected
    records (the sample records and a stray notes.md)."""
    for part in ("tools", "notebooks", "jupyter"):
        shutil.copytree(ROOT / part, tmp_path / part,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for name in ("README.md", "_quarto.yml", *(p.name for p in ROOT.glob("*.qmd"))):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "ragft" / "web").mkdir(parents=True)
    shutil.copy2(ROOT / "ragft" / "web" / "links.py", tmp_path / "ragft" / "web" / "links.py")
    records = tmp_path / "records"
    shutil.copytree(ROOT / "notebooks" / "records-sample", records)
    (records / "notes.md").write_text(NOTES, encoding="utf-8")
    return tmp_path


def test_every_command_in_the_guide_runs_as_written(room: Path, tmp_path_factory:
                                                    pytest.TempPathFactory) -> None:
    venv_bin = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
           "JUPYTER_DATA_DIR": str(tmp_path_factory.mktemp("jupyter-data")),  # the notary
           "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("_ARGCOMPLETE", None)
    ran = []
    for command in COMMANDS:
        if command in SKIP:
            continue
        typed = WALK_INPUT if command.startswith("ragft walk") else ""
        proc = subprocess.run(["bash", "-c", command], cwd=room, env=env, input=typed,
                              capture_output=True, text=True, timeout=300, check=False)
        assert proc.returncode == 0, f"{command!r} exited {proc.returncode}:\n{proc.stderr}"
        ran.append(command)
    assert len(ran) == sum(c not in SKIP for c in COMMANDS)
    # What the commands left behind is what the guide says they make.
    assert (room / "workshop-kit" / "walker.html").is_file()
    assert read_record_file(room / "team-green.md").exits == ("prompt_first",)
    assert read_record_file(room / "team-blue.md").exits == ("rag_dynamic",)
    assert (room / "tally.svg").read_text(encoding="utf-8").startswith("<svg")
    assert read_record_file(room / "docs" / "decisions" / "0001-release-notes-bot.md").exits \
        == ("rag_dynamic",)
    assert 'BINDER_REF = "workshop-2026-03"' in (room / "ragft" / "web" / "links.py").read_text(
        encoding="utf-8")
    assert "/ragft/workshop-2026-03?urlpath=" in (room / "facilitators.qmd").read_text(
        encoding="utf-8")


@pytest.mark.parametrize(("name", "widget"), [("context", "ContextCalculator"),
                                              ("break-even", "BreakEvenCalculator")])
def test_the_calculators_are_placed_in_the_notebooks_that_hold_them(name: str,
                                                                    widget: str) -> None:
    text = PAGE.read_text(encoding="utf-8")
    places = re.findall(rf"{name} calculator in \[notebook (\d\d)\]", text)
    assert places, f"the guide does not say where the {name} calculator is"
    holders = {p.name[:2] for p in (ROOT / "notebooks").glob("*.ipynb")
               if widget in p.read_text(encoding="utf-8")}
    assert set(places) <= holders, (places, holders)

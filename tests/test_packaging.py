"""The built wheel ships what an installed ragft needs: data, the walker's sources, py.typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    # Build from a clean copy: setuptools reuses a checkout's build/ folder, which can hold files
    # that the package configuration no longer ships.
    src = tmp_path_factory.mktemp("src") / "ragft"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        "build", "dist", "*.egg-info", ".venv", "node_modules", ".git", "__pycache__", "_site",
        ".quarto", "site-data", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("ragft-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_every_package_file(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    package = ROOT / "ragft"
    wanted = {
        p.relative_to(ROOT).as_posix()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    missing = sorted(wanted - names)
    assert missing == [], f"files missing from the wheel: {missing}"


def test_installed_wheel_exports_the_walker(wheel: zipfile.ZipFile, tmp_path: Path) -> None:
    # Run the export from the unpacked wheel alone, as a pip-installed ragft would.
    site = tmp_path / "site-packages"
    wheel.extractall(site)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from ragft.web.export import export; "
         "print(len(export(sys.argv[1])))", str(tmp_path / "out")],
        capture_output=True, text=True, check=False, cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": str(Path(sys.executable).parent)},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "walker.html").stat().st_size > 10_000

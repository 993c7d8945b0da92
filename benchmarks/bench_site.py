"""Site benchmarks: where rendering time goes, measured without Quarto where possible.

``benchmarks/run.py`` appends :func:`rows` and prints :func:`skipped`; run this file alone for
the same numbers::

    python benchmarks/bench_site.py

Rows:

- the ipynb filter (``site/strip_widgets.py``) over every notebook, in one process (the work
  itself) and as Quarto runs it, one fresh Python per notebook (the work plus start-up);
- the notebook bytes Quarto parses, before and after the filter;
- the pre-render step (``site/prerender.py``) in a fresh process;
- ``quarto render`` of a fresh copy of the site, as ``make site`` runs it (this Python for the
  pre-render step and the filter), against a bare website with the same number of one-line
  pages and one theme, target at most 2x; and against the same bare site in the site's two
  themes, light and dark (each theme is a Bootstrap build of its own), the floor the dark theme
  sets. Skipped, with the reason, where no ``quarto`` is installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FILTER = ROOT / "site" / "strip_widgets.py"
RUNS = 5
RENDER_RATIO_TARGET = 2.0

Row = tuple[str, float, "float | None", str]


def _filter_module() -> Any:
    spec = importlib.util.spec_from_file_location("strip_widgets", FILTER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _median(func: Any, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _filter_in_process() -> None:
    module = _filter_module()
    for path in NOTEBOOKS:
        nb = module.strip(json.loads(path.read_bytes()))
        nb = module.relative_links(nb, "https://example.org/", "../")
        json.dumps(nb, separators=(",", ":"))


def _filter_processes() -> None:
    for path in NOTEBOOKS:
        subprocess.run([sys.executable, str(FILTER)], input=path.read_bytes(), cwd=path.parent,
                       capture_output=True, check=True)


def _filtered_bytes() -> tuple[int, int]:
    before = after = 0
    for path in NOTEBOOKS:
        raw = path.read_bytes()
        out = subprocess.run([sys.executable, str(FILTER)], input=raw, cwd=path.parent,
                             capture_output=True, check=True).stdout
        before, after = before + len(raw), after + len(out)
    return before, after


def _prerender() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, str(ROOT / "site" / "prerender.py"), folder], cwd=ROOT,
                       capture_output=True, check=True)


def _quarto_render(project: Path) -> float:
    """Seconds of ``quarto render``, with this Python first on PATH and as QUARTO_PYTHON, as
    ``make site`` runs it (the pre-render step imports ragft)."""
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               QUARTO_PYTHON=sys.executable)
    start = time.perf_counter()
    subprocess.run(["quarto", "render"], cwd=project, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


BARE_THEMES = {"one theme": "", "light and dark": ("format:\n  html:\n    theme:\n"
                                                   "      light: cosmo\n      dark: darkly\n")}


def _bare_site(folder: Path, pages: int, theme: str = "") -> Path:
    """A website with ``pages`` one-line pages and Quarto's default theme (or ``theme``, a
    ``format:`` block): the baseline."""
    folder.mkdir(parents=True)
    (folder / "_quarto.yml").write_text("project:\n  type: website\n" + theme, encoding="utf-8")
    for i in range(pages):
        (folder / f"page{i}.qmd").write_text(f"---\ntitle: Page {i}\n---\n\nText.\n",
                                            encoding="utf-8")
    return folder


def _tracked_copy(target: Path) -> Path:
    """The files git tracks, copied to ``target``: what the Site workflow's checkout holds."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, names):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def render_times() -> dict[str, float]:
    """Wall time of ``quarto render`` of a fresh copy of the site, and of bare sites with as
    many pages (:data:`BARE_THEMES`)."""
    import yaml

    pages = len(yaml.safe_load((ROOT / "_quarto.yml").read_text())["project"]["render"])
    with tempfile.TemporaryDirectory() as tmp:
        times = {"site": _quarto_render(_tracked_copy(Path(tmp) / "site"))}
        for name, theme in BARE_THEMES.items():
            times[name] = _quarto_render(_bare_site(Path(tmp) / name.replace(" ", "-"), pages,
                                                    theme))
        return times


def skipped() -> list[tuple[str, str]]:
    """Rows that cannot be measured here, with the reason."""
    if shutil.which("quarto") is None:
        return [("quarto render, site / bare site of as many pages",
                 "no quarto binary installed here (the Site workflow has one)")]
    return []


def rows() -> list[Row]:
    before, after = _filtered_bytes()
    found: list[Row] = [
        (f"ipynb filter, {len(NOTEBOOKS)} notebooks, one process", _median(_filter_in_process),
         None, "s"),
        (f"ipynb filter, {len(NOTEBOOKS)} notebooks, a process each", _median(_filter_processes),
         None, "s"),
        ("notebook JSON before the filter", before / 1024, None, "KB"),
        ("notebook JSON Quarto parses (after the filter)", after / 1024, None, "KB"),
        ("pre-render step (site/prerender.py)", _median(_prerender, 3), None, "s"),
    ]
    if not skipped():
        times = render_times()
        found += [("quarto render, the site", times["site"], None, "s"),
                  ("quarto render, bare site, as many pages", times["one theme"], None, "s"),
                  ("quarto render, bare site, light and dark", times["light and dark"], None,
                   "s"),
                  ("quarto render, site / bare site (ratio)", times["site"] / times["one theme"],
                   RENDER_RATIO_TARGET, "x"),
                  ("quarto render, site / bare light and dark", times["site"] /
                   times["light and dark"], None, "x")]
    return found


if __name__ == "__main__":
    for name, value, target, unit in rows():
        print(f"{name:<52} {value:10.3f} {unit}" + (f"  (target <= {target})" if target else ""))
    for name, reason in skipped():
        print(f"{name:<52} skipped: {reason}")

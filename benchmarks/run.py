"""Benchmarks: a table of medians of repeated runs, with the targets and PASS/FAIL beside them.

Run from the repository root::

    python benchmarks/run.py            # about half a minute
    python benchmarks/run.py --runs 50  # steadier medians

Rows: import time of ``ragft`` against ``import graphviz, ipywidgets`` alone (each in a fresh
process); ``decide`` over every answer combination; DOT generation; SVG rendering, first
(uncached) and for an answer drawn before (a cache hit, as the notebook walker draws it:
``render_tree`` and the prolog strip), and the hit's parts; export to a temporary folder. If
``benchmarks/bench_walker.py`` or ``bench_site.py`` exists, its ``rows()`` (tuples ``(name,
value, target_or_None, unit)``, unit ``"s"``, ``"KB"`` or ``"x"``) are appended, and the rows
its ``skipped()`` names are listed with the reason. Exit code 1 if a row with a target fails it.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMPORT_RATIO_TARGET = 1.2
# What a learner needs, not what the code does today: a path drawn before comes back at once
# (Back, the same answers again: 5 ms is well inside a frame), and a new one within a click's
# tenth of a second of feeling immediate.
CACHED_TARGET = 0.005
NEW_ANSWER_TARGET = 0.100

Row = tuple[str, float, "float | None", str]  # name, value, target, unit ("s" or "KB")


def median_time(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``func``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_time(statement: str, runs: int) -> float:
    """Median time of ``statement`` in a fresh interpreter (the interpreter's start excluded)."""
    code = ("import time; t = time.perf_counter(); " + statement +
            "; print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def core_rows(runs: int) -> tuple[list[Row], list[tuple[str, str, str, bool]]]:
    """Measure ragft; return the timing rows and the ratio rows (name, value, target, ok)."""
    from ragft.diagram.dot import tree_diagram
    from ragft.diagram.marks import marks
    from ragft.diagram.render import cache_clear, render, render_tree, strip_xml_prolog
    from ragft.engine.decision import all_answer_sets, all_walks, decide
    from ragft.tree.loader import default_tree
    from ragft.web.export import export

    tree = default_tree()
    base = import_time("import graphviz, ipywidgets", runs)
    ours = import_time("import ragft", runs)
    ratio = ours / base
    ratios = [("import ragft / import graphviz, ipywidgets", f"{ratio:.2f}x",
               f"<= {IMPORT_RATIO_TARGET}x", ratio <= IMPORT_RATIO_TARGET)]

    combos = list(all_answer_sets(tree))
    walks = list(all_walks(tree))
    walk = walks[len(walks) // 2]

    # A learner's click: a path highlighted that the renderer has not drawn yet (cache cleared,
    # process warm), and one it drew before (a cache hit, e.g. after Back), each as the
    # notebook walker draws it (ragft.widgets.walker.diagram_html).
    def new_answer() -> None:
        cache_clear()
        strip_xml_prolog(render_tree(tree, decision=walk))

    turn = iter(walks * (runs + 1))

    def seen_answer() -> None:
        strip_xml_prolog(render_tree(tree, decision=next(turn)))

    # Measured in this order: new_answer clears the cache, so every walk is drawn again after
    # it, before the hits are timed. (Warming first, as this file once did, left the "hits" of
    # 20 runs over the tree's 13 walks mostly first drawings: their median was a miss.)
    new_time = median_time(new_answer, runs)
    for w in walks:
        render_tree(tree, decision=w)
    seen_time = median_time(seen_answer, runs)

    # What a hit costs, part by part. It no longer pays for the DOT (the row above: render()'s
    # own key is that text, so a hit there needs the whole graph built first).
    svg = render_tree(tree, decision=walk)
    source = tree_diagram(tree, decision=walk).source

    with tempfile.TemporaryDirectory() as tmp:
        count = iter(range(runs))

        def export_once() -> None:
            export(Path(tmp) / str(next(count)), tree)

        rows: list[Row] = [
            ("import graphviz, ipywidgets (baseline)", base, None, "s"),
            ("import ragft", ours, None, "s"),
            (f"decide, all {len(combos)} answer combinations",
             median_time(lambda: [decide(c, tree) for c in combos], runs), None, "s"),
            ("DOT of the whole tree, path highlighted",
             median_time(lambda: tree_diagram(tree, decision=walk).source, runs), None, "s"),
            ("SVG for a new answer (not cached)", new_time, NEW_ANSWER_TARGET, "s"),
            ("SVG for an answer seen before (cache hit)", seen_time, CACHED_TARGET, "s"),
            ("  hit: the key (what the decision marks)", median_time(lambda: marks(walk), runs),
             None, "s"),
            ("  hit: the prolog strip (a string copy)", median_time(lambda: strip_xml_prolog(svg),
                                                                    runs), None, "s"),
            ("  render() hit, given the DOT text built first", median_time(
                lambda: render(source), runs), None, "s"),
            ("export (tree.json, tree.svg, walker)", median_time(export_once, runs), None, "s"),
        ]
    return rows, ratios


EXTRA = ("bench_walker.py", "bench_site.py", "bench_calculators.py", "bench_lite.py")


def extra_rows() -> tuple[list[Row], list[tuple[str, str]]]:
    """Rows from the modules in :data:`EXTRA` that are there, and the rows they skip (name,
    reason) where something they need is missing."""
    rows: list[Row] = []
    skipped: list[tuple[str, str]] = []
    for name in EXTRA:
        path = HERE / name
        if not path.exists():
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        rows += [(str(n), float(v), None if target in (None, "") else float(target), unit)
                 for n, v, target, unit in module.rows()]
        skipped += list(getattr(module, "skipped", list)())
    return rows, skipped


def table(rows: list[Row], ratios: list[tuple[str, str, str, bool]]) -> tuple[str, bool]:
    """The printed table, and whether every target was met."""
    lines = [f"{'benchmark':<48} {'median':>12} {'target':>12}  result", "-" * 82]
    ok = True
    for name, value, target, unit in rows:
        verdict = ""
        if target is not None:
            verdict = "PASS" if value <= target else "FAIL"
            ok = ok and value <= target
        scale, shown_unit = (1000, "ms") if unit == "s" else (1, unit)
        shown = "" if target is None else f"<= {target * scale:.0f} {shown_unit}"
        digits = 2 if value * scale >= 0.1 else 4  # a look-up is microseconds
        lines.append(f"{name:<48} {value * scale:>9.{digits}f} {shown_unit:<2} {shown:>12}  "
                     f"{verdict}")
    for name, text, goal, passed in ratios:
        ok = ok and passed
        lines.append(f"{name:<48} {text:>12} {goal:>12}  {'PASS' if passed else 'FAIL'}")
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="repeats per row (default 20)")
    args = parser.parse_args(argv)
    rows, ratios = core_rows(args.runs)
    more, skipped = extra_rows()
    rows += more
    text, ok = table(rows, ratios)
    print(f"ragft benchmarks, median of {args.runs} runs, Python {sys.version.split()[0]}\n")
    print(text)
    for name, reason in skipped:
        print(f"{name:<48} {'skipped':>12}  {reason}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Widget benchmarks: how soon a calculator (and the walker) answers a changed input.

``benchmarks/run.py`` appends :func:`rows`; run this file alone for the same numbers::

    python benchmarks/bench_calculators.py

Each row is the median time from setting an input's value in Python (what the kernel does when
the browser sends a change) to the widget having rewritten everything it shows, chart
included; the browser's own drawing is not counted. Target: 150 ms per change.

Rows are ``(name, value, target, unit)`` with unit ``"s"``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from itertools import cycle

CHANGE_TARGET_S = 0.150
RUNS = 30


def _median(change: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        change()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rows() -> list[tuple[str, float, float | None, str]]:
    from ragft.engine.decision import all_walks
    from ragft.tree.loader import default_tree
    from ragft.widgets.calculators import BreakEvenCalculator, ContextCalculator
    from ragft.widgets.walker import Walker

    break_even = BreakEvenCalculator()
    requests = cycle([400_000, 500_000, 650_000, 0, 2_000_000])

    def break_even_change() -> None:
        break_even.requests.value = next(requests)

    context = ContextCalculator()
    pages = cycle([120, 300, 480, 2000, 20_000])

    def context_change() -> None:
        context.amount.value = next(pages)

    tree = default_tree()
    walk = max(all_walks(tree), key=lambda d: len(d.path))
    walker = Walker(tree)
    steps = cycle(range(len(walk.path)))

    def walker_answer() -> None:
        n = next(steps)
        if n == 0:
            walker.restart()
        step = walk.path[n]
        walker.question(step.gate).choice.choose(step.answer)

    return [
        ("break-even calculator: one input change, chart", _median(break_even_change),
         CHANGE_TARGET_S, "s"),
        ("context calculator: one input change", _median(context_change), CHANGE_TARGET_S, "s"),
        ("walker: one answer (fold, next gate, card, SVG)", _median(walker_answer),
         CHANGE_TARGET_S, "s"),
    ]


if __name__ == "__main__":
    for name, value, target, _unit in rows():
        verdict = "PASS" if target is None or value <= target else "FAIL"
        print(f"{name:<52} {value * 1000:8.2f} ms  (target {target * 1000:.0f} ms)  {verdict}"
              if target is not None else f"{name:<52} {value * 1000:8.2f} ms")

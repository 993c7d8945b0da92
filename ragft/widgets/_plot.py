"""The break-even chart, drawn with matplotlib's object API and returned as SVG text.

``matplotlib.figure.Figure`` is used directly, without pyplot: no global figure list to close,
no interactive backend, so it works headless, in a kernel and under nbval alike. The SVG is
deterministic (fixed id salt, no date or creator stamp), so stored notebook outputs compare.
"""

from __future__ import annotations

import io
import math

import matplotlib
from matplotlib.figure import Figure

from ..calc import BreakEven, cumulative
from ..render import strip_xml_prolog
from ._common import esc

__all__ = ["break_even_svg", "horizon_for"]

_COST = "#D55E00"  # Okabe-Ito vermillion: cost
_SAVED = "#0072B2"  # Okabe-Ito blue: savings
_MAX_MONTHS = 120


def horizon_for(result: BreakEven) -> int:
    """How many months to plot: past the break-even point, at least a year, at most ten.

    >>> horizon_for(BreakEven(100.0, 10.0, 0.0, 0.0, 10.0))
    15
    >>> horizon_for(BreakEven(100.0, 0.0, 5.0, 0.0, None))
    36
    """
    if result.months is None:
        return 36
    return max(12, min(_MAX_MONTHS, math.ceil(result.months * 1.5)))


def break_even_svg(result: BreakEven, description: str) -> str:
    """Cumulative cost against cumulative savings, as inline SVG labelled by ``description``."""
    months, cost, saved = cumulative(result, horizon_for(result))
    with matplotlib.rc_context({"svg.hashsalt": "ragft", "svg.fonttype": "path"}):
        fig = Figure(figsize=(6.4, 3.4), layout="constrained")
        ax = fig.subplots()
        ax.plot(months, cost, color=_COST, linewidth=2, label="Cumulative cost of fine-tuning")
        ax.plot(months, saved, color=_SAVED, linewidth=2, linestyle="--",
                label="Cumulative saving")
        if result.months is not None and result.months <= months[-1]:
            ax.axvline(result.months, color="#1F2328", linewidth=1, linestyle=":")
            ax.annotate(f"break-even ≈ {result.months:.1f} months",
                        xy=(result.months, result.upfront + result.monthly_upkeep * result.months),
                        xytext=(6, -14), textcoords="offset points", fontsize=9)
        ax.set_xlabel("Months after the first training run")
        ax.set_ylabel("US dollars (illustrative)")
        ax.set_title("Does fine-tuning pay off?", fontsize=11)
        ax.set_xlim(0, months[-1])
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", fontsize=9, frameon=False)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = strip_xml_prolog(buf.getvalue())
    return (f"<div class='ragft-plot' role='img' aria-label='{esc(description)}'>{svg}</div>")

"""The break-even chart: cumulative cost against cumulative saving, as a small inline SVG.

Two straight lines, a few ticks and one marker do not need a plotting library: building the SVG
text takes well under a millisecond, where a matplotlib figure took a quarter of a second per
input change. The same function draws the calculator's live chart and the notebook's static
one (:func:`break_even_chart`), so there is one chart for one purpose. Text uses the page's
font and ``currentColor``, so the chart follows JupyterLab's light and dark themes; the output
is deterministic, so stored notebook outputs compare.

Example:
    >>> from ragft.engine.calc import BreakEven
    >>> svg = break_even_svg(BreakEven(100.0, 20.0, 0.0, 0.0, 5.0), "Breaks even after 5 months")
    >>> svg.startswith('<svg class="ragft-plot"'), 'aria-label="Breaks even after 5 months"' in svg
    (True, True)
"""

from __future__ import annotations

import math
from typing import Any

from ..engine.calc import BreakEven, cumulative, money
from ..present.html import esc
from ..present.widget_words import WORDS

__all__ = ["break_even_chart"]

COST = "#D55E00"  # Okabe-Ito vermillion: cost
SAVED = "#0072B2"  # Okabe-Ito blue: savings
_MAX_MONTHS = 120
# Drawing area inside the 640 x 300 view box: room for the y labels at the left, the legend
# at the top and the x axis title at the bottom.
_W, _H = 580, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 60, 18, 44, 48
# Whole elements as templates: the chart's own markup, filled with str.format.
_SVG = ('<svg class="ragft-plot" role="img" aria-label="{label}" viewBox="0 0 {w} {h}" '
        'xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="13" '
        'fill="currentColor">')
_DOT = '<circle cx="{x}" cy="{y}" r="4" fill="currentColor"/>'
_LINE = '<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>'
# A halo of the background behind a label that may cross a line.
_HALO = "paint-order:stroke;stroke-width:4px;stroke:var(--jp-layout-color0,#fff)"


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


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``top``: steps of 1, 2, 2.5 or 5 times a power of 10.

    >>> nice_ticks(8050)
    [0, 2000, 4000, 6000, 8000, 10000]
    >>> nice_ticks(15)
    [0, 5, 10, 15]
    >>> nice_ticks(0)
    [0, 1]
    """
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top - 1e-9:
        ticks.append(ticks[-1] + step)
    return [int(t) if float(t).is_integer() else t for t in ticks]


def _short_money(value: float) -> str:
    """Axis labels: ``$8k``, ``$1.2M``; small amounts as :func:`money` writes them."""
    if value >= 1_000_000:
        return f"${value / 1_000_000:g}M"
    if value >= 1_000:
        return f"${value / 1_000:g}k"
    return money(value)


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def break_even_svg(result: BreakEven, description: str) -> str:
    """Cumulative cost and saving month by month, as inline SVG labelled by ``description``."""
    months, cost, saved = cumulative(result, horizon_for(result))
    x_max = float(months[-1])  # the lines run to the right edge; ticks stop before it
    x_ticks = [t for t in nice_ticks(x_max, 6) if t <= x_max]
    y_ticks = nice_ticks(max(*cost, *saved), 5)
    y_max = float(y_ticks[-1])
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def px(month: float) -> float:
        return _LEFT + plot_w * month / x_max

    def py(dollars: float) -> float:
        return _TOP + plot_h * (1 - dollars / y_max)

    def line(values: list[float]) -> str:
        return " ".join(f"{_fmt(px(m))},{_fmt(py(v))}" for m, v in zip(months, values,
                                                                          strict=True))

    parts = [
        _SVG.format(label=esc(description), w=_W, h=_H),
        f"<title>{esc(description)}</title>",
    ]
    for t in y_ticks:
        y = _fmt(py(t))
        parts.append(f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y}" y2="{y}" '
                     'stroke="currentColor" stroke-opacity="0.15"/>')
        parts.append(f'<text x="{_LEFT - 6}" y="{y}" dy="0.32em" text-anchor="end">'
                     f"{esc(_short_money(t))}</text>")
    base = _fmt(py(0))
    for t in x_ticks:
        x = _fmt(px(t))
        parts.append(f'<line x1="{x}" x2="{x}" y1="{base}" y2="{_fmt(py(0) + 5)}" '
                     'stroke="currentColor"/>')
        parts.append(f'<text x="{x}" y="{_fmt(py(0) + 18)}" text-anchor="middle">{t}</text>')
    parts.append(f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{base}" y2="{base}" '
                 'stroke="currentColor"/>')
    parts.append(f'<text x="{_LEFT + plot_w / 2:g}" y="{_H - 8}" text-anchor="middle">'
                 f"{esc(WORDS['months_axis'])}</text>")
    if result.months is not None and 0 < result.months <= x_max:
        x = _fmt(px(result.months))
        y = _fmt(py(result.upfront + result.monthly_upkeep * result.months))
        parts.append(f'<line x1="{x}" x2="{x}" y1="{_TOP}" y2="{base}" stroke="currentColor" '
                     'stroke-dasharray="2 3"/>')
        parts.append(_DOT.format(x=x, y=y))
        mark = WORDS["break_even_mark"].format(months=f"{result.months:.1f}")
        anchor = "end" if result.months > x_max * 0.6 else "start"
        shift = -8 if anchor == "end" else 8
        # At the top of the dashed line, where the lines are not (they meet it lower down, and
        # near month 0 the savings line runs along the axis), on a halo of the background.
        parts.append(f'<text x="{_fmt(px(result.months) + shift)}" y="{_fmt(_TOP + 12)}" '
                     f'text-anchor="{anchor}" style="{_HALO}">{esc(mark)}</text>')
    parts.append(_LINE.format(points=line(cost), colour=COST, dash=""))
    parts.append(_LINE.format(points=line(saved), colour=SAVED, dash=' stroke-dasharray="8 4"'))
    # The legend names each line by its colour and dash, above the plot.
    parts.append(f'<line x1="{_LEFT}" x2="{_LEFT + 28}" y1="16" y2="16" stroke="{COST}" '
                 'stroke-width="2.5"/>')
    parts.append(f'<text x="{_LEFT + 34}" y="16" dy="0.32em">{esc(WORDS["cost_line"])}</text>')
    parts.append(f'<line x1="{_LEFT + 260}" x2="{_LEFT + 288}" y1="16" y2="16" '
                 f'stroke="{SAVED}" stroke-width="2.5" stroke-dasharray="8 4"/>')
    parts.append(f'<text x="{_LEFT + 294}" y="16" dy="0.32em">{esc(WORDS["saving_line"])}'
                 "</text>")
    parts.append("</svg>")
    return "".join(parts)


def describe(result: BreakEven) -> str:
    """One sentence for the chart's text alternative.

    >>> describe(BreakEven(100.0, 20.0, 0.0, 0.0, 5.0))  # doctest: +NORMALIZE_WHITESPACE
    'Cumulative cost starts at $100 and grows by $0 a month; cumulative saving grows by $20 a
    month; the lines cross after about 5.0 months.'
    """
    cross = (WORDS["lines_cross"].format(months=f"{result.months:.1f}")
             if result.months is not None else WORDS["never_catches_up"])
    return WORDS["chart_description"].format(upfront=money(result.upfront),
                                             upkeep=money(result.monthly_upkeep),
                                             saving=money(result.monthly_saving), cross=cross)


def break_even_chart(result: BreakEven) -> Any:
    """The calculator's chart as a notebook output (``image/svg+xml``), for a worked example.

    The live :class:`~ragft.widgets.BreakEvenCalculator` draws the same chart.
    """
    from IPython.display import SVG

    return SVG(data=break_even_svg(result, describe(result)))  # type: ignore[no-untyped-call]

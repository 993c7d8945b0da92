"""The two calculators: their arithmetic on its own, then the widgets driven headless."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from ragft.engine.calc import (
    CONTEXT_WINDOWS,
    DEFAULT_HEADROOM,
    GPT_4O_MINI_PRICES,
    TOKENS_PER_PAGE,
    TOKENS_PER_WORD,
    UNITS,
    YARDSTICK_PAGES,
    YARDSTICK_TOKENS,
    BreakEven,
    break_even,
    context_fit,
    cumulative,
    money,
    money_md,
    serving_premium,
    to_tokens,
    window_tokens,
)
from ragft.errors import RagftError, UnknownOptionError
from ragft.widgets.calculators import BreakEvenCalculator, ContextCalculator
from ragft.widgets.chart import break_even_chart, break_even_svg, describe, horizon_for, nice_ticks

BAD_NUMBERS = [-1, -0.5, math.nan, math.inf, -math.inf]
DEFAULTS = {
    "requests_per_month": 500_000,
    "saving_per_request": 0.002,
    "serving_premium_per_request": 0.00048,  # 2,000 tokens in, 300 out, gpt-4o-mini fine-tuned
    "engineering_hours": 80,
    "hourly_rate": 100,
    "maintenance_hours_per_month": 4,
    "training_cost": 50,
    "retrains_per_year": 4,
}

# -- context arithmetic -------------------------------------------------------------------------


def test_conversion_factors_match_the_yardstick() -> None:
    # ~200,000 tokens is ~500 pages in Anthropic's article: the page factor agrees with it.
    assert to_tokens(YARDSTICK_PAGES, "pages") == pytest.approx(YARDSTICK_TOKENS)
    assert pytest.approx(400) == TOKENS_PER_PAGE
    assert to_tokens(3000, "words") == pytest.approx(3000 * TOKENS_PER_WORD)
    assert to_tokens(1234, "tokens") == 1234
    assert to_tokens(0, "pages") == 0


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_to_tokens_rejects_negative_and_non_finite_sizes(unit: str, bad: float) -> None:
    with pytest.raises(RagftError, match=r"corpus size must be a number >= 0, got "):
        to_tokens(bad, unit)


def test_to_tokens_rejects_unknown_units() -> None:
    with pytest.raises(UnknownOptionError,
                       match=r"unknown unit 'chapters' \(must be one of \['pages', 'words', "
                             r"'tokens'\]\)"):
        to_tokens(3, "chapters")
    with pytest.raises(RagftError, match="got '3'"):
        to_tokens("3", "pages")  # type: ignore[arg-type]


@pytest.mark.parametrize(("tokens", "window", "fits", "tight", "under"), [
    (0, 200_000, True, False, True),
    (120_000, 200_000, True, False, True),
    (160_000, 200_000, True, False, True),  # exactly 80%: not yet tight
    (190_000, 200_000, True, True, True),
    (200_000, 200_000, True, True, True),
    (200_001, 1_000_000, True, False, False),
    (300_000, 128_000, False, False, False),
])
def test_context_fit(tokens: float, window: int, fits: bool, tight: bool, under: bool) -> None:
    fit = context_fit(tokens, window, headroom=0)
    assert fit.share == pytest.approx(tokens / window)
    assert (fit.fits, fit.tight, fit.within_yardstick) == (fits, tight, under)


def test_context_fit_counts_the_headroom_by_default() -> None:
    # One rule: the corpus plus room for instructions, question and answer must fit.
    fit = context_fit(200_000, 200_000)
    assert fit.headroom == DEFAULT_HEADROOM
    assert fit.share == pytest.approx((200_000 + DEFAULT_HEADROOM) / 200_000)
    assert (fit.fits, fit.verdict) == (False, "no")
    assert context_fit(197_000, 200_000).verdict == "tight"  # exactly full, with the headroom
    assert context_fit(157_000, 200_000).verdict == "yes"  # exactly 80%
    with pytest.raises(RagftError, match=r"^headroom must be a number >= 0, got -1"):
        context_fit(1, 200_000, headroom=-1)


def test_serving_premium_follows_the_published_prices() -> None:
    # OpenAI's 2024-2025 list: fine-tuned gpt-4o-mini at twice the base model's per-token price.
    assert GPT_4O_MINI_PRICES == {"base": (0.15, 0.60), "fine_tuned": (0.30, 1.20)}
    assert serving_premium(1_000_000, 0) == pytest.approx(0.15)
    assert serving_premium(0, 1_000_000) == pytest.approx(0.60)
    assert serving_premium(2_000, 300) == pytest.approx(0.00048)
    assert serving_premium(2_000, 300, base=(1, 1), tuned=(1, 1)) == 0
    with pytest.raises(RagftError, match=r"^input tokens must be a number >= 0"):
        serving_premium(-1, 0)


@pytest.mark.parametrize("window", [0, -5, 1.5, True])
def test_context_fit_needs_a_positive_window(window: int) -> None:
    with pytest.raises(RagftError, match="context window must be a whole number of tokens > 0"):
        context_fit(10, window)


@pytest.mark.parametrize("label", CONTEXT_WINDOWS)
def test_context_fit_takes_a_preset_window_by_its_label(label: str) -> None:
    assert window_tokens(label) == CONTEXT_WINDOWS[label]
    assert context_fit(10, label) == context_fit(10, CONTEXT_WINDOWS[label])


def test_unknown_window_label_names_the_presets() -> None:
    presets = re.escape(repr(list(CONTEXT_WINDOWS)))
    with pytest.raises(UnknownOptionError,
                       match=rf"^unknown context window '64k' \(must be one of {presets}\)$"):
        context_fit(10, "64k")


# -- break-even arithmetic ----------------------------------------------------------------------


def test_break_even_with_the_default_illustration() -> None:
    r = break_even(**DEFAULTS)
    assert r.upfront == 80 * 100 + 50
    assert r.monthly_saving == pytest.approx(1000)
    assert r.monthly_retraining == pytest.approx(50 * 4 / 12)
    assert r.monthly_maintenance == pytest.approx(4 * 100)
    assert r.monthly_serving == pytest.approx(500_000 * 0.00048)
    assert r.monthly_upkeep == pytest.approx(50 * 4 / 12 + 4 * 100 + 240)
    assert r.months == pytest.approx(8050 / (1000 - 50 * 4 / 12 - 400 - 240))


def test_the_serving_premium_counts_against_the_saving() -> None:
    # Issue 19, item 3: a hosted fine-tuned model costs more per token than its base model.
    free = break_even(**{**DEFAULTS, "serving_premium_per_request": 0})
    paid = break_even(**DEFAULTS)
    assert paid.monthly_upkeep - free.monthly_upkeep == pytest.approx(240)
    assert paid.months is not None
    assert free.months is not None
    assert paid.months > free.months
    eaten = break_even(**{**DEFAULTS, "serving_premium_per_request": 0.002})
    assert eaten.months is None  # a premium as large as the saving: it never pays
    args = {k: v for k, v in DEFAULTS.items() if k != "serving_premium_per_request"}
    with pytest.raises(TypeError, match="serving_premium_per_request"):
        break_even(**args)  # type: ignore[call-arg]  # the premium cannot be left out


def test_maintenance_hours_are_paid_at_the_hourly_rate() -> None:
    # Gate 5's point: engineering upkeep, not compute, decides whether training pays.
    cheap = break_even(**{**DEFAULTS, "maintenance_hours_per_month": 0})
    dear = break_even(**{**DEFAULTS, "maintenance_hours_per_month": 10})
    assert cheap.months is not None
    assert dear.months is None  # 10 hours a month at 100 eat the whole saving of 1,000
    assert dear.monthly_upkeep - cheap.monthly_upkeep == pytest.approx(10 * 100)
    assert dear.monthly_retraining == cheap.monthly_retraining
    rate = break_even(**{**DEFAULTS, "hourly_rate": 150})
    assert rate.monthly_maintenance == pytest.approx(4 * 150)
    assert rate.upfront == 80 * 150 + 50


@pytest.mark.parametrize(("changes", "months"), [
    ({"requests_per_month": 0}, None),  # no volume: nothing to save
    ({"saving_per_request": 0}, None),
    ({"requests_per_month": 100, "saving_per_request": 6, "training_cost": 600,
      "retrains_per_year": 4}, None),  # saving 600/month == upkeep 200 + 400/month: never
    ({"engineering_hours": 0, "training_cost": 0}, 0.0),  # nothing to recover
    ({"retrains_per_year": 0}, 8050 / (1000 - 400 - 240)),
    ({"retrains_per_year": 0, "maintenance_hours_per_month": 0}, 8050 / (1000 - 240)),
    ({"retrains_per_year": 0, "maintenance_hours_per_month": 0,
      "serving_premium_per_request": 0}, 8050 / 1000),
])
def test_break_even_edge_cases(changes: dict[str, float], months: float | None) -> None:
    r = break_even(**{**DEFAULTS, **changes})
    if months is None:
        assert r.months is None
        assert r.monthly_net <= 0
    else:
        assert r.months == pytest.approx(months)


@pytest.mark.parametrize("field", DEFAULTS)
@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_break_even_rejects_bad_inputs_naming_the_field(field: str, bad: float) -> None:
    name = field.replace("_", " ").replace("training cost", "training cost per run")
    with pytest.raises(RagftError, match=f"^{name} must be a number >= 0"):
        break_even(**{**DEFAULTS, field: bad})


def test_cumulative_lines_cross_at_break_even() -> None:
    r = break_even(**DEFAULTS)
    months, cost, saved = cumulative(r, horizon_for(r))
    assert months[0] == 0
    assert cost[0] == r.upfront
    assert saved[0] == 0
    assert months[-1] >= r.months  # type: ignore[operator]
    crossed = [m for m, c, s in zip(months, cost, saved, strict=True) if s >= c]
    assert crossed[0] == math.ceil(r.months or 0)


def test_plot_horizon() -> None:
    assert horizon_for(BreakEven(1, 1, 0, 0, 2)) == 12
    assert horizon_for(BreakEven(1, 1, 0, 0, 40)) == 60
    assert horizon_for(BreakEven(1, 1, 0, 0, 500)) == 120
    assert horizon_for(BreakEven(1, 0, 1, 0, None)) == 36


def test_plot_is_deterministic_labelled_svg() -> None:
    r = break_even(**DEFAULTS)
    first, again = break_even_svg(r, "label"), break_even_svg(r, "label")
    assert first == again
    root = ET.fromstring(first)  # well-formed, one <svg> element
    assert root.get("role") == "img"
    assert root.get("aria-label") == "label"
    assert root.find("{http://www.w3.org/2000/svg}title").text == "label"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "break-even ≈ 23.4 months" in texts
    assert "Cumulative cost of fine-tuning" in texts
    assert "Cumulative saving" in texts
    assert "$10k" in texts  # the y axis is in dollars, in one money format


@pytest.mark.parametrize("changes", [{}, {"requests_per_month": 0}, {"engineering_hours": 0,
                         "training_cost": 0}, {"maintenance_hours_per_month": 20}])
def test_plot_lines_follow_the_arithmetic(changes: dict[str, float]) -> None:
    r = break_even(**{**DEFAULTS, **changes})
    root = ET.fromstring(break_even_svg(r, describe(r)))
    cost, saved = [[tuple(map(float, p.split(","))) for p in line.get("points").split()]
                   for line in root.iter("{http://www.w3.org/2000/svg}polyline")]
    months, want_cost, want_saved = cumulative(r, horizon_for(r))
    assert len(cost) == len(saved) == len(months)
    # Pixel heights are affine in dollars: equal steps in dollars give equal steps on screen.
    for line, want in ((cost, want_cost), (saved, want_saved)):
        ys = [y for _, y in line]
        if want[-1] != want[0]:
            scale = (ys[-1] - ys[0]) / (want[-1] - want[0])
            for y, v in zip(ys, want, strict=True):
                assert y == pytest.approx(ys[0] + scale * (v - want[0]), abs=0.1)
    assert ("cross after" in describe(r)) is (r.months is not None)


def test_nice_ticks() -> None:
    assert nice_ticks(8050) == [0, 2000, 4000, 6000, 8000, 10000]
    assert nice_ticks(36, 6) == [0, 10, 20, 30, 40]
    for top in (0.03, 1, 3, 17, 999, 12_345, 2_000_001):
        ticks = nice_ticks(top)
        assert ticks[0] == 0
        assert ticks[-1] >= top
        assert len(ticks) <= 7


def test_static_chart_is_the_calculators_chart() -> None:
    r = break_even(**DEFAULTS)
    shown = break_even_chart(r)
    assert ET.fromstring(shown.data).get("aria-label") == describe(r)
    assert BreakEvenCalculator().plot.value == break_even_svg(r, describe(r))


def test_money() -> None:
    assert [money(x) for x in (0, 1, 8050, 16.666, 0.002, 1_234_567.891, -583.333)] == [
        "$0", "$1", "$8,050", "$16.67", "$0.002", "$1,234,567.89", "-$583.33"]
    assert money_md(583.333) == "\\$583.33"


# -- ContextCalculator widget ------------------------------------------------------------------


def test_context_calculator_defaults_are_labelled_illustrations() -> None:
    calc = ContextCalculator()
    assert "illustration" in calc.amount.description.lower()
    assert "illustrative" in calc.window.description
    assert [size for _, size in calc.window.options] == list(CONTEXT_WINDOWS.values())
    notes = " ".join(c.value for c in calc.children if hasattr(c, "value")
                     and isinstance(c.value, str))
    assert "Contextual Retrieval" in notes
    assert f"{YARDSTICK_TOKENS:,} tokens" in notes
    assert f"{YARDSTICK_PAGES} pages" in notes
    assert "rough" in notes.lower()
    assert "words a page" in notes
    assert "tokens a word" in notes
    assert calc.fit is not None
    assert calc.fit.fits
    assert "<strong>Fits.</strong>" in calc.result.value


@pytest.mark.parametrize(("amount", "unit", "window", "verdict", "side"), [
    (300, "pages", 200_000, "Fits.", "under"),
    (480, "pages", 200_000, "Fits, but tightly.", "under"),
    (500, "pages", 200_000, "Does not fit.", "under"),  # the yardstick itself leaves no headroom
    (2000, "pages", 200_000, "Does not fit.", "over"),
    (2000, "pages", 1_000_000, "Fits, but tightly.", "over"),  # 80.3% with the headroom
    (1000, "pages", 1_000_000, "Fits.", "over"),
    (100_000, "words", 128_000, "Does not fit.", "under"),  # 133,333 tokens
    (200_000, "words", 1_000_000, "Fits.", "over"),
    (50_000, "tokens", 128_000, "Fits.", "under"),
    (0, "tokens", 128_000, "Fits.", "under"),
])
def test_context_calculator_verdicts(amount: float, unit: str, window: int, verdict: str,
                                     side: str) -> None:
    calc = ContextCalculator()
    calc.amount.value = amount
    calc.unit.value = unit
    calc.window.value = window
    tokens = to_tokens(amount, unit)
    shown = calc.result.value
    assert f"<strong>{verdict}</strong>" in shown
    assert f"{tokens:,.0f} tokens" in shown
    share = (tokens + DEFAULT_HEADROOM) / window
    assert f"{share:.0%} of the {window:,}-token window" in shown
    assert f"{DEFAULT_HEADROOM:,} tokens of headroom" in shown
    assert f"{side} the contextual-retrieval yardstick" in shown
    assert calc.fit == context_fit(tokens, window)


def test_context_calculator_counts_the_headroom_it_is_given() -> None:
    calc = ContextCalculator()
    assert calc.headroom.value == DEFAULT_HEADROOM
    calc.amount.value, calc.unit.value, calc.window.value = 197_000, "tokens", 200_000
    assert "<strong>Fits, but tightly.</strong>" in calc.result.value
    calc.headroom.value = 3_001
    assert "<strong>Does not fit.</strong>" in calc.result.value
    calc.headroom.value = -1
    assert calc.fit is None
    assert "headroom must be a number &gt;= 0" in calc.result.value


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_context_calculator_shows_bad_sizes_as_a_message(bad: float) -> None:
    calc = ContextCalculator()
    calc.amount.value = bad
    assert calc.fit is None
    assert "role='alert'" in calc.result.value
    assert "corpus size must be a number &gt;= 0" in calc.result.value
    calc.amount.value = 10
    assert calc.fit is not None
    assert "alert" not in calc.result.value


# -- BreakEvenCalculator widget ----------------------------------------------------------------


def test_break_even_calculator_default_shows_months_and_plot() -> None:
    calc = BreakEvenCalculator()
    assert calc.result == break_even(**DEFAULTS)
    assert "Breaks even after about 23.4 months" in calc.summary.value
    assert "maintenance work $400" in calc.summary.value
    assert "serving premium $240" in calc.summary.value
    assert "<svg" in calc.plot.value
    assert "</svg>" in calc.plot.value
    intro = calc.children[1].value
    assert "illustration" in intro
    for control in calc.inputs:
        assert control.description.strip()
    assert calc.maintenance.description == "Maintenance hours per month:"
    notes = calc.children[-1].value
    assert "maintenance hours times the rate" in notes
    assert "serving premium" in notes
    assert "$0.30 and $1.20 per million" in notes
    assert "$0.15 and $0.60 for the base model" in notes
    assert "GPU" in notes


def test_break_even_calculator_reacts_to_every_input() -> None:
    calc = BreakEvenCalculator()
    widgets = dict(zip(DEFAULTS, calc.inputs, strict=True))
    values = {"requests_per_month": 2_000_000, "saving_per_request": 0.01,
              "serving_premium_per_request": 0.001,
              "engineering_hours": 200, "hourly_rate": 150, "maintenance_hours_per_month": 2,
              "training_cost": 400, "retrains_per_year": 12}
    current = dict(DEFAULTS)
    for field, value in values.items():
        before = calc.plot.value
        widgets[field].value = value
        current[field] = value
        assert calc.result == break_even(**current)
        assert calc.plot.value != before, f"the plot did not follow {field}"


def test_break_even_calculator_zero_volume_never_pays() -> None:
    calc = BreakEvenCalculator()
    calc.requests.value = 0
    assert calc.result is not None
    assert calc.result.months is None
    assert "Never breaks even" in calc.summary.value
    assert "<svg" in calc.plot.value  # the plot still shows the costs running away


def test_break_even_calculator_no_upfront_cost() -> None:
    calc = BreakEvenCalculator()
    calc.hours.value = 0
    calc.training.value = 0
    assert "Pays off at once" in calc.summary.value


@pytest.mark.parametrize("attr", ["requests", "saving", "premium", "hours", "rate", "maintenance",
                                  "training", "retrains"])
def test_break_even_calculator_shows_negative_inputs_as_a_message(attr: str) -> None:
    calc = BreakEvenCalculator()
    getattr(calc, attr).value = -1
    assert calc.result is None
    assert "role='alert'" in calc.summary.value
    assert "must be a number &gt;= 0, got -1" in calc.summary.value
    assert calc.plot.value == ""
    getattr(calc, attr).value = 1
    assert calc.result is not None
    assert "<svg" in calc.plot.value


def test_break_even_calculator_nan_is_a_message() -> None:
    calc = BreakEvenCalculator()
    calc.saving.value = math.nan
    assert calc.result is None
    assert "saving per request must be a number &gt;= 0, got nan" in calc.summary.value

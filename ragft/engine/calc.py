"""The calculators' arithmetic: does a corpus fit in context, and does fine-tuning pay off.

Plain functions with no widget or notebook import, so the widgets (:mod:`ragft.widgets`), the
notebooks' worked examples (:mod:`ragft.guide`) and the tests share one implementation.

Every factor here is a rough illustration, and the widgets say so. Corpus sizes convert at about
300 words a page and 4/3 tokens a word (the common "a token is about three quarters of a word"
rule for English), so a page is about 400 tokens. That is the ratio behind the yardstick in
Anthropic's contextual-retrieval article: about 200,000 tokens is roughly 500 pages.

Amounts of money are written one way everywhere, ``$583.33`` (:func:`money`); inside Markdown
the dollar sign is escaped (:func:`money_md`), so Quarto's Pandoc and JupyterLab never read it as
the start of maths, and both show ``$583.33``.

Example:
    >>> to_tokens(500, "pages")
    200000.0
    >>> fit = context_fit(117_000, "200k tokens")  # plus the default 3,000 tokens of headroom
    >>> fit.share, fit.fits, fit.within_yardstick
    (0.6, True, True)
    >>> round(serving_premium(2_000, 300), 5)  # fine-tuned gpt-4o-mini against its base model
    0.00048
    >>> be = break_even(requests_per_month=500_000, saving_per_request=0.002,
    ...                 serving_premium_per_request=0.00048,
    ...                 engineering_hours=80, hourly_rate=100, training_cost=50,
    ...                 retrains_per_year=4, maintenance_hours_per_month=4)
    >>> round(be.monthly_upkeep, 2), round(be.months, 1)
    (656.67, 23.4)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import CalculatorInputError, UnknownOptionError

__all__ = ["break_even", "context_fit"]

WORDS_PER_PAGE = 300  # illustration: a printed page of prose
TOKENS_PER_WORD = 4 / 3  # illustration: English text, a token is about 3/4 of a word
TOKENS_PER_PAGE = WORDS_PER_PAGE * TOKENS_PER_WORD  # about 400
UNITS = {"pages": TOKENS_PER_PAGE, "words": TOKENS_PER_WORD, "tokens": 1.0}

# Anthropic, "Introducing Contextual Retrieval" (2024): below about this, skip retrieval.
YARDSTICK_TOKENS = 200_000
YARDSTICK_PAGES = 500

# Illustrative window sizes (label -> tokens); real limits depend on the model and change.
CONTEXT_WINDOWS = {"128k tokens": 128_000, "200k tokens": 200_000, "1M tokens": 1_000_000}

# Room a request needs beside the corpus, in tokens: instructions and examples 2,000, the
# question 200, the answer 800 (an illustration). Every fit counts it: the calculator's and the
# worked table's, with one rule (:class:`ContextFit`).
DEFAULT_HEADROOM = 3_000

# Above this share of the window (corpus plus headroom) a fit is tight: a longer question or
# next month's documents would not fit (an illustrative threshold, not a published one).
TIGHT_SHARE = 0.8

# Serving prices in US dollars per million tokens, (input, output): OpenAI's published API
# prices for gpt-4o-mini and for a fine-tuned gpt-4o-mini, 2024-2025 (the tree's source
# ``openai_pricing``). A hosted fine-tuned model costs twice its base model per token here;
# prices change, so check the current list before relying on them.
GPT_4O_MINI_PRICES = {"base": (0.15, 0.60), "fine_tuned": (0.30, 1.20)}


def check_amount(name: str, value: float) -> float:
    """Return ``value`` as a float if it is a finite number >= 0, else raise naming it.

    >>> check_amount("hours", -1)
    Traceback (most recent call last):
    ...
    ragft.errors.CalculatorInputError: hours must be a number >= 0, got -1
    """
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or value < 0):
        raise CalculatorInputError(value, name=name, must="a number >= 0")
    return float(value)


def to_tokens(amount: float, unit: str) -> float:
    """Convert a corpus size in ``pages``, ``words`` or ``tokens`` to tokens (roughly).

    >>> to_tokens(3, "chapters")
    Traceback (most recent call last):
    ...
    ragft.errors.UnknownOptionError: unknown unit 'chapters' (must be one of ['pages', ...])

    Raises:
        UnknownOptionError: ``unit`` is not one of :data:`UNITS`.
        CalculatorInputError: ``amount`` is negative or not a finite number.
    """
    if unit not in UNITS:
        raise UnknownOptionError(unit, "unit", UNITS)
    return check_amount("corpus size", amount) * UNITS[unit]


def window_tokens(window: int | str) -> int:
    """A context window in tokens: a whole number > 0, or a preset label of
    :data:`CONTEXT_WINDOWS` such as ``"200k tokens"``.

    >>> window_tokens("1M tokens"), window_tokens(32_000)
    (1000000, 32000)

    Raises:
        UnknownOptionError: a label that is not a preset.
        CalculatorInputError: a number that is not a whole number > 0.
    """
    if isinstance(window, str):
        if window not in CONTEXT_WINDOWS:
            raise UnknownOptionError(window, "context window", CONTEXT_WINDOWS)
        return CONTEXT_WINDOWS[window]
    if isinstance(window, bool) or not isinstance(window, int) or window <= 0:
        raise CalculatorInputError(window, name="context window",
                                   must="a whole number of tokens > 0")
    return window


@dataclass(frozen=True)
class ContextFit:
    """How a corpus compares with a context window and with Anthropic's yardstick.

    The one rule for "does it fit", used by the calculator and by the notebooks' tables alike:
    the corpus plus ``headroom`` (instructions, question, answer) must fit in the window;
    ``share`` is that total as a share of the window.
    """

    tokens: float
    window: int
    share: float
    headroom: float = 0.0

    @property
    def fits(self) -> bool:
        """Whether the corpus and the headroom fit in the window together."""
        return self.tokens + self.headroom <= self.window

    @property
    def tight(self) -> bool:
        """Fits, but fills more than :data:`TIGHT_SHARE` of the window."""
        return self.fits and self.share > TIGHT_SHARE

    @property
    def verdict(self) -> str:
        """``"no"``, ``"tight"`` or ``"yes"``: the rule above, in one word."""
        return "no" if not self.fits else "tight" if self.tight else "yes"

    @property
    def within_yardstick(self) -> bool:
        """Under the contextual-retrieval yardstick of about 200,000 tokens."""
        return self.tokens <= YARDSTICK_TOKENS


def context_fit(tokens: float, window: int | str,
                headroom: float = DEFAULT_HEADROOM) -> ContextFit:
    """Compare ``tokens`` plus ``headroom`` with a context ``window`` (tokens, or a preset).

    Raises:
        CalculatorInputError: a negative or non-finite token count, or a window that is not
            positive.
        UnknownOptionError: a window label that is not one of :data:`CONTEXT_WINDOWS`.
    """
    tokens = check_amount("corpus size", tokens)
    room = check_amount("headroom", headroom)
    size = window_tokens(window)
    return ContextFit(tokens=tokens, window=size, share=(tokens + room) / size, headroom=room)


def serving_premium(input_tokens: float, output_tokens: float, *,
                    base: tuple[float, float] = GPT_4O_MINI_PRICES["base"],
                    tuned: tuple[float, float] = GPT_4O_MINI_PRICES["fine_tuned"]) -> float:
    """What one request costs more on the fine-tuned model than on its base, in US dollars.

    Prices are per million tokens, ``(input, output)``; the defaults are OpenAI's published
    gpt-4o-mini prices (:data:`GPT_4O_MINI_PRICES`). A self-hosted model
    has no per-token price: spread its GPU bill over the requests instead.

    Raises:
        CalculatorInputError: a token count or a price is negative or not a finite number.
    """
    tokens_in = check_amount("input tokens", input_tokens)
    tokens_out = check_amount("output tokens", output_tokens)
    prices = [check_amount("price per million tokens", p) for p in (*base, *tuned)]
    extra_in, extra_out = prices[2] - prices[0], prices[3] - prices[1]
    return (tokens_in * extra_in + tokens_out * extra_out) / 1_000_000


@dataclass(frozen=True)
class BreakEven:
    """When fine-tuning pays for itself: one-off cost, monthly flows, months to break even.

    The monthly upkeep has three parts: the retraining runs (compute), the engineering hours
    that keep the pipeline going (data curation, evaluations, fixes), and what serving the
    fine-tuned model costs above its base model (a hosted model's higher price per token, or
    GPUs of your own). The engineering hours are usually the largest, which is the point gate 5
    makes; the serving premium can cancel a small saving per request on its own.
    """

    upfront: float
    monthly_saving: float
    monthly_retraining: float
    monthly_maintenance: float
    months: float | None  # None: the monthly saving never covers the upkeep
    monthly_serving: float = 0.0

    @property
    def monthly_upkeep(self) -> float:
        """The whole monthly upkeep: retraining runs, maintenance work and serving premium."""
        return self.monthly_retraining + self.monthly_maintenance + self.monthly_serving

    @property
    def monthly_net(self) -> float:
        """What each month saves after the upkeep (negative: it loses money)."""
        return self.monthly_saving - self.monthly_upkeep


def break_even(*, requests_per_month: float, saving_per_request: float,
               serving_premium_per_request: float,
               engineering_hours: float, hourly_rate: float, training_cost: float,
               retrains_per_year: float, maintenance_hours_per_month: float) -> BreakEven:
    """Months until fine-tuning's savings cover its cost, or ``None`` for never.

    The one-off cost is the engineering time to build the pipeline plus the first training run.
    The monthly upkeep is the retraining runs spread over the months, the engineering hours
    spent each month keeping data, evaluations and the pipeline in shape (at the same hourly
    rate), and the serving premium: what each request costs more on the fine-tuned model than
    on its base (:func:`serving_premium`). The premium is a required input on purpose: leaving
    it out makes fine-tuning look cheaper to run than it is.

    Raises:
        CalculatorInputError: an input is negative or not a finite number.
    """
    requests = check_amount("requests per month", requests_per_month)
    saving = check_amount("saving per request", saving_per_request)
    premium = check_amount("serving premium per request", serving_premium_per_request)
    hours = check_amount("engineering hours", engineering_hours)
    rate = check_amount("hourly rate", hourly_rate)
    run = check_amount("training cost per run", training_cost)
    retrains = check_amount("retrains per year", retrains_per_year)
    upkeep_hours = check_amount("maintenance hours per month", maintenance_hours_per_month)
    upfront = hours * rate + run
    monthly_saving = requests * saving
    retraining = run * retrains / 12
    maintenance = upkeep_hours * rate
    serving = requests * premium
    net = monthly_saving - retraining - maintenance - serving
    months = upfront / net if net > 0 else None
    return BreakEven(upfront=upfront, monthly_saving=monthly_saving,
                     monthly_retraining=retraining, monthly_maintenance=maintenance,
                     months=months, monthly_serving=serving)


def cumulative(result: BreakEven, horizon: int) -> tuple[list[int], list[float], list[float]]:
    """Months ``0..horizon`` with the cumulative cost and cumulative saving at each.

    >>> cumulative(BreakEven(100.0, 50.0, 0.0, 10.0, 2.5), 3)
    ([0, 1, 2, 3], [100.0, 110.0, 120.0, 130.0], [0.0, 50.0, 100.0, 150.0])
    """
    months = list(range(horizon + 1))
    cost = [result.upfront + result.monthly_upkeep * m for m in months]
    saved = [result.monthly_saving * m for m in months]
    return months, cost, saved


def money(amount: float) -> str:
    """US dollars as plain text (HTML, widgets, the terminal), with cents only where they matter.

    >>> money(8050), money(583.333), money(0.002), money(-16.666)
    ('$8,050', '$583.33', '$0.002', '-$16.67')
    """
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if 0 < amount < 1:
        return f"{sign}${amount:.4g}"
    text = f"{amount:,.2f}"
    return f"{sign}${text[:-3] if text.endswith('.00') else text}"


def money_md(amount: float) -> str:
    r""":func:`money` for Markdown: the dollar sign escaped, so it is never read as maths.

    >>> money_md(583.333)
    '\\$583.33'
    """
    return money(amount).replace("$", "\\$")

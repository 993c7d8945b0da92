"""The calculators' arithmetic, apart from any widget so it can be tested on its own.

Every factor here is a rough illustration, and the widgets say so. Corpus sizes convert at about
300 words a page and 4/3 tokens a word (the common "a token is about three quarters of a word"
rule for English), so a page is about 400 tokens. That is the ratio behind the yardstick in
Anthropic's contextual-retrieval article: about 200,000 tokens is roughly 500 pages.

Example:
    >>> to_tokens(500, "pages")
    200000.0
    >>> fit = context_fit(120_000, 200_000)
    >>> fit.share, fit.fits, fit.within_yardstick
    (0.6, True, True)
    >>> be = break_even(requests_per_month=500_000, saving_per_request=0.002,
    ...                 engineering_hours=80, hourly_rate=100, training_cost=50,
    ...                 retrains_per_year=4)
    >>> round(be.months, 1)
    8.2
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import RagftError, UnknownNodeError

__all__ = [
    "CONTEXT_WINDOWS",
    "TIGHT_SHARE",
    "TOKENS_PER_PAGE",
    "TOKENS_PER_WORD",
    "UNITS",
    "WORDS_PER_PAGE",
    "YARDSTICK_PAGES",
    "YARDSTICK_TOKENS",
    "BreakEven",
    "ContextFit",
    "break_even",
    "check_amount",
    "context_fit",
    "cumulative",
    "to_tokens",
]

WORDS_PER_PAGE = 300  # illustration: a printed page of prose
TOKENS_PER_WORD = 4 / 3  # illustration: English text, a token is about 3/4 of a word
TOKENS_PER_PAGE = WORDS_PER_PAGE * TOKENS_PER_WORD  # about 400
UNITS = {"pages": TOKENS_PER_PAGE, "words": TOKENS_PER_WORD, "tokens": 1.0}

# Anthropic, "Introducing Contextual Retrieval" (2024): below about this, skip retrieval.
YARDSTICK_TOKENS = 200_000
YARDSTICK_PAGES = 500

# Illustrative window sizes (label -> tokens); real limits depend on the model and change.
CONTEXT_WINDOWS = {"128k tokens": 128_000, "200k tokens": 200_000, "1M tokens": 1_000_000}

# Above this share of the window the corpus leaves little room for instructions, the question
# and the answer (an illustrative threshold, not a published one).
TIGHT_SHARE = 0.8


def check_amount(name: str, value: float) -> float:
    """Return ``value`` as a float if it is a finite number >= 0, else raise naming it.

    >>> check_amount("hours", -1)
    Traceback (most recent call last):
    ...
    ragft.errors.RagftError: hours must be a number >= 0, got -1
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"{name} must be a number >= 0, got {value!r}"
        raise RagftError(msg)
    if not math.isfinite(value) or value < 0:
        msg = f"{name} must be a number >= 0, got {value!r}"
        raise RagftError(msg)
    return float(value)


def to_tokens(amount: float, unit: str) -> float:
    """Convert a corpus size in ``pages``, ``words`` or ``tokens`` to tokens (roughly).

    Raises:
        UnknownNodeError: ``unit`` is not one of :data:`UNITS`.
        RagftError: ``amount`` is negative or not a finite number.
    """
    if unit not in UNITS:
        raise UnknownNodeError(unit, UNITS, what="unit")
    return check_amount("corpus size", amount) * UNITS[unit]


@dataclass(frozen=True)
class ContextFit:
    """How a corpus compares with a context window and with Anthropic's yardstick."""

    tokens: float
    window: int
    share: float

    @property
    def fits(self) -> bool:
        """Whether the corpus fits in the window at all."""
        return self.tokens <= self.window

    @property
    def tight(self) -> bool:
        """Fits, but fills more than :data:`TIGHT_SHARE` of the window."""
        return self.fits and self.share > TIGHT_SHARE

    @property
    def within_yardstick(self) -> bool:
        """Under the contextual-retrieval yardstick of about 200,000 tokens."""
        return self.tokens <= YARDSTICK_TOKENS


def context_fit(tokens: float, window: int) -> ContextFit:
    """Compare ``tokens`` with a context ``window`` of that many tokens.

    Raises:
        RagftError: a negative or non-finite token count, or a window that is not positive.
    """
    tokens = check_amount("corpus size", tokens)
    if isinstance(window, bool) or not isinstance(window, int) or window <= 0:
        msg = f"context window must be a whole number of tokens > 0, got {window!r}"
        raise RagftError(msg)
    return ContextFit(tokens=tokens, window=window, share=tokens / window)


@dataclass(frozen=True)
class BreakEven:
    """When fine-tuning pays for itself: one-off cost, monthly flows, months to break even."""

    upfront: float
    monthly_saving: float
    monthly_upkeep: float
    months: float | None  # None: the monthly saving never covers the upkeep

    @property
    def monthly_net(self) -> float:
        """What each month saves after the retraining upkeep (negative: it loses money)."""
        return self.monthly_saving - self.monthly_upkeep


def break_even(*, requests_per_month: float, saving_per_request: float,
               engineering_hours: float, hourly_rate: float, training_cost: float,
               retrains_per_year: float) -> BreakEven:
    """Months until fine-tuning's savings cover its cost, or ``None`` for never.

    The one-off cost is the engineering time plus the first training run; the upkeep is the
    retraining runs spread over the months. Engineering time for each retrain is left out for
    simplicity: add it to the training cost per run if it matters.

    Raises:
        RagftError: an input is negative or not a finite number.
    """
    requests = check_amount("requests per month", requests_per_month)
    saving = check_amount("saving per request", saving_per_request)
    hours = check_amount("engineering hours", engineering_hours)
    rate = check_amount("hourly rate", hourly_rate)
    run = check_amount("training cost per run", training_cost)
    retrains = check_amount("retrains per year", retrains_per_year)
    upfront = hours * rate + run
    monthly_saving = requests * saving
    monthly_upkeep = run * retrains / 12
    net = monthly_saving - monthly_upkeep
    months = upfront / net if net > 0 else None
    return BreakEven(upfront=upfront, monthly_saving=monthly_saving,
                     monthly_upkeep=monthly_upkeep, months=months)


def cumulative(result: BreakEven, horizon: int) -> tuple[list[int], list[float], list[float]]:
    """Months ``0..horizon`` with the cumulative cost and cumulative saving at each.

    >>> cumulative(BreakEven(100.0, 50.0, 0.0, 2.0), 3)
    ([0, 1, 2, 3], [100.0, 100.0, 100.0, 100.0], [0.0, 50.0, 100.0, 150.0])
    """
    months = list(range(horizon + 1))
    cost = [result.upfront + result.monthly_upkeep * m for m in months]
    saved = [result.monthly_saving * m for m in months]
    return months, cost, saved

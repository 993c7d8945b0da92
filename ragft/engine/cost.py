"""What one request costs on each path, and how long it waits for its first token.

A pure model with no widget or notebook import: the calculator
(:mod:`ragft.widgets.request_cost`), the notebooks' worked table (:mod:`ragft.guide.worked`)
and the tests share it. One frozen :class:`CostInputs` holds every input; :func:`compare` prices
the five paths of :data:`PATHS` from it.

What each path sends and pays (prices per million tokens; ``m`` is a price multiplier):

- ``long_context``: the instructions and the whole corpus as one cached prefix, then the
  question. A cache hit bills the prefix at the read multiplier; a miss writes it at the write
  premium. A prefix under the minimum cacheable length is never cached: every token at the base
  price, and no write premium either.
- ``rag``: the instructions (cached by the same rule, when they are long enough), the retrieved
  passages and the question; plus the retrieval hop's latency and the index's monthly hosting.
- ``fine_tuned_api``: the question alone (the instructions are trained in), every token at the
  base price times the fine-tune multiplier.
- ``fine_tuned_gpu``: the same prompt on GPUs of your own, billed by the hour whether busy or
  not: ``ceil(rate / capacity)`` GPUs, always on, spread over the requests. No token price.
- ``hybrid``: the fine-tuned model on the hosted API, reading the retrieved passages too.

Expected cache writes: requests are taken to arrive at random (a Poisson process) at the given
rate, and each hit refreshes the cache's time to live, as Anthropic documents for its cache. A
request then finds the cache expired when no request came in the ``ttl`` minutes before it,
with probability ``exp(-rate * ttl)``; that share of requests pays the write. The simplification:
one cache for the whole traffic, no eviction before the TTL, and no bursts or quiet nights (a
real day's traffic is uneven, which means more writes than this at the same average rate).

Time to first token: a fixed overhead plus the prompt's prefill, tokens / prefill speed. Tokens
read from the cache take ``cached_prefill_share`` of their prefill time, so a cache shortens the
wait but does not remove it. Self-hosted GPUs are assumed to prefill at the same speed.

Every default is an assumption, labelled where it is defined: the cache's terms are Anthropic's
published ones, the token prices OpenAI's for gpt-4o-mini (as published, check current prices);
the rest are ours. One month is 730 hours (24 * 365 / 12).

Example:
    >>> costs = {c.path: c for c in compare(CostInputs())}
    >>> lc = costs["long_context"]
    >>> round(lc.per_request, 5), round(lc.ttft_seconds, 2), round(lc.cache_miss_share, 3)
    (0.00605, 4.71, 0.189)
    >>> round(costs["rag"].per_request, 5), costs["fine_tuned_gpu"].per_request
    (0.00559, 0.1)
    >>> round(compare(CostInputs(requests_per_hour=1))[0].per_request, 4)  # the cache goes cold
    0.0214
    >>> CostInputs(cache_read_multiplier=1.5)
    Traceback (most recent call last):
    ...
    ragft.errors.CalculatorInputError: cache read multiplier must be a number from 0 to 1, got 1.5
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from ..errors import CalculatorInputError
from .calc import GPT_4O_MINI_PRICES

__all__ = ["CostInputs", "compare"]

PATHS = ("long_context", "rag", "fine_tuned_api", "fine_tuned_gpu", "hybrid")
HOURS_PER_MONTH = 730.0  # 24 * 365 / 12
PER_MILLION = 1_000_000

# The inputs by the path they describe (the calculator lays its fields out in these groups).
GROUPS = {
    "shared": ("requests_per_hour", "instructions_tokens", "question_tokens", "output_tokens",
               "input_per_million", "output_per_million", "prefill_tokens_per_second",
               "overhead_seconds"),
    "long_context": ("corpus_tokens", "cache_read_multiplier", "cache_write_multiplier",
                     "cache_ttl_minutes", "cache_min_tokens", "cached_prefill_share"),
    "rag": ("retrieved_tokens", "retrieval_ms", "index_per_month"),
    "fine_tuned": ("tuned_price_multiplier", "gpu_per_hour", "gpu_requests_per_hour"),
}

# Published terms of three prompt caches (as published, check current prices): Anthropic's
# 5-minute and 1-hour caches (writes at 1.25 and 2 times the input price, reads at 0.1 times,
# from 1,024 tokens on most models) and OpenAI's automatic cache (no write premium; cached
# gpt-4o-mini tokens at half price; from 1,024 tokens; cleared after 5-10 idle minutes, so 5).
CACHE_TERMS: dict[str, dict[str, float]] = {
    "anthropic_5m": {"cache_write_multiplier": 1.25, "cache_read_multiplier": 0.1,
                     "cache_ttl_minutes": 5.0, "cache_min_tokens": 1_024.0},
    "anthropic_1h": {"cache_write_multiplier": 2.0, "cache_read_multiplier": 0.1,
                     "cache_ttl_minutes": 60.0, "cache_min_tokens": 1_024.0},
    "openai_auto": {"cache_write_multiplier": 1.0, "cache_read_multiplier": 0.5,
                    "cache_ttl_minutes": 5.0, "cache_min_tokens": 1_024.0},
}

_ANTHROPIC = CACHE_TERMS["anthropic_5m"]

# Allowed range of each input: (lowest, highest, whether the lowest is excluded). Unlisted
# inputs take any finite number >= 0.
RANGES: dict[str, tuple[float, float, bool]] = {
    "requests_per_hour": (0, math.inf, True),
    "prefill_tokens_per_second": (0, math.inf, True),
    "cache_read_multiplier": (0, 1, False),
    "cache_write_multiplier": (1, math.inf, False),
    "cache_ttl_minutes": (0, math.inf, True),
    "cached_prefill_share": (0, 1, False),
    "tuned_price_multiplier": (0, math.inf, True),
    "gpu_requests_per_hour": (0, math.inf, True),
}


def _check(name: str, value: object, lowest: float, highest: float, open_low: bool) -> None:
    """Raise naming the input, its allowed range and the value, unless ``value`` is in it."""
    number = (isinstance(value, (int, float)) and not isinstance(value, bool)
              and math.isfinite(value))
    if number and isinstance(value, (int, float)) and (
            value > lowest if open_low else value >= lowest) and value <= highest:
        return
    label = name.replace("_", " ")
    if highest < math.inf:
        raise CalculatorInputError(value, name=label,
                                   must=f"a number from {lowest:g} to {highest:g}")
    raise CalculatorInputError(value, name=label,
                               must=f"a number {'>' if open_low else '>='} {lowest:g}")


@dataclass(frozen=True)
class CostInputs:
    """Every input of the per-request model, each with an assumed default (see the module).

    Raises:
        CalculatorInputError: an input outside its range (:data:`RANGES`; otherwise >= 0), or
            not a finite number; the message names the input, the range and the value.
    """

    # Shared by every path. Traffic and request sizes: our illustration.
    requests_per_hour: float = 20.0
    instructions_tokens: float = 1_500.0  # system prompt and examples
    question_tokens: float = 200.0
    output_tokens: float = 400.0
    # OpenAI's gpt-4o-mini, USD per million tokens (as published, check current prices).
    input_per_million: float = GPT_4O_MINI_PRICES["base"][0]
    output_per_million: float = GPT_4O_MINI_PRICES["base"][1]
    # Our rough fit to Anthropic's prompt-caching announcement (2024): a 100,000-token prompt
    # took about 11.5 s to its first token uncached and 10,000 tokens about 1.6 s.
    prefill_tokens_per_second: float = 9_000.0
    overhead_seconds: float = 0.5
    # Long context. The corpus size is our illustration; the cache's terms are Anthropic's for
    # its 5-minute cache (CACHE_TERMS: as published, check current prices).
    corpus_tokens: float = 120_000.0
    cache_read_multiplier: float = _ANTHROPIC["cache_read_multiplier"]
    cache_write_multiplier: float = _ANTHROPIC["cache_write_multiplier"]
    cache_ttl_minutes: float = _ANTHROPIC["cache_ttl_minutes"]
    cache_min_tokens: float = _ANTHROPIC["cache_min_tokens"]
    # Ours: Anthropic reported a 100,000-token cached prompt answering in about 2.4 s, not
    # 11.5 s, so a cached token keeps roughly a sixth of its prefill time.
    cached_prefill_share: float = 0.15
    # RAG: our illustration (embedding the question and a vector search; a small hosted index).
    retrieved_tokens: float = 3_000.0
    retrieval_ms: float = 150.0
    index_per_month: float = 70.0
    # Fine-tuned: OpenAI charged twice the base price for a fine-tuned gpt-4o-mini (as
    # published, check current prices). The GPU's price and capacity are our illustration.
    tuned_price_multiplier: float = 2.0
    gpu_per_hour: float = 2.0
    gpu_requests_per_hour: float = 1_800.0

    def __post_init__(self) -> None:
        for f in fields(self):
            _check(f.name, getattr(self, f.name), *RANGES.get(f.name, (0, math.inf, False)))

    @property
    def requests_per_month(self) -> float:
        """The request rate over a month of :data:`HOURS_PER_MONTH` hours."""
        return self.requests_per_hour * HOURS_PER_MONTH

    @property
    def cache_miss_share(self) -> float:
        """The share of requests that find the cache expired and write it again (see the
        module's simplification): ``exp(-rate * ttl)``, with the rate per minute."""
        return math.exp(-self.requests_per_hour / 60 * self.cache_ttl_minutes)


@dataclass(frozen=True)
class PathCost:
    """One path's price and wait for one request, at the inputs' request rate.

    ``cache_miss_share`` is the share of requests that rewrite the cache, ``None`` where the
    path caches nothing (no shared prefix, or one under the minimum length); ``gpus`` is the
    number of GPUs a self-hosted path keeps running, ``None`` for the hosted paths.
    """

    path: str
    per_request: float  # USD, the monthly total spread over the month's requests
    per_month: float  # USD
    ttft_seconds: float
    cache_miss_share: float | None = None
    gpus: int | None = None


def _hosted(x: CostInputs, path: str, prefix: float, rest: float, multiplier: float,
            hop_seconds: float = 0.0, fixed_per_month: float = 0.0) -> PathCost:
    """A path on a priced API: ``prefix`` tokens that can be cached, ``rest`` that cannot."""
    price_in = x.input_per_million * multiplier / PER_MILLION
    price_out = x.output_per_million * multiplier / PER_MILLION
    cached = prefix > 0 and prefix >= x.cache_min_tokens
    miss = x.cache_miss_share if cached else None
    if miss is None:
        billed, prefilled = prefix + rest, prefix + rest
    else:
        billed = prefix * (miss * x.cache_write_multiplier
                           + (1 - miss) * x.cache_read_multiplier) + rest
        prefilled = prefix * (miss + (1 - miss) * x.cached_prefill_share) + rest
    per_token = billed * price_in + x.output_tokens * price_out
    per_month = per_token * x.requests_per_month + fixed_per_month
    ttft = x.overhead_seconds + hop_seconds + prefilled / x.prefill_tokens_per_second
    return PathCost(path, per_month / x.requests_per_month, per_month, ttft, miss)


def _self_hosted(x: CostInputs) -> PathCost:
    """The fine-tuned model on GPUs of your own, always on, as many as the rate needs."""
    gpus = max(1, math.ceil(x.requests_per_hour / x.gpu_requests_per_hour))
    per_month = gpus * x.gpu_per_hour * HOURS_PER_MONTH
    ttft = x.overhead_seconds + x.question_tokens / x.prefill_tokens_per_second
    return PathCost("fine_tuned_gpu", per_month / x.requests_per_month, per_month, ttft,
                    gpus=gpus)


def compare(inputs: CostInputs) -> tuple[PathCost, ...]:
    """Price one request on every path of :data:`PATHS`, in that order.

    >>> [c.path for c in compare(CostInputs())] == list(PATHS)
    True
    >>> gpu = compare(CostInputs(requests_per_hour=1_801))[3]  # one request over one GPU
    >>> gpu.gpus, round(gpu.per_request, 5)
    (2, 0.00222)
    """
    x = inputs
    hop = x.retrieval_ms / 1000
    return (
        _hosted(x, "long_context", x.instructions_tokens + x.corpus_tokens, x.question_tokens,
                1.0),
        _hosted(x, "rag", x.instructions_tokens, x.retrieved_tokens + x.question_tokens, 1.0,
                hop, x.index_per_month),
        _hosted(x, "fine_tuned_api", 0.0, x.question_tokens, x.tuned_price_multiplier),
        _self_hosted(x),
        _hosted(x, "hybrid", 0.0, x.retrieved_tokens + x.question_tokens,
                x.tuned_price_multiplier, hop, x.index_per_month),
    )

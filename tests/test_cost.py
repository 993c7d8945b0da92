"""The per-request cost model (ragft.engine.cost), its words, its table and its calculator.

The properties loop over the paths: a new path, or a change to one, is checked with no new test.
"""

from __future__ import annotations

import math
import re
from dataclasses import fields, replace
from itertools import pairwise

import pytest

from ragft.engine.cost import (
    CACHE_TERMS,
    GROUPS,
    HOURS_PER_MONTH,
    PATHS,
    RANGES,
    CostInputs,
    PathCost,
    compare,
)
from ragft.errors import CalculatorInputError
from ragft.guide.worked import cost_table
from ragft.present.cost_words import CACHE_PRESETS, INPUTS, cost_rows
from ragft.present.cost_words import GROUPS as GROUP_NAMES
from ragft.present.cost_words import PATHS as PATH_NAMES
from ragft.widgets.request_cost import RequestCostCalculator

BASE = CostInputs()
NAMES = [f.name for f in fields(CostInputs)]
# Paths that pay per token, and so grow with every token they send or receive.
PRICED = [p for p in PATHS if p != "fine_tuned_gpu"]
# The tokens each path puts in its prompt (the self-hosted path sends the question, too).
PROMPT = {
    "long_context": ("question_tokens", "corpus_tokens", "instructions_tokens"),
    "rag": ("question_tokens", "retrieved_tokens", "instructions_tokens"),
    "fine_tuned_api": ("question_tokens",),
    "fine_tuned_gpu": ("question_tokens",),
    "hybrid": ("question_tokens", "retrieved_tokens"),
}


def by_path(x: CostInputs) -> dict[str, PathCost]:
    return {c.path: c for c in compare(x)}


def uncached_price(x: CostInputs, prompt_tokens: float) -> float:
    """One request at the base price, no cache: worked out here, not by the model."""
    return (prompt_tokens * x.input_per_million + x.output_tokens * x.output_per_million) / 1e6


# -- the model's arithmetic ---------------------------------------------------------------------


def test_every_path_is_priced_in_order_with_consistent_month_and_request() -> None:
    costs = compare(BASE)
    assert [c.path for c in costs] == list(PATHS)
    for c in costs:
        assert c.per_month == pytest.approx(c.per_request * BASE.requests_per_hour
                                            * HOURS_PER_MONTH)
        assert c.per_request > 0
        assert c.ttft_seconds > BASE.overhead_seconds


def test_the_long_context_price_by_hand() -> None:
    x = BASE
    miss = math.exp(-x.requests_per_hour / 60 * x.cache_ttl_minutes)
    prefix = x.instructions_tokens + x.corpus_tokens
    billed = prefix * (miss * 1.25 + (1 - miss) * 0.1) + x.question_tokens
    expected = (billed * 0.15 + x.output_tokens * 0.60) / 1e6
    lc = by_path(x)["long_context"]
    assert lc.cache_miss_share == pytest.approx(miss)
    assert lc.per_request == pytest.approx(expected)


def test_the_fine_tuned_api_pays_the_multiplier_on_every_token() -> None:
    tuned = by_path(BASE)["fine_tuned_api"]
    assert tuned.per_request == pytest.approx(2 * uncached_price(BASE, BASE.question_tokens))
    free = by_path(replace(BASE, tuned_price_multiplier=1))["fine_tuned_api"]
    assert tuned.per_request == pytest.approx(2 * free.per_request)


def test_rag_adds_the_hop_to_the_wait_and_the_index_to_the_month() -> None:
    slow = by_path(replace(BASE, retrieval_ms=1_000, index_per_month=500))
    fast = by_path(replace(BASE, retrieval_ms=0, index_per_month=0))
    for path in ("rag", "hybrid"):
        assert slow[path].ttft_seconds - fast[path].ttft_seconds == pytest.approx(1.0)
        assert slow[path].per_month - fast[path].per_month == pytest.approx(500)
    for path in ("long_context", "fine_tuned_api", "fine_tuned_gpu"):
        assert slow[path] == fast[path]


@pytest.mark.parametrize("path", PRICED)
@pytest.mark.parametrize("field", ["question_tokens", "output_tokens", "corpus_tokens",
                                   "retrieved_tokens", "instructions_tokens"])
def test_cost_grows_with_the_tokens_a_path_sends(path: str, field: str) -> None:
    sent = field == "output_tokens" or field in PROMPT[path]
    costs = [by_path(replace(BASE, **{field: n}))[path].per_request
             for n in (0, 500, 5_000, 50_000, 500_000)]
    if sent:
        assert costs == sorted(costs)
        assert costs[-1] > costs[0], f"{path} ignores {field}"
    else:
        assert len(set(costs)) == 1, f"{path} pays for {field}, which it does not send"


def test_the_gpu_bill_does_not_depend_on_tokens() -> None:
    # The model's simplification: a GPU's capacity is counted in requests, not tokens.
    costs = {by_path(replace(BASE, output_tokens=n))["fine_tuned_gpu"].per_request
             for n in (10, 10_000)}
    assert len(costs) == 1


@pytest.mark.parametrize("path", PATHS)
def test_time_to_first_token_grows_with_the_prompt(path: str) -> None:
    for field in PROMPT[path]:
        waits = [by_path(replace(BASE, **{field: n}))[path].ttft_seconds
                 for n in (0, 2_000, 20_000, 200_000)]
        assert all(a < b for a, b in pairwise(waits)), (path, field, waits)
    # What a path does not send does not make it wait.
    for field in {"corpus_tokens", "retrieved_tokens"} - set(PROMPT[path]):
        waits = {by_path(replace(BASE, **{field: n}))[path].ttft_seconds for n in (0, 200_000)}
        assert len(waits) == 1


@pytest.mark.parametrize("rate", [0.1, 1, 20, 1_000])
@pytest.mark.parametrize("terms", CACHE_TERMS)
def test_a_prefix_under_the_minimum_is_never_cached(rate: float, terms: str) -> None:
    x = replace(BASE, requests_per_hour=rate, instructions_tokens=300, corpus_tokens=600,
                **CACHE_TERMS[terms])
    assert x.instructions_tokens + x.corpus_tokens < x.cache_min_tokens
    costs = by_path(x)
    for path in ("long_context", "rag"):
        assert costs[path].cache_miss_share is None
    lc = costs["long_context"]
    assert lc.per_request == pytest.approx(uncached_price(x, 300 + 600 + x.question_tokens))
    # One token over the minimum, and a busy cache reads cheaply.
    over = replace(x, corpus_tokens=x.cache_min_tokens - 300, requests_per_hour=10_000)
    assert by_path(over)["long_context"].per_request < uncached_price(
        over, over.cache_min_tokens + over.question_tokens)


@pytest.mark.parametrize("terms", CACHE_TERMS)
def test_cache_expiry_raises_the_cost_at_low_request_rates(terms: str) -> None:
    rates = [0.5, 2, 6, 12, 30, 120, 1_000]
    costs = [by_path(replace(BASE, requests_per_hour=r, index_per_month=0, **CACHE_TERMS[terms]))
             ["long_context"].per_request for r in rates]
    assert all(a >= b for a, b in pairwise(costs)), costs
    assert all(a > b for a, b in pairwise(costs[:4])), costs  # while the cache expires
    x = replace(BASE, **CACHE_TERMS[terms])
    plain = uncached_price(x, x.instructions_tokens + x.corpus_tokens + x.question_tokens)
    busy = x.cache_read_multiplier * (x.instructions_tokens + x.corpus_tokens)
    assert costs[-1] == pytest.approx(uncached_price(x, busy + x.question_tokens), rel=1e-6)
    if x.cache_write_multiplier > 1:  # a cache nobody reads in time costs more than none
        assert costs[0] > plain
    else:
        assert costs[0] <= plain


def test_a_longer_time_to_live_keeps_the_cache_warm() -> None:
    shares = [by_path(replace(BASE, cache_ttl_minutes=t))["long_context"].cache_miss_share
              for t in (1, 5, 60)]
    assert shares == sorted(shares, reverse=True)


def test_gpu_cost_per_request_falls_with_utilisation() -> None:
    capacity = BASE.gpu_requests_per_hour
    rates = [1, 10, 100, 900, capacity]
    costs = [by_path(replace(BASE, requests_per_hour=r))["fine_tuned_gpu"] for r in rates]
    assert all(a.per_request > b.per_request for a, b in pairwise(costs))
    assert {c.gpus for c in costs} == {1}
    assert {c.per_month for c in costs} == {BASE.gpu_per_hour * HOURS_PER_MONTH}
    # One request over capacity needs a second GPU, idle for most of its hours.
    second = by_path(replace(BASE, requests_per_hour=capacity + 1))["fine_tuned_gpu"]
    assert second.gpus == 2
    assert second.per_request > costs[-1].per_request


# -- the inputs' ranges -------------------------------------------------------------------------


def _bad_values(name: str) -> list[object]:
    lowest, highest, open_low = RANGES.get(name, (0, math.inf, False))
    bad: list[object] = [lowest - 1, math.nan, math.inf, -math.inf, True, "3"]
    if open_low:
        bad.append(lowest)
    if highest < math.inf:
        bad.append(highest + 0.5)
    return bad


@pytest.mark.parametrize("name", NAMES)
def test_every_input_rejects_what_is_out_of_range_naming_value_and_range(name: str) -> None:
    lowest, highest, open_low = RANGES.get(name, (0, math.inf, False))
    label = re.escape(name.replace("_", " "))
    if highest < math.inf:
        must = re.escape(f"a number from {lowest:g} to {highest:g}")
    else:
        must = re.escape(f"a number {'>' if open_low else '>='} {lowest:g}")
    for bad in _bad_values(name):
        with pytest.raises(CalculatorInputError) as info:
            CostInputs(**{name: bad})  # type: ignore[arg-type]
        message = str(info.value)
        assert re.fullmatch(rf"{label} must be {must}, got {re.escape(repr(bad))}", message)
        assert "\n" not in message


def test_the_error_reads_as_the_house_writes_it() -> None:
    with pytest.raises(CalculatorInputError,
                       match=r"^cache read multiplier must be a number from 0 to 1, got 1\.5$"):
        CostInputs(cache_read_multiplier=1.5)
    with pytest.raises(CalculatorInputError,
                       match=r"^requests per hour must be a number > 0, got 0$"):
        CostInputs(requests_per_hour=0)


@pytest.mark.parametrize("terms", CACHE_TERMS)
def test_every_preset_is_a_valid_input(terms: str) -> None:
    assert set(CACHE_TERMS[terms]) <= set(NAMES)
    replace(BASE, **CACHE_TERMS[terms])  # raises if a preset leaves its range


def test_the_defaults_are_the_published_terms_named() -> None:
    # Anthropic's 5-minute cache and OpenAI's gpt-4o-mini prices, as the notes cite them.
    assert (BASE.cache_write_multiplier, BASE.cache_read_multiplier, BASE.cache_ttl_minutes,
            BASE.cache_min_tokens) == (1.25, 0.1, 5, 1_024)
    assert (BASE.input_per_million, BASE.output_per_million) == (0.15, 0.60)
    assert BASE.tuned_price_multiplier == 2
    assert CACHE_TERMS["openai_auto"]["cache_write_multiplier"] == 1


# -- words, table and calculator ----------------------------------------------------------------


def test_every_input_path_group_and_preset_has_its_words() -> None:
    assert set(INPUTS) == set(NAMES)
    assert sorted(n for names in GROUPS.values() for n in names) == sorted(NAMES)
    assert list(GROUP_NAMES) == list(GROUPS)
    assert list(PATH_NAMES) == list(PATHS)
    assert set(CACHE_PRESETS) == {*CACHE_TERMS, "own"}


def test_rows_and_the_worked_table_show_every_path() -> None:
    rows = cost_rows(BASE, compare(BASE))
    table = cost_table(BASE).data
    assert [r.name for r in rows] == list(PATH_NAMES.values())
    for row, cost in zip(rows, compare(BASE), strict=True):
        assert row.per_request == cost.per_request
        assert f"| {row.name} |" in table
    assert "cache rewritten on 19% of requests" in table
    assert "$" not in table.replace("\\$", "")  # never read as maths
    small = cost_table(replace(BASE, corpus_tokens=0, instructions_tokens=500)).data
    assert "not cached: 500 tokens is under the 1,024-token minimum" in small


def test_the_calculator_shows_the_models_table() -> None:
    calc = RequestCostCalculator()
    assert calc.costs == compare(BASE)
    assert calc.preset.value == "anthropic_5m"
    table = calc.table.value
    for name in PATH_NAMES.values():
        assert f"<th scope='row'>{name}</th>" in table
    assert "<caption>" in table
    assert "Cheapest per request: <strong>Fine-tuned, hosted API</strong>" in calc.summary.value
    notes = calc.children[-1].value
    assert "Anthropic" in notes
    assert "as published (check current prices)" in notes
    assert "Our own assumptions" in notes
    for name, control in calc.fields.items():
        assert control.description == INPUTS[name]


@pytest.mark.parametrize(("name", "value"), [
    ("requests_per_hour", 1), ("corpus_tokens", 400_000), ("retrieved_tokens", 20_000),
    ("tuned_price_multiplier", 6), ("gpu_per_hour", 0.5), ("cache_ttl_minutes", 60),
    ("prefill_tokens_per_second", 1_000),
])
def test_the_calculator_follows_every_input(name: str, value: float) -> None:
    calc = RequestCostCalculator()
    before = calc.table.value
    calc.fields[name].value = value
    assert calc.costs == compare(replace(BASE, **{name: value}))
    assert calc.table.value != before


def test_a_preset_fills_the_cache_terms_and_own_figures_show_as_such() -> None:
    calc = RequestCostCalculator()
    for key, terms in CACHE_TERMS.items():
        calc.preset.value = key
        assert {n: calc.fields[n].value for n in terms} == terms
        assert calc.costs == compare(replace(BASE, **terms))
    calc.fields["cache_read_multiplier"].value = 0.3
    assert calc.preset.value == "own"
    assert calc.costs is not None


@pytest.mark.parametrize("name", NAMES)
def test_the_calculator_shows_a_bad_input_as_a_message(name: str) -> None:
    calc = RequestCostCalculator()
    calc.fields[name].value = -1
    assert calc.costs is None
    assert "role='alert'" in calc.summary.value
    assert f"{name.replace('_', ' ')} must be a number" in calc.summary.value
    assert calc.table.value == ""
    calc.fields[name].value = getattr(BASE, name)
    assert calc.costs == compare(BASE)

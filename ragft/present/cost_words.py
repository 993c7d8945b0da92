"""The words of the per-request cost comparison: the inputs' labels, the paths' names, the
table's headings and notes, and each row's plain-text cells (:func:`cost_rows`).

The arithmetic is :mod:`ragft.engine.cost`; the calculator
(:mod:`ragft.widgets.request_cost`) and the notebooks' worked table
(:func:`ragft.guide.worked.cost_table`) lay out the same rows, in HTML and in Markdown.

Example:
    >>> from ragft.engine.cost import CostInputs, compare
    >>> x = CostInputs()
    >>> row = cost_rows(x, compare(x))[0]
    >>> row.name, row.ttft, row.detail
    ('Long context, cached', '4.7 s', 'cache rewritten on 19% of requests (5-minute TTL)')
"""

from __future__ import annotations

from typing import Final, NamedTuple

from ..engine.calc import money
from ..engine.cost import CostInputs, PathCost

__all__ = ["cost_rows"]

# Each input's label, in the calculator and in error-free prose alike.
INPUTS: Final = {
    "requests_per_hour": "Requests per hour:",
    "instructions_tokens": "Instructions and examples (tokens):",
    "question_tokens": "Question (tokens):",
    "output_tokens": "Answer (tokens):",
    "input_per_million": "Input price ($ per million tokens):",
    "output_per_million": "Output price ($ per million tokens):",
    "prefill_tokens_per_second": "Prefill speed (tokens per second):",
    "overhead_seconds": "Fixed wait per request (seconds):",
    "corpus_tokens": "Corpus in the prompt (tokens):",
    "cache_read_multiplier": "Cache read (× input price):",
    "cache_write_multiplier": "Cache write (× input price):",
    "cache_ttl_minutes": "Cache time to live (minutes):",
    "cache_min_tokens": "Shortest cacheable prefix (tokens):",
    "cached_prefill_share": "Prefill time left on a cached token (share):",
    "retrieved_tokens": "Retrieved passages (tokens):",
    "retrieval_ms": "Retrieval hop (ms):",
    "index_per_month": "Index hosting ($ a month):",
    "tuned_price_multiplier": "Fine-tuned price (× base price):",
    "gpu_per_hour": "GPU ($ an hour):",
    "gpu_requests_per_hour": "Requests one GPU serves an hour:",
}

GROUPS: Final = {
    "shared": "Traffic, request and model",
    "long_context": "Long context with a prompt cache",
    "rag": "RAG",
    "fine_tuned": "Fine-tuned",
}

PATHS: Final = {
    "long_context": "Long context, cached",
    "rag": "RAG",
    "fine_tuned_api": "Fine-tuned, hosted API",
    "fine_tuned_gpu": "Fine-tuned, own GPU",
    "hybrid": "Hybrid: fine-tuned plus RAG",
}

# Presets of the cache's terms (the ids are those of ragft.engine.cost.CACHE_TERMS).
CACHE_PRESETS: Final = {
    "anthropic_5m": "Anthropic, 5-minute cache",
    "anthropic_1h": "Anthropic, 1-hour cache",
    "openai_auto": "OpenAI, automatic cache",
    "own": "Your own figures",
}

WORDS: Final = {
    "calculator": "Per-request cost calculator",
    "question": "What does one request cost on each path?",
    "intro": "{question} Set the traffic, the size of a request and each path's prices; the "
             "table prices one request on every path, a month of that traffic, and the wait "
             "for the first token. Every default is an assumption, named in the notes under "
             "the table: put in your own figures.",
    "preset": "Cache terms (preset):",
    "path": "Path",
    "per_request": "Per request",
    "per_month": "Per month",
    "ttft": "Time to first token",
    "what_decides": "What decides it",
    "caption": "One request of {tokens} question and {answer} answer tokens at {rate} requests "
               "an hour ({month} a month)",
    "seconds": "{seconds} s",
    "cheapest": "Cheapest per request: {cheap}. Shortest wait for the first token: {fast}.",
    "cached": "cache rewritten on {share} of requests ({ttl}-minute TTL)",
    "not_cached": "not cached: {tokens} tokens is under the {minimum}-token minimum",
    "rag_detail": "{retrieved} retrieved tokens, a {hop} ms hop, index {index} a month",
    "tuned_detail": "{times}× the base price per token; the instructions are in the weights",
    "gpu_detail": "{gpus} × GPU at {price} an hour, {busy} busy",
    "hybrid_detail": "{times}× price per token on the passages too, a {hop} ms hop, index "
                     "{index} a month",
    "notes": "How it is worked out: requests arrive at random and each cache hit renews the "
             "cache's time to live, so a share exp(−rate × TTL) of requests finds it expired "
             "and pays the write; a prefix under the shortest cacheable length is never cached. "
             "The time to first token is the fixed wait plus the prompt's tokens over the "
             "prefill speed, a cached token taking only its share of that time. Own GPUs are "
             "always on, as many as the rate needs; a month is 730 hours. Sources of the "
             "defaults, as published (check current prices): the cache's terms are "
             "Anthropic's for its 5-minute cache (writes {write}×, reads {read}× the input "
             "price, prefixes from {minimum} tokens on most models; the 1-hour cache writes at "
             "2×); OpenAI's automatic cache charges no write premium, reads gpt-4o-mini's "
             "cached tokens at half price, and starts at 1,024 tokens. The token prices are "
             "OpenAI's for gpt-4o-mini, {tuned}× for its fine-tuned version. The prefill "
             "speed and the cached share are our rough fit to Anthropic's caching announcement "
             "(2024: a 100,000-token prompt took about 11.5 s to its first token uncached and "
             "2.4 s cached). Our own assumptions: the traffic, the request's sizes, the "
             "retrieval hop, the index's hosting, the GPU's price and its capacity. The "
             "fine-tuned rows price the tokens only: a model trained on facts answers them "
             "less reliably than one that reads them.",
}


class CostRow(NamedTuple):
    """One path's row as plain text, but its amounts: the renderer formats money its way."""

    name: str
    per_request: float
    per_month: float
    ttft: str
    detail: str


def _detail(x: CostInputs, cost: PathCost) -> str:
    if cost.path == "long_context":
        if cost.cache_miss_share is None:
            return WORDS["not_cached"].format(
                tokens=f"{x.instructions_tokens + x.corpus_tokens:,.0f}",
                minimum=f"{x.cache_min_tokens:,.0f}")
        return WORDS["cached"].format(share=f"{cost.cache_miss_share:.0%}",
                                      ttl=f"{x.cache_ttl_minutes:g}")
    if cost.path == "rag":
        return WORDS["rag_detail"].format(retrieved=f"{x.retrieved_tokens:,.0f}",
                                          hop=f"{x.retrieval_ms:g}",
                                          index=money(x.index_per_month))
    if cost.path == "fine_tuned_api":
        return WORDS["tuned_detail"].format(times=f"{x.tuned_price_multiplier:g}")
    if cost.path == "fine_tuned_gpu":
        gpus = cost.gpus or 1
        busy = x.requests_per_hour / (gpus * x.gpu_requests_per_hour)
        return WORDS["gpu_detail"].format(gpus=gpus, price=money(x.gpu_per_hour),
                                          busy=f"{busy:.0%}")
    return WORDS["hybrid_detail"].format(times=f"{x.tuned_price_multiplier:g}",
                                         hop=f"{x.retrieval_ms:g}",
                                         index=money(x.index_per_month))


def cost_rows(inputs: CostInputs, costs: tuple[PathCost, ...]) -> list[CostRow]:
    """The table's rows for ``costs`` (from :func:`ragft.engine.cost.compare` on ``inputs``):
    the path's name, its amounts, the wait as ``4.7 s``, and what decides its cost (plain
    text: the renderer escapes it for HTML or Markdown)."""
    return [CostRow(PATHS[c.path], c.per_request, c.per_month,
                    WORDS["seconds"].format(seconds=f"{c.ttft_seconds:.1f}"),
                    _detail(inputs, c)) for c in costs]

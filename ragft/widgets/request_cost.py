"""The per-request cost calculator: every path's cost and wait for one request, side by side.

Thin over :mod:`ragft.engine.cost`: the widget reads its inputs into a
:class:`~ragft.engine.cost.CostInputs`, asks :func:`~ragft.engine.cost.compare`, and lays out
the rows :func:`ragft.present.cost_words.cost_rows` words; an input out of range shows as a
message naming it and its range, never an exception. A preset fills the cache's four terms.

Example:
    >>> calc = RequestCostCalculator()
    >>> calc.fields["requests_per_hour"].value = 1
    >>> [c.path for c in calc.costs][:2], round(calc.costs[0].per_request, 4)
    (['long_context', 'rag'], 0.0214)
    >>> calc.preset.value = "openai_auto"
    >>> calc.fields["cache_write_multiplier"].value
    1.0
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import ipywidgets as w

from ..engine.calc import money
from ..engine.cost import CACHE_TERMS, GROUPS, CostInputs, PathCost, compare
from ..errors import RagftError
from ..present.cost_words import CACHE_PRESETS, INPUTS, PATHS, WORDS, cost_rows
from ..present.cost_words import GROUPS as GROUP_NAMES
from ..present.html import esc
from ._common import PlaceholderRepr, style_box, text_box
from .calculators import _error, _field, _side_by_side

__all__ = ["RequestCostCalculator"]

_OWN = "own"  # the preset shown when the cache's terms match none of CACHE_TERMS


def table_html(inputs: CostInputs, costs: tuple[PathCost, ...]) -> str:
    """The comparison as an HTML table with a caption and row headers."""
    head = "".join(f"<th scope='col'>{esc(WORDS[k])}</th>"
                   for k in ("path", "per_request", "per_month", "ttft", "what_decides"))
    body = "".join(
        f"<tr><th scope='row'>{esc(r.name)}</th><td>{money(r.per_request)}</td>"
        f"<td>{money(r.per_month)}</td><td>{esc(r.ttft)}</td><td>{esc(r.detail)}</td></tr>"
        for r in cost_rows(inputs, costs))
    caption = WORDS["caption"].format(
        tokens=f"{inputs.question_tokens:,.0f}", answer=f"{inputs.output_tokens:,.0f}",
        rate=f"{inputs.requests_per_hour:,g}", month=f"{inputs.requests_per_month:,.0f}")
    return (f"<table class='ragft-cost-table'><caption>{esc(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


class RequestCostCalculator(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """What one request costs on each path, a month of it, and its time to first token.

    Args:
        inputs: the starting figures (default: :class:`~ragft.engine.cost.CostInputs`'s
            assumptions).
    """

    widget_name = WORDS["calculator"]

    def __init__(self, inputs: CostInputs | None = None, **kwargs: Any) -> None:
        start = inputs if inputs is not None else CostInputs()
        intro = text_box("ragft-calc-intro", "<p>{}</p>".format(WORDS["intro"].format(
            question=f"<strong>{esc(WORDS['question'])}</strong>")))
        self.fields = {f.name: w.FloatText(value=float(getattr(start, f.name)),
                                           description=INPUTS[f.name], **_field())
                       for f in fields(CostInputs)}
        self.preset = w.Dropdown(options=[(label, key) for key, label in CACHE_PRESETS.items()],
                                 value=self._matching_preset(), description=WORDS["preset"],
                                 **_field())
        groups = []
        for group, names in GROUPS.items():
            heading = text_box("ragft-calc-group", f"<p><strong>{esc(GROUP_NAMES[group])}"
                                                   "</strong></p>")
            extra = [self.preset] if group == "long_context" else []
            groups.append(w.VBox([heading, *extra, *(self.fields[n] for n in names)]))
        self.summary = text_box("ragft-calc-result")
        self.table = text_box("ragft-calc-table")
        notes = text_box("ragft-calc-notes", "<p><small>{}</small></p>".format(esc(
            WORDS["notes"].format(write=f"{CostInputs.cache_write_multiplier:g}",
                                  read=f"{CostInputs.cache_read_multiplier:g}",
                                  minimum=f"{CostInputs.cache_min_tokens:,.0f}",
                                  tuned=f"{CostInputs.tuned_price_multiplier:g}"))))
        self.costs: tuple[PathCost, ...] | None = None
        self._applying = False
        for control in self.fields.values():
            control.observe(lambda _: self.update(), names="value")
        self.preset.observe(lambda change: self._apply(change["new"]), names="value")
        super().__init__([style_box(), intro,
                          _side_by_side(groups, [self.summary, self.table]), notes], **kwargs)
        self.add_class("ragft-request-cost-calculator")
        self.update()

    def _matching_preset(self) -> str:
        values = {name: self.fields[name].value for name in CACHE_TERMS["anthropic_5m"]}
        return next((key for key, terms in CACHE_TERMS.items() if terms == values), _OWN)

    def _apply(self, preset: str) -> None:
        """Fill the cache's terms from a preset, then recompute once."""
        if preset not in CACHE_TERMS or self._applying:
            return
        self._applying = True
        try:
            for name, value in CACHE_TERMS[preset].items():
                self.fields[name].value = value
        finally:
            self._applying = False
        self.update()

    def update(self) -> None:
        """Recompute the table from the inputs (or say what is wrong with one)."""
        if self._applying:
            return
        self.preset.value = self._matching_preset()
        try:
            inputs = CostInputs(**{name: c.value for name, c in self.fields.items()})
        except RagftError as err:
            self.costs = None
            self.summary.value = _error(err)
            self.table.value = ""
            return
        self.costs = compare(inputs)
        cheap = min(self.costs, key=lambda c: c.per_request)
        fast = min(self.costs, key=lambda c: c.ttft_seconds)
        said = WORDS["cheapest"].format(cheap=f"<strong>{esc(PATHS[cheap.path])}</strong>",
                                        fast=f"<strong>{esc(PATHS[fast.path])}</strong>")
        self.summary.value = f"<p role='status'>{said}</p>"
        self.table.value = table_html(inputs, self.costs)

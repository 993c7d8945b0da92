"""Two calculators with illustrative defaults: does it fit in context, does fine-tuning pay off.

The arithmetic lives in :mod:`ragft.engine.calc`; these widgets read their inputs, call it, and
show the result, or a plain message when an input is out of range (never an exception).

Example:
    >>> from ragft.widgets.calculators import BreakEvenCalculator, ContextCalculator
    >>> calc = ContextCalculator()
    >>> calc.amount.value, calc.unit.value = 2000, "pages"
    >>> calc.fit.fits
    False
    >>> be = BreakEvenCalculator()
    >>> be.requests.value = 0
    >>> be.result.months is None
    True
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..engine.calc import (
    CONTEXT_WINDOWS,
    TIGHT_SHARE,
    TOKENS_PER_PAGE,
    TOKENS_PER_WORD,
    WORDS_PER_PAGE,
    YARDSTICK_PAGES,
    YARDSTICK_TOKENS,
    BreakEven,
    ContextFit,
    break_even,
    context_fit,
    money,
    to_tokens,
)
from ..errors import RagftError
from ..tree.model import Tree
from ._common import PlaceholderRepr, esc, labelled_style, resolve_tree, style_box, text_box
from ._plot import break_even_svg, describe

__all__ = ["BreakEvenCalculator", "ContextCalculator"]


def _field() -> dict[str, Any]:
    """Style and layout of one labelled input (a fresh Layout each: widgets never share one)."""
    return {"style": labelled_style(), "layout": w.Layout(width="100%")}


def _side_by_side(inputs: list[w.Widget], results: list[w.Widget]) -> w.Box:
    """Inputs on the left, what they give on the right; stacked where the page is narrow."""
    left = w.VBox(inputs)
    left.add_class("ragft-calc-inputs")
    right = w.VBox(results)
    right.add_class("ragft-calc-results")
    row = w.Box([left, right])
    row.add_class("ragft-columns")
    return row


_YARDSTICK_SOURCE = "anthropic_contextual_retrieval"


def _error(err: Exception) -> str:
    return f"<p class='ragft-error' role='alert'><strong>Check the inputs:</strong> {esc(err)}.</p>"


def _citation(tree: Tree) -> str:
    """Anthropic's contextual-retrieval article, linked when the tree lists it."""
    name = "Anthropic's article <em>Introducing Contextual Retrieval</em> (2024)"
    for src in tree.sources:
        if src.id == _YARDSTICK_SOURCE and src.url:
            return f"<a href='{esc(src.url)}'>{name}</a>"
    return name


class ContextCalculator(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """Does the knowledge base fit in the context window? Corpus size against a window.

    Args:
        tree: where the yardstick's source is looked up (default: ragft's own tree).
    """

    widget_name = "Context calculator"

    def __init__(self, tree: Tree | None = None, **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        intro = text_box("ragft-calc-intro", (
            "<p><strong>Does it fit in context?</strong> Enter the size of your knowledge base and "
            "pick a context window. Every default here is an illustration: put in your own "
            "figures and check your model's documentation for its real window.</p>"))
        self.amount = w.FloatText(value=300.0, description="Corpus size (illustration):",
                                  **_field())
        self.unit = w.Dropdown(options=[("pages", "pages"), ("words", "words"),
                                        ("tokens", "tokens")],
                               value="pages", description="Unit:", **_field())
        self.window = w.Dropdown(
            options=[(label, size) for label, size in CONTEXT_WINDOWS.items()],
            value=200_000, description="Context window (illustrative preset):", **_field())
        self.result = text_box("ragft-calc-result")
        notes = text_box("ragft-calc-notes", (
            "<p><small>Rough illustrative conversions: about "
            f"{WORDS_PER_PAGE} words a page and about {TOKENS_PER_WORD:.2f} tokens a word "
            f"(so about {TOKENS_PER_PAGE:.0f} tokens a page). Real ratios depend on the layout, "
            "the language and the model's tokenizer. The yardstick comes from "
            f"{_citation(self.tree)}: a knowledge base under about {YARDSTICK_TOKENS:,} tokens, "
            f"roughly {YARDSTICK_PAGES} pages, can go into the prompt whole, with prompt "
            "caching.</small></p>"))
        self.fit: ContextFit | None = None
        for control in (self.amount, self.unit, self.window):
            control.observe(lambda _: self.update(), names="value")
        super().__init__([style_box(), intro,
                          _side_by_side([self.amount, self.unit, self.window], [self.result]),
                          notes], **kwargs)
        self.add_class("ragft-context-calculator")
        self.update()

    def update(self) -> None:
        """Recompute from the inputs and show the verdict (or what is wrong with an input)."""
        try:
            self.fit = context_fit(to_tokens(self.amount.value, self.unit.value),
                                   int(self.window.value))
        except RagftError as err:
            self.fit = None
            self.result.value = _error(err)
            return
        self.result.value = self._verdict(self.fit)

    def _verdict(self, fit: ContextFit) -> str:
        window = f"{fit.window:,}-token window"
        if not fit.fits:
            verdict = (f"<strong>Does not fit.</strong> It needs {fit.share:.0%} of the "
                       f"{window}. The five gates decide what to build instead.")
        elif fit.tight:
            verdict = (f"<strong>Fits, but tightly.</strong> It fills {fit.share:.0%} of the "
                       f"{window}, leaving little room for instructions, the question and the "
                       f"answer (more than {TIGHT_SHARE:.0%} is our illustrative warning line).")
        else:
            verdict = f"<strong>Fits.</strong> It fills {fit.share:.0%} of the {window}."
        side = "under" if fit.within_yardstick else "over"
        yardstick = (f"That is {side} the contextual-retrieval yardstick of about "
                     f"{YARDSTICK_TOKENS:,} tokens (about {YARDSTICK_PAGES} pages).")
        return (f"<p role='status'>About <strong>{fit.tokens:,.0f} tokens</strong>. "
                f"{verdict}</p><p>{yardstick}</p>")


class BreakEvenCalculator(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """Does fine-tuning pay off? Months until per-request savings cover its cost, with a plot."""

    widget_name = "Break-even calculator"

    def __init__(self, **kwargs: Any) -> None:
        intro = text_box("ragft-calc-intro", (
            "<p><strong>Does fine-tuning pay off?</strong> A fine-tuned model can be cheaper per "
            "request (a shorter prompt, no retrieval step, a smaller model), but it costs "
            "engineering time to build, retraining runs, and engineering hours every month to "
            "keep its data, evaluations and pipeline in shape. Every default below is an "
            "illustration, not a benchmark: replace it with your own figures.</p>"))
        self.requests = w.IntText(value=500_000, description="Requests per month:", **_field())
        self.saving = w.FloatText(value=0.002, step=0.001,
                                  description="Saving per request ($):", **_field())
        self.hours = w.FloatText(value=80.0, description="Engineering hours:", **_field())
        self.rate = w.FloatText(value=100.0, description="Hourly rate ($):", **_field())
        self.maintenance = w.FloatText(value=4.0, description="Maintenance hours per month:",
                                       **_field())
        self.training = w.FloatText(value=50.0, description="Training cost per run ($):",
                                    **_field())
        self.retrains = w.IntText(value=4, description="Retrains per year:", **_field())
        self.inputs = (self.requests, self.saving, self.hours, self.rate, self.maintenance,
                       self.training, self.retrains)
        self.summary = text_box("ragft-calc-result")
        self.plot = text_box("ragft-calc-plot")
        notes = text_box("ragft-calc-notes", (
            "<p><small>How it is worked out: the one-off cost is the engineering hours times the "
            "rate plus the first training run. The monthly upkeep is the maintenance hours times "
            "the rate (curating data, running evaluations, fixing the pipeline) plus the "
            "retraining runs spread over the months. The saving is requests times the saving per "
            "request. Compute is usually the small part; the maintenance hours are the real bill. "
            "The defaults are made up for illustration.</small></p>"))
        self.result: BreakEven | None = None
        for control in self.inputs:
            control.observe(lambda _: self.update(), names="value")
        super().__init__([style_box(), intro,
                          _side_by_side(list(self.inputs), [self.summary, self.plot]), notes],
                         **kwargs)
        self.add_class("ragft-break-even-calculator")
        self.update()

    def update(self) -> None:
        """Recompute, then show the result and the plot (or what is wrong with an input)."""
        try:
            self.result = break_even(
                requests_per_month=self.requests.value, saving_per_request=self.saving.value,
                engineering_hours=self.hours.value, hourly_rate=self.rate.value,
                training_cost=self.training.value, retrains_per_year=self.retrains.value,
                maintenance_hours_per_month=self.maintenance.value)
        except RagftError as err:
            self.result = None
            self.summary.value = _error(err)
            self.plot.value = ""
            return
        text = self._describe(self.result)
        self.summary.value = f"<p role='status'>{text}</p>" + self._breakdown(self.result)
        self.plot.value = break_even_svg(self.result, describe(self.result))

    @staticmethod
    def _describe(r: BreakEven) -> str:
        if r.months is None:
            return (f"<strong>Never breaks even</strong>: the monthly saving "
                    f"({money(r.monthly_saving)}) does not exceed the monthly upkeep "
                    f"({money(r.monthly_upkeep)}).")
        if r.months == 0:
            return "<strong>Pays off at once</strong>: there is no one-off cost to recover."
        return (f"<strong>Breaks even after about {r.months:.1f} months</strong>, when "
                f"{money(r.monthly_net)} a month has recovered the one-off "
                f"{money(r.upfront)}.")

    @staticmethod
    def _breakdown(r: BreakEven) -> str:
        return ("<ul>"
                f"<li>One-off cost: {money(r.upfront)}</li>"
                f"<li>Saving per month: {money(r.monthly_saving)}</li>"
                f"<li>Upkeep per month: {money(r.monthly_upkeep)} (maintenance work "
                f"{money(r.monthly_maintenance)}, retraining runs "
                f"{money(r.monthly_retraining)})</li>"
                "</ul>")

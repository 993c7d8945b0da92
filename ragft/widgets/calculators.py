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
    DEFAULT_HEADROOM,
    GPT_4O_MINI_PRICES,
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
    serving_premium,
    to_tokens,
)
from ..errors import RagftError
from ..present.html import esc
from ..present.widget_words import WORDS
from ..tree.loader import default_tree
from ..tree.model import Tree
from ._common import PlaceholderRepr, labelled_style, resolve_tree, style_box, text_box
from .chart import break_even_svg, describe

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

# The illustrative request the break-even calculator prices: 2,000 tokens in, 300 out.
_REQUEST_TOKENS = (2_000, 300)
_BASE, _TUNED = GPT_4O_MINI_PRICES["base"], GPT_4O_MINI_PRICES["fine_tuned"]


def _price(dollars: float) -> str:
    """A price per million tokens, always with its cents: ``$0.60``."""
    return f"${dollars:.2f}"


def _error(err: Exception) -> str:
    said = WORDS["input_error"].format(check=f"<strong>{WORDS['check_inputs']}</strong>",
                                       error=esc(err))
    return f"<p class='ragft-error' role='alert'>{said}</p>"


def _citation(tree: Tree) -> str:
    """The yardstick's article by author, title and year, as ragft's tree cites it; linked
    when ``tree`` lists it with an address."""
    listed = {src.id: src for src in tree.sources}.get(_YARDSTICK_SOURCE)
    src = listed or default_tree().source(_YARDSTICK_SOURCE)
    name = WORDS["article"].format(author=esc(src.author), title=f"<em>{esc(src.title)}</em>",
                                   year=esc(src.year))
    return f"<a href='{esc(listed.url)}'>{name}</a>" if listed and listed.url else name


class ContextCalculator(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """Does the knowledge base fit in the context window? Corpus size against a window.

    Args:
        tree: where the yardstick's source is looked up (default: ragft's own tree).
    """

    widget_name = WORDS["context_calculator"]

    def __init__(self, tree: Tree | None = None, **kwargs: Any) -> None:
        self.tree = resolve_tree(tree)
        intro = text_box("ragft-calc-intro", "<p>{}</p>".format(WORDS["fit_intro"].format(
            question=f"<strong>{WORDS['fit_question']}</strong>")))
        self.amount = w.FloatText(value=300.0, description=WORDS["corpus_size"], **_field())
        self.unit = w.Dropdown(options=[("pages", "pages"), ("words", "words"),
                                        ("tokens", "tokens")],
                               value="pages", description=WORDS["unit"], **_field())
        self.window = w.Dropdown(
            options=[(label, size) for label, size in CONTEXT_WINDOWS.items()],
            value=200_000, description=WORDS["context_window"], **_field())
        self.headroom = w.FloatText(value=float(DEFAULT_HEADROOM),
                                    description=WORDS["headroom"], **_field())
        self.result = text_box("ragft-calc-result")
        notes = text_box("ragft-calc-notes", "<p><small>{}</small></p>".format(
            WORDS["fit_notes"].format(
                words_per_page=WORDS_PER_PAGE, tokens_per_word=f"{TOKENS_PER_WORD:.2f}",
                tokens_per_page=f"{TOKENS_PER_PAGE:.0f}", citation=_citation(self.tree),
                yardstick_tokens=f"{YARDSTICK_TOKENS:,}", yardstick_pages=YARDSTICK_PAGES)))
        self.fit: ContextFit | None = None
        for control in (self.amount, self.unit, self.window, self.headroom):
            control.observe(lambda _: self.update(), names="value")
        super().__init__([style_box(), intro,
                          _side_by_side([self.amount, self.unit, self.window, self.headroom],
                                        [self.result]),
                          notes], **kwargs)
        self.add_class("ragft-context-calculator")
        self.update()

    def update(self) -> None:
        """Recompute from the inputs and show the verdict (or what is wrong with an input)."""
        try:
            self.fit = context_fit(to_tokens(self.amount.value, self.unit.value),
                                   int(self.window.value), self.headroom.value)
        except RagftError as err:
            self.fit = None
            self.result.value = _error(err)
            return
        self.result.value = self._verdict(self.fit)

    def _verdict(self, fit: ContextFit) -> str:
        lead, said = {"no": ("does_not_fit", "fit_no"), "tight": ("fits_tightly", "fit_tight"),
                      "yes": ("fits", "fit_yes")}[fit.verdict]
        verdict = WORDS[said].format(
            verdict=f"<strong>{WORDS[lead]}</strong>",
            room=WORDS["with_headroom"].format(headroom=f"{fit.headroom:,.0f}"),
            share=f"{fit.share:.0%}", window=WORDS["token_window"].format(size=f"{fit.window:,}"),
            tight=f"{TIGHT_SHARE:.0%}")
        yardstick = WORDS["yardstick"].format(
            side=WORDS["under" if fit.within_yardstick else "over"],
            tokens=f"{YARDSTICK_TOKENS:,}", pages=YARDSTICK_PAGES)
        tokens = WORDS["n_tokens"].format(count=f"{fit.tokens:,.0f}")
        about = WORDS["about_tokens"].format(tokens=f"<strong>{tokens}</strong>")
        return f"<p role='status'>{about} {verdict}</p><p>{yardstick}</p>"


class BreakEvenCalculator(PlaceholderRepr, w.VBox):  # type: ignore[misc]  # ipywidgets: no hints
    """Does fine-tuning pay off? Months until per-request savings cover its cost, with a plot."""

    widget_name = WORDS["break_even_calculator"]

    def __init__(self, **kwargs: Any) -> None:
        intro = text_box("ragft-calc-intro", "<p>{}</p>".format(WORDS["break_even_intro"].format(
            question=f"<strong>{WORDS['pays_question']}</strong>")))
        self.requests = w.IntText(value=500_000, description=WORDS["requests"], **_field())
        self.saving = w.FloatText(value=0.002, step=0.001, description=WORDS["saving"],
                                  **_field())
        self.premium = w.FloatText(value=round(serving_premium(*_REQUEST_TOKENS), 6),
                                   step=0.0001, description=WORDS["premium"], **_field())
        self.hours = w.FloatText(value=80.0, description=WORDS["hours"], **_field())
        self.rate = w.FloatText(value=100.0, description=WORDS["rate"], **_field())
        self.maintenance = w.FloatText(value=4.0, description=WORDS["maintenance"], **_field())
        self.training = w.FloatText(value=50.0, description=WORDS["training"], **_field())
        self.retrains = w.IntText(value=4, description=WORDS["retrains"], **_field())
        self.inputs = (self.requests, self.saving, self.premium, self.hours, self.rate,
                       self.maintenance, self.training, self.retrains)
        self.summary = text_box("ragft-calc-result")
        self.plot = text_box("ragft-calc-plot")
        notes = text_box("ragft-calc-notes", "<p><small>{}</small></p>".format(
            WORDS["break_even_notes"].format(
                tokens_in=f"{_REQUEST_TOKENS[0]:,}", tokens_out=f"{_REQUEST_TOKENS[1]:,}",
                tuned_in=_price(_TUNED[0]), tuned_out=_price(_TUNED[1]),
                base_in=_price(_BASE[0]), base_out=_price(_BASE[1]))))
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
                serving_premium_per_request=self.premium.value,
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
            return WORDS["never_detail"].format(
                lead=f"<strong>{WORDS['never_breaks_even']}</strong>",
                saving=money(r.monthly_saving), upkeep=money(r.monthly_upkeep))
        if r.months == 0:
            return WORDS["at_once_detail"].format(lead=f"<strong>{WORDS['pays_at_once']}</strong>")
        lead = WORDS["breaks_even_after"].format(months=f"{r.months:.1f}")
        return WORDS["after_detail"].format(lead=f"<strong>{lead}</strong>",
                                            net=money(r.monthly_net), upfront=money(r.upfront))

    @staticmethod
    def _breakdown(r: BreakEven) -> str:
        upkeep = WORDS["upkeep_parts"].format(
            upkeep=money(r.monthly_upkeep), maintenance=money(r.monthly_maintenance),
            retraining=money(r.monthly_retraining), serving=money(r.monthly_serving))
        items = [(WORDS["one_off_cost"], money(r.upfront)),
                 (WORDS["saving_per_month"], money(r.monthly_saving)),
                 (WORDS["upkeep_per_month"], upkeep)]
        return "<ul>" + "".join(f"<li>{label}: {value}</li>" for label, value in items) + "</ul>"

"""Worked examples as static Markdown: what a widget would show, for readers without a kernel.

The calculators' arithmetic comes from :mod:`ragft.engine.calc` and the combined architecture
from :mod:`ragft.engine.architecture`; these functions only lay the results out. Amounts go
through :func:`ragft.engine.calc.money_md`, the one money format, with the dollar sign escaped
so that no Markdown renderer reads it as maths.

Example:
    >>> from ragft.guide.worked import context_table
    >>> "Fits in" in context_table({"handbook": (120, "pages")}).data
    True
"""

from __future__ import annotations

from collections.abc import Mapping

from IPython.display import Markdown

from ..engine.architecture import Architecture, combine, combine_case
from ..engine.calc import (
    CONTEXT_WINDOWS,
    DEFAULT_HEADROOM,
    TIGHT_SHARE,
    BreakEven,
    check_amount,
    context_fit,
    money_md,
    to_tokens,
)
from ..engine.cost import CostInputs, compare
from ..engine.decision import decide, path_to
from ..present.cost_words import WORDS as COST_WORDS
from ..present.cost_words import cost_rows
from ..present.guide_words import WORDS
from ..present.markdown import md_escape
from ..present.record_words import LABELS as RECORD_LABELS
from ..present.widget_words import WORDS as WIDGET_WORDS
from ..present.words import LABELS
from ..tree.loader import default_tree
from ..tree.model import Case, Tree

__all__ = ["architecture", "break_even_table", "combined", "context_table", "cost_table"]


def _md(text: str) -> Markdown:
    return Markdown(text)  # type: ignore[no-untyped-call]  # IPython leaves __init__ untyped


def _verdict(tokens: float, window: int, headroom: float) -> str:
    # The calculator's rule (ContextFit): the corpus plus the headroom must fit in the window,
    # and above the guide's threshold the fit is tight. Only the wording is the table's own.
    fit = context_fit(tokens, window, headroom)
    if fit.verdict == "no":
        return (WORDS["fit_no"].format(share=f"{fit.share:.0%}") if fit.share < 10
                else WORDS["fit_no_times"].format(times=f"{fit.share:.0f}"))
    if fit.verdict == "tight":
        return WORDS["fit_tight"].format(share=f"{fit.share:.0%}")
    return (WORDS["fit_yes_tiny"] if fit.share < 0.005
            else WORDS["fit_yes"].format(share=f"{fit.share:.0%}"))


def context_table(corpora: Mapping[str, tuple[float, str]],
                  windows: Mapping[str, int] | None = None, *,
                  headroom: float = DEFAULT_HEADROOM) -> Markdown:
    """Several corpus sizes (name to amount and unit) against context windows.

    Each cell is the share of the window that the corpus plus ``headroom`` tokens (room for
    the instructions, the question and the answer) would fill, judged by the calculator's rule
    (:class:`~ragft.engine.calc.ContextFit`): *yes* up to the guide's warning threshold, *tight*
    above it, *no* beyond the whole window. Token counts are estimates.

    Raises:
        UnknownOptionError: a unit is not ``pages``, ``words`` or ``tokens``.
        CalculatorInputError: an amount or the headroom is negative or not a finite number.
    """
    windows = dict(CONTEXT_WINDOWS if windows is None else windows)
    room = check_amount("headroom", headroom)
    head = [WORDS["knowledge_base"], WORDS["estimated_tokens"],
            *(WORDS["fits_in"].format(window=label) for label in windows)]
    rows = ["| " + " | ".join(head) + " |", "|---|---:|" + "---|" * len(windows)]
    for name, (amount, unit) in corpora.items():
        tokens = to_tokens(amount, unit)
        amount_text = f"{amount:,.0f} {unit}, " if unit != "tokens" else ""
        cells = [md_escape(name), f"{amount_text}≈ {tokens:,.0f}",
                 *(_verdict(tokens, size, room) for size in windows.values())]
        rows.append("| " + " | ".join(cells) + " |")
    note = [WORDS["headroom_note"].format(headroom=f"{room:,.0f}")] if room else []
    key = " ".join([*note, WORDS["fit_key"].format(tight=f"{TIGHT_SHARE:.0%}")])
    return _md("\n".join(rows) + f"\n\n*{key}*")


def break_even_table(results: Mapping[str, BreakEven]) -> Markdown:
    """Several break-even results side by side: one-off cost, monthly flows, months.

    The upkeep includes the serving premium, which also has a column of its own: it is the cost
    a comparison of paths most often leaves out.
    """
    head = [WORDS["scenario"], WIDGET_WORDS["one_off_cost"], WORDS["saving_a_month"],
            WORDS["premium_a_month"], WORDS["upkeep_a_month"], WORDS["breaks_even"]]
    rows = ["| " + " | ".join(head) + " |", "|---|---:|---:|---:|---:|---|"]
    for name, r in results.items():
        when = (WORDS["never"] if r.months is None
                else WORDS["after_about"].format(months=f"{r.months:.1f}"))
        rows.append(f"| {md_escape(name)} | {money_md(r.upfront)} | {money_md(r.monthly_saving)} | "
                    f"{money_md(r.monthly_serving)} | {money_md(r.monthly_upkeep)} | {when} |")
    return _md("\n".join(rows))


def cost_table(inputs: CostInputs | None = None) -> Markdown:
    """One request priced on every path (:func:`ragft.engine.cost.compare`), as the per-request
    calculator shows it: cost per request, per month, time to first token, what decides it.

    >>> "Long context, cached" in cost_table().data
    True
    """
    x = inputs if inputs is not None else CostInputs()
    head = [COST_WORDS[k] for k in ("path", "per_request", "per_month", "ttft", "what_decides")]
    rows = ["| " + " | ".join(head) + " |", "|---|---:|---:|---:|---|"]
    rows += [f"| {md_escape(r.name)} | {money_md(r.per_request)} | {money_md(r.per_month)} | "
             f"{r.ttft} | {md_escape(r.detail)} |"
             for r in cost_rows(x, compare(x))]
    caption = COST_WORDS["caption"].format(
        tokens=f"{x.question_tokens:,.0f}", answer=f"{x.output_tokens:,.0f}",
        rate=f"{x.requests_per_hour:,g}", month=f"{x.requests_per_month:,.0f}")
    return _md("\n".join(rows) + f"\n\n*{caption}*")


def architecture(case: Case | None = None, tree: Tree | None = None, *,
                 describe: bool = True) -> Markdown:
    """A case's requirements, where each ends, and the one architecture they combine into.

    ``describe`` adds what each component is. The warnings of every exit reached hold for the
    whole (the parts are built together); they are named with the gate where each is told,
    not repeated.
    """
    tree = tree if tree is not None else default_tree()
    arch = combine_case(case if case is not None else tree.example, tree)
    return _md(_architecture_lines(arch, tree, describe))


def combined(requirements: Mapping[str, Mapping[str, str]], tree: Tree | None = None, *,
             describe: bool = True) -> Markdown:
    """Like :func:`architecture`, for requirements given as name to answers.

    Raises:
        IncompleteDecisionError: a requirement's answers stop before an exit.
    """
    tree = tree if tree is not None else default_tree()
    return _md(_architecture_lines(combine(requirements, tree), tree, describe))


def _architecture_lines(arch: Architecture, tree: Tree, describe: bool) -> str:
    lines = [f"| {RECORD_LABELS['requirement']} | {LABELS['recommendation']} |", "|---|---|"]
    for name, decision in arch.decisions:
        ex = tree.exit(decision.require_exit())
        lines.append(f"| {md_escape(name)} | {md_escape(ex.title)} (`{ex.id}`) |")
    lines += ["", f"**{WIDGET_WORDS['combined'].format(summary=md_escape(arch.summary))}**"]
    if describe:
        lines.append("")
        lines += [f"- {md_escape(tree.component(c).label)}: "
                  f"{md_escape(tree.component(c).description)}" for c in arch.components]
    warned = [e for e in arch.exits if tree.exit(e).warnings]
    if warned:
        lines += ["", WORDS["warnings_of"].format(watch=f"**{WORDS['watch_out']}**"), ""]
        for exit_id in warned:
            gate = tree.gate(decide(path_to(exit_id, tree), tree).path[-1].gate)
            told = WORDS["told_at"].format(gate=gate.label)
            lines.append(f"- *{md_escape(tree.exit(exit_id).title)}* (`{exit_id}`), {told}")
    return "\n".join(lines)

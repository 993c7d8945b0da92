"""Worked examples as static Markdown: what a widget would show, for readers without a kernel.

The calculators' arithmetic comes from :mod:`ragft.engine.calc`, the combined architecture
from :mod:`ragft.engine.architecture` and the tally from :mod:`ragft.records.read`; these functions
only lay the results out. Amounts go through :func:`ragft.engine.calc.money_md`, the one
money format, with
the dollar sign escaped so that no Markdown renderer reads it as maths.

Example:
    >>> from ragft.guide.worked import context_table
    >>> "Fits in" in context_table({"handbook": (120, "pages")}).data
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from IPython.display import Markdown

from ..engine.architecture import Architecture, combine, combine_case
from ..engine.calc import (
    CONTEXT_WINDOWS,
    TIGHT_SHARE,
    BreakEven,
    check_amount,
    context_fit,
    money_md,
    to_tokens,
)
from ..engine.decision import decide, path_to
from ..records.read import RecordTally, tally_records
from ..tree.loader import default_tree
from ..tree.model import Case, Tree
from ._text import md_escape

__all__ = [
    "architecture",
    "break_even_table",
    "combined",
    "context_table",
    "tally_table",
]


def _md(text: str) -> Markdown:
    return Markdown(text)  # type: ignore[no-untyped-call]  # IPython leaves __init__ untyped


def _verdict(tokens: float, window: int) -> str:
    # At or above 100% nothing is left for the instructions, the question or the answer, so
    # the corpus does not fit; above the guide's threshold it fits, but tightly.
    fit = context_fit(tokens, window)
    if fit.share >= 1:
        return f"no ({fit.share:.0%})" if fit.share < 10 else f"no ({fit.share:.0f} times)"
    if fit.share > TIGHT_SHARE:
        return f"tight ({fit.share:.0%})"
    return "yes (under 1%)" if fit.share < 0.005 else f"yes ({fit.share:.0%})"


def context_table(corpora: Mapping[str, tuple[float, str]],
                  windows: Mapping[str, int] | None = None, *, headroom: float = 0) -> Markdown:
    """Several corpus sizes (name to amount and unit) against context windows.

    Each cell is the share of the window that the corpus plus ``headroom`` tokens (room for
    the instructions, the question and the answer) would fill: *yes* below the guide's warning
    threshold, *tight* above it, *no* at or above the whole window. Token counts are estimates.

    Raises:
        UnknownOptionError: a unit is not ``pages``, ``words`` or ``tokens``.
        RagftError: an amount or the headroom is negative or not a finite number.
    """
    windows = dict(CONTEXT_WINDOWS if windows is None else windows)
    room = check_amount("headroom", headroom)
    head = ["Knowledge base", "Estimated tokens", *(f"Fits in {label}?" for label in windows)]
    rows = ["| " + " | ".join(head) + " |", "|---|---:|" + "---|" * len(windows)]
    for name, (amount, unit) in corpora.items():
        tokens = to_tokens(amount, unit)
        amount_text = f"{amount:,.0f} {unit}, " if unit != "tokens" else ""
        cells = [md_escape(name), f"{amount_text}≈ {tokens:,.0f}",
                 *(_verdict(tokens + room, size) for size in windows.values())]
        rows.append("| " + " | ".join(cells) + " |")
    note = (f"Each share counts the corpus plus {room:,.0f} tokens of headroom. "
            if room else "")
    return _md("\n".join(rows) + f"\n\n*{note}Yes up to {TIGHT_SHARE:.0%} of the window, "
               "tight above that, no from 100%. Token counts are estimates.*")


def break_even_summary(result: BreakEven) -> Markdown:
    """One break-even result in words: the one-off cost, the monthly flows, the months."""
    if result.months is None:
        head = (f"**Never breaks even**: the saving per month ({money_md(result.monthly_saving)}) "
                f"does not cover the upkeep ({money_md(result.monthly_upkeep)}).")
    else:
        head = (f"**Breaks even after about {result.months:.1f} months**, once "
                f"{money_md(result.monthly_net)} a month has paid back {money_md(result.upfront)}.")
    lines = [head, "", f"- One-off cost: {money_md(result.upfront)}",
             f"- Saving per month: {money_md(result.monthly_saving)}",
             f"- Upkeep per month: {money_md(result.monthly_upkeep)}, of which maintenance work "
             f"{money_md(result.monthly_maintenance)} and retraining runs "
             f"{money_md(result.monthly_retraining)}"]
    return _md("\n".join(lines))


def break_even_table(results: Mapping[str, BreakEven]) -> Markdown:
    """Several break-even results side by side: one-off cost, monthly flows, months."""
    rows = ["| Scenario | One-off cost | Saving a month | Upkeep a month | Breaks even |",
            "|---|---:|---:|---:|---|"]
    for name, r in results.items():
        when = "never" if r.months is None else f"after about {r.months:.1f} months"
        rows.append(f"| {md_escape(name)} | {money_md(r.upfront)} | {money_md(r.monthly_saving)} | "
                    f"{money_md(r.monthly_upkeep)} | {when} |")
    return _md("\n".join(rows))


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
    lines = ["| Requirement | Recommendation |", "|---|---|"]
    for name, decision in arch.decisions:
        ex = tree.exit(decision.require_exit())
        lines.append(f"| {md_escape(name)} | {md_escape(ex.title)} (`{ex.id}`) |")
    lines += ["", f"**Combined architecture: {md_escape(arch.summary)}**"]
    if describe:
        lines.append("")
        lines += [f"- {md_escape(tree.component(c).label)}: "
                  f"{md_escape(tree.component(c).description)}" for c in arch.components]
    warned = [e for e in arch.exits if tree.exit(e).warnings]
    if warned:
        lines += ["", "**Watch out for** the warnings of:", ""]
        for exit_id in warned:
            gate = tree.gate(decide(path_to(exit_id, tree), tree).path[-1].gate)
            lines.append(f"- *{md_escape(tree.exit(exit_id).title)}* (`{exit_id}`), "
                         f"told at {gate.label}")
    return "\n".join(lines)




def skipped_files(tally: RecordTally) -> list[str]:
    """Markdown lines naming the files a tally left out and why; none when it left none out.

    >>> from ragft.records.read import RecordTally
    >>> tally = RecordTally()
    >>> tally.skipped.append(("notes.md", "not a ragft decision record"))
    >>> skipped_files(tally)
    ['Left out, as they are not decision records:', '', '- `notes.md`: not a ragft decision record']
    """
    if not tally.skipped:
        return []
    return ["Left out, as they are not decision records:", "",
            *(f"- `{md_escape(name)}`: {md_escape(reason)}" for name, reason in tally.skipped)]


def tally_table(folder: str | Path, tree: Tree | None = None) -> Markdown:
    """How many decision records in ``folder`` ended at each exit (every exit listed), and
    which files were left out because they are not decision records, with the reason.

    Raises:
        RagftError: the folder is missing.
    """
    tree = tree if tree is not None else default_tree()
    counts = tally_records(folder, tree)
    rows = ["| Recommendation | Kind | Records |", "|---|---|---:|"]
    for ex in tree.exits:
        rows.append(f"| {md_escape(ex.title)} (`{ex.id}`) | "
                    f"{md_escape(tree.kind(ex.kind).label)} | {counts.get(ex.id, 0)} |")
    rows.append(f"| **All** | | **{sum(counts.values())}** |")
    skipped = skipped_files(counts)
    return _md("\n".join([*rows, "", *skipped] if skipped else rows))

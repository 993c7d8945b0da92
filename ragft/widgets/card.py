"""The recommendation card: what a finished walk recommends, as HTML.

Pure functions of a :class:`~ragft.engine.Decision`; the walker shows their output. All tree text
is escaped.

Example:
    >>> from ragft.engine import decide
    >>> html = card_html(decide({"prompting": "no"}))
    >>> "Exhaust prompt engineering first" in html
    True
    >>> card_html(decide({}))[:60]
    "<div class='ragft-card ragft-card-pending'><p>Answer Pre-che"
"""

from __future__ import annotations

from ..engine import Decision, Flip
from ..model import Tree
from ._common import bullets, esc

__all__ = ["card_html", "flip_html"]


def flip_html(tree: Tree, flip: Flip) -> str:
    """One "what would flip it" line: the other answer and where it would lead."""
    gate = tree.gate(flip.gate)
    alt = gate.answer(flip.alternative)
    head = (f"{esc(gate.label)} ({esc(gate.title)}): answering <em>{esc(alt.label)}</em> "
            f"instead")
    if flip.lands_at is not None:
        return f"{head} would lead to <strong>{esc(tree.exit(flip.lands_at).title)}</strong>."
    nxt = tree.gate(flip.leads_to)
    return f"{head} would continue to {esc(nxt.label)}: <em>{esc(nxt.question)}</em>"


def card_html(decision: Decision) -> str:
    """The card for ``decision``: the recommendation at an exit, else what to answer next."""
    tree = decision.tree
    if decision.exit is None:
        assert decision.next_gate is not None  # an unfinished walk waits at a gate
        gate = tree.gate(decision.next_gate)
        return (f"<div class='ragft-card ragft-card-pending'><p>Answer {esc(gate.label)} "
                f"({esc(gate.title)}) to continue. The recommendation appears when the walk "
                "reaches an exit.</p></div>")
    ex = tree.exit(decision.exit)
    kind = tree.kind(ex.kind)
    parts = [
        # The kind's colour comes from the tree; the stylesheet decides where it goes.
        f"<div class='ragft-card ragft-card-exit kind-{esc(kind.id)}' "
        f"style='--ragft-kind-color: {esc(kind.color)}'>",
        f"<p class='ragft-card-kicker'>Recommendation ({esc(kind.label)})</p>",
        f"<h3 class='ragft-card-title'>{esc(ex.title)}</h3>",
        f"<p class='ragft-card-summary'>{esc(ex.summary)}</p>",
        f"<p><strong>What you will build</strong></p>{bullets(ex.build)}",
    ]
    if ex.warnings:
        parts.append(f"<p><strong>Warnings</strong></p>{bullets(ex.warnings)}")
    flips = [flip_html(tree, f) for f in decision.flips]
    if flips:
        parts.append("<p><strong>What would flip it</strong></p><ul>"
                     + "".join(f"<li>{f}</li>" for f in flips) + "</ul>")
    parts.append("</div>")
    return "".join(parts)

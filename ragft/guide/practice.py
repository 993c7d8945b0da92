"""The scenario cards: a case told as facts only, and its key worked out by the tree.

``cards.yaml`` (shipped in the package) holds, for every case of the tree, its situation and one
fact per gate; what was built and where the walk ends are not on a card. :func:`cards` is the one
loader: notebook 08 shows each card with :func:`card` and the printable pack
(``site/prerender.py``) prints the same cards. A key is never stored: :func:`card` walks each
requirement's answers with :func:`ragft.engine.decision.decide` and gives, per gate of that walk,
the answer and the card's fact behind it, folded under the card until the learner opens it.

Example:
    >>> from ragft.guide import practice
    >>> first = practice.cards()[0]
    >>> first.case.id, list(first.facts)[:2]
    ('knowledge_assistant', ['prompting', 'context'])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from IPython.display import Markdown

from ..engine.decision import decide
from ..present.content import gate_name
from ..present.guide_words import CARDS, WORDS
from ..present.markdown import md_escape
from ..tree.model import Case, Tree
from ._data import Reader, load_yaml
from ._text import md, resolve

__all__ = ["card", "cards"]

DEFAULT_FILE = "cards.yaml"


@dataclass(frozen=True)
class Card:
    """One case as a group or a learner gets it: the situation, and a fact per gate (gate id to
    text, in the tree's gate order), with no outcome."""

    case: Case
    situation: str
    facts: Mapping[str, str]


def cards(tree: Tree | None = None, path: str | Path | None = None) -> list[Card]:
    """Every case's card in the guide's order, the running example first.

    Raises:
        LessonDataError: the file lacks a case's card, has a card for no case, or a card lacks
            a gate's fact or has one for a gate the tree does not have.
    """
    tree = resolve(tree)
    data, origin = load_yaml(path, DEFAULT_FILE)
    top = Reader(origin, WORDS["top_level"], data, {"cards"})
    found = top.data.get("cards")
    cases = [tree.example, *tree.cases] if tree.example is not None else list(tree.cases)
    ids = [c.id for c in cases]
    if not isinstance(found, Mapping) or sorted(map(str, found)) != sorted(ids):
        have = sorted(map(str, found)) if isinstance(found, Mapping) else found
        problem = f"cards must map every case id {ids} to its card, got {have!r}"
        raise top.error(problem)
    result = []
    for case in cases:
        entry = Reader(origin, f"cards.{case.id}", found[case.id], {"situation", "facts"})
        facts = Reader(origin, f"cards.{case.id}.facts", entry.data.get("facts"),
                       set(tree.gate_ids))
        result.append(Card(case, entry.text("situation"),
                           {g: facts.text(g) for g in tree.gate_ids}))
    return result


def _key(item: Card, tree: Tree) -> list[str]:
    """Each requirement's walk as the tree takes it: a row per gate (the answer, and the fact
    that gives it), then the exit."""
    w = CARDS
    lines: list[str] = []
    for req in item.case.requirements:
        decision = decide(dict(req.answers), tree)
        lines += [f"**{md_escape(req.name)}**", "",
                  f"| {w['question']} | {w['answer']} | {w['because']} |", "|---|---|---|"]
        for step in decision.path:
            gate = tree.gate(step.gate)
            # An invented case says so once, in its situation; a real one marks each answer
            # the source leaves unstated.
            mark = (f" *({w['assumed']})*"
                    if step.gate in req.assumed and not item.case.illustrative else "")
            lines.append(f"| {md_escape(gate_name(gate))} | "
                         f"{md_escape(gate.answer(step.answer).label)} "
                         f"(`{step.gate}={step.answer}`) | "
                         f"{md_escape(item.facts[step.gate])}{mark} |")
        ex = tree.exit(decision.require_exit(req.id))
        lines += ["", f"{w['ends_at']}: **{md_escape(ex.title)}** (`{ex.id}`).", ""]
    return lines


def card(item: Card, number: int, total: int, tree: Tree | None = None) -> Markdown:
    """A card on screen: its number, the case's name and situation, the requirements to walk
    and a fact per gate; below, folded, the key the tree works out for each requirement."""
    tree = resolve(tree)
    w = CARDS
    names = "; ".join(f"*{md_escape(r.name)}*" for r in item.case.requirements)
    # A heading per card: the notebook's table of contents lists the cards.
    lines = [f"### {md_escape(w['card_of'].format(n=number, total=total))}: "
             f"{md_escape(item.case.name)}", "", md_escape(item.situation), "",
             f"{md_escape(w['decide_for'])} {names}.", "", f"{md_escape(w['knows'])}:", "",
             *(f"- {md_escape(item.facts[g])}" for g in tree.gate_ids), "",
             f"<details><summary>{md_escape(w['key_fold'].format(n=number))}</summary>", "",
             *_key(item, tree), "</details>"]
    return md("\n".join(lines))

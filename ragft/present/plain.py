"""Plain text from the presentation layer's content: pipes, logs, doctests.

Example:
    >>> from ragft.engine import decide
    >>> from ragft.present import card
    >>> print(plain_card(card(decide({"prompting": "no"}))).splitlines()[0])
    Recommendation (Prompting): Exhaust prompt engineering first
"""

from __future__ import annotations

from .content import Card, Section
from .text import plain

__all__ = ["plain_card", "plain_section"]


def plain_section(section: Section) -> list[str]:
    """A section as a heading line and indented items."""
    marks = [f"{n}." if section.ordered else "-" for n in range(1, len(section.items) + 1)]
    return [f"{section.heading}:", *(f"  {m} {plain(i)}" for m, i in zip(marks, section.items,
                                                                          strict=True))]


def plain_card(card: Card, sections: tuple[str, ...] | None = None) -> str:
    """A card as lines of text, unwrapped (the terminal renderer wraps to its width)."""
    lines = [f"{card.kicker}: {card.title}"]
    if card.line:
        lines.append(card.line)
    lines += ["", card.summary]
    for notice in card.notices:
        lines += ["", plain(notice)]
    for section in card.sections:
        if sections is None or section.id in sections:
            lines += ["", *plain_section(section)]
    return "\n".join(lines)

"""The recommendation card of the notebook walker: :mod:`ragft.present`'s card, as HTML.

The words come from the presentation layer, as in the terminal, the records and the site
walker; this module only picks the sections the widget shows (the trail above it already
lists the answers).

Example:
    >>> from ragft.engine.decision import decide
    >>> html = card_html(decide({"prompting": "no"}))
    >>> "Exhaust prompt engineering first" in html
    True
    >>> "Not finished yet" in card_html(decide({}))
    True
"""

from __future__ import annotations

from ..engine.decision import Decision
from ..present.content import card
from ..present.html import html_card

__all__: list[str] = []

SECTIONS = ("components", "build", "warnings", "flips", "allowed")


def card_html(decision: Decision) -> str:
    """The card for ``decision``: the recommendation at an exit, else what to answer next."""
    return html_card(card(decision), sections=SECTIONS)

"""Every fixed heading and phrase the renderings use, worded once.

The terminal, the Markdown records, the notebook widgets and the site walker (through the
export's ``labels``) all take their headings from here; a heading changed here changes
everywhere.
"""

from __future__ import annotations

from typing import Final

__all__: list[str] = []

# Section headings of a card, keyed by the section's id.
HEADINGS: Final = {
    "components": "What it is made of",
    "build": "What to build",
    "warnings": "Warnings",
    "flips": "What would flip it",
    "path": "Your answers",
    "allowed": "Allowed answers",
    "revisit": "When to revisit",
    "sources": "Sources",
}

# Short phrases of the question forms and cards.
LABELS: Final = {
    "recommendation": "Recommendation",
    "unfinished": "Not finished yet",
    "why": "Why this question here",
    "watch": "Watch out",
    "example": "Running example",
    "assumed": "an assumption: the source leaves this answer unstated",
    "signals": "Signals that point here",
    "meaning": "What it means",
    "ends_at": "Ends at",
    "next": "Next",
    "with_layer": "with {layer} as the knowledge layer",
    "the_recommendation": "the recommendation",
    "it_ends_at": "It ends at",
    "continue": "Continue",
    "back": "Back",
    "restart": "Restart",
    "change": "Change",
    "choose_first": "Choose one of the answers first.",
    "path_none": "no answers yet",
    "tree_in_words": "The tree in words",
    "paths_to_watch": "Paths to watch",
    "download": "Download as Markdown",
    "print": "Print the decision record",
    "print_tree": "Print the tree diagram too",
    # the site walker's own parts: the diagram's names and caption, a hidden word of a link
    "diagram": "Tree diagram",
    "diagram_wide": "Tree diagram, wider than the screen: scroll sideways",
    "diagram_caption": "The whole tree. Your answers so far are drawn in bold; the question "
                       "waiting for an answer is shaded.",
    "diagram_name": "{summary} Below it: your path, and the tree in words.",
    "change_what": "the answer to {gate}",
    "load_failed": "The walker could not load its data: {error}",
    "http_failed": "{url}: HTTP {status}",
    "bad_link": "This link's answers could not be used ({error}). The walk starts again from "
                "the first question.",
    "stale": "The walker's data has no state for '{key}'; export it again with `ragft export`.",
    "off_path_one": "Not on the path, so not used: {answers}. The walk follows the answers from "
                    "the first question and does not reach that gate.",
    "off_path_many": "Not on the path, so not used: {answers}. The walk follows the answers "
                     "from the first question and does not reach those gates.",
    "revisit_intro": "This decision is a snapshot. Walk the tree again when:",
}

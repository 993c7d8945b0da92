"""The fixed words of a decision record (MADR 4.0 headings and ragft's own phrases), once.

The card's own headings (what to build, warnings, when to revisit, sources) come from
:mod:`ragft.present.words`; only what a record says and a card does not is worded here. The
site walker's form for the team's fields takes its labels from :data:`FORM` (through the
export).
"""

from __future__ import annotations

from typing import Final

__all__ = ["FORM", "HEADINGS", "LABELS", "STATUSES"]

# MADR 4.0's statuses (its template also allows "superseded by ADR-NNNN"; ragft writes the word
# and leaves the link to the team). The first is the default.
STATUSES: Final = ("proposed", "accepted", "rejected", "deprecated", "superseded")

# MADR 4.0's section headings, keyed by ragft's id for the section.
HEADINGS: Final = {
    "context": "Context and Problem Statement",
    "drivers": "Decision Drivers",
    "options": "Considered Options",
    "outcome": "Decision Outcome",
    "consequences": "Consequences",
    "confirmation": "Confirmation",
    "pros_cons": "Pros and Cons of the Options",
    "more": "More Information",
}

LABELS: Final = {
    "use_case": "Use case",
    "requirement": "Requirement",
    "requirements": "Requirements",
    "reason": "Our reason",
    "problem": "Should it be built with {options}, or a combination of them? The decision "
               'drivers below are the answers to the questions of the decision tree "{tree}" '
               "(ragft).",
    "case_problem": "The use case holds {count} requirements. The tree decides each on its own, "
                    "and the architecture combines what they need.",
    "chosen": "the chosen option",
    "chosen_for": "the chosen option for this requirement",
    "combined": "the combined architecture",
    "outcome": 'Chosen option: "{title}", because the decision drivers above lead to it. '
               "{summary}",
    "case_outcome": 'Chosen option: "{title}", because it combines what the answers of each '
                    "requirement lead to:",
    "confirm": "Measure the decision with the evaluations it builds, before launch and after "
               "every change:",
    "revisit_command": "The decision holds while its decision drivers do. `ragft revisit` with "
                       "this file decides its answers again against the current tree and says "
                       "whether the decision still stands.",
    "pros_cons": "From the tree's comparison of what each path means you will build (kinds "
                 "the comparison does not cover are left out):",
    "kind_options": "Options of this kind here",
}

# The site walker's optional fields for the team's own words.
FORM: Final = {
    "legend": "Your team's words for the record (optional)",
    "hint": "They go into the Markdown download only; nothing leaves this page.",
    "use_case": "Use case",
    "requirement": "Requirement",
    "status": "Status",
    "decision_makers": "Decision-makers (separate names with commas)",
    "reasons": "Your reason for each answer",
    "why": "{gate}: “{answer}”",
}

"""The fixed words of a decision record (MADR 4.0 headings and ragft's own phrases), once.

The card's own headings (what to build, warnings, when to revisit, sources) come from
:mod:`ragft.present.words`; only what a record says and a card does not is worded here. The
site walker's form for the team's fields takes its labels from :data:`FORM` (through the
export).
"""

from __future__ import annotations

from typing import Final

__all__: list[str] = []

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
    "confirm": "Check, before launch and after every change, that what was built does what "
               "the decision expects:",
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

# What `ragft revisit` says of each record: one line per file (values are filled with repr, as
# ids are quoted on the command line).
REVISIT: Final = {
    "stands": "{origin}: stands: {said}{note}",
    "one": "{exit} ({title})",
    "all": "all {count} requirements",
    "tree_changed": " (the tree has changed since; this decision has not)",
    "changed": "{origin}: changed: {parts}{tail}",
    "requirement": "requirement {name!r}: ",
    "moved": "{who}{old} -> {new}{title}: {cause}",
    "title": " ({title})",
    "no_exit": "no exit",
    "rest": "; {rest} of {count} requirements stand",
    "no_gate": "the tree no longer has gate {gate!r}",
    "no_answer": "the tree's gate {gate!r} no longer has answer {answer!r} (it has {answers!r})",
    "leads_to_gate": "answer '{gate}={answer}' now leads to gate {next!r}",
    "starts_at": "the tree now starts at gate {gate!r}",
    "not_gate": "{after}, not {gate!r}",
    "pair": "'{gate}={answer}'",
    "start": "the start",
    "asks": "after {last} the tree now asks gate {gate!r}, which the record has no answer for",
    "unused": "answer {last} now leads to {end!r}; the answers to {unused!r} are not used",
    "made_by": "answer '{gate}={answer}' now makes ",
    "made_now": "now ",
    "nothing": "nothing",
    "layer": "{by}{layer!r} the knowledge layer, not {old!r}, so the walk ends at {end!r}",
    "leads": "answer {last} now leads to {end!r}",
    "components": "its components are now {new!r}, not {old!r}",
}

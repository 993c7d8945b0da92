"""Write the sample decision records the facilitator guide tallies (``notebooks/records-sample/``).

Eleven invented workshop groups, each a walk with the team's own words, written exactly as
``ragft record`` writes them. Run ``python tools/sample_records.py`` after a change to the tree
or the record format; ``tests/test_record.py`` fails while a sample is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ragft.engine.decision import decide
from ragft.records.madr import record_markdown
from ragft.records.template import RecordFields
from ragft.tree.loader import default_tree
from ragft.tree.model import Tree

FOLDER = Path(__file__).resolve().parent.parent / "notebooks" / "records-sample"
DATE = "2026-03-12"
RAG = {"prompting": "yes", "context": "no"}
DEEP = {**RAG, "knowledge": "static", "depth": "deep"}

# file name -> (answers, use case, reasons by gate, status, decision-makers)
SAMPLES: dict[str, tuple[dict[str, str], str, dict[str, str], str, tuple[str, ...]]] = {
    "team-01-release-notes.md": (
        {**RAG, "knowledge": "changing"}, "Answer questions about this week's release notes",
        {"knowledge": "Release notes change every two weeks"}, "proposed", ("Group 1",)),
    "team-02-pricing.md": (
        {**RAG, "knowledge": "changing"}, "Quote current seasonal prices to sales staff",
        {"knowledge": "Prices change with each season and each promotion"}, "proposed",
        ("Group 2",)),
    "team-03-api-help.md": (
        {**RAG, "knowledge": "changing"}, "Help developers with our public API reference",
        {"context": "The reference is thousands of pages across versions"}, "accepted",
        ("Group 3",)),
    "team-04-policy-lookup.md": (
        {**RAG, "knowledge": "static", "depth": "reference"}, "Look up HR policy clauses",
        {"depth": "Every answer is a clause someone can point to"}, "proposed", ("Group 4",)),
    "team-05-contracts.md": (
        {**RAG, "knowledge": "static", "depth": "reference"},
        "Find clauses in signed supplier contracts",
        {"knowledge": "A signed contract does not change"}, "proposed", ("Group 5",)),
    "team-06-support-voice.md": (
        {**DEEP, "data": "yes", "format": "no", "budget": "no"},
        "Reply to customers in the support team's voice",
        {"format": "A tone, not a strict format", "budget": "No one can own retraining yet"},
        "proposed", ("Group 6",)),
    "team-07-query-writer.md": (
        {**DEEP, "data": "yes", "format": "yes"},
        "Turn questions into queries in our in-house query language",
        {"format": "Invalid queries fail outright"}, "proposed", ("Group 7",)),
    "team-08-crop-advice.md": (
        {**DEEP, "data": "yes", "format": "no", "budget": "yes"},
        "Advise farmers with regional knowledge",
        {"budget": "Agronomists already review answers every week"}, "proposed", ("Group 8",)),
    "team-09-ticket-summaries.md": (
        {"prompting": "no"}, "Summarise support tickets for the on-call engineer",
        {"prompting": "The prompt is one line and was never measured"}, "accepted",
        ("Group 9",)),
    "team-10-onboarding.md": (
        {"prompting": "yes", "context": "yes", "knowledge": "static", "depth": "reference"},
        "Answer new starters from the onboarding handbook",
        {"context": "The handbook is about 90 pages"}, "proposed", ("Group 10",)),
    "team-11-claims-coding.md": (
        {**DEEP, "data": "no"}, "Code insurance claims against a stable taxonomy",
        {"data": "Only a few dozen reviewed claims exist"}, "proposed", ("Group 11",)),
}


def sample_texts(tree: Tree | None = None) -> dict[str, str]:
    """Each sample's file name and the record ``ragft record`` writes for it."""
    tree = tree or default_tree()
    out = {}
    for name, (answers, use_case, why, status, by) in SAMPLES.items():
        fields = RecordFields(use_case=use_case, status=status, decision_makers=by, why=why,
                              date=DATE)
        out[name] = record_markdown(decide(answers, tree), fields)
    return out


def main() -> int:
    """Rewrite every sample record; print the files written."""
    for name, text in sample_texts().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
        print(FOLDER / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Decision records: the names the rest of ragft imports (see :mod:`ragft.records`).

Example:
    >>> from ragft.engine import decide
    >>> md = decision_record(decide({"prompting": "no"}), date="2026-01-31")
    >>> md.splitlines()[:3]
    ['---', 'status: proposed', 'date: 2026-01-31']
"""

from __future__ import annotations

from .engine import Decision
from .records import (
    STATUSES,
    CaseRequirement,
    RecordFields,
    RecordInfo,
    RecordTally,
    case_record,
    read_record,
    record_markdown,
    tally_records,
)

__all__ = [
    "STATUSES",
    "CaseRequirement",
    "RecordFields",
    "RecordInfo",
    "RecordTally",
    "case_record",
    "decision_record",
    "read_record",
    "record_markdown",
    "tally_records",
]


def decision_record(decision: Decision, *, date: str | None = None,
                    title: str | None = None) -> str:
    """The record of a finished walk: :func:`record_markdown` with only a date and a use case
    (``title``), as the notebook widgets call it."""
    return record_markdown(decision, RecordFields(use_case=title or "", date=date or ""))

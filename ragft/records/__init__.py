"""Decision records that teams keep: MADR 4.0 files with the team's own reasons.

A record is the tree's words for a finished walk (:mod:`ragft.present`) under MADR's
headings, with YAML front matter a program can read back (``ragft revisit``, the workshop
tally), and the team's fields filled into slots (:mod:`ragft.records.template`). The same
template is filled by ``ragft record``, by the notebooks, and by the site walker (through the
export), so every download of the same walk and fields is the same file but for the date.

- :func:`record_markdown` (one walk) and :func:`case_record` (a use case's requirements);
- :class:`RecordFields`: the team's use case, requirement, status, decision-makers, reasons;
- :func:`read_record`, :func:`tally_records`: the front matter, read back;
- :func:`write_adr`: the next ``NNNN-slug.md`` in a folder of ADRs.

Example:
    >>> from ragft.engine import decide
    >>> d = decide({"prompting": "yes", "context": "no", "knowledge": "changing"})
    >>> text = record_markdown(d, RecordFields(status="accepted", date="2026-01-31",
    ...                        why={"knowledge": "Policies change every quarter"}))
    >>> "   - Our reason: Policies change every quarter" in text
    True
    >>> read_record(text).decisions[0].exit
    'rag_dynamic'
"""

from __future__ import annotations

from ..engine import Decision
from .adr import adr_path, slug, write_adr
from .case import CaseFile, CaseRequirement, case_record, case_template, check_why, read_case
from .madr import decision_template, tree_digest
from .read import (
    RecordedDecision,
    RecordInfo,
    RecordTally,
    check_tree,
    read_record,
    read_record_file,
    record_body,
    record_files,
    tally_records,
)
from .template import RecordFields, Slot, Template, clean, fill, template_data
from .words import STATUSES

__all__ = [
    "STATUSES",
    "CaseFile",
    "CaseRequirement",
    "RecordFields",
    "RecordInfo",
    "RecordTally",
    "RecordedDecision",
    "Slot",
    "Template",
    "adr_path",
    "case_record",
    "case_template",
    "check_tree",
    "check_why",
    "clean",
    "decision_template",
    "fill",
    "read_case",
    "read_record",
    "read_record_file",
    "record_body",
    "record_files",
    "record_markdown",
    "record_title",
    "slug",
    "tally_records",
    "template_data",
    "tree_digest",
    "write_adr",
]


def record_markdown(decision: Decision, fields: RecordFields | None = None) -> str:
    """The MADR record of a finished walk with the team's fields (dated today if undated).

    Raises:
        IncompleteDecisionError: the walk has not reached an exit.
        UnknownGateError, RagftError: a reason for a gate the tree lacks or the walk does not
            reach.
    """
    fields = fields or RecordFields()
    check_why(decision, fields.why)
    return fill(decision_template(decision), fields.dated())


def record_title(decision: Decision, fields: RecordFields | None = None) -> str:
    """What a numbered ADR file is named after: the requirement, the use case, or the exit."""
    fields = fields or RecordFields()
    return (clean(fields.requirement) or clean(fields.use_case)
            or decision.tree.exit(decision.require_exit("a decision record")).title)

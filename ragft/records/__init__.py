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
    >>> from ragft.engine.decision import decide
    >>> from ragft.records.madr import record_markdown
    >>> from ragft.records.read import read_record
    >>> from ragft.records.template import RecordFields
    >>> d = decide({"prompting": "yes", "context": "no", "knowledge": "changing"})
    >>> text = record_markdown(d, RecordFields(status="accepted", date="2026-01-31",
    ...                        why={"knowledge": "Policies change every quarter"}))
    >>> "   - Our reason: Policies change every quarter" in text
    True
    >>> read_record(text).decisions[0].exit
    'rag_dynamic'
"""

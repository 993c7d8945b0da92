"""A record as a template: lines of Markdown, some with a slot for one of the team's fields.

Every record is made in two steps: the tree's part is worded once into a :data:`Template`
(front matter, MADR sections), then :func:`fill` puts in the team's :class:`RecordFields`.
``ragft record`` and the notebooks fill the template here; the site walker gets each finished
walk's template in the export and fills it with the same rules in ``ragft/web/src/core.js``
(``fillRecord``), so the two downloads cannot drift apart. The rules, kept small on purpose:

- a line is either text or a :class:`Slot` (text before, a field, how to escape it, text
  after); a slot line whose field is empty is left out;
- a blank line is left out when the line before it is blank (or there is none), and the
  record ends with one newline;
- a field's text is first :func:`clean`: control characters, line breaks and runs of
  whitespace become one space, so a field is always one line;
- escapes: ``yaml`` quotes text as a JSON string (valid YAML; ``json.dumps`` with
  ``ensure_ascii=False`` and ``JSON.stringify`` agree on cleaned text) and a list as
  ``["a", "b"]``; ``md`` escapes text as :func:`ragft.present.markdown.md_escape` does;
  ``id`` writes a checked value (a status) as it is; ``date`` writes ``YYYY-MM-DD`` as it is
  (YAML reads it as a date) and any other text (a preview's "the day you write it") quoted.

Example:
    >>> tpl = ("---", Slot("status: ", "status", "id"), Slot("decision-makers: ",
    ...        "decision_makers", "yaml"), "---", "", Slot("- Use case: ", "use_case", "md"))
    >>> print(fill(tpl, RecordFields(decision_makers=("Ana", 'Bo "B"'))), end="")
    ---
    status: proposed
    decision-makers: ["Ana", "Bo \\"B\\""]
    ---
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from ..errors import RecordFieldError, UnknownIdError, UnknownOptionError
from ..present.markdown import md_escape
from ..present.record_words import STATUSES

__all__ = ["RecordFields"]

Escape = Literal["yaml", "md", "id", "date"]
# The fields a slot may name; ``why.<gate>`` names the team's reason for one answer.
FIELDS = ("use_case", "requirement", "status", "date", "decision_makers")


@dataclass(frozen=True)
class Slot:
    """A line with a place for one field: ``before + escaped value + after``."""

    before: str
    field: str
    escape: Escape
    after: str = ""


Line = Union[str, Slot]  # noqa: UP007 - a runtime alias, and Python 3.10 is supported
Template = tuple[Line, ...]

# Characters that never reach a record from a field: C0 and C1 controls, space, the Unicode
# line and paragraph separators, the non-characters U+FFFE/U+FFFF and lone surrogates (text
# read from a command line with undecodable bytes). YAML forbids the raw controls, Markdown
# would break the line, and with them gone JSON quoting is the same in Python and JavaScript.
_BLANKS = re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def clean(text: str) -> str:
    """One line of text: every run of blanks and control characters becomes one space.

    >>> clean("  policies\\nchange\\tevery quarter ")
    'policies change every quarter'
    """
    return _BLANKS.sub(" ", text).strip(" ")


def check_date(date: str) -> str:
    """Return ``date`` if it is a real day written ``YYYY-MM-DD``; else raise
    :class:`~ragft.errors.RecordFieldError`."""
    try:
        if _DATE.match(date):
            dt.date.fromisoformat(date)
            return date
    except ValueError:
        pass
    msg = f"bad date {date!r} (write it as YYYY-MM-DD, e.g. 2026-01-31)"
    raise RecordFieldError(msg, field="date")


def _names(values: Iterable[str]) -> tuple[str, ...]:
    """Names from ``--by`` options or a comma-separated field, cleaned, empty ones dropped."""
    return tuple(n for v in values for n in (clean(p) for p in v.split(",")) if n)


@dataclass(frozen=True)
class RecordFields:
    """What the team adds to a record; every field is optional.

    Args:
        use_case: what the system is for ("Answer staff questions about our policies").
        requirement: the one requirement this walk decided, when the use case has several.
        status: one of MADR's statuses (:data:`ragft.present.record_words.STATUSES`).
        decision_makers: who decided; a name with commas in it is split at the commas, as
            the site walker's comma-separated field is.
        why: the team's reason for an answer, keyed by gate id.
        date: the record's date, ``YYYY-MM-DD``; today when empty. Other text is kept (a
            preview may say "the day you write it"); :func:`check_date` checks user input.

    Raises:
        UnknownOptionError: an unknown status.
    """

    use_case: str = ""
    requirement: str = ""
    status: str = STATUSES[0]
    decision_makers: Sequence[str] = ()
    why: Mapping[str, str] = field(default_factory=dict)
    date: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise UnknownOptionError(self.status, "status", STATUSES)
        object.__setattr__(self, "decision_makers", _names(self.decision_makers))
        object.__setattr__(self, "why", {g: r for g, r in self.why.items() if clean(r)})

    def dated(self) -> RecordFields:
        """These fields with today's date where none was given."""
        if self.date:
            return self
        return RecordFields(self.use_case, self.requirement, self.status,
                            self.decision_makers, self.why, dt.date.today().isoformat())

    def value(self, name: str) -> str | Sequence[str]:
        """The field a slot names (``why.<gate>`` for a reason)."""
        if name.startswith("why."):
            return self.why.get(name[4:], "")
        if name not in FIELDS:  # pragma: no cover - templates are made by ragft.records
            raise UnknownIdError(name, "record field", FIELDS)
        value: str | Sequence[str] = getattr(self, name)
        return value


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _render(value: str | Sequence[str], escape: Escape) -> str:
    if not isinstance(value, str):
        items = [clean(v) for v in value]
        quoted = [_quote(v) for v in items if v]
        return f"[{', '.join(quoted)}]" if quoted else ""
    text = clean(value)
    if not text:
        return ""
    if escape == "yaml" or (escape == "date" and not _DATE.match(text)):
        return _quote(text)
    if escape == "md":
        return md_escape(text)
    return text


def fill(template: Template, fields: RecordFields) -> str:
    """The record's text: ``template`` with ``fields`` put in (see the module's rules)."""
    out: list[str] = []
    for line in template:
        if isinstance(line, Slot):
            text = _render(fields.value(line.field), line.escape)
            if not text:
                continue
            line = line.before + text + line.after
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def template_data(template: Template) -> list[Any]:
    """The template as JSON-ready data: text lines as strings, slots as
    ``[before, field, escape, after]`` (what the site walker's ``fillRecord`` reads)."""
    return [line if isinstance(line, str) else [line.before, line.field, line.escape, line.after]
            for line in template]


class LineTable:
    """The lines of many templates, each kept once: the export's ``records.lines``.

    Records of different walks share most lines (the revisit list, sources, gate drivers),
    so the site walker's data holds every line once and each walk's record as indexes.

    >>> table = LineTable()
    >>> table.add(("---", "a", "---")), table.add(("b", "---")), table.data
    ([0, 1, 0], [2, 0], ['---', 'a', 'b'])
    """

    def __init__(self) -> None:
        self.data: list[Any] = []
        self._index: dict[Line, int] = {}

    def add(self, template: Template) -> list[int]:
        """The indexes of ``template``'s lines, adding the new ones to :attr:`data`."""
        out = []
        for line in template:
            if line not in self._index:
                self._index[line] = len(self.data)
                self.data.extend(template_data((line,)))
            out.append(self._index[line])
        return out

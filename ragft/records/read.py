"""Reading records back: the front matter only, never the prose.

:func:`read_record` checks a record's front matter and returns what it recorded;
:func:`tally_records` counts a folder of records by exit for the workshop charts. A record in
ragft's earlier format (no front matter, a ``- **Recommendation:**`` line) is named as such,
with how to write it again.

Example:
    >>> from ragft.engine.decision import decide
    >>> from ragft.records.madr import record_markdown
    >>> from ragft.records.template import RecordFields
    >>> text = record_markdown(decide({"prompting": "no"}), RecordFields(date="2026-01-31"))
    >>> info = read_record(text, origin="team-a.md")
    >>> info.status, info.date, [(d.exit, d.answers) for d in info.decisions]
    ('proposed', '2026-01-31', [('prompt_first', {'prompting': 'no'})])
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from .._yaml import parse_yaml
from ..errors import RagftError, RecordFileError
from ..tree.model import Tree

__all__ = ["tally_records"]

# The line every record of ragft's earlier format had, and that no MADR record has.
_OLD_FORMAT = re.compile(r"^- \*\*Recommendation:\*\* ", re.MULTILINE)
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class RecordedDecision:
    """One decision as a record's front matter has it; ``name`` is the requirement's, or
    ``""`` in a record of one walk."""

    name: str
    answers: dict[str, str]
    exit: str
    components: tuple[str, ...]
    layer: str = ""


@dataclass(frozen=True)
class RecordInfo:
    """A record's front matter: MADR's fields and the ``ragft`` block."""

    origin: str
    status: str
    date: str
    decision_makers: tuple[str, ...]
    tree: str
    tree_sha256: str
    decisions: tuple[RecordedDecision, ...]

    @property
    def exits(self) -> tuple[str, ...]:
        """The exit of each decision, in order."""
        return tuple(d.exit for d in self.decisions)


class _Front:
    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, problem: str) -> NoReturn:
        raise RecordFileError(self.origin, problem)

    def bad(self, where: str, problem: str) -> NoReturn:
        self.fail(f"malformed front matter: {where} {problem}")

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if isinstance(value, bool):
            self.bad(f"{where}{key}", "must be text, got true/false (quote it: 'yes')")
        if not isinstance(value, str) or not value:
            self.bad(f"{where}{key}", "must be text")
        return value

    def mapping(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.bad(where, "must be a mapping")
        return {str(k): v for k, v in value.items()}

    def decision(self, data: object, where: str, name: str = "") -> RecordedDecision:
        block = self.mapping(data, where.rstrip("."))
        answers = self.mapping(block.get("answers"), f"{where}answers")
        checked = {g: self.text(answers, g, f"{where}answers.") for g in answers}
        components = block.get("components") or []
        if not isinstance(components, list) or not all(isinstance(c, str) for c in components):
            self.bad(f"{where}components", "must be a list of component ids")
        return RecordedDecision(name, checked, self.text(block, "exit", where),
                                tuple(components), str(block.get("layer") or ""))


def _split(text: str, f: _Front) -> str:
    """The front matter's YAML text, or a clear error when there is none."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        if _OLD_FORMAT.search(text):
            f.fail("a decision record in ragft's earlier format, without front matter; write "
                   "it again with `ragft record` and the same answers")
        f.fail("not a ragft decision record (no front matter)")
    end = _FENCE.search(text, 4)
    if end is None:
        f.fail("malformed front matter: no closing '---' line")
    return text[4:end.start()]


def read_record(text: str, *, origin: str = "<record>") -> RecordInfo:
    """Return what a record's front matter holds.

    Raises:
        RecordFileError: naming ``origin``: not a record, a record of ragft's earlier format,
            or malformed front matter.
    """
    f = _Front(origin)
    data = parse_yaml(_split(text, f), lambda where, problem: f.fail(
        f"malformed front matter: {where}: {problem}" if where else
        f"malformed front matter: {problem}"), first_line=2)  # after the '---' line
    if not isinstance(data, dict) or "ragft" not in data:
        f.fail("not a ragft decision record (its front matter has no 'ragft' block)")
    block = f.mapping(data["ragft"], "ragft")
    if "requirements" in block:
        reqs = block["requirements"]
        if not isinstance(reqs, list) or not reqs:
            f.bad("ragft.requirements", "must be a list of decisions")
        decisions = tuple(
            f.decision(r, f"ragft.requirements[{n}].",
                       f.text(f.mapping(r, f"ragft.requirements[{n}]"), "name",
                              f"ragft.requirements[{n}]."))
            for n, r in enumerate(reqs))
    else:
        decisions = (f.decision(block, "ragft."),)
    date = data.get("date")
    makers = data.get("decision-makers") or []
    return RecordInfo(
        origin=origin,
        status=str(data.get("status") or ""),
        date=date.isoformat() if isinstance(date, dt.date) else str(date or ""),
        decision_makers=tuple(map(str, makers if isinstance(makers, list) else [makers])),
        tree=f.text(block, "tree", "ragft."),
        tree_sha256=str(block.get("tree-sha256") or ""),
        decisions=decisions,
    )


def check_tree(info: RecordInfo, tree: Tree) -> None:
    """Raise :class:`~ragft.errors.RecordFileError` unless the record was made with a tree of
    this name."""
    if info.tree != tree.title:
        problem = (f"a record of the tree {info.tree!r}, not of {tree.title!r} "
                   "(pass its tree file with --tree)")
        raise RecordFileError(info.origin, problem)


def read_record_file(path: str | Path, *, origin: str | None = None) -> RecordInfo:
    """:func:`read_record` of a file; a file that is not UTF-8 text is not a record.

    Raises:
        RecordFileError: the file is missing, not UTF-8 text, or not a decision record.
    """
    path = Path(path)
    name = origin if origin is not None else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RecordFileError(name, "not a ragft decision record (not UTF-8 text)") from None
    except FileNotFoundError:
        raise RecordFileError(name, "no such file") from None
    except IsADirectoryError:  # pragma: no cover - callers expand folders first
        raise RecordFileError(name, "a folder, not a record") from None
    return read_record(text, origin=name)


def record_files(folder: str | Path) -> list[Path]:
    """The ``*.md`` files of a folder of records, sorted by name.

    Raises:
        RecordFileError: the folder does not exist.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise RecordFileError(str(folder), "no such folder of decision records")
    return sorted(p for p in folder.glob("*.md") if p.is_file())


class RecordTally(Counter[str]):
    """How many recorded decisions ended at each exit, and the files that were not records.

    ``skipped`` holds ``(file name, reason)`` pairs, so a stray note in a workshop's folder is
    reported instead of stopping the count. A use case record counts each of its requirements.
    """

    def __init__(self) -> None:
        super().__init__()
        self.skipped: list[tuple[str, str]] = []


def tally_records(folder: str | Path, tree: Tree) -> RecordTally:
    """Count the exits of the ``*.md`` decision records in ``folder`` (workshop charts).

    Files that are not decision records of ``tree`` (or name an exit it lacks) are listed in
    ``.skipped`` with the reason.

    Raises:
        RecordFileError: the folder does not exist.
    """
    tally = RecordTally()
    for path in record_files(folder):
        try:
            info = read_record_file(path, origin=path.name)
            check_tree(info, tree)
            for exit_id in info.exits:
                tree.exit(exit_id)
        except RagftError as err:
            tally.skipped.append((path.name, str(err).removeprefix(f"{path.name}: ")))
            continue
        tally.update(info.exits)
    return tally

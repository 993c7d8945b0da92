"""Decision records: a finished walk written down as Markdown.

The same text is produced by ``ragft record``, by the notebook walker's button, and (through the
export's precomputed records) by the site walker's download button, so a record reads the same
wherever it was made.

Example:
    >>> from ragft.engine import decide
    >>> from ragft.record import decision_record
    >>> md = decision_record(decide({"prompting": "no"}), date="2026-01-31")
    >>> print(md.splitlines()[0])
    # Decision record: Exhaust prompt engineering first
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from pathlib import Path

from .engine import Decision
from .errors import RagftError, UnknownIdError
from .model import Tree

__all__ = [
    "DATE_PLACEHOLDER",
    "RecordTally",
    "decision_record",
    "path_sources",
    "read_record",
    "tally_records",
]

# The export stores records with this in place of the date; the site walker fills in the day.
DATE_PLACEHOLDER = "{{date}}"


def path_sources(decision: Decision) -> tuple[str, ...]:
    """Source ids cited by the gates on the path and by the exit, in the tree's order."""
    tree = decision.tree
    cited: set[str] = set()
    for step in decision.path:
        cited.update(tree.gate(step.gate).sources)
    if decision.exit is not None:
        cited.update(tree.exit(decision.exit).sources)
    return tuple(s.id for s in tree.sources if s.id in cited)


def _flip_line(tree: Tree, gate_id: str, alt_id: str, leads_to: str, lands: str | None) -> str:
    gate = tree.gate(gate_id)
    alt = gate.answer(alt_id)
    head = f"- {gate.label} ({gate.title}): answering *{alt.label}* (`{gate_id}={alt_id}`)"
    if lands is not None:
        return f"{head} would lead to **{tree.exit(lands).title}** (`{lands}`)."
    nxt = tree.gate(leads_to)
    return f"{head} would continue to {nxt.label}, *{nxt.question}*"


def decision_record(
    decision: Decision, *, date: str | None = None, title: str | None = None
) -> str:
    """Return the Markdown record of a finished decision.

    Args:
        decision: a complete decision from :func:`ragft.engine.decide`.
        date: ISO date to print; today when omitted. The export passes
            :data:`DATE_PLACEHOLDER`.
        title: what the decision is about (a use case or requirement name).

    Raises:
        IncompleteDecisionError: the decision has not reached an exit.
    """
    tree = decision.tree
    exit_ = tree.exit(decision.require_exit("a decision record"))
    kind = tree.kind(exit_.kind)
    lines = [f"# Decision record: {exit_.title}", ""]
    if title:
        lines += [f"**Use case:** {title}", ""]
    lines += [
        f"- **Date:** {date or _dt.date.today().isoformat()}",
        f"- **Recommendation:** {exit_.title} (`{exit_.id}`, {kind.label})",
        f"- **Tree:** {tree.title} (ragft, schema {tree.schema_version})",
        "",
        exit_.summary,
        "",
        "## Answers and why",
        "",
    ]
    for n, step in enumerate(decision.path, 1):
        gate = tree.gate(step.gate)
        ans = gate.answer(step.answer)
        lines.append(
            f"{n}. **{gate.label}, {gate.title}**: {gate.question} "
            f"**{ans.label}** (`{gate.id}={ans.id}`). {ans.meaning}"
        )
    lines += ["", "## What to build", ""] + [f"- {item}" for item in exit_.build]
    if exit_.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in exit_.warnings]
    lines += ["", "## What would flip it", ""]
    lines += [_flip_line(tree, f.gate, f.alternative, f.leads_to, f.lands_at)
              for f in decision.flips]
    lines += ["", "## When to revisit", "",
              "This decision is a snapshot. Walk the tree again when:", ""]
    lines += [f"- {r}" for r in tree.revisit]
    sources = path_sources(decision)
    if sources:
        lines += ["", "## Sources", ""]
        for sid in sources:
            src = tree.source(sid)
            year = f" ({src.year})" if src.year else ""
            where = f" <{src.url}>" if src.url else ""
            lines.append(f"- {src.author}, *{src.title}*{year}.{where}")
    return "\n".join(lines) + "\n"


_RECOMMENDATION = re.compile(
    r"^- \*\*Recommendation:\*\* .*\(`([a-z][a-z0-9_]*)`, [^)]*\)\s*$", re.MULTILINE
)


def read_record(text: str, tree: Tree, *, origin: str = "<record>") -> str:
    """Return the exit id a decision record recommends.

    Raises:
        RagftError: naming ``origin``, when the text is not a ragft decision record or names an
            exit ``tree`` lacks.
    """
    match = _RECOMMENDATION.search(text)
    if match is None:
        msg = f"{origin}: not a ragft decision record (no '- **Recommendation:**' line)"
        raise RagftError(msg)
    try:
        tree.exit(match.group(1))
    except UnknownIdError as err:
        msg = f"{origin}: {err}"
        raise RagftError(msg) from err
    return match.group(1)


class RecordTally(Counter[str]):
    """How many decision records ended at each exit, and the files that were not records.

    ``skipped`` holds ``(file name, reason)`` pairs, so a stray note in a workshop's folder is
    reported instead of stopping the count.
    """

    def __init__(self) -> None:
        super().__init__()
        self.skipped: list[tuple[str, str]] = []


def tally_records(folder: str | Path, tree: Tree) -> RecordTally:
    """Count the exits of the ``*.md`` decision records in ``folder`` (workshop charts).

    Files that are not decision records of ``tree`` are listed in ``.skipped`` with the reason.

    Raises:
        RagftError: the folder does not exist.
    """
    folder = Path(folder)
    if not folder.is_dir():
        msg = f"{folder}: no such folder of decision records"
        raise RagftError(msg)
    tally = RecordTally()
    for path in sorted(folder.glob("*.md")):
        try:
            tally[read_record(path.read_text(encoding="utf-8"), tree, origin=path.name)] += 1
        except (RagftError, UnicodeDecodeError) as err:
            tally.skipped.append((path.name, str(err).removeprefix(f"{path.name}: ")))
    return tally

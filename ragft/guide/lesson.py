"""Small helpers the worked examples call, so that their cells keep to the lesson itself.

The worked examples compute in plain Python in the cell (that code is what the learner reads,
changes and reruns); these helpers only read the shipped sample data and lay results out as
Markdown tables, which render the same in JupyterLab and on the static site.

Example:
    >>> print(table([{"window": "32k", "tokens": 32_000, "share": 0.25}]).data)
    | window | tokens | share |
    |---|---:|---:|
    | 32k | 32,000 | 0.25 |
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from IPython.display import Markdown

from ..errors import LessonDataError, TableError, UnknownIdError, UnknownOptionError
from ..present.guide_words import WORDS
from ..present.markdown import md_escape
from ._data import load_yaml, read_text
from ._text import md

__all__ = [
    "check_sorting",
    "read_jsonl",
    "read_yaml",
    "table",
]

SORTS = ("reference", "deep")


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return WORDS["yes" if value else "no"]
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return md_escape(str(value)).replace("|", "\\|").replace("\n", " ")


def table(rows: Iterable[Mapping[str, object]]) -> Markdown:
    """A Markdown table of ``rows`` (mappings with the same keys); numbers align right and
    get thousands separators, floats two decimals, booleans read yes or no.

    Raises:
        TableError: there are no rows, or a row's keys differ from the first row's.
    """
    rows = list(rows)
    if not rows:
        msg = "a table needs at least one row"
        raise TableError(msg)
    head = list(rows[0])
    for row in rows:
        if list(row) != head:
            msg = f"every row needs the columns {head}, got {list(row)}"
            raise TableError(msg)
    numeric = [all(isinstance(r[k], (int, float)) and not isinstance(r[k], bool) for r in rows)
               for k in head]
    lines = ["| " + " | ".join(_cell(str(k)) for k in head) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(_cell(r[k]) for k in head) + " |" for r in rows]
    return md("\n".join(lines))


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (one JSON object a line; blank lines skipped).

    Raises:
        LessonDataError: the file is missing, or a line is not a JSON object (named by
            number).
    """
    path = Path(path)
    text = read_text(path)
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"line {number} is not valid JSON ({exc.msg})"
            raise LessonDataError(str(path), "", problem) from None
        if not isinstance(record, dict):
            problem = f"line {number} must be a JSON object"
            raise LessonDataError(str(path), "", problem)
        records.append(record)
    return records


def read_yaml(path: str | Path) -> Any:
    """The parsed YAML file at ``path``."""
    return load_yaml(path, "")[0]


def check_sorting(mine: Mapping[int, str], path: str | Path) -> Markdown:
    """Grade a reader's sorting of the questions in ``path`` into reference and deep.

    Each question gets a line: right or not, the key's answer, and why; unsorted questions are
    counted, so a half-done sorting still gets feedback.

    Raises:
        UnknownOptionError: a label is not ``reference`` or ``deep``.
        UnknownIdError: a label names no question.
    """
    key = {int(q["id"]): q for q in read_yaml(path)}
    for qid, label in mine.items():
        if qid not in key:
            raise UnknownIdError(qid, "question", sorted(key))
        if label not in SORTS:
            raise UnknownOptionError(label, "sort", SORTS, f"for question {qid}")
    right = sum(mine.get(qid) == q["kind"] for qid, q in key.items())
    # The key folds: printed open right under "decide for yourself first", it would be read
    # first.
    lines = [f"**{WORDS['sorted'].format(right=right, total=len(key))}**", "",
             f"<details><summary>{WORDS['key_fold']}</summary>", ""]
    for qid, q in key.items():
        if qid not in mine:
            mark = WORDS["not_sorted"]
        elif mine[qid] == q["kind"]:
            mark = WORDS["right"]
        else:
            mark = WORDS["not_quite"].format(label=mine[qid])
        says = WORDS["key_says"].format(kind=f"**{q['kind']}**")
        lines.append(f"- **{qid}. {mark}**: *{md_escape(q['question'].strip())}* "
                     f"{says} {md_escape(' '.join(q['why'].split()))}")
    return md("\n".join([*lines, "", "</details>"]))

"""The one YAML reader: tree files, the guide's data files, case files and record front matter.

Each caller gets the parsed data (or, with ``nodes=True``, PyYAML's node tree, whose marks give
each value's line); for a syntax error it is handed where the problem is (``line N``) and what
it is, in the parser's own words, and raises its own error with them: the file's kind decides
how a message names the file, this module where and what the problem is.

Example:
    >>> def fail(where, problem):
    ...     raise ValueError(f"notes.yaml: {where}: {problem}")
    >>> parse_yaml("a: [1, 2]", fail)
    {'a': [1, 2]}
    >>> parse_yaml("a: [1, 2", fail)
    Traceback (most recent call last):
    ...
    ValueError: notes.yaml: line 1: not valid YAML (...)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

import yaml

# libyaml's loader where PyYAML was built with it (several times faster on the tree file).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, fail: Callable[[str, str], NoReturn], *, nodes: bool = False,
               first_line: int = 1, what: str = "YAML") -> Any:
    """The data in ``text`` (or its node tree with ``nodes``), safely loaded.

    ``first_line`` is the file's line number of the text's first line (front matter starts
    after its ``---`` line); ``what`` names the format in the problem ("YAML or JSON"). On a
    syntax error ``fail(where, problem)`` is called: the line is where the broken construct
    starts (an unclosed quote or list) when the parser says so, else where it gave up.
    """
    try:
        if nodes:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        where = f"line {mark.line + first_line}" if mark is not None else ""
        problem = f"not valid {what} ({getattr(exc, 'problem', None) or 'a syntax error'})"
    fail(where, problem)  # outside the handler: the caller's error is not chained to PyYAML's

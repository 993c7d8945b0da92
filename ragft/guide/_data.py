"""Read the guide's own data files (quiz questions, glossary), naming any problem's location.

The files ship inside the package (``ragft/guide/*.yaml``); a problem is reported as
``quizzes.yaml: knowledge[0]: missing key 'scenario'``, in the shape of the tree loader's errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from .._yaml import parse_yaml
from ..errors import LessonDataError, describe, unknown
from ._lite import served_text


def load_yaml(path: str | Path | None, default: str) -> tuple[Any, str]:
    """The parsed YAML at ``path``, or the packaged file ``default``; and its name for errors.

    Raises:
        LessonDataError: the file cannot be read or is not valid YAML.
    """
    if path is None:
        text = resources.files(__package__).joinpath(default).read_text(encoding="utf-8")
        origin = default
    else:
        text, origin = read_text(Path(path)), str(path)

    def fail(where: str, problem: str) -> NoReturn:
        raise LessonDataError(origin, where, problem)

    return parse_yaml(text, fail), origin


def read_text(path: Path) -> str:
    """A data file's text, or a one-line :class:`~ragft.errors.LessonDataError` naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        served = served_text(path)
        if served is not None:
            return served
        raise LessonDataError(str(path), "", "cannot read the file (is the path right?)") from None


class Reader:
    """One mapping of a data file, with typed accessors that fail naming the file and place."""

    def __init__(self, origin: str, where: str, data: object, keys: set[str]) -> None:
        self.origin, self.where = origin, where
        if not isinstance(data, Mapping):
            problem = f"must be a mapping, got {describe(data)}"
            raise self.error(problem)
        self.data: Mapping[str, Any] = data
        extra = sorted(set(map(str, data)) - keys)
        if extra:
            problem = unknown("key", extra[0], sorted(keys))
            raise self.error(problem)

    def error(self, problem: str) -> LessonDataError:
        """The error naming this mapping's file and place, for the caller to raise."""
        return LessonDataError(self.origin, self.where, problem)

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            problem = (f"missing key {key!r}" if value is None else
                       f"{key} must be a non-empty string, got {value!r}")
            raise self.error(problem)
        return " ".join(value.split())

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem = f"{key} must be a list of strings, got {value!r}"
            raise self.error(problem)
        return tuple(v.strip() for v in value)

    def answers(self, key: str) -> tuple[tuple[str, str], ...]:
        value = self.data.get(key)
        if not isinstance(value, Mapping) or not value or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            problem = f'{key} must map gate ids to answer ids, as strings ("yes"), got {value!r}'
            raise self.error(problem)
        return tuple(value.items())

    def items(self, key: str) -> list[tuple[str, object]]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            problem = f"{key} must be a non-empty list"
            raise self.error(problem)
        return [(f"{self.where}.{key}[{i}]", item) for i, item in enumerate(value)]

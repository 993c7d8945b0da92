"""Read the guide's own data files (quiz questions, glossary), naming any problem's location.

The files ship inside the package (``ragft/guide/*.yaml``); a problem is reported as
``quizzes.yaml: knowledge[0]: missing key 'scenario'``, in the shape of the tree loader's errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import yaml

from ..errors import RagftError

__all__ = ["Reader", "load_yaml"]


def load_yaml(path: str | Path | None, default: str) -> tuple[Any, str]:
    """The parsed YAML at ``path``, or the packaged file ``default``; and its name for errors."""
    if path is None:
        text = resources.files(__package__).joinpath(default).read_text(encoding="utf-8")
        return yaml.safe_load(text), default
    path = Path(path)
    return yaml.safe_load(read_text(path)), str(path)


def read_text(path: Path) -> str:
    """A data file's text, or a one-line error naming the path."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        msg = f"{path}: cannot read the file (is the path right?)"
        raise RagftError(msg) from None


class Reader:
    """One mapping of a data file, with typed accessors that fail naming the file and place."""

    def __init__(self, origin: str, where: str, data: object, keys: set[str]) -> None:
        self.origin, self.where = origin, where
        if not isinstance(data, Mapping):
            self.fail(f"must be a mapping, got {type(data).__name__}")
        self.data: Mapping[str, Any] = data
        unknown = sorted(set(map(str, data)) - keys)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (must be one of {sorted(keys)!r})")

    def fail(self, problem: str) -> NoReturn:
        msg = f"{self.origin}: {self.where}: {problem}"
        raise RagftError(msg)

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"missing key {key!r}" if value is None else
                      f"{key} must be a non-empty string, got {value!r}")
        return " ".join(value.split())

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{key} must be a list of strings, got {value!r}")
        return tuple(v.strip() for v in value)

    def answers(self, key: str) -> tuple[tuple[str, str], ...]:
        value = self.data.get(key)
        if not isinstance(value, Mapping) or not value or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            self.fail(f'{key} must map gate ids to answer ids, as strings ("yes"), got {value!r}')
        return tuple(value.items())

    def items(self, key: str) -> list[tuple[str, object]]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            self.fail(f"{key} must be a non-empty list")
        return [(f"{self.where}.{key}[{i}]", item) for i, item in enumerate(value)]

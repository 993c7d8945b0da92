"""Load a tree file (YAML or JSON) into a checked, immutable :class:`~ragft.tree.model.Tree`.

The package's own tree ships as ``ragft/tree/data/tree.yaml``; a team can pass its own file (the
CLI's ``--tree FILE``) and keep every rendering. Whatever the file, every problem is reported as
a :class:`~ragft.errors.TreeError` naming the file, where in it, and what is wrong.

Example:
    >>> from ragft.tree.loader import default_tree
    >>> tree = default_tree()
    >>> tree.root, len(tree.gates), len(tree.exits)
    ('prompting', 7, 12)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import fields
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from .._yaml import parse_yaml
from ..errors import TreeError, allowed, describe, unknown
from .checks import check_graph
from .model import (
    Answer,
    Case,
    Component,
    Evidence,
    ExampleNote,
    Exit,
    Gate,
    Kind,
    PathRow,
    Requirement,
    Source,
    Tree,
)

__all__ = ["default_tree", "load_tree"]

SCHEMA_VERSION = 1
SCHEMA_NAME = "ragft-tree"  # the "schema" field of an export (tree.json), not of a tree file


def _keys(cls: type, *computed: str) -> tuple[str, ...]:
    """The keys a tree file may use for ``cls``: its dataclass fields in order, less computed
    ones."""
    return tuple(f.name for f in fields(cls) if f.name not in computed)


# Ids end up in CSS classes, SVG ids, URL hashes and CLI arguments: keep them to one safe shape.
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
ID_PATTERN = _ID.pattern
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class _Reader:
    """Reads one mapping of the file, reporting problems with the file name and location."""

    def __init__(
        self, origin: str, data: object, where: str, keys: tuple[str, ...], kind: str = ""
    ) -> None:
        self.origin = origin
        self.where = where
        if not isinstance(data, Mapping):
            self.fail(f"must be a mapping of keys to values, got {describe(data)}")
        self.data: Mapping[str, Any] = data
        if kind and isinstance(data.get("id"), str):  # name the item, not just its index
            self.where = f"{where} ({kind} {data['id']!r})"
        extra = [k for k in map(str, data) if k not in keys]
        if extra:
            self.fail(unknown("key", extra[0], keys))

    def fail(self, problem: str) -> NoReturn:
        raise TreeError(self.origin, self.where, problem)

    def sub(self, where: str) -> str:
        return f"{self.where}.{where}" if self.where else where

    def raw(self, key: str, *, required: bool = True) -> Any:
        if key not in self.data and required:
            self.fail(f"missing key {key!r}")
        return self.data.get(key)

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.raw(key, required=required)
        if value is None and not required:
            return default
        if not isinstance(value, str):
            hint = ' (quote it, e.g. "yes")' if isinstance(value, bool) else ""
            self.fail(f"{key} must be a string, got {value!r}{hint}")
        return value.strip()

    def id(self, key: str = "id") -> str:
        value = self.text(key)
        if not _ID.match(value):
            self.fail(f"{key} {value!r} must match {_ID.pattern}")
        return value

    def strs(self, key: str) -> tuple[str, ...]:
        value = self.raw(key, required=False) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{key} must be a list of strings, got {value!r}")
        return tuple(v.strip() for v in value)

    def items(self, key: str, *, required: bool = True) -> list[tuple[str, Any]]:
        value = self.raw(key, required=required)
        if value is None and not required:
            return []
        if not isinstance(value, list) or (required and not value):
            self.fail(f"{key} must be a non-empty list")
        return [(self.sub(f"{key}[{i}]"), item) for i, item in enumerate(value)]

    def flag(self, key: str) -> bool:
        value = self.raw(key, required=False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(f"{key} must be true or false, got {value!r}")
        return bool(value)


def _source(origin: str, where: str, data: object) -> Source:
    r = _Reader(origin, data, where, _keys(Source))
    return Source(
        id=r.id(), title=r.text("title"), author=r.text("author"),
        url=r.text("url", required=False), year=r.text("year", required=False),
        note=r.text("note", required=False),
    )


def _answer(origin: str, where: str, data: object) -> Answer:
    r = _Reader(origin, data, where, _keys(Answer))
    layer = r.text("layer", required=False)
    return Answer(
        id=r.id(), label=r.text("label"), meaning=r.text("meaning"), next=r.id("next"),
        signals=r.strs("signals"), layer=r.id("layer") if layer else "",
    )


def _gate(origin: str, where: str, data: object) -> Gate:
    r = _Reader(origin, data, where, _keys(Gate), "gate")
    gid = r.id()
    stage = r.text("stage")
    if stage not in ("precheck", "gate"):
        r.fail(unknown("stage", stage, ["precheck", "gate"]))
    number = r.raw("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        r.fail(f"number must be a positive integer, got {number!r}")
    answers = tuple(_answer(origin, w, a) for w, a in r.items("answers"))
    example = None
    if r.raw("example", required=False) is not None:
        e = _Reader(origin, r.raw("example"), r.sub("example"), _keys(ExampleNote))
        example = ExampleNote(answer=e.id("answer"), note=e.text("note"), assumed=e.flag("assumed"))
    return Gate(
        id=gid, stage=stage, number=number, title=r.text("title"),  # type: ignore[arg-type]
        question=r.text("question"), explanation=r.text("explanation"),
        why=r.text("why", required=False), answers=answers, warnings=r.strs("warnings"),
        example=example, sources=r.strs("sources"),
    )


def _exit(origin: str, where: str, data: object) -> Exit:
    r = _Reader(origin, data, where, _keys(Exit), "exit")
    eid = r.id()
    variant_of, layer = r.text("variant_of", required=False), r.text("layer", required=False)
    if bool(variant_of) != bool(layer):
        r.fail("variant_of and layer go together: a variant replaces an exit for one layer")
    return Exit(
        id=eid, kind=r.id("kind"), title=r.text("title"), summary=r.text("summary"),
        build=r.strs("build"), components=r.strs("components"), warnings=r.strs("warnings"),
        confirm=r.strs("confirm"), sources=r.strs("sources"),
        variant_of=r.id("variant_of") if variant_of else "",
        layer=r.id("layer") if layer else "",
    )


def _kind(origin: str, where: str, data: object) -> Kind:
    r = _Reader(origin, data, where, _keys(Kind))
    color = r.text("color")
    if not _COLOR.match(color):
        r.fail(f"color {color!r} must be #RRGGBB")
    return Kind(id=r.id(), label=r.text("label"), color=color,
                description=r.text("description"), watch=r.flag("watch"))


def _component(origin: str, where: str, data: object) -> Component:
    r = _Reader(origin, data, where, _keys(Component))
    return Component(id=r.id(), label=r.text("label"), description=r.text("description"))


def _requirement(origin: str, where: str, data: object) -> Requirement:
    r = _Reader(origin, data, where, _keys(Requirement))
    pairs = []
    for w, pair in r.items("answers"):
        ok = isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        if not ok:
            raise TreeError(origin, w, f"must be a [gate, answer] pair of strings, got {pair!r}")
        pairs.append((pair[0], pair[1]))
    return Requirement(id=r.id(), name=r.text("name"), answers=tuple(pairs), exit=r.id("exit"),
                       note=r.text("note", required=False), assumed=r.strs("assumed"))


def _case(origin: str, where: str, data: object) -> Case:
    r = _Reader(origin, data, where, _keys(Case))
    return Case(
        id=r.id(), name=r.text("name"), description=r.text("description"),
        requirements=tuple(_requirement(origin, w, q) for w, q in r.items("requirements")),
        gates=r.strs("gates"), sources=r.strs("sources"),
        summary=r.text("summary", required=False), illustrative=r.flag("illustrative"),
    )


def _evidence(origin: str, where: str, data: object) -> Evidence:
    r = _Reader(origin, data, where, _keys(Evidence))
    figures = r.raw("figures", required=False) or {}
    if not isinstance(figures, Mapping) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in figures.values()
    ):
        r.fail(f"figures must map names to numbers, got {figures!r}")
    return Evidence(id=r.id(), source=r.id("source"), claim=r.text("claim"),
                    caveat=r.text("caveat", required=False),
                    figures=tuple((str(k), float(v)) for k, v in figures.items()))


def _path_row(origin: str, where: str, data: object, kinds: tuple[str, ...]) -> PathRow:
    """A comparison row: ``aspect`` and a text per kind id (any of the tree's kinds)."""
    r = _Reader(origin, data, where, ("aspect", *kinds))
    cells = tuple((k, r.text(k)) for k in kinds if k in r.data)
    if not cells:
        r.fail(f"a row compares at least one kind of exit {allowed(kinds)}")
    return PathRow(aspect=r.text("aspect"), cells=cells)


def parse_tree(data: object, origin: str = "<tree>") -> Tree:
    """Build and check a :class:`Tree` from already-parsed data (a mapping).

    Raises:
        TreeError: naming ``origin``, the place in the data and the problem.
    """
    keys = _keys(Tree, "origin")
    if isinstance(data, Mapping) and data.get("schema") == SCHEMA_NAME:
        problem = ("this is an export of ragft (tree.json), not a tree file: pass the YAML tree "
                   "it was made from, such as a copy of ragft/tree/data/tree.yaml")
        raise TreeError(origin, "", problem)
    r = _Reader(origin, data, "", keys)
    version = r.raw("schema_version")
    if version != SCHEMA_VERSION:
        r.fail(f"unsupported schema_version {version!r} (must be {SCHEMA_VERSION})")
    example = r.raw("example", required=False)
    kinds = tuple(_kind(origin, w, d) for w, d in r.items("kinds"))
    tree = Tree(
        schema_version=SCHEMA_VERSION,
        title=r.text("title"),
        root=r.id("root"),
        kinds=kinds,
        components=tuple(_component(origin, w, d) for w, d in r.items("components")),
        sources=tuple(_source(origin, w, d) for w, d in r.items("sources", required=False)),
        gates=tuple(_gate(origin, w, d) for w, d in r.items("gates")),
        exits=tuple(_exit(origin, w, d) for w, d in r.items("exits")),
        example=None if example is None else _case(origin, "example", example),
        cases=tuple(_case(origin, w, d) for w, d in r.items("cases", required=False)),
        evidence=tuple(_evidence(origin, w, d) for w, d in r.items("evidence", required=False)),
        paths=tuple(_path_row(origin, w, d, tuple(k.id for k in kinds))
                    for w, d in r.items("paths", required=False)),
        revisit=r.strs("revisit"),
        origin=origin,
    )
    check_graph(tree)
    return tree


def load_tree(path: str | Path | None = None) -> Tree:
    """Load and check a tree file; with no path, the tree that ships with ragft.

    Raises:
        TreeError: the file is missing, not YAML/JSON, or breaks a rule of the tree.
    """
    if path is None:
        return default_tree()
    origin = str(path)
    return _parse_text(_read(Path(path), origin), origin)


def _read(path: Path, origin: str) -> str:
    """The file's text, or a one-line :class:`TreeError` saying what is wrong and what to do."""
    if path.is_dir():
        problem = "is a folder, not a tree file (pass a YAML file such as a copy of tree.yaml)"
    elif not path.exists():
        problem = "no such file (check the path, or copy ragft/tree/data/tree.yaml to start one)"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problem = "not a text file (a tree file is YAML or JSON, in UTF-8)"
        except PermissionError:
            problem = "cannot be read (permission denied)"
        except OSError:
            problem = "cannot be read"
        else:
            if not text.strip():
                problem = "the file is empty (a tree file is YAML or JSON, like ragft's tree.yaml)"
            elif "\x00" in text:
                problem = "not a text file (a tree file is YAML or JSON, in UTF-8)"
            else:
                return text
    raise TreeError(origin, "", problem)


def _parse_text(text: str, origin: str) -> Tree:
    def fail(where: str, problem: str) -> NoReturn:
        raise TreeError(origin, where, problem)

    data = parse_yaml(text, fail, what="YAML or JSON")  # JSON is YAML: one reader for both
    return parse_tree(data, origin)


@functools.cache
def default_tree() -> Tree:
    """The tree that ships with ragft, loaded and checked once."""
    ref = resources.files("ragft.tree") / "data" / "tree.yaml"
    return _parse_text(ref.read_text(encoding="utf-8"), "ragft/tree/data/tree.yaml")

"""A JSON Schema of the tree file, derived from the model's dataclasses.

A team that edits its own tree (``ragft --tree our-tree.yaml``) can point its editor at this
schema (``ragft schema > tree.schema.json``; YAML editors read JSON Schema) and see a wrong key
or a missing field as it types. The schema checks each item's shape; the loader still checks
what a schema cannot (answers leading to real nodes, no cycles, cases reaching their exits).

Example:
    >>> schema = tree_schema()
    >>> schema["required"][:3]
    ['schema_version', 'title', 'root']
    >>> sorted(schema["$defs"]["Answer"]["properties"])
    ['id', 'label', 'layer', 'meaning', 'next', 'signals']
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal

from .loader import ID_PATTERN, SCHEMA_VERSION
from .model import Tree

__all__ = ["tree_schema"]

# Fields whose file form differs from the model's: pairs and mappings the loader turns into
# tuples, and the id-shaped fields the loader checks against its pattern.
_SPECIAL: dict[tuple[str, str], dict[str, Any]] = {
    ("Requirement", "answers"): {
        "type": "array", "minItems": 1,
        "items": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
        "description": "[gate, answer] pairs, in the order of the walk"},
    ("Evidence", "figures"): {"type": "object", "additionalProperties": {"type": "number"}},
    # A comparison row's cells are keys named after the tree's kinds, beside "aspect".
    ("PathRow", "cells"): {"type": "string"},
    ("Kind", "color"): {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"},
    ("Gate", "number"): {"type": "integer", "minimum": 1},
    ("Tree", "schema_version"): {"const": SCHEMA_VERSION},
}
_IDS = {"id", "next", "root", "kind", "exit", "source", "variant_of", "layer"}
_COMPUTED = {("Tree", "origin")}


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _type(options[0], defs) if len(options) == 1 else {
            "anyOf": [_type(a, defs) for a in options]}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs)}
    if dataclasses.is_dataclass(hint):
        return _object(hint, defs)
    msg = f"no schema for type {hint!r}"  # pragma: no cover - a new field type in the model
    raise TypeError(msg)


def _object(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder first, so a recursive reference ends
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required = []
        for field in dataclasses.fields(cls):
            if (name, field.name) in _COMPUTED:
                continue
            prop = _SPECIAL.get((name, field.name)) or _type(hints[field.name], defs)
            if field.name in _IDS and prop == {"type": "string"}:
                prop = {"type": "string", "pattern": ID_PATTERN}
            props[field.name] = prop
            no_default = dataclasses.MISSING
            if field.default is no_default and field.default_factory is no_default:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        defs[name] = {"type": "object", "description": doc, "properties": props,
                      "required": required, "additionalProperties": False}
        if name == "PathRow":  # cells are keyed by kind id, which a schema cannot list
            cell = props.pop("cells")
            defs[name].update(required=["aspect"], additionalProperties=cell,
                              propertyNames={"pattern": ID_PATTERN}, minProperties=2)
    return {"$ref": f"#/$defs/{name}"}


def tree_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a tree file such as ``ragft/tree/data/tree.yaml``."""
    defs: dict[str, Any] = {}
    _object(Tree, defs)
    root = defs.pop("Tree")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://ragft.github.io/ragft/tree.schema.json",
            "title": "ragft decision tree", **root, "$defs": defs}

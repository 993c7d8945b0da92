"""The tree file's JSON Schema: derived from the model, it accepts the shipped tree and rejects
what the loader rejects for its shape."""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import Any

import jsonschema
import pytest
import yaml

from ragft.tree import model
from ragft.tree.schema import tree_schema


def shipped() -> dict[str, Any]:
    text = (resources.files("ragft.tree") / "data" / "tree.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_the_schema_is_valid_and_accepts_the_shipped_tree() -> None:
    schema = tree_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(shipped(), schema)


@pytest.mark.parametrize("cls", [c for c in vars(model).values()
                                 if dataclasses.is_dataclass(c) and c.__module__ == model.__name__
                                 and c.__name__ not in ("Step", "Walk")],
                         ids=lambda c: c.__name__)
def test_every_field_of_the_model_is_in_the_schema(cls: type) -> None:
    schema = tree_schema()
    part = schema if cls is model.Tree else schema["$defs"][cls.__name__]
    names = {f.name for f in dataclasses.fields(cls)} - {"origin"}
    if cls is model.PathRow:  # its cells are keys named after the tree's kinds
        names -= {"cells"}
        assert part["additionalProperties"] == {"type": "string"}
    assert set(part["properties"]) == names


@pytest.mark.parametrize(("path", "value"), [
    (("gates", 0, "answers", 0, "id"), False),  # an unquoted YAML no
    (("gates", 0, "colour"), "red"),
    (("kinds", 0, "color"), "blue"),
    (("schema_version",), 3),
    (("exits", 0, "id"), "Has Spaces"),
])
def test_the_schema_rejects_a_broken_tree(path: tuple[Any, ...], value: Any) -> None:
    data = shipped()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, tree_schema())


def test_ragft_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from ragft.terminal.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == tree_schema()

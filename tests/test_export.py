"""``ragft export``: tree.json, tree.svg and the walker's files, all written or none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL
from ragft.diagram.dot import tree_diagram
from ragft.diagram.render import render
from ragft.errors import OutputExistsError
from ragft.tree.loader import load_tree
from ragft.tree.model import Tree
from ragft.web.export import export
from ragft.web.payload import EXPORT_VERSION, tree_payload


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_export_writes_tree_json_and_svg(tmp_path: Path, tree: Tree) -> None:
    site = tmp_path / "site" / "data"
    written = export(site, tree)
    assert written[:2] == [site / "tree.json", site / "tree.svg"]
    assert files(site) == sorted(str(p.relative_to(site)) for p in written)
    data = json.loads((site / "tree.json").read_text(encoding="utf-8"))
    assert data == tree_payload(tree)
    assert (data["schema"], data["schema_version"]) == ("ragft-tree", EXPORT_VERSION)
    assert (site / "tree.svg").read_text(encoding="utf-8") == render(tree_diagram(tree))


def test_export_is_deterministic(tmp_path: Path, tree: Tree) -> None:
    a = export(tmp_path / "a", tree)
    b = export(tmp_path / "b", tree)
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_export_is_all_or_nothing(tmp_path: Path, tree: Tree) -> None:
    names = [p.name for p in export(tmp_path / "first", tree)]
    for name in names:  # every target, the walker's included, blocks the whole export
        site = tmp_path / f"taken-{name}"
        site.mkdir()
        (site / name).write_text("mine", encoding="utf-8")
        with pytest.raises(OutputExistsError, match=rf"{name} already exists$"):
            export(site, tree)
        assert files(site) == [name]  # nothing else written, no staging folder left
        assert (site / name).read_text(encoding="utf-8") == "mine"
        written = export(site, tree, force=True)
        assert [p.name for p in written] == names
        assert (site / name).read_text(encoding="utf-8") != "mine"




def test_export_of_a_custom_tree(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    small = load_tree(path)
    site = tmp_path / "out"
    export(site, small)
    data = json.loads((site / "tree.json").read_text(encoding="utf-8"))
    assert [g["id"] for g in data["gates"]] == ["size"]
    assert 'id="size&#45;small"' in (site / "tree.svg").read_text(encoding="utf-8")


def test_export_into_a_file_is_a_clear_error(tmp_path: Path) -> None:
    from ragft.errors import RagftError

    target = tmp_path / "not-a-folder"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(RagftError, match=r"not-a-folder is a file, not a folder$"):
        export(target)
    assert target.read_text(encoding="utf-8") == "x"

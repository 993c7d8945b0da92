"""Docs that are tested: the README's generated table, and coverage of every gate and exit by
the site's pages (in the spirit of sqlite-utils' test_docs.py). The public surface is checked in
test_house.py."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, load_script
from ragft.tree.loader import default_tree
from ragft.tree.model import Exit, Gate

TREE = default_tree()


def test_package_ships_its_type_marker_and_data() -> None:
    assert (ROOT / "ragft" / "py.typed").exists()
    assert (ROOT / "ragft" / "tree" / "data" / "tree.yaml").exists()


def test_readme_table_matches_the_tree() -> None:
    sync = load_script(ROOT / "tools" / "sync_readme.py")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sync.synced(text, TREE) == text, "README is stale: run `python tools/sync_readme.py`"
    for node in TREE.gate_ids + TREE.exit_ids:
        assert f"`{node}`" in text


def _site_text() -> str:
    """Everything a reader of the site sees: the Quarto pages and the notebooks' cells/outputs."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("*.qmd"))]
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            parts.append("".join(cell["source"]))
            for out in cell.get("outputs", []):
                for mime in ("text/markdown", "text/html", "text/plain"):
                    data = out.get("data", {}).get(mime)
                    if data:
                        parts.append("".join(data))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def site_text() -> str:
    text = _site_text()
    if "notebooks" not in text and not list((ROOT / "notebooks").glob("*.ipynb")):
        pytest.fail("no notebooks found: the site has nothing to document the tree with")
    return text


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("gate", TREE.gates, ids=lambda g: g.id)
def test_every_gate_is_documented_on_the_site(site_text: str, gate: Gate) -> None:
    flat = _squash(site_text)
    assert gate.id in flat
    assert _squash(gate.question) in flat, f"question of {gate.id!r} is not on the site"


@pytest.mark.parametrize("exit_", TREE.exits, ids=lambda e: e.id)
def test_every_exit_is_documented_on_the_site(site_text: str, exit_: Exit) -> None:
    flat = _squash(site_text)
    assert exit_.id in flat
    assert _squash(exit_.title) in flat, f"title of {exit_.id!r} is not on the site"

"""Docs that are tested: the public surface, the README's generated table, and coverage of every
gate and exit by the site's pages (in the spirit of sqlite-utils' test_docs.py)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import ragft
from conftest import ROOT, load_script
from ragft.tree.loader import default_tree

TREE = default_tree()
MODULES = sorted(
    m.name for m in pkgutil.walk_packages(ragft.__path__, "ragft.") if ".web" not in m.name
)


@pytest.mark.parametrize("name", ragft.__all__)
def test_public_names_exist_and_are_documented(name: str) -> None:
    obj = getattr(ragft, name)
    if callable(obj):
        assert obj.__doc__, f"ragft.{name} has no docstring"


@pytest.mark.parametrize("module_name", MODULES)
def test_every_module_declares_all(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__, f"{module_name} has no docstring"
    names = getattr(module, "__all__", None)
    assert names is not None, f"{module_name} has no __all__"
    for name in names:
        assert hasattr(module, name), f"{module_name}.__all__ names missing {name!r}"


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
def test_every_gate_is_documented_on_the_site(site_text: str, gate: ragft.Gate) -> None:
    flat = _squash(site_text)
    assert gate.id in flat
    assert _squash(gate.question) in flat, f"question of {gate.id!r} is not on the site"


@pytest.mark.parametrize("exit_", TREE.exits, ids=lambda e: e.id)
def test_every_exit_is_documented_on_the_site(site_text: str, exit_: ragft.Exit) -> None:
    flat = _squash(site_text)
    assert exit_.id in flat
    assert _squash(exit_.title) in flat, f"title of {exit_.id!r} is not on the site"


@pytest.mark.parametrize("name", sorted(ragft._LAZY))
def test_lazy_names_stay_functions_after_their_modules_load(name: str) -> None:
    first = getattr(ragft, name)
    module, _ = ragft._LAZY[name]
    importlib.import_module(module)
    assert getattr(ragft, name) is first
    assert callable(first)
    assert not isinstance(first, ModuleType)


def _outside_texts() -> dict[Path, str]:
    """Every file that may use a module's exports: the package, the site's scripts, the tools,
    the benchmarks and the notebooks' cells (tests do not count: they may use private names)."""
    files = [*(ROOT / "ragft").rglob("*.py"), *(ROOT / "site").glob("*.py"),
             *(ROOT / "tools").glob("*.py"), *(ROOT / "benchmarks").glob("*.py")]
    texts = {p: p.read_text(encoding="utf-8") for p in files}
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts[nb] = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return texts


OUTSIDE = _outside_texts()


@pytest.mark.parametrize("module_name", [m for m in MODULES if m != "ragft"])
def test_no_module_exports_what_nothing_outside_it_uses(module_name: str) -> None:
    module = importlib.import_module(module_name)
    own = Path(str(module.__file__)).resolve()
    unused = [name for name in getattr(module, "__all__", [])
              if not any(re.search(rf"\b{re.escape(name)}\b", text)
                         for path, text in OUTSIDE.items() if path.resolve() != own)]
    assert unused == [], f"{module_name} exports names nothing else uses: make them private"

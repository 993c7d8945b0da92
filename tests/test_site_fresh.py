"""The includes committed in site/_includes/ are what the tree gives today.

Quarto reads them before any script runs (see site/prerender.py), so they are committed; this
is the check that keeps them generated. After editing the tree or the diagram's style, run
``python site/prerender.py --includes``.
"""

from __future__ import annotations

import dataclasses
import difflib

from conftest import ROOT, load_script
from ragft.tree.model import Tree

PRERENDER = load_script(ROOT / "site" / "prerender.py")


def test_committed_includes_match_the_tree(tree: Tree) -> None:
    expected = PRERENDER.includes(tree)
    folder = ROOT / PRERENDER.INCLUDES
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    for name, text in expected.items():
        have = (folder / name).read_text(encoding="utf-8")
        diff = "".join(difflib.unified_diff(have.splitlines(True), text.splitlines(True),
                                            f"committed {name}", "from the tree", n=1))
        assert have == text, (f"site/_includes/{name} is stale: run python site/prerender.py "
                              f"--includes\n{diff[:3000]}")


def test_a_changed_tree_makes_the_check_fail(tree: Tree) -> None:
    """The check can fail: a kind with another label gives other includes."""
    kinds = (dataclasses.replace(tree.kinds[0], label="Another label"), *tree.kinds[1:])
    other = dataclasses.replace(tree, kinds=kinds)
    assert PRERENDER.includes(other) != PRERENDER.includes(tree)

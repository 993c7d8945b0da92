"""``ragft export DIR``: the tree as files for the site, all written or none.

Writes ``tree.json`` (:func:`ragft.web.payload.tree_payload`), ``tree.svg`` (the whole tree from
graphviz-pure) and the walker's files (:func:`ragft.web.page.write_walker`). Everything is
generated in a staging folder first; only when every file was made, and none of the targets
exists (or ``force`` is given), are they moved into place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from ..diagram.dot import tree_diagram
from ..diagram.render import render
from ..errors import NotAFolderError, OutputExistsError
from ..tree.loader import default_tree
from ..tree.model import Tree
from .page import write_walker
from .payload import tree_payload

__all__ = ["export"]


def payload_json(payload: object) -> str:
    """The payload as ``tree.json`` text: stable key order, readable, UTF-8 kept as is."""
    return json.dumps(payload, indent=1, ensure_ascii=False) + "\n"


def export(directory: str | Path, tree: Tree | None = None, *, force: bool = False) -> list[Path]:
    """Write the site's data files into ``directory``; return the paths written.

    Raises:
        OutputExistsError: a target exists and ``force`` is false; nothing is written.
        NotAFolderError: ``directory`` exists but is not a folder.
    """
    tree = tree or default_tree()
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise NotAFolderError(str(directory))
    payload = tree_payload(tree)
    svg = render(tree_diagram(tree), "svg")
    made = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    # Staging inside the target folder keeps the final moves on one file system (atomic renames).
    staging = Path(tempfile.mkdtemp(prefix=".ragft-export-", dir=directory))
    try:
        (staging / "tree.json").write_text(payload_json(payload), encoding="utf-8")
        (staging / "tree.svg").write_text(svg, encoding="utf-8")
        write_walker(staging, payload, svg, force=True)
        names = sorted(p.relative_to(staging) for p in staging.rglob("*") if p.is_file())
        names.sort(key=lambda n: (str(n) not in ("tree.json", "tree.svg"), str(n)))
        if not force:
            for name in names:
                if (directory / name).exists():
                    raise OutputExistsError(str(directory / name))
        written = []
        for name in names:
            target = directory / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, target)
            written.append(target)
        return written
    except BaseException:
        if made:
            shutil.rmtree(directory, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)

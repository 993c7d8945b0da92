"""Quarto pre-render step: regenerate the site's data from the tree definitions.

Quarto runs this before every render (``project: pre-render`` in ``_quarto.yml``); by hand:
``python site/prerender.py [DIR]`` (default: ``site-data`` in the project folder). It writes

- what ``ragft export DIR --force`` writes: ``tree.json``, ``tree.svg``, ``walker.html``,
  ``walker.js``, ``walker.css``;
- ``_tree-figure.md``: the whole tree as an image, with its text alternative from
  :func:`ragft.diagram.text_alternative` (the ``alt`` and a text version under the figure);
- ``_watch.md``: the paths to watch (the kinds marked ``watch`` in the tree), each with the
  recommendations of that kind and a link that opens the walker there.

``index.qmd`` includes the two snippets, so the home page always shows the current tree. The
snippets are raw HTML with every text escaped, whatever the tree's labels contain.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from ragft._io import write_atomic
from ragft.diagram import text_alternative
from ragft.engine import answers_key, path_to
from ragft.export import export
from ragft.loader import default_tree
from ragft.model import Tree

__all__ = ["main", "tree_figure", "watch_list"]

PROJECT = Path(os.environ.get("QUARTO_PROJECT_DIR") or Path(__file__).resolve().parent.parent)


def _html_block(lines: list[str]) -> str:
    return "```{=html}\n" + "\n".join(lines) + "\n```\n"


def tree_figure(tree: Tree, folder: str = "site-data") -> str:
    """The figure of the whole tree: the SVG as an image, its alt text, and a text version."""
    summary, *rest = text_alternative(tree).splitlines()
    alt = f"{summary} A text version follows the figure."
    lines = [
        '<figure class="ragft-figure">',
        f'<img src="{folder}/tree.svg" alt="{html.escape(alt)}">',
        "<figcaption>The whole tree. Pre-checks and gates ask a question each; the coloured "
        "boxes are the recommendations. <a href=\"walk.html\">Walk it</a> to see your own "
        "path.</figcaption>",
        "</figure>",
        '<details class="ragft-tree-text">',
        "<summary>The tree as text</summary>",
        f"<p>{html.escape(summary)}</p>",
        "<ul>",
    ]
    open_item = False
    for line in rest:
        if line.startswith("- "):
            lines.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if open_item:
            lines.append("</ul></li>")
        lines.append(f"<li>{html.escape(line)}<ul>")
        open_item = True
    if open_item:
        lines.append("</ul></li>")
    lines += ["</ul>", "</details>"]
    return _html_block(lines)


def watch_list(tree: Tree) -> str:
    """The paths to watch: each kind marked ``watch``, its description and its exits."""
    lines = ['<dl class="ragft-watch">']
    for kind in (k for k in tree.kinds if k.watch):
        lines.append(f"<dt>{html.escape(kind.label)}</dt>")
        links = []
        for ex in (e for e in tree.exits if e.kind == kind.id):
            href = "walk.html#" + answers_key(path_to(ex.id, tree))
            links.append(f'<a href="{html.escape(href)}">{html.escape(ex.title)}</a>')
        where = f" Where the tree sends you: {', '.join(links)}." if links else ""
        lines.append(f"<dd>{html.escape(kind.description)}{where}</dd>")
    lines.append("</dl>")
    return _html_block(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else PROJECT / "site-data"
    tree = default_tree()
    written = export(folder, tree, force=True)
    written.append(write_atomic(folder / "_tree-figure.md", tree_figure(tree), force=True))
    written.append(write_atomic(folder / "_watch.md", watch_list(tree), force=True))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

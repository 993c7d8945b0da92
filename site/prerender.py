"""The site's generated files: the includes committed in ``site/_includes/``, and pre-render.

Why two places (the one place this choice is written down; ``_quarto.yml`` points here).
Quarto expands every ``{{< include >}}`` of every ``.qmd`` page while it builds the project
context, *before* it runs the ``pre-render`` script (quarto-cli ``src/command/render/project.ts``,
``renderProject``: the context passed in already holds the input files, and
``src/execute/engine.ts``, ``fileExecutionEngine``, reads each ``.qmd`` through
``resolveFullMarkdownForFile``, which calls ``expandIncludes``; upstream issue
quarto-cli#12491). A file that a page includes must therefore be in the repository, or a fresh
clone fails with "Include directive failed". After pre-render Quarto builds the context again
(``projectContextForDirectory``), so ``project: resources:`` globs do see what the script wrote.

- **Committed, checked for freshness:** what pages include, in ``site/_includes/`` (a folder
  starting with ``_``, which Quarto never renders or publishes): ``_tree-figure.md`` (the whole
  tree, inline SVG with its text alternative) and ``_watch.md`` (the paths to watch).
  ``python site/prerender.py --includes`` rewrites them from the tree; ``tests/test_site_fresh.py``
  fails when they differ from what the tree gives, as ``tools/sync_readme.py`` does for the
  README's table. The pre-render step rewrites them too (only when they changed, so a
  ``quarto preview`` of an unchanged tree does not reload), and Quarto reads the new text when it
  builds the context again.
- **Made by pre-render, git-ignored:** what pages only *link* (``site-data/``: what
  ``ragft export`` writes: ``tree.json``, ``tree.svg``, ``walker.html``, ``walker.js``,
  ``walker.css``), listed one by one in ``_quarto.yml``'s ``resources:``.

By hand: ``python site/prerender.py [DIR]`` (default ``site-data`` in the project folder).
The snippets are raw HTML with every text escaped, whatever the tree's labels contain.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

# Quarto runs this script with a Python of its choosing: QUARTO_PYTHON, else the first `python3`
# on PATH (quarto-cli src/core/jupyter/exec.ts, pythonExec), which need not be the project's.
# `make site` and `make preview` name the project's .venv both ways. The ragft imported is the
# one next to this script (a clone renders its own code), with that Python's dependencies.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
try:
    from ragft._io import write_atomic
    from ragft.diagram.dot import tree_diagram
    from ragft.diagram.render import render, strip_xml_prolog
    from ragft.engine.decision import answers_key, path_to
    from ragft.present.content import tree_words
    from ragft.present.words import LABELS
    from ragft.tree.loader import default_tree
    from ragft.tree.model import Tree
    from ragft.web.export import export
except ModuleNotFoundError as missing:  # the wrong interpreter: say which, and what to run
    sys.exit(f"site/prerender.py: {missing} in {sys.executable}: render with `make site` (or "
             "set QUARTO_PYTHON to the Python that has ragft's dependencies)")

__all__ = ["INCLUDES", "includes", "main", "tree_figure", "watch_list", "write_includes"]

PROJECT = Path(os.environ.get("QUARTO_PROJECT_DIR") or Path(__file__).resolve().parent.parent)
INCLUDES = Path("site") / "_includes"
DATA = "site-data"


def _html_block(lines: list[str]) -> str:
    return "```{=html}\n" + "\n".join(lines) + "\n```\n"


def _inline_diagram(tree: Tree, label: str) -> str:
    """The tree's SVG for the page itself, so the walker's style sheet can give it the carried
    font and the dark theme (an ``<img>`` gets neither)."""
    svg = strip_xml_prolog(render(tree_diagram(tree), "svg"))
    svg = re.sub(r"\A(<!--.*?-->\s*)*", "", svg, flags=re.DOTALL)
    # The page sets the size (a readable minimum width in a sideways scroller); the name is the
    # summary of the text version, which follows the figure.
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"',
                 f'<svg role="img" focusable="false" aria-label="{html.escape(label)}"', svg,
                 count=1)
    return svg.strip()


def tree_figure(tree: Tree) -> str:
    """The figure of the whole tree: the SVG inline, its name, and a text version."""
    words = tree_words(tree)
    alt = f"{words.summary} A text version follows the figure."
    lines = [
        f'<link rel="stylesheet" href="{DATA}/walker.css">',
        '<figure class="ragft-figure ragft-diagram">',
        # the walker's name for its scroller (figure.js); this one is always a tab stop
        '<div class="ragft-tree-scroll" role="group" tabindex="0" '
        f'aria-label="{html.escape(LABELS["diagram"])}">',
        _inline_diagram(tree, alt),
        "</div>",
        "<figcaption>The whole tree. Pre-checks and gates ask a question each; the coloured "
        "boxes are the recommendations. <a href=\"walk.html\">Walk it</a> to see your own "
        "path.</figcaption>",
        "</figure>",
        '<details class="ragft-tree-text">',
        "<summary>The tree as text</summary>",
        f"<p>{html.escape(words.summary)}</p>",
        "<ul>",
    ]
    for question, answers in words.questions:
        lines.append(f"<li>{html.escape(question)}<ul>")
        lines += [f"<li>{html.escape(a)}</li>" for a in answers]
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


def includes(tree: Tree | None = None) -> dict[str, str]:
    """File name in ``site/_includes/`` -> the text the tree gives for it."""
    tree = tree or default_tree()
    return {"_tree-figure.md": tree_figure(tree), "_watch.md": watch_list(tree)}


def write_includes(project: Path = PROJECT, tree: Tree | None = None) -> list[Path]:
    """Rewrite the committed includes that differ from the tree; return the paths rewritten."""
    written = []
    for name, text in includes(tree).items():
        path = project / INCLUDES / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append(write_atomic(path, text, force=True))
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    tree = default_tree()
    written = write_includes(PROJECT, tree)
    if args != ["--includes"]:
        folder = Path(args[0]) if args else PROJECT / DATA
        written += export(folder, tree, force=True)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

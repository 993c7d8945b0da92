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
  ``walker.css``, ``walker.json``, ``walker.svg``), listed one by one in ``_quarto.yml``'s
  ``resources:``.

By hand: ``python site/prerender.py [DIR]`` (default ``site-data`` in the project folder).
The snippets are raw HTML with every text escaped, whatever the tree's labels contain.
"""

from __future__ import annotations

import argparse
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
    from ragft.guide.practice import cards as card_data
    from ragft.present.content import tree_words
    from ragft.present.guide_words import CARDS
    from ragft.present.words import LABELS
    from ragft.tree.loader import default_tree
    from ragft.tree.model import Case, Tree
    from ragft.web.export import export
except ModuleNotFoundError as missing:  # the wrong interpreter: say which, and what to run
    sys.exit(f"site/prerender.py: {missing} in {sys.executable}: render with `make site` (or "
             "set QUARTO_PYTHON to the Python that has ragft's dependencies)")

__all__ = ["INCLUDES", "includes", "main", "pack", "pack_cases", "record_fields", "tree_figure",
           "watch_list", "write_includes"]

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


# The options of `ragft record` the worksheet leaves out: where the record goes, and how.
NOT_ON_PAPER = {"-h", "--tree", "-o", "--adr", "--force", "--case"}
WORKSHEET_ORDER = ("--use-case", "--requirement", "--by", "--date", "--status", "ANSWER",
                   "--why")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _code(text: str) -> str:
    """Inline ``code`` of the pack's words, as HTML."""
    parts = _esc(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def pack_cases(tree: Tree) -> list[Case]:
    """The cases a pack has a card for, in the guide's order: the running example first (the
    order of :func:`ragft.guide.practice.cards`)."""
    return [c.case for c in card_data(tree)]


def record_fields() -> list[tuple[str, str]]:
    """``(option, help)`` of each option of ``ragft record`` a person fills in on paper, in
    the parser's order; ``ANSWER`` stands for the answers."""
    from ragft.terminal.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    fields = []
    for action in sub.choices["record"]._actions:
        names = action.option_strings or [str(action.metavar)]
        if not set(names) & NOT_ON_PAPER:
            long = next((n for n in names if n.startswith("--")), names[0])
            fields.append((long, str(action.help or "")))
    return fields


def _card(case: Case, n: int, total: int, facts: dict[str, str], w: dict[str, str],
          tree: Tree, situation: str) -> list[str]:
    lines = [f'<article class="pack-card" id="pack-card-{_esc(case.id)}">',
             f'<p class="pack-kicker">{_esc(w["card_of"].format(n=n, total=total))}</p>',
             f"<h3>{_esc(case.name)}</h3>",
             f'<p class="pack-situation">{_esc(situation)}</p>',
             f'<p class="pack-decide">{_esc(w["decide_for"])}</p><ul class="pack-reqs">',
             *(f"<li>{_esc(r.name)}</li>" for r in case.requirements), "</ul>",
             f"<h4>{_esc(w['knows'])}</h4>", '<ul class="pack-facts">',
             *(f'<li data-gate="{_esc(g.id)}">{_esc(facts[g.id])}</li>' for g in tree.gates),
             "</ul>", f'<p class="pack-task">{_esc(w["task"])}</p>', "</article>"]
    return lines


def _key(case: Case, n: int, facts: dict[str, str], w: dict[str, str], tree: Tree) -> list[str]:
    lines = [f'<article class="pack-key" id="pack-key-{_esc(case.id)}">',
             f'<p class="pack-kicker">{_esc(w["key_of"].format(n=n))}</p>',
             f"<h3>{_esc(case.name)}</h3>"]
    for req in case.requirements:
        answers = dict(req.answers)
        key = answers_key(answers)
        ex = tree.exit(req.exit)
        lines += ['<div class="pack-req">', f"<h4>{_esc(req.name)}</h4>",
                  '<table class="pack-path">',
                  f"<thead><tr><th>{_esc(w['question'])}</th><th>{_esc(w['answer'])}</th>"
                  f"<th>{_esc(w['because'])}</th></tr></thead><tbody>"]
        for gate_id, answer_id in req.answers:
            gate = tree.gate(gate_id)
            assumed = (f' <em class="pack-assumed">({_esc(w["assumed"])})</em>'
                       if gate_id in req.assumed else "")
            lines.append(f'<tr data-gate="{_esc(gate_id)}"><td>{_esc(gate.label)}: '
                         f"{_esc(gate.question)}</td><td>{_esc(gate.answer(answer_id).label)} "
                         f"<code>{_esc(gate_id)}={_esc(answer_id)}</code></td>"
                         f"<td>{_esc(facts[gate_id])}{assumed}</td></tr>")
        lines += ["</tbody></table>",
                  f'<p class="pack-exit"><strong>{_esc(w["ends_at"])}:</strong> '
                  f"{_esc(ex.title)} (<code>{_esc(ex.id)}</code>)</p>",
                  f'<p class="pack-link">{_esc(w["offline"])} <a href="{DATA}/walker.html#'
                  f'{_esc(key)}"><code>walker.html#{_esc(key)}</code></a></p>', "</div>"]
    lines.append("</article>")
    return lines


def _poster(tree: Tree, size: str, heading: str, caption: str) -> list[str]:
    return [f'<section class="pack-poster pack-poster-{size}" id="pack-poster-{size}">',
            f'<h2 class="pack-poster-title">{_esc(tree.title)}</h2>',
            f'<p class="pack-kicker">{_esc(heading)}</p>',
            # an image, not the inline SVG: two posters inline would repeat the SVG's ids
            f'<div class="pack-poster-tree"><img src="{DATA}/tree.svg" '
            f'alt="{_esc(tree_words(tree).summary)}"></div>',
            f'<p class="pack-poster-caption">{_esc(caption)}</p>', "</section>"]


def _worksheet(tree: Tree, w: dict[str, str]) -> list[str]:
    from ragft.present.record_words import STATUSES

    lines = ['<section class="pack-worksheet" id="pack-worksheet">',
             f"<h2>{_esc(w['worksheet'])}</h2>", f"<p>{_code(w['worksheet_intro'])}</p>"]
    fields = dict(record_fields())
    # What a group writes first comes first; an option this order does not know goes last.
    order = [o for o in WORKSHEET_ORDER if o in fields] + [o for o in fields
                                                           if o not in WORKSHEET_ORDER]
    for option in order:
        text = fields[option]
        if option == "ANSWER":
            lines += ['<table class="pack-answers" data-option="ANSWER">',
                      f"<thead><tr><th>{_esc(w['gate'])}</th><th>{_esc(w['circle'])}</th>"
                      f"<th>{_esc(w['why'])}</th></tr></thead><tbody>"]
            for gate in tree.gates:
                circles = " ".join(f'<span class="pack-circle">{_esc(a.label)} '
                                   f"<code>{_esc(gate.id)}={_esc(a.id)}</code></span>"
                                   for a in gate.answers)
                lines.append(f'<tr data-gate="{_esc(gate.id)}"><td>{_esc(gate.label)}: '
                             f"{_esc(gate.question)}</td><td>{circles}</td>"
                             f'<td class="pack-line" data-option="--why"></td></tr>')
            lines.append("</tbody></table>")
        elif option == "--why":
            continue  # a column of the answers' table: one reason per gate
        elif option == "--status":
            circles = " ".join(f'<span class="pack-circle">{_esc(s)}</span>' for s in STATUSES)
            lines.append(f'<div class="pack-field" data-option="{option}"><span class="'
                         f'pack-label"><code>{option}</code> {_esc(text)}</span> {circles}</div>')
        else:
            lines.append(f'<div class="pack-field" data-option="{option}"><span class="'
                         f'pack-label"><code>{option}</code> {_esc(text)}</span>'
                         '<span class="pack-line"></span></div>')
    command = ("ragft record GATE=ANSWER ... --use-case \"...\" --requirement \"...\" "
               "--status STATUS --by NAME --why GATE=\"...\" --date YYYY-MM-DD -o team.md")
    lines += [f'<p class="pack-command">{_esc(w["command"])} <code>{_esc(command)}</code></p>',
              "</section>"]
    return lines


def pack(tree: Tree) -> str:
    """The printable pack: a card per case (facts, no outcome), a key per card, the tree as
    an A4 and an A3 poster, and the worksheet of `ragft record`'s fields."""
    # The cards (ragft/guide/cards.yaml) through their one loader; their words are ragft's.
    w, cards = dict(CARDS), card_data(tree)
    lines = ['<div class="ragft-pack">', '<section class="pack-cards" id="pack-cards">',
             f"<h2>{_esc(w['cards'])}</h2>"]
    for n, card in enumerate(cards, 1):
        lines += _card(card.case, n, len(cards), dict(card.facts), w, tree, card.situation)
    lines += ["</section>", '<section class="pack-keys" id="pack-keys">',
              f"<h2>{_esc(w['keys'])}</h2>"]
    for n, card in enumerate(cards, 1):
        lines += _key(card.case, n, dict(card.facts), w, tree)
    lines.append("</section>")
    lines += _poster(tree, "a4", w["poster_a4"], w["poster_caption"])
    lines += _poster(tree, "a3", w["poster_a3"], w["poster_caption"])
    lines += _worksheet(tree, w)
    lines.append("</div>")
    return _html_block(lines)


def includes(tree: Tree | None = None) -> dict[str, str]:
    """File name in ``site/_includes/`` -> the text the tree gives for it."""
    tree = tree or default_tree()
    return {"_tree-figure.md": tree_figure(tree), "_watch.md": watch_list(tree),
            "_pack.md": pack(tree)}


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

"""What the notebooks display: the tree's own text, laid out as Markdown, and its diagrams.

Every function reads the tree (and asks :mod:`ragft.engine.decision` where answers lead), so a
notebook cell is one call such as ``show.gate_answers("knowledge")`` and holds no decision logic.
The Markdown functions return :class:`IPython.display.Markdown` (Jupyter shows it formatted; Quarto
turns it into page content), the diagram functions :class:`IPython.display.SVG` made by
graphviz-pure, whose bytes are the same on every machine, so nbval can compare them. The functions
about use cases live in :mod:`ragft.guide.cases` and are re-exported here.

Example:
    >>> from ragft.guide import show
    >>> print(show.gate_answers("knowledge").data.splitlines()[0])
    **If you answer *It changes often*** (`knowledge=changing`)
    >>> show.walker_href("depth")
    'https://ragft.github.io/ragft/walk.html#prompting=yes&context=no&knowledge=static'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from IPython.display import SVG, Markdown

from ..engine.decision import answers_key, decide, path_to
from ..errors import UnknownNodeError
from ..present.content import card
from ..present.markdown import md_card
from ..tree.model import Tree
from ..web import links
from ._text import cite, gate_name, leads_to, md, md_escape, resolve
from .cases import assumptions, case_card, case_walks, gate_cases, gate_example

__all__ = [
    "BINDER",
    "SITE",
    "assumptions",
    "case_card",
    "case_walks",
    "diagram",
    "evidence",
    "exits_overview",
    "gate_answers",
    "gate_cases",
    "gate_example",
    "gate_intro",
    "md_escape",
    "paths_table",
    "revisit",
    "sources",
    "watch_paths",
]

# The published site (``website.site-url`` in _quarto.yml). Notebooks link its pages by full
# URL, so the links work in Jupyter, on Binder and on GitHub; the site's ipynb-filter
# (site/strip_widgets.py) makes them relative again, so the rendered pages also work offline.
SITE = links.SITE
WALKER = links.site_page("walk.html")
BINDER = links.binder_url("notebooks/{name}")


def walker_href(node: str | None = None, tree: Tree | None = None) -> str:
    """Link into the site's walker, opened at ``node`` (a gate or an exit) or at the start.

    >>> walker_href("knowledge")
    'https://ragft.github.io/ragft/walk.html#prompting=yes&context=no'
    """
    if node is None:
        return WALKER
    key = answers_key(path_to(node, resolve(tree)))
    return f"{WALKER}#{key}" if key else WALKER


def binder_href(notebook: str) -> str:
    """The Binder link that opens ``notebook`` (a file name in ``notebooks/``) in JupyterLab.

    >>> binder_href("00_start_here.ipynb")
    'https://mybinder.org/v2/gh/ragft/ragft/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb'
    """
    return BINDER.format(name=notebook)


def gate_intro(gate_id: str, tree: Tree | None = None) -> Markdown:
    """A gate's question, what it asks about, why it matters, its warnings and sources."""
    tree = resolve(tree)
    gate = tree.gate(gate_id)
    lines = [f"**{gate_name(gate)}** (`{gate.id}`)", "", f"> {md_escape(gate.question)}", "",
             md_escape(gate.explanation)]
    if gate.why:
        lines += ["", f"**Why it matters.** {md_escape(gate.why)}"]
    for warning in gate.warnings:
        lines += ["", f"> **Warning.** {md_escape(warning)}"]
    if gate.sources:
        lines += ["", f"Sources: {cite(tree, gate.sources)}."]
    return md("\n".join(lines))


def gate_answers(gate_id: str, tree: Tree | None = None) -> Markdown:
    """Each answer of a gate: the signals for it, what it means, and where it leads.

    An answer that ends the walk also shows what that recommendation has you build and its
    warnings, so each recommendation is told in full once, at the gate that reaches it.
    """
    tree = resolve(tree)
    gate = tree.gate(gate_id)
    blocks = []
    for ans in gate.answers:
        lines = [f"**If you answer *{md_escape(ans.label)}*** (`{gate.id}={ans.id}`)", ""]
        if ans.signals:
            lines += ["Signals that point here:", ""]
            lines += [f"- {md_escape(s)}" for s in ans.signals]
            lines.append("")
        lines += [f"What it means: {md_escape(ans.meaning)}", "",
                  f"Where it leads: {leads_to(tree, ans.next)}."]
        if tree.is_exit(ans.next):
            ex = tree.exit(ans.next)
            lines += ["", "What you would build:", ""]
            lines += [f"- {md_escape(b)}" for b in ex.build]
            lines += [f"\n> **Warning.** {md_escape(w)}" for w in ex.warnings]
        blocks.append("\n".join(lines))
    return md("\n\n".join(blocks))


def exit_card(exit_id: str, tree: Tree | None = None) -> Markdown:
    """One recommendation: its kind, summary, what you build and what to watch."""
    tree = resolve(tree)
    decision = decide(path_to(exit_id, tree), tree)
    return md(md_card(card(decision), level=4, sections=("components", "build", "warnings")))


def exits_overview(tree: Tree | None = None) -> Markdown:
    """A table of every exit: its kind and the answers that reach it."""
    tree = resolve(tree)
    rows = ["| Recommendation | Kind | Reached by |", "|---|---|---|"]
    for ex in tree.exits:
        route = "; ".join(
            f"{tree.gate(g).label}: {md_escape(tree.gate(g).answer(a).label)}"
            for g, a in path_to(ex.id, tree).items())
        rows.append(f"| **{md_escape(ex.title)}** (`{ex.id}`) | "
                    f"{md_escape(tree.kind(ex.kind).label)} | {route} |")
    return md("\n".join(rows))


def watch_paths(tree: Tree | None = None) -> Markdown:
    """The kinds of exit the guide marks as paths to watch, with what each means."""
    tree = resolve(tree)
    lines = [f"- **{md_escape(k.label)}**: {md_escape(k.description)}"
             for k in tree.kinds if k.watch]
    return md("\n".join(lines))


def paths_table(tree: Tree | None = None) -> Markdown:
    """What each path means you will build: RAG, fine-tuning and hybrid side by side."""
    tree = resolve(tree)
    rows = ["| | RAG | Fine-tuning | Hybrid |", "|---|---|---|---|"]
    for row in tree.paths:
        cells = (row.aspect, row.rag, row.fine_tune, row.hybrid)
        rows.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return md("\n".join(rows))


def evidence(ids: Iterable[str] | None = None, tree: Tree | None = None) -> Markdown:
    """Cited findings (all of them, or the ``ids`` given), each with its source and caveat.

    Raises:
        UnknownNodeError: an id is not one of the tree's evidence ids.
    """
    tree = resolve(tree)
    by_id = {e.id: e for e in tree.evidence}
    wanted = list(ids) if ids is not None else list(by_id)
    for eid in wanted:
        if eid not in by_id:
            raise UnknownNodeError(eid, by_id, what="evidence")
    lines = []
    for eid in wanted:
        item = by_id[eid]
        caveat = f" *Caveat: {md_escape(item.caveat)}*" if item.caveat else ""
        lines.append(f"- {md_escape(item.claim)} ({cite(tree, [item.source])}.){caveat}")
    return md("\n".join(lines))


def sources(ids: Iterable[str] | None = None, tree: Tree | None = None) -> Markdown:
    """The cited sources as a list (all of them, or the ``ids`` given)."""
    tree = resolve(tree)
    wanted = list(ids) if ids is not None else [s.id for s in tree.sources]
    return md("\n".join(f"- {cite(tree, [sid])}" for sid in wanted))


def revisit(tree: Tree | None = None) -> Markdown:
    """When to walk the tree again."""
    tree = resolve(tree)
    return md("\n".join(f"- {md_escape(r)}" for r in tree.revisit))


def diagram(
    focus: str | None = None,
    *,
    answers: Mapping[str, str] | None = None,
    prechecks: bool = True,
    tree: Tree | None = None,
) -> SVG:
    """The tree drawn by graphviz-pure: whole, with a gate in ``focus``, or with a walk's path.

    Raises:
        UnknownGateError: ``focus`` is not a gate the diagram draws.
        UnknownAnswerError: an answer is not one of its gate's answers.
    """
    from ..diagram.dot import tree_diagram  # graphviz loads only when a diagram is drawn
    from ..diagram.render import render

    tree = resolve(tree)
    decision = decide(answers, tree) if answers is not None else None
    graph = tree_diagram(tree, decision=decision, prechecks=prechecks, focus=focus)
    return SVG(data=render(graph, "svg"))  # type: ignore[no-untyped-call]

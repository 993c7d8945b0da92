"""What the notebooks display: the tree's own text, laid out as Markdown, and its diagrams.

Every function reads the tree (and asks :mod:`ragft.engine.decision` where answers lead), so a
notebook cell is one call such as ``show.gate_answers("knowledge")`` and holds no decision logic.
The Markdown functions return :class:`IPython.display.Markdown` (Jupyter shows it formatted; Quarto
turns it into page content), the diagram functions :class:`IPython.display.SVG` made by
graphviz-pure, whose bytes are the same on every machine, so nbval can compare them. The functions
about use cases live in :mod:`ragft.guide.cases`.

Example:
    >>> from ragft.guide import show
    >>> print(show.gate_answers("knowledge").data.splitlines()[0])
    **If you answer *It changes often*** (`knowledge=changing`)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from IPython.display import SVG, Markdown

from ..engine.decision import decide, path_to
from ..errors import UnknownIdError
from ..present.content import gate_name, leads_to
from ..present.guide_words import WORDS
from ..present.markdown import md_escape, md_text
from ..present.words import HEADINGS, LABELS
from ..tree.model import Tree
from ..web import links
from ._text import cite, md, resolve

__all__ = [
    "diagram",
    "evidence",
    "exits_overview",
    "gate_answers",
    "gate_intro",
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


def gate_intro(gate_id: str, tree: Tree | None = None) -> Markdown:
    """A gate's question, what it asks about, why it matters, its warnings and sources."""
    tree = resolve(tree)
    gate = tree.gate(gate_id)
    lines = [f"**{md_escape(gate_name(gate))}** (`{gate.id}`)", "",
             f"> {md_escape(gate.question)}", "", md_escape(gate.explanation)]
    if gate.why:
        lines += ["", f"**{WORDS['why_matters']}.** {md_escape(gate.why)}"]
    for warning in gate.warnings:
        lines += ["", f"> **{WORDS['warning']}.** {md_escape(warning)}"]
    if gate.sources:
        lines += ["", f"{HEADINGS['sources']}: {cite(tree, gate.sources)}."]
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
        if_answer = WORDS["if_answer"].format(answer=f"*{md_escape(ans.label)}*")
        lines = [f"**{if_answer}** (`{gate.id}={ans.id}`)", ""]
        if ans.signals:
            lines += [f"{LABELS['signals']}:", ""]
            lines += [f"- {md_escape(s)}" for s in ans.signals]
            lines.append("")
        lines += [f"{LABELS['meaning']}: {md_escape(ans.meaning)}", "",
                  md_text(leads_to(tree, ans.next))]
        if tree.is_exit(ans.next):
            ex = tree.exit(ans.next)
            lines += ["", f"{WORDS['would_build']}:", ""]
            lines += [f"- {md_escape(b)}" for b in ex.build]
            lines += [f"\n> **{WORDS['warning']}.** {md_escape(w)}" for w in ex.warnings]
        blocks.append("\n".join(lines))
    return md("\n\n".join(blocks))


def exits_overview(tree: Tree | None = None) -> Markdown:
    """A table of every exit: its kind and the answers that reach it."""
    tree = resolve(tree)
    head = (LABELS["recommendation"], WORDS["kind"], WORDS["reached_by"])
    rows = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    for ex in tree.exits:
        route = "; ".join(
            WORDS["step"].format(gate=tree.gate(g).label,
                                 answer=md_escape(tree.gate(g).answer(a).label))
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
    kinds = [k for k in tree.kinds if any(row.cell(k.id) is not None for row in tree.paths)]
    rows = ["| |" + "".join(f" {md_escape(k.label)} |" for k in kinds),
            "|---|" + "---|" * len(kinds)]
    for row in tree.paths:
        cells = (row.aspect, *(row.cell(k.id) or "" for k in kinds))
        rows.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return md("\n".join(rows))


def evidence(ids: Iterable[str] | None = None, tree: Tree | None = None) -> Markdown:
    """Cited findings (all of them, or the ``ids`` given), each with its source and caveat.

    Raises:
        UnknownIdError: an id is not one of the tree's evidence ids.
    """
    tree = resolve(tree)
    by_id = {e.id: e for e in tree.evidence}
    wanted = list(ids) if ids is not None else list(by_id)
    for eid in wanted:
        if eid not in by_id:
            raise UnknownIdError(eid, "evidence", by_id)
    lines = []
    for eid in wanted:
        item = by_id[eid]
        caveat = (f" *{WORDS['caveat'].format(caveat=md_escape(item.caveat))}*" if item.caveat
                  else "")
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
    return SVG(data=_fit_width(render(graph, "svg")))  # type: ignore[no-untyped-call]


_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')
_FULL_WIDTH = ' width="100%"'


def _fit_width(svg: str) -> str:
    """``svg`` drawn as wide as the output area: its root's fixed width and height (graphviz
    writes points) give way to ``width="100%"``, the ``viewBox`` keeping the proportions.

    JupyterLab draws an ``image/svg+xml`` output as an ``<img>`` at the size the SVG states,
    with no ``max-width``: a 1,185 px tree is cut in a 968 px output area. At the area's width
    its labels stay legible (the tree is drawn for about 1,000 px).

    >>> _fit_width('<svg width="889pt" height="901pt" viewBox="0 0 889 901"><g width="3"/></svg>')
    '<svg width="100%" viewBox="0 0 889 901"><g width="3"/></svg>'
    """
    start = svg.find("<svg")
    end = svg.find(">", start)
    if start < 0 or end < 0 or "viewBox" not in svg[start:end]:
        return svg
    root = _SIZE.sub("", svg[start:end])
    return f"{svg[:start]}<svg{_FULL_WIDTH}{root[4:]}{svg[end:]}"


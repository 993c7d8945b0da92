"""What the notebooks display: the tree's own text, laid out as Markdown, and its diagrams.

Every function reads the tree (and asks :mod:`ragft.engine` where answers lead), so a notebook
cell is one call such as ``show.gate_answers("knowledge")`` and holds no decision logic. The
Markdown functions return :class:`IPython.display.Markdown` (Jupyter shows it formatted; Quarto
turns it into page content), the diagram functions :class:`IPython.display.SVG` made by
graphviz-pure, whose bytes are the same on every machine, so nbval can compare them.

Example:
    >>> from ragft.notebooks import show
    >>> print(show.gate_answers("knowledge").data.splitlines()[0])
    **If you answer *It changes often*** (`knowledge=changing`)
    >>> show.walker_href("depth")
    'https://ragft.github.io/ragft/walk.html#prompting=yes&context=no&knowledge=static'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from IPython.display import SVG, Markdown

from ..engine import answers_key, decide, path_to
from ..loader import default_tree
from ..model import Case, Gate, Requirement, Tree

__all__ = [
    "BINDER",
    "SITE",
    "WALKER",
    "binder_href",
    "case_card",
    "case_walks",
    "diagram",
    "evidence",
    "exit_card",
    "exits_overview",
    "gate_answers",
    "gate_cases",
    "gate_example",
    "gate_intro",
    "md_escape",
    "paths_table",
    "revisit",
    "sources",
    "walker_href",
    "watch_paths",
]

# The published site (``website.site-url`` in _quarto.yml). Notebooks link its pages by full
# URL, so the links work in Jupyter, on Binder and on GitHub; the site's ipynb-filter
# (site/strip_widgets.py) makes them relative again, so the rendered pages also work offline.
SITE = "https://ragft.github.io/ragft/"
WALKER = SITE + "walk.html"
BINDER = "https://mybinder.org/v2/gh/ragft/ragft/HEAD?urlpath=lab/tree/notebooks/{name}"


def md_escape(text: str) -> str:
    """Make tree text safe inside Markdown: no raw HTML, and ``$`` is never read as math.

    >>> md_escape("<b>USD 5</b> or $5")
    '&lt;b&gt;USD 5&lt;/b&gt; or \\\\$5'
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("$", "\\$"))


def _md(text: str) -> Markdown:
    return Markdown(text)  # type: ignore[no-untyped-call]  # IPython leaves __init__ untyped


def _tree(tree: Tree | None) -> Tree:
    return tree if tree is not None else default_tree()


def _gate_name(gate: Gate) -> str:
    return f"{gate.label} · {md_escape(gate.title)}"


def _leads_to(tree: Tree, node: str) -> str:
    if tree.is_exit(node):
        ex = tree.exit(node)
        return (f"the recommendation **{md_escape(ex.title)}** (`{ex.id}`, "
                f"{md_escape(tree.kind(ex.kind).label)})")
    return f"the next question, **{_gate_name(tree.gate(node))}** (`{node}`)"


def _cite(tree: Tree, source_ids: Iterable[str]) -> str:
    parts = []
    for sid in source_ids:
        src = tree.source(sid)
        year = f" ({src.year})" if src.year else ""
        title = f"[{md_escape(src.title)}]({src.url})" if src.url else md_escape(src.title)
        parts.append(f"{md_escape(src.author)}, *{title}*{year}")
    return "; ".join(parts)


def walker_href(node: str | None = None, tree: Tree | None = None) -> str:
    """Link into the site's walker, opened at ``node`` (a gate or an exit) or at the start.

    >>> walker_href("knowledge")
    'https://ragft.github.io/ragft/walk.html#prompting=yes&context=no'
    """
    if node is None:
        return WALKER
    key = answers_key(path_to(node, _tree(tree)))
    return f"{WALKER}#{key}" if key else WALKER


def binder_href(notebook: str) -> str:
    """The Binder link that opens ``notebook`` (a file name in ``notebooks/``) in JupyterLab.

    >>> binder_href("00_start_here.ipynb")
    'https://mybinder.org/v2/gh/ragft/ragft/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb'
    """
    return BINDER.format(name=notebook)


def gate_intro(gate_id: str, tree: Tree | None = None) -> Markdown:
    """A gate's question, what it asks about, why it matters, its warnings and sources."""
    tree = _tree(tree)
    gate = tree.gate(gate_id)
    lines = [f"**{_gate_name(gate)}** (`{gate.id}`)", "", f"> {md_escape(gate.question)}", "",
             md_escape(gate.explanation)]
    if gate.why:
        lines += ["", f"**Why it matters.** {md_escape(gate.why)}"]
    for warning in gate.warnings:
        lines += ["", f"> **Warning.** {md_escape(warning)}"]
    if gate.sources:
        lines += ["", f"Sources: {_cite(tree, gate.sources)}."]
    return _md("\n".join(lines))


def gate_answers(gate_id: str, tree: Tree | None = None) -> Markdown:
    """Each answer of a gate: the signals for it, what it means, and where it leads.

    An answer that ends the walk also shows what that recommendation has you build.
    """
    tree = _tree(tree)
    gate = tree.gate(gate_id)
    blocks = []
    for ans in gate.answers:
        lines = [f"**If you answer *{md_escape(ans.label)}*** (`{gate.id}={ans.id}`)", ""]
        if ans.signals:
            lines += ["Signals that point here:", ""]
            lines += [f"- {md_escape(s)}" for s in ans.signals]
            lines.append("")
        lines += [f"What it means: {md_escape(ans.meaning)}", "",
                  f"Where it leads: {_leads_to(tree, ans.next)}."]
        if tree.is_exit(ans.next):
            lines += ["", "What you would build:", ""]
            lines += [f"- {md_escape(b)}" for b in tree.exit(ans.next).build]
        blocks.append("\n".join(lines))
    return _md("\n\n".join(blocks))


def gate_example(gate_id: str, tree: Tree | None = None) -> Markdown:
    """How the running example answers a gate, marked when the answer is our assumption."""
    tree = _tree(tree)
    gate = tree.gate(gate_id)
    if tree.example is None or gate.example is None:
        return _md(f"The running example is not walked through {gate.label}.")
    name = md_escape(tree.example.name)
    ans = gate.answer(gate.example.answer)
    lines = [f"**Running example ({name}).** Answer: *{md_escape(ans.label)}* "
             f"(`{gate.id}={ans.id}`). {md_escape(gate.example.note)}"]
    if gate.example.assumed:
        lines += ["", "*This answer is our assumption: the post does not state it.*"]
    return _md("\n".join(lines))


def _requirement_lines(tree: Tree, req: Requirement) -> list[str]:
    decision = decide(dict(req.answers), tree)
    steps = []
    for step in decision.path:
        gate = tree.gate(step.gate)
        mark = " (assumed)" if step.gate in req.assumed else ""
        steps.append(f"{gate.label}: *{md_escape(gate.answer(step.answer).label)}*{mark}")
    lines = [f"- **{md_escape(req.name)}**: " + "; ".join(steps) + "."]
    if decision.exit is not None:
        lines.append(f"  It ends at {_leads_to(tree, decision.exit)}.")
    if req.note:
        lines.append(f"  {md_escape(req.note)}")
    return lines


def case_walks(case: Case, tree: Tree | None = None) -> Markdown:
    """Each requirement of a case walked through the tree, with its assumed answers marked."""
    tree = _tree(tree)
    lines: list[str] = []
    for req in case.requirements:
        lines += _requirement_lines(tree, req)
    return _md("\n".join(lines))


def _case_head(case: Case) -> str:
    # An invented case says so in its own name and description (the tree's data).
    return f"**{md_escape(case.name)}**. {md_escape(case.description)}"


def gate_cases(gate_id: str, tree: Tree | None = None) -> Markdown:
    """The named cases the guide discusses at a gate, each walked to its exit."""
    tree = _tree(tree)
    tree.gate(gate_id)  # an unknown gate raises, it does not just list nothing
    blocks = []
    for case in tree.cases_at(gate_id):
        lines = [_case_head(case), ""]
        for req in case.requirements:
            lines += _requirement_lines(tree, req)
        if case.sources:
            lines += ["", f"Source: {_cite(tree, case.sources)}."]
        blocks.append("\n".join(lines))
    if not blocks:
        return _md("No named case is discussed at this gate.")
    return _md("\n\n".join(blocks))


def case_card(case: Case, tree: Tree | None = None) -> Markdown:
    """A scenario card for a group: the case, then its walk hidden until revealed."""
    tree = _tree(tree)
    names = ", ".join(f"*{md_escape(r.name)}*" for r in case.requirements)
    lines = [_case_head(case), "", f"Requirements to walk: {names}.", "",
             "<details><summary>Where the tree sends it</summary>", ""]
    for req in case.requirements:
        lines += _requirement_lines(tree, req)
    lines += ["", "</details>"]
    return _md("\n".join(lines))


def exit_card(exit_id: str, tree: Tree | None = None) -> Markdown:
    """One recommendation: its kind, summary, what you build and what to watch."""
    tree = _tree(tree)
    ex = tree.exit(exit_id)
    kind = tree.kind(ex.kind)
    lines = [f"**{md_escape(ex.title)}** (`{ex.id}`, {md_escape(kind.label)})", "",
             md_escape(ex.summary), "", "What you would build:", ""]
    lines += [f"- {md_escape(b)}" for b in ex.build]
    for warning in ex.warnings:
        lines += ["", f"> **Warning.** {md_escape(warning)}"]
    return _md("\n".join(lines))


def exits_overview(tree: Tree | None = None) -> Markdown:
    """A table of every exit: its kind and the answers that reach it."""
    tree = _tree(tree)
    rows = ["| Recommendation | Kind | Reached by |", "|---|---|---|"]
    for ex in tree.exits:
        route = "; ".join(
            f"{tree.gate(g).label}: {md_escape(tree.gate(g).answer(a).label)}"
            for g, a in path_to(ex.id, tree).items())
        rows.append(f"| **{md_escape(ex.title)}** (`{ex.id}`) | "
                    f"{md_escape(tree.kind(ex.kind).label)} | {route} |")
    return _md("\n".join(rows))


def watch_paths(tree: Tree | None = None) -> Markdown:
    """The kinds of exit the guide marks as paths to watch, with what each means."""
    tree = _tree(tree)
    lines = [f"- **{md_escape(k.label)}**: {md_escape(k.description)}"
             for k in tree.kinds if k.watch]
    return _md("\n".join(lines))


def paths_table(tree: Tree | None = None) -> Markdown:
    """What each path means you will build: RAG, fine-tuning and hybrid side by side."""
    tree = _tree(tree)
    rows = ["| | RAG | Fine-tuning | Hybrid |", "|---|---|---|---|"]
    for row in tree.paths:
        cells = (row.aspect, row.rag, row.fine_tune, row.hybrid)
        rows.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return _md("\n".join(rows))


def evidence(ids: Iterable[str] | None = None, tree: Tree | None = None) -> Markdown:
    """Cited findings (all of them, or the ``ids`` given), each with its source and caveat."""
    tree = _tree(tree)
    wanted = list(ids) if ids is not None else [e.id for e in tree.evidence]
    by_id = {e.id: e for e in tree.evidence}
    lines = []
    for eid in wanted:
        item = by_id[eid]
        caveat = f" *Caveat: {md_escape(item.caveat)}*" if item.caveat else ""
        lines.append(f"- {md_escape(item.claim)} ({_cite(tree, [item.source])}.){caveat}")
    return _md("\n".join(lines))


def sources(ids: Iterable[str] | None = None, tree: Tree | None = None) -> Markdown:
    """The cited sources as a list (all of them, or the ``ids`` given)."""
    tree = _tree(tree)
    wanted = list(ids) if ids is not None else [s.id for s in tree.sources]
    return _md("\n".join(f"- {_cite(tree, [sid])}" for sid in wanted))


def revisit(tree: Tree | None = None) -> Markdown:
    """When to walk the tree again."""
    tree = _tree(tree)
    return _md("\n".join(f"- {md_escape(r)}" for r in tree.revisit))


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
    from ..diagram import tree_diagram  # graphviz loads only when a diagram is drawn
    from ..render import render

    tree = _tree(tree)
    decision = decide(answers, tree) if answers is not None else None
    graph = tree_diagram(tree, decision=decision, prechecks=prechecks, focus=focus)
    return SVG(data=render(graph, "svg"))  # type: ignore[no-untyped-call]

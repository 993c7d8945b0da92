"""The presentation layer: decisions, gates and the tree as structured, markup-free content.

The engine answers *what* the tree decides; this module says it in words, once. Every renderer
(terminal, Markdown records, notebook HTML and widgets, and the site walker through the export)
only formats what these functions return: titles, sections of a heading and items, sentences as
:mod:`ragft.present.text` spans. Links inside the content are walker states (``#gate=answer...``).

Example:
    >>> from ragft.engine.decision import decide
    >>> c = card(decide({"prompting": "yes", "context": "no", "knowledge": "changing"}))
    >>> c.title, c.line
    ('RAG: dynamic knowledge needs dynamic retrieval', 'RAG + prompts')
    >>> [s.heading for s in c.sections]
    ['What it is made of', 'What to build', 'Warnings', 'What would flip it', 'Your answers']
    >>> from ragft.present.text import plain
    >>> print(plain(c.sections[3].items[1]))  # doctest: +NORMALIZE_WHITESPACE
    Pre-check 2 (Does it fit in context?): answering Yes, it fits would lead to Keep the corpus
    in the prompt, refreshed when it changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..engine.decision import Decision, Flip, answers_key, decide
from ..tree.model import Gate, Source, Tree
from .text import Text, code, em, join, span, strong
from .words import HEADINGS, LABELS

__all__: list[str] = []


@dataclass(frozen=True)
class Section:
    """A titled list: ``id`` is stable (``build``, ``flips``...), ``heading`` is for people."""

    id: str
    heading: str
    items: tuple[Text, ...]
    ordered: bool = False


@dataclass(frozen=True)
class PathItem:
    """One answered gate of a walk; ``change`` is the walker state that asks it again."""

    gate: str
    answer: str
    gate_label: str
    gate_title: str
    answer_label: str
    change: str


@dataclass(frozen=True)
class Card:
    """A decision in words: the recommendation at an exit, or where an unfinished walk waits.

    ``line`` is the components in one line (``RAG + prompts``); ``notices`` are said before
    everything else (answers the walk did not use).
    """

    exit: str | None
    kind: str | None
    kind_label: str
    color: str
    kicker: str
    title: str
    line: str
    summary: str
    components: tuple[str, ...]
    next_gate: str | None
    sections: tuple[Section, ...]
    notices: tuple[Text, ...]
    path: tuple[PathItem, ...]
    path_text: Text


@dataclass(frozen=True)
class AnswerView:
    """An answer as a form shows it: label, meaning, signals, and where it leads."""

    id: str
    label: str
    meaning: str
    signals: tuple[str, ...]
    leads_to: Text


@dataclass(frozen=True)
class GateView:
    """A question as a form shows it: the gate's words and the running example's answer."""

    id: str
    label: str
    title: str
    name: str
    question: str
    explanation: str
    why: str
    warnings: tuple[str, ...]
    answers: tuple[AnswerView, ...]
    example: Text


@dataclass(frozen=True)
class TreeWords:
    """The diagram in words: a summary, then each question with where each answer goes."""

    summary: str
    questions: tuple[tuple[str, tuple[str, ...]], ...]

    def lines(self) -> list[str]:
        """As plain lines: the summary, then each question and its ``- answer`` lines."""
        out = [self.summary]
        for question, answers in self.questions:
            out.append(question)
            out += [f"- {a}" for a in answers]
        return out


def gate_name(gate: Gate) -> str:
    """``Gate 1 (Static or changing knowledge?)``."""
    return f"{gate.label} ({gate.title})"


def flip_text(decision: Decision, flip: Flip) -> Text:
    """One "what would flip it" sentence, its target linked to the walker state it leads to."""
    tree = decision.tree
    gate = tree.gate(flip.gate)
    alt = gate.answer(flip.alternative)
    head = (span(f"{gate_name(gate)}: answering "), em(alt.label))
    if flip.lands_at is not None:
        return (*head, span(" would lead to "), strong(tree.exit(flip.lands_at).title,
                                                      "#" + flip.key), span("."))
    nxt = tree.gate(flip.leads_to)
    return (*head, span(" would continue to "), span(f"{nxt.label}: {nxt.question}",
                                                      "#" + flip.key))


def path_items(decision: Decision) -> tuple[PathItem, ...]:
    """The answered gates, each with the state that asks it again (the path before it)."""
    tree = decision.tree
    items = []
    for i, step in enumerate(decision.path):
        gate = tree.gate(step.gate)
        before = "#" + answers_key((s.gate, s.answer) for s in decision.path[:i])
        items.append(PathItem(gate.id, step.answer, gate.label, gate.title,
                              gate.answer(step.answer).label, before))
    return tuple(items)


def path_text(decision: Decision, items: tuple[PathItem, ...] | None = None) -> Text:
    """The path drawn on the tree, in one sentence (the diagram's description)."""
    tree = decision.tree
    items = path_items(decision) if items is None else items
    said = "; ".join(f"{p.gate_label}: {p.answer_label}" for p in items)
    words = f"Your path: {said or LABELS['path_none']}."
    if decision.exit is not None:
        ex = tree.exit(decision.exit)
        words += f' It ends at recommendation "{ex.title}" ({tree.kind(ex.kind).label}).'
    elif decision.next_gate is not None:
        nxt = tree.gate(decision.next_gate)
        words += f" Next question, {nxt.label}: {nxt.question}"
    return (span(words),)


def off_path_notice(decision: Decision) -> tuple[Text, ...]:
    """The notice naming answers the walk never reached, if any."""
    if not decision.off_path:
        return ()
    unused = [(code(f"{g}={a}"),) for g, a in decision.off_path]
    template = LABELS["off_path_one" if len(unused) == 1 else "off_path_many"]
    before, after = template.split("{answers}")
    return ((span(before), *join(unused, ", "), span(after)),)


def _answers_section(path: tuple[PathItem, ...]) -> Section:
    items = tuple((span(f"{p.gate_label} ({p.gate_title}): "), em(p.answer_label), span(" ("),
                   code(f"{p.gate}={p.answer}"), span(")")) for p in path)
    return Section("path", HEADINGS["path"], items, ordered=True)


def card(decision: Decision) -> Card:
    """The card of a decision: finished, the recommendation; else the question it waits at."""
    tree = decision.tree
    notices = off_path_notice(decision)
    path = path_items(decision)  # once: the trail, the answers section and the sentence
    if decision.exit is None:
        gate = tree.gate(str(decision.next_gate))
        allowed = tuple((code(f"{gate.id}={a.id}"), span(f"  {a.label}")) for a in gate.answers)
        pending = (Section("allowed", HEADINGS["allowed"], allowed),
                   *((_answers_section(path),) if decision.path else ()))
        return Card(None, None, "", "", LABELS["unfinished"],
                    f"{gate.label} ({gate.id}) needs an answer", "", gate.question, (),
                    gate.id, pending, notices, path, path_text(decision, path))
    ex = tree.exit(decision.exit)
    kind = tree.kind(ex.kind)
    parts = [(strong(tree.component(c).label), span(f": {tree.component(c).description}"))
             for c in decision.components]
    sections = [Section("components", HEADINGS["components"], tuple(parts)),
                Section("build", HEADINGS["build"], tuple((span(b),) for b in ex.build))]
    if ex.warnings:
        sections.append(Section("warnings", HEADINGS["warnings"],
                                tuple((span(w),) for w in ex.warnings)))
    if decision.flips:
        sections.append(Section("flips", HEADINGS["flips"],
                                tuple(flip_text(decision, f) for f in decision.flips)))
    sections.append(_answers_section(path))
    return Card(ex.id, kind.id, kind.label, kind.color,
                f"{LABELS['recommendation']} ({kind.label})", ex.title, decision.summary,
                ex.summary, decision.components, None, tuple(sections), notices,
                path, path_text(decision, path))


def leads_to(tree: Tree, node: str) -> Text:
    """Where an answer leads when nothing else is known of the walk: the next gate, or the exit
    with each knowledge-layer variant it has (the pre-check picks between them)."""
    if tree.is_exit(node):
        ex = tree.exit(node)
        variants = [e for e in tree.exits if e.variant_of == node]
        said: Text = (span(f"{LABELS['ends_at']} "), strong(ex.title))
        for v in variants:
            said += (span(" ("), span(LABELS["with_layer"].format(
                layer=tree.component(v.layer).label)), span(": "), strong(v.title), span(")"))
        return (*said, span("."))
    return (span(f"{LABELS['next']}: {gate_name(tree.gate(node))}"),)


def exit_named(tree: Tree, exit_id: str) -> Text:
    """An exit by name, id and kind: ``the recommendation **RAG...** (`rag_dynamic`, RAG)``."""
    ex = tree.exit(exit_id)
    return (span(f"{LABELS['the_recommendation']} "), strong(ex.title), span(" ("),
            code(ex.id), span(f", {tree.kind(ex.kind).label})"))


def answer_leads(decision: Decision) -> dict[str, Text]:
    """Where each answer of the gate a walk waits at leads, for this walk: its knowledge layer
    already chosen, an exit is named as this walk would reach it."""
    tree = decision.tree
    if decision.next_gate is None:
        return {}
    gate = tree.gate(decision.next_gate)
    out: dict[str, Text] = {}
    for ans in gate.answers:
        after = decide({**decision.answers, gate.id: ans.id}, tree)
        if after.exit is not None:
            out[ans.id] = (span(f"{LABELS['ends_at']} "), strong(tree.exit(after.exit).title),
                           span("."))
        else:
            out[ans.id] = leads_to(tree, ans.next)
    return out


def leads_from(tree: Tree, gate_id: str, before: Mapping[str, str] | None = None
               ) -> dict[str, Text]:
    """Where each answer of ``gate_id`` leads: for the walk ``before`` when it waits at that
    gate (:func:`answer_leads`), else in general (:func:`leads_to`)."""
    if before is not None:
        decision = decide(before, tree)
        if decision.next_gate == gate_id:
            return answer_leads(decision)
    return {a.id: leads_to(tree, a.next) for a in tree.gate(gate_id).answers}


def gate_view(gate: Gate, tree: Tree, before: Mapping[str, str] | None = None) -> GateView:
    """A gate as a question form shows it; ``before``, the walk's answers that reach it, names
    where each answer leads for that walk (see :func:`leads_from`)."""
    leads = leads_from(tree, gate.id, before)
    answers = tuple(AnswerView(a.id, a.label, a.meaning, a.signals, leads[a.id])
                    for a in gate.answers)
    example: Text = ()
    if gate.example is not None:
        ans = gate.answer(gate.example.answer)
        example = (strong(f"{LABELS['example']}: "), span(f"{ans.label}. {gate.example.note}"))
        if gate.example.assumed:
            example += (em(f" ({LABELS['assumed']})"),)
    return GateView(gate.id, gate.label, gate.title, gate_name(gate), gate.question,
                    gate.explanation, gate.why, gate.warnings, answers, example)


def source_text(src: Source) -> Text:
    """A source cited: author, its title (linked where it has an address) and year."""
    year = f" ({src.year})" if src.year else ""
    return (span(f"{src.author}, "), em(src.title, src.url), span(year))


def tree_words(tree: Tree, *, prechecks: bool = True, nodes: list[str] | None = None) -> TreeWords:
    """The tree in words; ``nodes`` limits it to the gates a diagram draws."""
    shown = [g for g in tree.gates if nodes is None or g.id in nodes]
    if not prechecks:
        shown = [g for g in shown if g.stage == "gate"]
    exits = [e for e in tree.exits if nodes is None or e.id in nodes or e.variant_of in nodes]

    def target(node: str) -> str:
        if tree.is_exit(node):
            ex = tree.exit(node)
            said = f'recommendation "{ex.title}" ({tree.kind(ex.kind).label})'
            for v in (e for e in tree.exits if e.variant_of == node):
                said += (f', or with {tree.component(v.layer).label} as the knowledge layer '
                         f'"{v.title}" ({tree.kind(v.kind).label})')
            return said
        return tree.gate(node).label

    def answer(a_label: str, layer: str, nxt: str) -> str:
        sets = f", which makes {tree.component(layer).label} the knowledge layer" if layer else ""
        return f"{a_label}: go to {target(nxt)}{sets}."

    summary = (f'Decision tree "{tree.title}": {len(shown)} questions and {len(exits)} '
               "recommendations, read top to bottom.")
    return TreeWords(summary, tuple(
        (f"{g.label}: {g.question}", tuple(answer(a.label, a.layer, a.next) for a in g.answers))
        for g in shown))

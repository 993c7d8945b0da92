"""The MADR 4.0 record of one finished walk, as a :data:`~ragft.records.template.Template`.

Everything the record says about the tree comes from :mod:`ragft.present` (the card's
sections, the flips, the path) rendered by :mod:`ragft.present.markdown`; this module only
places it under MADR's headings (:mod:`ragft.present.record_words`) and adds the slots for the
team's words. The parts are functions of a decision, so :mod:`ragft.records.case` puts the
records of several requirements together from the same parts.

Example:
    >>> from ragft.engine.decision import decide
    >>> from ragft.records.template import RecordFields, fill
    >>> text = fill(decision_template(decide({"prompting": "no"})),
    ...             RecordFields(use_case="Ticket summaries", date="2026-01-31"))
    >>> print(text[:text.index("ragft:")], end="")
    ---
    status: proposed
    date: 2026-01-31
    >>> "- Use case: Ticket summaries" in text
    True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

import yaml

from ..engine.decision import Decision
from ..errors import RecordFieldError, allowed
from ..present.content import Card, Section, card, source_text
from ..present.markdown import md_escape, md_section, md_text
from ..present.record_words import HEADINGS, LABELS
from ..present.text import Text, span
from ..present.words import HEADINGS as CARD_HEADINGS
from ..present.words import LABELS as CARD_LABELS
from ..tree.model import Tree
from .template import Line, RecordFields, Slot, Template, clean, fill

__all__ = ["record_markdown"]

def tree_digest(tree: Tree) -> str:
    """SHA-256 of the tree's content (every field but the file it came from), as hex.

    A reformatted tree file keeps its digest; any change to what the tree says changes it.
    """
    data = asdict(tree)
    data.pop("origin", None)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ragft_block(decision: Decision) -> dict[str, Any]:
    """What a program reads of one decision: its answers in path order, exit, components."""
    return {"answers": decision.answers, "exit": decision.require_exit("a decision record"),
            "components": list(decision.components), "layer": decision.layer}


def front_matter(tree: Tree, block: dict[str, Any]) -> list[Line]:
    """MADR's front matter with slots for status, date and decision-makers, then the ``ragft``
    block (dumped by PyYAML, so any text in the tree stays valid YAML)."""
    data = {"ragft": {"tree": tree.title, "tree-sha256": tree_digest(tree), **block}}
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000,
                            default_flow_style=False)
    return ["---", Slot("status: ", "status", "id"), Slot("date: ", "date", "date"),
            Slot("decision-makers: ", "decision_makers", "yaml"), *dumped.splitlines(), "---"]


def _list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" or {items[-1]}" if len(items) > 1 else "".join(items)


def problem(tree: Tree) -> str:
    """The problem statement: which of the tree's components, asked by which tree."""
    options = _list([md_escape(c.label) for c in tree.components])
    return LABELS["problem"].format(options=options, tree=md_escape(tree.title))


def _section(shown: Card, section_id: str) -> Section | None:
    return next((s for s in shown.sections if s.id == section_id), None)


def drivers(decision: Decision, shown: Card, *, why_slots: bool = True,
            why: dict[str, str] | None = None) -> list[Line]:
    """One numbered driver per answer (the card's path items and each answer's meaning), each
    followed by the team's reason: a slot, or given text (a case file's reasons)."""
    tree = decision.tree
    path = _section(shown, "path")
    items = path.items if path else ()
    lines: list[Line] = []
    for n, (step, item) in enumerate(zip(decision.path, items, strict=True), 1):
        meaning = tree.gate(step.gate).answer(step.answer).meaning
        lines.append(f"{n}. {md_text(item)}. {md_escape(meaning)}")
        reason = f"   - {LABELS['reason']}: "
        if why_slots:
            lines.append(Slot(reason, f"why.{step.gate}", "md"))
        elif why and step.gate in why:
            lines.append(reason + md_escape(clean(why[step.gate])))
    return lines


def options(decision: Decision, shown: Card, chosen: str) -> list[str]:
    """The chosen exit, then what a different answer on the path would lead to."""
    title = decision.tree.exit(decision.require_exit()).title
    flips = _section(shown, "flips")
    return [f"- **{md_escape(title)}**, {chosen}",
            *(f"- {md_text(item)}" for item in (flips.items if flips else ()))]


def consequences(sections: list[Section]) -> list[str]:
    """The card's components, build and warnings sections, a level under Consequences."""
    lines = [f"### {HEADINGS['consequences']}"]
    for section in sections:
        if section.items:
            lines += ["", *md_section(section, level=4)]
    return lines


def confirmation_items(decisions: list[Decision]) -> list[Text]:
    """How to check the decision holds: each exit's ``confirm`` list, in order, once each."""
    found: list[Text] = []
    for decision in decisions:
        for item in decision.tree.exit(decision.require_exit()).confirm:
            if (span(item),) not in found:
                found.append((span(item),))
    return found


def confirmation(decisions: list[Decision]) -> list[str]:
    """How to confirm the decision: what its exits say to check, and ``ragft revisit``."""
    lines = [f"### {HEADINGS['confirmation']}", ""]
    items = confirmation_items(decisions)
    if items:
        lines += [LABELS["confirm"], "", *(f"- {md_text(i)}" for i in items), ""]
    return [*lines, LABELS["revisit_command"]]


def pros_and_cons(decisions: list[Decision], chosen: set[str]) -> list[str]:
    """The tree's comparison of paths for each kind among the options (the chosen exits and
    where the flips land). Variants (another knowledge layer) are left out: the comparison
    describes the paths with retrieval, and would not be true of them."""
    tree = decisions[0].tree
    columns = {k for row in tree.paths for k, _ in row.cells}
    exits: list[str] = []
    for d in decisions:
        exits += [d.require_exit(), *(f.lands_at for f in d.flips if f.lands_at)]
    by_kind: dict[str, list[str]] = {}
    for exit_id in dict.fromkeys(exits):
        ex = tree.exit(exit_id)
        if ex.kind in columns and not ex.variant_of:
            by_kind.setdefault(ex.kind, []).append(exit_id)
    if not tree.paths or not by_kind:
        return []
    lines = [f"## {HEADINGS['pros_cons']}", "", LABELS["pros_cons"]]
    for kind in (k.id for k in tree.kinds if k.id in by_kind):
        named = [f"**{md_escape(tree.exit(e).title)}**"
                 + (f" ({LABELS['chosen']})" if e in chosen else "") for e in by_kind[kind]]
        lines += ["", f"### {md_escape(tree.kind(kind).label)}", "",
                  f"{LABELS['kind_options']}: {'; '.join(named)}.", ""]
        lines += [f"- {md_escape(row.aspect)}: {md_escape(text)}"
                  for row in tree.paths if (text := row.cell(kind)) is not None]
    return lines


def source_items(decisions: list[Decision]) -> list[Text]:
    """The sources the gates on the paths and the exits cite, in the tree's order."""
    tree = decisions[0].tree
    cited: set[str] = set()
    for d in decisions:
        for step in d.path:
            cited.update(tree.gate(step.gate).sources)
        cited.update(tree.exit(d.require_exit()).sources)
    items: list[Text] = []
    for src in (s for s in tree.sources if s.id in cited):
        items.append((*source_text(src), span(".")))
    return items


def more_information(decisions: list[Decision]) -> list[str]:
    """When to revisit (the tree's list), then the sources."""
    tree = decisions[0].tree
    lines = [f"## {HEADINGS['more']}"]
    if tree.revisit:
        lines += ["", f"### {CARD_HEADINGS['revisit']}", "", CARD_LABELS["revisit_intro"], "",
                  *(f"- {md_escape(r)}" for r in tree.revisit)]
    sources = source_items(decisions)
    if sources:
        lines += ["", f"### {CARD_HEADINGS['sources']}", "",
                  *(f"- {md_text(s)}" for s in sources)]
    return lines


def decision_template(decision: Decision) -> Template:
    """The MADR record of a finished walk, with slots for the team's fields.

    Raises:
        IncompleteDecisionError: the walk has not reached an exit.
    """
    tree = decision.tree
    block = ragft_block(decision)
    shown = card(decision)
    kept = [s for s in shown.sections if s.id in ("components", "build", "warnings")]
    lines: list[Line] = [
        *front_matter(tree, block), "",
        f"# {md_escape(shown.title)}", "",
        f"*{md_escape(shown.kicker)}: {md_escape(shown.line)}*", "",
        f"## {HEADINGS['context']}", "",
        Slot(f"- {LABELS['use_case']}: ", "use_case", "md"),
        Slot(f"- {LABELS['requirement']}: ", "requirement", "md"), "",
        problem(tree), "",
        f"## {HEADINGS['drivers']}", "",
        *drivers(decision, shown), "",
        f"## {HEADINGS['options']}", "",
        *options(decision, shown, LABELS["chosen"]), "",
        f"## {HEADINGS['outcome']}", "",
        LABELS["outcome"].format(title=md_escape(shown.title), summary=md_escape(shown.summary)),
        "", *consequences(kept), "",
        *confirmation([decision]), "",
        *pros_and_cons([decision], {block["exit"]}), "",
        *more_information([decision]),
    ]
    return tuple(lines)

def check_why(decision: Decision, why: Mapping[str, str]) -> None:
    """Raise unless every gate given a reason is a gate this walk answered."""
    tree = decision.tree
    answered = [s.gate for s in decision.path]
    for gate in why:
        tree.gate(gate)  # UnknownGateError for an id the tree lacks
        if gate not in answered:
            msg = f"reason for gate {gate!r}, which this walk does not reach {allowed(answered)}"
            raise RecordFieldError(msg, field="why")


def record_markdown(decision: Decision, fields: RecordFields | None = None) -> str:
    """The MADR record of a finished walk with the team's fields (dated today if undated).

    Raises:
        IncompleteDecisionError: the walk has not reached an exit.
        UnknownGateError, RecordFieldError: a reason for a gate the tree lacks or the walk does not
            reach.
    """
    fields = fields or RecordFields()
    check_why(decision, fields.why)
    return fill(decision_template(decision), fields.dated())


def body_markdown(decision: Decision, fields: RecordFields | None = None) -> str:
    """The record of :func:`record_markdown` without its front matter (what a preview shows),
    made from the same template: nothing is written and read back."""
    fields = fields or RecordFields()
    check_why(decision, fields.why)
    template = decision_template(decision)
    end = template.index("---", 1)  # the front matter's closing line
    return fill(template[end + 1:], fields)


def record_title(decision: Decision, fields: RecordFields | None = None) -> str:
    """What a numbered ADR file is named after: the requirement, the use case, or the exit."""
    fields = fields or RecordFields()
    return (clean(fields.requirement) or clean(fields.use_case)
            or decision.tree.exit(decision.require_exit("a decision record")).title)

"""One record for a use case with several requirements: a decision per requirement and the
combined architecture (:func:`ragft.engine.architecture.combine`).

``ragft record --case FILE`` reads a small YAML file; the notebook case builder calls
:func:`case_record` with the same data. A case file::

    use-case: Internal knowledge assistant
    status: proposed                  # optional, as --status
    decision-makers: [Ana, Bo]        # optional, as --by
    requirements:
      - name: Policy and product-spec facts
        answers: {prompting: "yes", context: "no", knowledge: changing}
        why:                          # optional: the team's reason for an answer
          knowledge: Policies change every quarter

Every problem in the file is reported with its line and, where it has one, the requirement.

Example:
    >>> from ragft.records.template import RecordFields
    >>> facts = CaseRequirement("Facts", {"prompting": "yes", "context": "no",
    ...                                   "knowledge": "changing"})
    >>> tone = CaseRequirement("Tone", {"prompting": "no"})
    >>> text = case_record([facts, tone], RecordFields(use_case="Help desk", date="2026-01-31"))
    >>> [line for line in text.splitlines() if line.startswith("# ")]
    ['# Help desk: RAG + prompts']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import yaml

from .._yaml import parse_yaml
from ..engine.architecture import combine
from ..engine.decision import Decision, check_answers
from ..errors import CaseFileError, RagftError, RecordFieldError, unknown
from ..present.content import Card, Section, card
from ..present.markdown import md_escape
from ..present.record_words import HEADINGS, LABELS, STATUSES
from ..present.text import Text
from ..present.words import HEADINGS as CARD_HEADINGS
from ..present.words import LABELS as CARD_LABELS
from ..tree.loader import default_tree
from ..tree.model import Tree
from .madr import (
    check_why,
    confirmation,
    consequences,
    drivers,
    front_matter,
    more_information,
    options,
    problem,
    pros_and_cons,
    ragft_block,
)
from .template import Line, RecordFields, Slot, Template, fill

__all__ = ["case_record"]


@dataclass(frozen=True)
class CaseRequirement:
    """One requirement of a use case: its name, its answers, and the team's reasons."""

    name: str
    answers: Mapping[str, str]
    why: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseFile:
    """What a case file says: the use case, its requirements, and any record fields."""

    use_case: str
    requirements: tuple[CaseRequirement, ...]
    status: str = ""
    decision_makers: tuple[str, ...] = ()


def _merged(cards: list[Card], section_id: str) -> tuple[Text, ...]:
    items: list[Text] = []
    for shown in cards:
        for s in shown.sections:
            if s.id == section_id:
                items += [i for i in s.items if i not in items]
    return tuple(items)


def _components(decisions: list[Decision], cards: list[Card], order: tuple[str, ...]
                ) -> tuple[Text, ...]:
    """The cards' component items, once each, in the architecture's (the tree's) order."""
    by_id: dict[str, Text] = {}
    for d, shown in zip(decisions, cards, strict=True):
        section = next(s for s in shown.sections if s.id == "components")
        by_id.update(zip(d.components, section.items, strict=True))
    return tuple(by_id[c] for c in order)


def case_template(requirements: Sequence[CaseRequirement], tree: Tree | None = None) -> Template:
    """The record of a use case's requirements, with slots for the use case, status, date and
    decision-makers (the reasons are the requirements' own).

    Raises:
        RagftError: no requirements, a requirement that does not reach an exit, unknown ids,
            or a reason for a gate its walk does not reach.
    """
    tree = tree or default_tree()
    arch = combine([(r.name, r.answers) for r in requirements], tree)
    decisions = [d for _, d in arch.decisions]
    cards = [card(d) for d in decisions]  # once each: every section below reads them
    for req, d in zip(requirements, decisions, strict=True):
        check_why(d, req.why)
    names = [md_escape(r.name) for r in requirements]
    block = {"components": list(arch.components),
             "requirements": [{"name": r.name, **ragft_block(d)}
                              for r, d in zip(requirements, decisions, strict=True)]}
    summary = md_escape(arch.summary)
    lines: list[Line] = [
        *front_matter(tree, block), "",
        Slot("# ", "use_case", "md", f": {summary}"), "",
        f"*{md_escape(CARD_LABELS['recommendation'])}: {summary}*", "",
        f"## {HEADINGS['context']}", "",
        Slot(f"- {LABELS['use_case']}: ", "use_case", "md"),
        f"- {LABELS['requirements']}: {'; '.join(names)}", "",
        f"{LABELS['case_problem'].format(count=len(requirements))} {problem(tree)}", "",
        f"## {HEADINGS['drivers']}",
    ]
    for n, (req, d) in enumerate(zip(requirements, decisions, strict=True), 1):
        lines += ["", f"### {n}. {names[n - 1]}", "",
                  *drivers(d, cards[n - 1], why_slots=False, why=dict(req.why))]
    lines += ["", f"## {HEADINGS['options']}", "", f"- **{summary}**, {LABELS['combined']}"]
    for n, d in enumerate(decisions, 1):
        lines += ["", f"### {n}. {names[n - 1]}", "",
                  *options(d, cards[n - 1], LABELS["chosen_for"])]
    lines += ["", f"## {HEADINGS['outcome']}", "", LABELS["case_outcome"].format(title=summary),
              ""]
    lines += [f"- {name}: **{md_escape(tree.exit(d.require_exit()).title)}** "
              f"({md_escape(d.summary)})" for name, d in zip(names, decisions, strict=True)]
    sections = [Section("components", CARD_HEADINGS["components"],
                        _components(decisions, cards, arch.components)),
                Section("build", CARD_HEADINGS["build"], _merged(cards, "build")),
                Section("warnings", CARD_HEADINGS["warnings"], _merged(cards, "warnings"))]
    lines += ["", *consequences(sections), "", *confirmation(decisions), "",
              *pros_and_cons(decisions, {d.require_exit() for d in decisions}), "",
              *more_information(decisions)]
    return tuple(lines)


def case_record(requirements: Sequence[CaseRequirement], fields: RecordFields,
                tree: Tree | None = None) -> str:
    """The Markdown record of a use case (``fields.use_case`` names it; required).

    Raises:
        RecordFieldError: no use case name, or a requirement field given (each requirement
            has its name).
        RagftError: anything :func:`case_template` rejects.
    """
    if not fields.use_case.strip():
        msg = "a use case record needs the use case's name"
        raise RecordFieldError(msg, field="use_case")
    if fields.requirement or fields.why:
        msg = "a use case record takes its requirements and reasons from the requirements"
        raise RecordFieldError(msg, field="requirement" if fields.requirement else "why")
    return fill(case_template(requirements, tree), fields.dated())


# -- the case file -----------------------------------------------------------------------------

_TOP = ("use-case", "status", "decision-makers", "requirements")
_REQUIREMENT = ("name", "answers", "why")


class _File:
    """Reads a case file's YAML nodes, so that each problem can name its line."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, node: yaml.Node | None, problem: str, requirement: str = "") -> NoReturn:
        line = [f"line {node.start_mark.line + 1}"] if node is not None else []
        who = [f"requirement {requirement!r}"] if requirement else []
        raise CaseFileError(self.origin, ": ".join(line + who), problem)

    def text(self, node: yaml.Node, what: str, requirement: str = "") -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.fail(node, f"{what} must be text", requirement)
        return str(node.value).strip()

    def mapping(self, node: yaml.Node, what: str, keys: Sequence[str] | None = None,
                requirement: str = "") -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping", requirement)
        out: list[tuple[str, yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            key = self.text(key_node, f"a key of {what}", requirement)
            if keys is not None and key not in keys:
                self.fail(key_node, unknown("key", key, keys, where=f"in {what}"), requirement)
            if any(k == key for k, _, _ in out):
                self.fail(key_node, f"{key!r} appears twice in {what}", requirement)
            out.append((key, key_node, value_node))
        return out

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if isinstance(node, yaml.SequenceNode):
            return tuple(self.text(n, f"each of {what}") for n in node.value)
        return (self.text(node, what),)


def _requirement(f: _File, node: yaml.Node, n: int, tree: Tree) -> CaseRequirement:
    items = f.mapping(node, f"requirement {n}", _REQUIREMENT)
    found = {k: v for k, _, v in items}
    if "name" not in found:
        f.fail(node, f"requirement {n} has no name")
    name = f.text(found["name"], "a requirement's name")
    if "answers" not in found:
        f.fail(node, "missing key 'answers'", name)
    answers: dict[str, str] = {}
    for gate, key_node, value_node in f.mapping(found["answers"], "answers", requirement=name):
        answer = f.text(value_node, f"the answer to {gate!r}", name)
        try:
            check_answers({gate: answer}, tree)
        except RagftError as err:
            f.fail(key_node, str(err), name)
        answers[gate] = answer
    why: dict[str, str] = {}
    for gate, _, value_node in (f.mapping(found["why"], "why", requirement=name)
                                if "why" in found else ()):
        why[gate] = f.text(value_node, f"the reason for {gate!r}", name)
    req = CaseRequirement(name, answers, why)
    try:
        decision = combine([(name, answers)], tree).decisions[0][1]
    except RagftError as err:
        f.fail(found["answers"], str(err))
    try:
        check_why(decision, why)
    except RagftError as err:
        f.fail(found["why"], str(err), name)
    return req


def read_case(path: str | Path, tree: Tree | None = None) -> CaseFile:
    """Read and check a case file (see the module's example).

    Raises:
        CaseFileError: naming the file, the line and the requirement of the first problem.
    """
    tree = tree or default_tree()
    path = Path(path)
    f = _File(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        f.fail(None, "no such file")
    except (IsADirectoryError, UnicodeDecodeError):
        f.fail(None, "not a text file of YAML")
    def fail(where: str, problem: str) -> NoReturn:
        raise CaseFileError(str(path), where, problem)

    root = parse_yaml(text, fail, nodes=True)  # nodes: each problem can name its line
    if root is None:
        f.fail(None, "empty; a case file needs use-case and requirements")
    found = {k: v for k, _, v in f.mapping(root, "the case file", _TOP)}
    for key in ("use-case", "requirements"):
        if key not in found:
            f.fail(root, f"missing key {key!r}")
    reqs_node = found["requirements"]
    if not isinstance(reqs_node, yaml.SequenceNode) or not reqs_node.value:
        f.fail(reqs_node, "requirements must be a list of one or more requirements")
    reqs = [_requirement(f, node, n, tree) for n, node in enumerate(reqs_node.value, 1)]
    seen: set[str] = set()
    for req, node in zip(reqs, reqs_node.value, strict=True):
        if req.name in seen:
            f.fail(node, f"requirement {req.name!r} appears twice")
        seen.add(req.name)
    status = f.text(found["status"], "status") if "status" in found else ""
    if status and status not in STATUSES:
        f.fail(found["status"], unknown("status", status, STATUSES))
    return CaseFile(
        use_case=f.text(found["use-case"], "use-case"),
        requirements=tuple(reqs),
        status=status,
        decision_makers=f.texts(found["decision-makers"], "decision-makers")
        if "decision-makers" in found else (),
    )

"""The decision tree as immutable data.

Instances are frozen dataclasses holding tuples, so a loaded tree can be shared by every renderer
(diagram, widgets, CLI, export) without any of them changing it. :func:`ragft.tree.loader.load_tree`
builds and checks them; nothing else constructs a :class:`Tree`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

from ..errors import UnknownAnswerError, UnknownGateError, UnknownIdError

__all__ = ["Tree"]

Stage = Literal["precheck", "gate"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _find(items: Iterable[_T], ident: str, what: str) -> _T:
    """The item with this id, or :class:`UnknownIdError` naming the allowed ids."""
    items = tuple(items)
    for item in items:
        if item.id == ident:
            return item
    raise UnknownIdError(ident, what, [i.id for i in items])


@dataclass(frozen=True)
class Source:
    """A cited source: who wrote it, what it is called, where to read it."""

    id: str
    title: str
    author: str
    url: str
    year: str = ""
    note: str = ""


@dataclass(frozen=True)
class Answer:
    """One answer to a gate and the node (gate or exit) it leads to.

    ``layer`` names the component that answering this way makes the knowledge layer of every
    later exit (the context pre-check sets ``retrieval`` or ``long_context``).
    """

    id: str
    label: str
    meaning: str
    next: str
    signals: tuple[str, ...] = ()
    layer: str = ""


@dataclass(frozen=True)
class ExampleNote:
    """How the running example answers a gate; ``assumed`` when the post leaves it unstated."""

    answer: str
    note: str
    assumed: bool = False


@dataclass(frozen=True)
class Gate:
    """A question of the tree: a pre-check or one of the numbered gates."""

    id: str
    stage: Stage
    number: int
    title: str
    question: str
    explanation: str
    answers: tuple[Answer, ...]
    why: str = ""
    warnings: tuple[str, ...] = ()
    example: ExampleNote | None = None
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Short position label: ``Pre-check 1`` or ``Gate 3``."""
        return f"{'Pre-check' if self.stage == 'precheck' else 'Gate'} {self.number}"

    @property
    def answer_ids(self) -> tuple[str, ...]:
        """The answer ids, in the order the tree lists them."""
        return tuple(a.id for a in self.answers)

    def answer(self, answer_id: str) -> Answer:
        """Return the answer with this id, or raise :class:`UnknownAnswerError`."""
        if answer_id not in self.answer_ids:
            raise UnknownAnswerError(answer_id, self.id, self.answer_ids)
        return self.answers[self.answer_ids.index(answer_id)]


@dataclass(frozen=True)
class Exit:
    """A recommendation the tree ends at, with what building it takes.

    A variant (``variant_of`` another exit, for a ``layer``) replaces that exit in every walk
    whose knowledge layer is ``layer``: the same gates, another way to supply the knowledge.
    ``confirm`` says how a team checks that what it built does what the decision expects (a
    decision record's Confirmation section).
    """

    id: str
    kind: str
    title: str
    summary: str
    build: tuple[str, ...]
    components: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    confirm: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    variant_of: str = ""
    layer: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of exit (RAG, fine-tune, hybrid...) with its diagram colour."""

    id: str
    label: str
    color: str
    description: str
    watch: bool = False


@dataclass(frozen=True)
class Component:
    """A part of a built system (retrieval, a prompting layer...) that exits combine into."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Requirement:
    """One requirement of a use case, with its answers and the exit they should reach."""

    id: str
    name: str
    answers: tuple[tuple[str, str], ...]
    exit: str
    note: str = ""
    assumed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """A use case walked through the tree: the running example or a named case."""

    id: str
    name: str
    description: str
    requirements: tuple[Requirement, ...]
    gates: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    summary: str = ""
    illustrative: bool = False


@dataclass(frozen=True)
class Evidence:
    """A cited finding, with any figures it reports (for charts)."""

    id: str
    claim: str
    source: str
    figures: tuple[tuple[str, float], ...] = ()
    caveat: str = ""


@dataclass(frozen=True)
class PathRow:
    """One row of the comparison of what each path means you will build: an ``aspect`` and,
    per kind of exit the comparison covers, what that path means for it (in the file, a key
    per kind id: ``rag: ...``)."""

    aspect: str
    cells: tuple[tuple[str, str], ...]  # (kind id, text), in the tree's order of kinds

    def cell(self, kind: str) -> str | None:
        """What the path of ``kind`` means for this aspect, or ``None`` if the row says not."""
        return dict(self.cells).get(kind)


@dataclass(frozen=True)
class Step:
    """One answered gate on a walk and the node the answer led to."""

    gate: str
    answer: str
    next: str


@dataclass(frozen=True)
class Walk:
    """Answers followed from the root: the steps taken, where the walk stopped, and the
    knowledge layer the answers set (``""`` while no answer has set one).

    ``end`` is the exit the walk reached (a variant where the layer asks for one) or the first
    gate without an answer.
    """

    steps: tuple[Step, ...]
    end: str
    layer: str
    finished: bool


@dataclass(frozen=True)
class Tree:
    """The whole decision tree. Built and checked by :func:`ragft.tree.loader.load_tree`."""

    schema_version: int
    title: str
    root: str
    gates: tuple[Gate, ...]
    exits: tuple[Exit, ...]
    kinds: tuple[Kind, ...]
    components: tuple[Component, ...]
    sources: tuple[Source, ...]
    example: Case | None
    cases: tuple[Case, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    paths: tuple[PathRow, ...] = ()
    revisit: tuple[str, ...] = ()
    origin: str = field(default="<tree>", compare=False)

    @property
    def gate_ids(self) -> tuple[str, ...]:
        """Gate ids in tree order (pre-checks first)."""
        return tuple(g.id for g in self.gates)

    @property
    def exit_ids(self) -> tuple[str, ...]:
        """Exit ids in tree order."""
        return tuple(e.id for e in self.exits)

    def gate(self, gate_id: str) -> Gate:
        """Return the gate with this id, or raise :class:`UnknownGateError`."""
        if gate_id not in self.gate_ids:
            raise UnknownGateError(gate_id, self.gate_ids)
        return self.gates[self.gate_ids.index(gate_id)]

    def exit(self, exit_id: str) -> Exit:
        """Return the exit with this id, or raise :class:`UnknownIdError`."""
        return _find(self.exits, exit_id, "exit")

    def is_exit(self, node_id: str) -> bool:
        """Whether ``node_id`` names an exit."""
        return node_id in self.exit_ids

    def kind(self, kind_id: str) -> Kind:
        """Return the kind with this id, or raise :class:`UnknownIdError`."""
        return _find(self.kinds, kind_id, "kind")

    def source(self, source_id: str) -> Source:
        """Return the source with this id, or raise :class:`UnknownIdError`."""
        return _find(self.sources, source_id, "source")

    def component(self, component_id: str) -> Component:
        """Return the component with this id, or raise :class:`UnknownIdError`."""
        return _find(self.components, component_id, "component")

    def variant(self, exit_id: str, layer: str) -> str:
        """The exit that stands for ``exit_id`` in walks whose knowledge layer is ``layer``."""
        for ex in self.exits:
            if ex.variant_of == exit_id and ex.layer == layer:
                return ex.id
        return exit_id

    def walk(self, answers: Mapping[str, str]) -> Walk:
        """Follow ``answers`` from the root: the one walk the engine and the loader's checks use.

        Raises:
            UnknownAnswerError: an answer on the path is not one of its gate's answers.
        """
        steps: list[Step] = []
        node, layer = self.root, ""
        while not self.is_exit(node) and node in answers:
            answer = self.gate(node).answer(answers[node])
            steps.append(Step(node, answer.id, answer.next))
            layer = answer.layer or layer
            node = answer.next
        finished = self.is_exit(node)
        end = self.variant(node, layer) if finished else node
        return Walk(steps=tuple(steps), end=end, layer=layer, finished=finished)

    def summarise(self, components: Iterable[str]) -> str:
        """One line naming components in the tree's order, such as ``RAG + prompts``."""
        wanted = set(components)
        text = " + ".join(c.label for c in self.components if c.id in wanted)
        return text[:1].upper() + text[1:]

    def cases_at(self, gate_id: str) -> tuple[Case, ...]:
        """Named cases the guide discusses at this gate."""
        return tuple(c for c in self.cases if gate_id in c.gates)

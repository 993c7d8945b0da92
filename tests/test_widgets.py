"""The widgets, driven headless as a reader would: set values, click buttons, read what is shown.

Real ipywidgets without a kernel; the conftest closes every widget after each test. The tests
loop over the tree's gates and every complete walk, so a new gate or exit is covered without new
test code.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import ipywidgets as w
import pytest

from conftest import MARKUP
from ragft.engine.decision import Decision, all_walks, answers_key, decide, path_to
from ragft.errors import UnknownAnswerError, UnknownGateError
from ragft.records.adr import slug
from ragft.records.madr import record_markdown
from ragft.records.template import RecordFields
from ragft.tree.loader import default_tree
from ragft.tree.model import Gate, Tree
from ragft.widgets._common import Keeper
from ragft.widgets.calculators import BreakEvenCalculator, ContextCalculator
from ragft.widgets.case import CaseBuilder
from ragft.widgets.choice import Choice
from ragft.widgets.gate import GateQuestion
from ragft.widgets.request_cost import RequestCostCalculator
from ragft.widgets.walker import Walker

TREE = default_tree()
WALKS = list(all_walks(TREE))
ANSWERS = [(g.id, a.id) for g in TREE.gates for a in g.answers]
DATE = "2026-01-31"


# -- helpers ------------------------------------------------------------------------------------


def descendants(widget: w.Widget) -> Iterator[w.Widget]:
    """The widget and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def shown_html(widget: w.Widget) -> str:
    """Everything the HTML widgets inside ``widget`` show, joined."""
    return "\n".join(d.value for d in descendants(widget) if isinstance(d, w.HTML))


def diagram_classes(diagram_html: str) -> dict[str, set[str]]:
    """Map each node/edge ``<g>`` id of the inline SVG to its set of classes."""
    svg = diagram_html[diagram_html.index("<svg"):diagram_html.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    return {g.get("id", ""): set(g.get("class", "").split())
            for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id")}


def on_path(diagram_html: str) -> set[str]:
    return {i for i, classes in diagram_classes(diagram_html).items() if "on-path" in classes}


def path_ids(decision: Decision) -> set[str]:
    """Ids a highlighted path should carry: its gates, its exit, its answer edges (the last one
    the layer's edge when the walk ends at a variant of the exit its answer names)."""
    tree = decision.tree
    ids = {s.gate for s in decision.path}
    for s in decision.path:
        variant = tree.is_exit(s.next) and decision.exit != s.next
        ids.add(f"{s.gate}-{s.answer}" + (f"-{decision.layer}" if variant else ""))
    return ids | {n for n in (decision.exit, decision.next_gate) if n is not None}


def shown_gates(walker: Walker) -> list[str]:
    return [q.gate_id for q in walker.questions]


def walk(walker: Walker, decision: Decision) -> None:
    """Answer ``walker``'s gates in path order, as a reader clicking through would."""
    for step in decision.path:
        walker.question(step.gate).choice.value = step.answer


# -- GateQuestion -------------------------------------------------------------------------------


@pytest.mark.parametrize("gate", TREE.gates, ids=lambda g: g.id)
def test_gate_question_has_nothing_preselected(gate: Gate) -> None:
    q = GateQuestion(gate.id)
    assert q.answer is None
    assert q.choice.value is None
    assert isinstance(q.choice, Choice)
    assert q.choice.options == [(a.id, a.label) for a in gate.answers]
    assert q.choice.legend == gate.question, "the radio group is named by the question"
    head = q.header.value
    for text in (gate.label, gate.title, gate.explanation):
        assert html.escape(text) in head
    assert "Choose an answer" in q.meaning.value
    assert not q.folded
    style = q.children[0].children[0]  # the style box: the stylesheet and a Keeper
    assert isinstance(style, w.HTML)
    assert "<style>" in style.value, "a question on its own carries the stylesheet"


@pytest.mark.parametrize(("gate_id", "answer_id"), ANSWERS, ids=[f"{g}={a}" for g, a in ANSWERS])
def test_gate_question_shows_what_each_answer_means(gate_id: str, answer_id: str) -> None:
    gate = TREE.gate(gate_id)
    ans = gate.answer(answer_id)
    q = GateQuestion(gate_id)
    seen: list[str | None] = []
    q.on_answer(seen.append)
    assert html.escape(ans.meaning) not in q.meaning.value
    q.choice.value = answer_id
    shown = q.meaning.value
    assert q.answer == answer_id
    assert seen == [answer_id]
    assert html.escape(ans.label) in shown
    assert html.escape(ans.meaning) in shown
    for signal in ans.signals:
        assert html.escape(signal) in shown
    where = TREE.exit(ans.next).title if TREE.is_exit(ans.next) else TREE.gate(ans.next).label
    assert html.escape(where) in shown
    q.answer = None
    assert seen == [answer_id, None]
    assert "Choose an answer" in q.meaning.value


def test_gate_question_rejects_unknown_ids() -> None:
    with pytest.raises(UnknownGateError, match=r"unknown gate 'nope' \(must be one of \["):
        GateQuestion("nope")
    q = GateQuestion("knowledge")
    with pytest.raises(UnknownAnswerError,
                       match=r"unknown answer 'maybe' for gate 'knowledge' \(must be one of "
                             r"\['changing', 'static'\]\)"):
        q.answer = "maybe"
    assert q.answer is None


def test_gate_question_shows_gate_warnings() -> None:
    for gate in TREE.gates:
        q = GateQuestion(gate.id, detail="full")
        assert "<details class='ragft-more' open>" in q.header.value
        for warning in gate.warnings:
            assert html.escape(warning) in q.header.value
        collapsed = GateQuestion(gate.id, detail="collapsed")
        assert "<details class='ragft-more'>" in collapsed.header.value
        assert html.escape(gate.explanation) in collapsed.header.value
        bare = GateQuestion(gate.id, detail="none")
        assert html.escape(gate.title) in bare.header.value
        assert html.escape(gate.explanation) not in bare.header.value


def test_choice_confirms_the_answer_chosen_again() -> None:
    q = GateQuestion("knowledge")
    changed: list[str | None] = []
    confirmed: list[str] = []
    q.on_answer(changed.append)
    q.choice.on_confirm(confirmed.append)
    q.choice.choose("static")
    q.choice.choose("static")  # Space or a click on the chosen answer
    assert changed == ["static"]
    assert confirmed == ["static"]
    q.choice._message(q.choice, {"event": "confirm", "value": "static"}, None)  # from the view
    assert confirmed == ["static", "static"]
    q.choice._message(q.choice, {"event": "confirm", "value": "changing"}, None)  # stale
    assert confirmed == ["static", "static"]


def test_a_question_folds_only_once_answered() -> None:
    q = GateQuestion("depth")
    q.fold()
    assert not q.folded
    q.answer = "deep"
    q.fold()
    assert q.folded
    assert q.children == (q.choice,)
    q.fold(False)
    assert not q.folded
    assert q.meaning in q.children


# -- Walker -------------------------------------------------------------------------------------


@pytest.mark.parametrize("decision", WALKS, ids=lambda d: answers_key(d.answers))
def test_walker_walks_every_path_to_its_card_diagram_and_record(
    decision: Decision, tmp_path: Path
) -> None:
    walker = Walker(record_dir=tmp_path, date=DATE)
    assert shown_gates(walker) == [TREE.root]
    assert walker.record_button.disabled
    for n, step in enumerate(decision.path):
        # Each gate appears only once reached, with nothing chosen.
        assert shown_gates(walker) == [s.gate for s in decision.path[:n + 1]]
        assert walker.question(step.gate).answer is None
        walker.question(step.gate).choice.value = step.answer
        so_far = decide({s.gate: s.answer for s in decision.path[:n + 1]})
        assert on_path(walker.diagram.value) == path_ids(so_far), "diagram follows each answer"
    assert shown_gates(walker) == [s.gate for s in decision.path]
    assert walker.decision == decision

    ex = TREE.exit(decision.exit or "")
    card = walker.card.value
    assert html.escape(ex.title) in card
    assert html.escape(TREE.kind(ex.kind).label) in card
    assert html.escape(ex.summary) in card
    for item in ex.build + ex.warnings:
        assert html.escape(item) in card
    for flip in decision.flips:
        assert html.escape(TREE.gate(flip.gate).answer(flip.alternative).label) in card
        if flip.lands_at is not None:
            assert html.escape(TREE.exit(flip.lands_at).title) in card

    classes = diagram_classes(walker.diagram.value)
    lit = {i for i, c in classes.items() if "on-path" in c}
    assert lit == path_ids(decision)
    assert "current" not in set().union(*classes.values())
    assert f"kind-{ex.kind}" in classes[ex.id]
    assert html.escape(f"It ends at recommendation \"{ex.title}\"") in walker.diagram.value

    assert not walker.record_button.disabled
    walker.record_button.click()
    written = tmp_path / f"{slug(ex.title)}.md"  # named after what it decides
    assert walker.last_record == written
    assert written.read_text(encoding="utf-8") == record_markdown(decision, RecordFields(date=DATE))
    assert html.escape(str(written)) in walker.record_status.value
    # A second click never overwrites: it adds -2.
    walker.record_button.click()
    second = tmp_path / f"{slug(ex.title)}-2.md"
    assert walker.last_record == second
    assert {p.name for p in tmp_path.iterdir()} == {written.name, second.name}
    assert second.read_text(encoding="utf-8") == written.read_text(encoding="utf-8")


def test_walker_shows_the_next_gate_as_current() -> None:
    walker = Walker()
    classes = diagram_classes(walker.diagram.value)
    assert "current" in classes[TREE.root]
    walker.question(TREE.root).choice.value = "yes"
    classes = diagram_classes(walker.diagram.value)
    nxt = TREE.gate(TREE.root).answer("yes").next
    assert "current" in classes[nxt]
    assert "current" not in classes[TREE.root]
    assert html.escape(TREE.gate(nxt).label) in walker.card.value


def test_record_without_a_date_differs_only_in_the_date_line(tmp_path: Path) -> None:
    decision = WALKS[-1]
    walker = Walker(record_dir=tmp_path, answers=decision.answers)
    walker.use_case.value = "  Support bot  "
    walker.record_button.click()
    assert walker.last_record is not None
    assert walker.last_record.name == "support-bot.md"  # the use case names it
    got = walker.last_record.read_text(encoding="utf-8").splitlines()
    want = record_markdown(decision, RecordFields(use_case="Support bot", date=DATE)).splitlines()
    assert len(got) == len(want)
    differ = [(a, b) for a, b in zip(got, want, strict=True) if a != b]
    assert len(differ) == 1
    assert re.fullmatch(r"date: \d{4}-\d{2}-\d{2}", differ[0][0])


def test_back_undoes_one_answer_at_a_time(tmp_path: Path) -> None:
    decision = max(WALKS, key=lambda d: len(d.path))
    walker = Walker(record_dir=tmp_path)
    walk(walker, decision)
    assert walker.decision.complete
    for n in range(len(decision.path), 0, -1):
        walker.back_button.click()
        expected = {s.gate: s.answer for s in decision.path[:n - 1]}
        assert walker.decision.answers == expected
        assert shown_gates(walker) == [s.gate for s in decision.path[:n]]
        assert walker.questions[-1].answer is None
        assert walker.record_button.disabled
        assert on_path(walker.diagram.value) == path_ids(decide(expected))
    assert walker.back_button.disabled
    walker.back_button.click()  # nothing left to undo: no change, no error
    assert shown_gates(walker) == [TREE.root]


def test_restart_clears_everything() -> None:
    walker = Walker(answers=WALKS[-1].answers)
    assert walker.decision.complete
    walker.restart_button.click()
    assert shown_gates(walker) == [TREE.root]
    assert walker.questions[0].answer is None
    assert walker.decision.path == ()
    assert "ragft-card-pending" in walker.card.value
    assert on_path(walker.diagram.value) == {TREE.root}


def test_changing_an_earlier_answer_drops_the_later_gates() -> None:
    deep = max(WALKS, key=lambda d: len(d.path))
    walker = Walker()
    walk(walker, deep)
    first_gate = deep.path[2]  # the first numbered gate, after the two pre-checks
    old = walker.questions[-1]
    other = next(a.id for a in TREE.gate(first_gate.gate).answers if a.id != first_gate.answer)
    walker.question(first_gate.gate).choice.value = other
    expected = decide({**{s.gate: s.answer for s in deep.path[:2]}, first_gate.gate: other})
    assert walker.decision == expected
    assert shown_gates(walker)[:3] == [s.gate for s in deep.path[:3]]
    assert len(walker.questions) == len(expected.path) + (0 if expected.complete else 1)
    assert on_path(walker.diagram.value) == path_ids(expected)
    # A question that was dropped no longer steers the walk.
    old.choice.value = None
    assert walker.decision == expected
    # Changing back asks the later gates again, with nothing preselected.
    walker.question(first_gate.gate).choice.value = first_gate.answer
    assert walker.questions[-1].gate_id == deep.path[3].gate
    assert walker.questions[-1].answer is None


def test_walker_starts_prefilled_and_rejects_bad_answers() -> None:
    target = WALKS[3]
    walker = Walker(answers={**target.answers})
    assert walker.decision == target
    assert html.escape(TREE.exit(target.exit or "").title) in walker.card.value
    with pytest.raises(UnknownAnswerError, match="must be one of"):
        Walker(answers={"prompting": "perhaps"})
    with pytest.raises(UnknownGateError, match="must be one of"):
        Walker(answers={"colour": "blue"})
    # The gate the walk waits at next is shown unanswered.
    waiting = Walker(answers=path_to("data"))
    assert shown_gates(waiting)[-1] == "data"
    assert waiting.questions[-1].answer is None


def test_record_problems_are_shown_not_raised(tmp_path: Path) -> None:
    unfinished = Walker(record_dir=tmp_path)
    assert unfinished.write_record() is None
    assert "is not finished" in unfinished.record_status.value
    assert list(tmp_path.iterdir()) == []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    walker = Walker(record_dir=blocker, answers={"prompting": "no"})
    walker.record_button.click()
    assert walker.last_record is None
    assert "Could not write the record" in walker.record_status.value
    assert blocker.read_text(encoding="utf-8") == "x"


# -- CaseBuilder --------------------------------------------------------------------------------


def test_case_builder_combines_the_running_example() -> None:
    example = TREE.example
    assert example is not None
    builder = CaseBuilder(case=example)
    arch = builder.architecture
    assert arch is not None
    assert arch.summary == "RAG + prompts"
    assert arch.exits == ("rag_dynamic", "rag_reference", "rag_prompts")
    assert [r.name.value for r in builder.rows] == [r.name for r in example.requirements]
    shown = builder.summary.value
    assert "Combined architecture: RAG + prompts" in shown
    for req in example.requirements:
        row = builder.rows[example.requirements.index(req)]
        assert html.escape(req.name) in shown
        assert html.escape(TREE.exit(req.exit).title) in shown
        assert html.escape(TREE.exit(req.exit).title) in row.result.value
        assert row.decision.exit == req.exit
        # A finished requirement is one line: its answers are folded away until asked for.
        assert not row.expanded
        row.toggle_button.click()
        assert row.expanded
        assert all(q.folded for q in row.path.questions)
    assert html.escape(example.description) in shown_html(builder)
    assert arch.warnings
    for warning in arch.warnings:  # e.g. permission-aware retrieval, from rag_reference
        assert html.escape(warning) in shown
    # Answers the post leaves unstated are labelled as our assumptions.
    assert "assumption" in shown_html(builder.rows[0])
    # The combined summary comes before the requirements, where the reader is looking.
    order = list(builder.children)
    assert order.index(builder.summary) < order.index(builder.rows_box)


def test_case_builder_add_rename_answer_remove() -> None:
    builder = CaseBuilder(case=TREE.example)
    row = builder.add_requirement()
    assert len(builder.rows) == 4
    assert row.name.description == "Requirement 4:"
    assert "3 of 4 requirements are finished" in builder.summary.value
    assert "Unfinished" in row.result.value
    assert row.expanded, "an unfinished requirement shows its question"
    assert builder.architecture is not None
    assert builder.architecture.summary == "RAG + prompts"
    row.name.value = "Tone for legal replies"
    row.path.set_answers(path_to("hybrid"))
    assert builder.architecture.summary == "Fine-tuning + RAG + prompts"
    assert "Tone for legal replies" in builder.summary.value
    assert "3 of 4" not in builder.summary.value
    builder.rows[0].remove_button.click()
    assert [r.name.description for r in builder.rows] == [
        "Requirement 1:", "Requirement 2:", "Requirement 3:"]
    row.remove_button.click()
    assert len(builder.rows) == 2
    assert builder.architecture.summary == "RAG + prompts"
    assert "Tone for legal replies" not in builder.summary.value


def test_case_builder_from_scratch() -> None:
    builder = CaseBuilder()
    assert len(builder.rows) == 1
    assert builder.architecture is None
    assert "Walk a requirement" in builder.summary.value
    builder.add_button.click()
    assert len(builder.rows) == 2
    first = builder.rows[0]
    assert first.expanded
    first.path.question(TREE.root).choice.value = "no"
    assert not first.expanded, "a requirement folds to its result line once finished"
    assert builder.architecture is not None
    assert builder.architecture.exits == ("prompt_first",)
    assert "Requirement 1" in builder.summary.value  # an unnamed row gets a placeholder name
    for row in list(builder.rows):
        row.remove_button.click()
    assert builder.rows == []
    assert builder.architecture is None
    assert "Add a requirement" in builder.summary.value


# -- folding, changing an answer ----------------------------------------------------------


@pytest.mark.parametrize("decision", WALKS, ids=lambda d: answers_key(d.answers))
def test_answered_gates_fold_and_change_keeps_later_answers(decision: Decision) -> None:
    walker = Walker(answers=decision.answers)
    assert all(q.folded for q in walker.questions), "a finished walk shows one line per gate"
    assert walker.path.current is None
    for step in decision.path:
        q = walker.question(step.gate)
        q.choice.folded = False  # the view's Change button
        assert walker.path.editing is q
        assert not q.folded
        assert [p.gate_id for p in walker.questions if not p.folded] == [step.gate]
        q.choice.choose(step.answer)  # the same answer again: everything stays
        assert walker.path.editing is None
        assert walker.decision == decision
        assert all(p.folded for p in walker.questions)
        assert walker.path.notice.value == ""


@pytest.mark.parametrize("decision", [d for d in WALKS if len(d.path) > 3],
                         ids=lambda d: answers_key(d.answers))
def test_a_changed_answer_says_which_later_answers_it_cleared(decision: Decision) -> None:
    walker = Walker(answers=decision.answers)
    step = decision.path[2]
    other = next(a.id for a in TREE.gate(step.gate).answers if a.id != step.answer)
    walker.path.edit(step.gate)
    walker.question(step.gate).choice.choose(other)
    after = decide({**decision.answers, step.gate: other})
    assert walker.decision.path == after.path
    dropped = [s.gate for s in decision.path[3:] if s.gate not in {p.gate for p in after.path}]
    notice = walker.path.notice.value
    assert dropped
    for gate_id in dropped:
        assert html.escape(TREE.gate(gate_id).label) in notice
    assert html.escape(TREE.gate(step.gate).answer(other).label) in notice
    # One cleared answer "no longer applies and was cleared"; several "no longer apply".
    assert ("no longer applies and was cleared" if len(dropped) == 1
            else "no longer apply and were cleared") in notice
    walker.back()
    assert walker.path.notice.value == ""


def test_focus_follows_the_walk() -> None:
    walker = Walker()
    first = walker.question(TREE.root)
    first.choice.choose("yes")
    nxt = walker.questions[1]
    assert nxt.choice.focus_pending, "the next question takes the keyboard focus"
    nxt.choice.focus_pending = False  # what the view does once it has focused
    walker.path.edit(TREE.root)
    assert first.choice.focus_pending


def test_the_walker_recaps_the_last_answer_and_previews_the_record() -> None:
    walker = Walker()
    assert walker.preview.value == ""
    walker.question(TREE.root).choice.choose("no")
    gate = TREE.gate(TREE.root)
    assert html.escape(gate.answer("no").meaning) in shown_html(walker.path)
    walker.use_case.value = "Support bot"
    preview = walker.preview.value
    assert "Preview the decision record" in preview
    assert "<li>Use case: Support bot</li>" in preview
    assert "**" not in preview


# -- escaping a custom tree -------------------------------------------------------------------

def test_markup_in_a_custom_tree_shows_as_text(hostile_tree: Tree, tmp_path: Path) -> None:
    walk = max(all_walks(hostile_tree), key=lambda d: len(d.path))
    walker = Walker(hostile_tree, record_dir=tmp_path, answers=walk.answers)
    builder = CaseBuilder(hostile_tree, case=hostile_tree.example)
    escaped = html.escape(MARKUP)
    for widget in (*(GateQuestion(g, hostile_tree) for g in hostile_tree.gate_ids), walker,
                   builder):
        shown = shown_html(widget)
        assert escaped in shown
        assert "<script" not in shown.lower()
        assert "<img" not in shown.lower()
    assert escaped in walker.card.value
    assert escaped in builder.summary.value
    walker.record_button.click()
    assert walker.last_record is not None
    assert MARKUP in walker.last_record.read_text(encoding="utf-8")  # Markdown keeps the text


# -- accessibility --------------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda: GateQuestion("depth"),
    lambda: Walker(answers=WALKS[-1].answers),
    lambda: CaseBuilder(case=TREE.example),
    ContextCalculator,
    BreakEvenCalculator,
    RequestCostCalculator,
], ids=["GateQuestion", "Walker", "CaseBuilder", "ContextCalculator", "BreakEvenCalculator",
        "RequestCostCalculator"])
def test_every_control_has_a_visible_label_and_none_is_a_slider(
    make: Callable[[], w.VBox],
) -> None:
    root = make()
    assert isinstance(root, w.VBox)
    controls = [d for d in descendants(root) if isinstance(d, w.DOMWidget)
                and not isinstance(d, w.Box | w.HTML | w.Label | w.HTMLMath | Keeper)]
    assert controls
    for control in controls:
        assert "Slider" not in type(control).__name__, f"{type(control).__name__} is a slider"
        assert "Range" not in type(control).__name__
        # A radio group is named by its legend (the question); every other control by its
        # description.
        label = control.legend if isinstance(control, Choice) else control.description
        assert str(label).strip(), f"{type(control).__name__} has no visible label"


def test_the_walker_records_the_teams_words_as_ragft_record_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ragft.terminal.cli import main

    tree = default_tree()
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    walker = Walker(tree, record_dir=tmp_path, answers=walk.answers, date="2026-02-03")
    walker.use_case.value = "Support bot"
    walker.requirement.value = "Answer in our voice"
    walker.status.value = "accepted"
    walker.decision_makers.value = "Ana, Bo"
    first = walk.path[0].gate
    walker.reasons[first].value = "we measured it on 40 cases"
    assert [b.description for b in walker.reasons_box.children] == [
        f"Why {tree.gate(s.gate).label} (optional):" for s in walk.path]
    walker.record_button.click()
    assert walker.last_record is not None
    args = ["record", *(f"{g}={a}" for g, a in walk.answers.items()), "--use-case", "Support bot",
            "--requirement", "Answer in our voice", "--status", "accepted", "--by", "Ana, Bo",
            "--why", f"{first}=we measured it on 40 cases", "--date", "2026-02-03"]
    assert main(args) == 0
    assert walker.last_record.read_text(encoding="utf-8") == capsys.readouterr().out
    assert "we measured it on 40 cases" in walker.preview.value


def test_the_case_builder_writes_one_numbered_adr_for_the_use_case(tmp_path: Path) -> None:
    from ragft.records.case import CaseRequirement, case_record
    from ragft.records.read import read_record
    from ragft.records.template import RecordFields

    tree = default_tree()
    assert tree.example is not None
    builder = CaseBuilder(tree, case=tree.example, record_dir=tmp_path / "decisions")
    first = builder.write_record()
    assert first is not None
    assert first.name.startswith("0001-")
    text = first.read_text(encoding="utf-8")
    wanted = [CaseRequirement(r.name, dict(r.answers)) for r in tree.example.requirements]
    fields = RecordFields(use_case=tree.example.name, date=read_record(text).date)
    assert text == case_record(wanted, fields, tree)
    second = builder.write_record()  # never overwrites: the next number
    assert second is not None
    assert second.name.startswith("0002-")
    builder.use_case.value = " "
    assert builder.write_record() is None
    assert "use case" in builder.record_status.value


@pytest.mark.parametrize("typed", ["voice & tone", "Q&A <b>bold</b> $5", "&amp; already"])
def test_the_record_preview_escapes_the_teams_words_once(typed: str) -> None:
    """What the team typed shows as typed: escaped once (no "&amp;amp;"), never as markup."""
    from ragft.present.record_words import LABELS as RECORD_LABELS
    from ragft.widgets.record_view import record_html

    decision = WALKS[0]
    shown = record_html(decision, fields=RecordFields(use_case=typed, requirement=typed))
    text = html.unescape(re.sub(r"<[^>]+>", "", shown))
    assert f"{RECORD_LABELS['use_case']}: {typed}" in text  # one unescape gives back what was typed
    assert "<b>" not in shown

"""Decision records: MADR 4.0 files whose front matter a program reads back, the team's own
words in slots, numbered ADRs, use case records, and the workshop tally."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, load_script
from ragft._io import write_atomic
from ragft.engine.decision import Decision, all_walks, decide
from ragft.errors import IncompleteDecisionError, OutputExistsError, RagftError
from ragft.present.content import card, flip_text
from ragft.present.markdown import md_escape, md_text
from ragft.records.adr import adr_path, write_adr
from ragft.records.case import CaseRequirement, case_record
from ragft.records.madr import record_markdown, source_items, tree_digest
from ragft.records.read import read_record, tally_records
from ragft.records.template import RecordFields, check_date, clean
from ragft.tree.model import Tree

WALKS = list(all_walks())
DATE = "2026-01-31"
SAMPLES = ROOT / "notebooks" / "records-sample"
# Text that YAML, Markdown, JSON and HTML all treat specially, with a line break and a tab.
AWKWARD = 'Ana "the PM" O\'Neil: #1 & <b>co</b> $5 \\n *x* - [y] {z}: !tag &a *b\n\tnext'


def front(text: str) -> dict[str, Any]:
    """The front matter, parsed by PyYAML."""
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, "no front matter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def headings(text: str, level: int) -> list[str]:
    return re.findall(rf"^{'#' * level} (.+)$", text, re.MULTILINE)


def section(text: str, heading: str) -> str:
    """The text under a ``## heading``, up to the next ``## ``."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.DOTALL | re.M)
    assert match, f"no section {heading!r}"
    return match.group(1)


@pytest.mark.parametrize("walk", WALKS, ids=lambda d: d.exit)
def test_front_matter_holds_what_a_program_needs(walk: Decision) -> None:
    tree = walk.tree
    data = front(record_markdown(walk, RecordFields(date=DATE)))
    assert data["status"] == "proposed"
    assert data["date"] == dt.date(2026, 1, 31)
    assert "decision-makers" not in data  # an empty slot leaves its line out
    assert data["ragft"] == {
        "tree": tree.title, "tree-sha256": tree_digest(tree), "answers": walk.answers,
        "exit": walk.exit, "components": list(walk.components), "layer": walk.layer}
    assert list(data["ragft"]["answers"]) == [s.gate for s in walk.path]  # in path order


@pytest.mark.parametrize("walk", WALKS, ids=lambda d: d.exit)
def test_madr_sections_hold_the_cards_content(walk: Decision) -> None:
    tree = walk.tree
    text = record_markdown(walk, RecordFields(date=DATE))
    shown = card(walk)
    assert headings(text, 1) == [md_escape(shown.title)]
    h2 = ["Context and Problem Statement", "Decision Drivers", "Considered Options",
          "Decision Outcome", "Pros and Cons of the Options", "More Information"]
    assert list(headings(text, 2)) in (h2, [h for h in h2 if not h.startswith("Pros")])
    outcome = section(text, "Decision Outcome")
    assert headings(outcome, 3) == ["Consequences", "Confirmation"]
    assert outcome.startswith(f'\nChosen option: "{md_escape(shown.title)}", because ')
    drivers = section(text, "Decision Drivers")
    path = next(s for s in shown.sections if s.id == "path")
    for n, (step, item) in enumerate(zip(walk.path, path.items, strict=True), 1):
        meaning = tree.gate(step.gate).answer(step.answer).meaning
        assert f"\n{n}. {md_text(item)}. {md_escape(meaning)}\n" in drivers
    options = section(text, "Considered Options")
    assert f"- **{md_escape(shown.title)}**, the chosen option" in options
    for flip in walk.flips:
        assert f"- {md_text(flip_text(walk, flip))}\n" in options
    for sid in ("components", "build", "warnings"):
        for s in (s for s in shown.sections if s.id == sid):
            assert f"#### {s.heading}\n" in outcome
            for item in s.items:
                assert f"- {md_text(item)}\n" in outcome
    confirmation = outcome.split("### Confirmation")[1]
    assert "`ragft revisit`" in confirmation
    for item in tree.exit(walk.require_exit()).confirm:  # the exit's own checks, from the data
        assert f"- {md_escape(item)}\n" in confirmation
    more = section(text, "More Information")
    for line in tree.revisit:
        assert f"- {md_escape(line)}" in more
    for src in source_items([walk]):
        assert f"- {md_text(src)}" in more


def test_pros_and_cons_come_from_the_paths_table_and_skip_variants(tree: Tree) -> None:
    walk = decide({"prompting": "yes", "context": "no", "knowledge": "static", "depth": "deep",
                   "data": "yes", "format": "no", "budget": "yes"}, tree)
    pros = section(record_markdown(walk, RecordFields(date=DATE)), "Pros and Cons of the Options")
    assert headings(pros, 3) == ["RAG", "Fine-tune", "Hybrid"]
    for row in tree.paths:
        assert f"- {md_escape(row.aspect)}: {md_escape(row.cell('hybrid') or '')}" in pros
    assert "(the chosen option)" in pros.split("### Hybrid")[1]
    # A long-context exit is a variant, which the table does not describe: only the RAG exit
    # its context pre-check flips to is compared.
    lc = decide({"prompting": "yes", "context": "yes", "knowledge": "changing"}, tree)
    text = record_markdown(lc, RecordFields(date=DATE))
    pros = section(text, "Pros and Cons of the Options")
    assert headings(pros, 3) == ["RAG"]
    assert "(the chosen option)" not in pros


@pytest.mark.parametrize("walk", WALKS, ids=lambda d: d.exit)
def test_team_fields_go_in_and_empty_ones_leave_no_line(walk: Decision) -> None:
    why = {s.gate: f"{AWKWARD} ({s.gate})" for s in walk.path}
    fields = RecordFields(use_case=AWKWARD, requirement="Fresh facts", status="accepted",
                          decision_makers=["Ana, Bo", AWKWARD], why=why, date=DATE)
    text = record_markdown(walk, fields)
    data = front(text)
    assert data["status"] == "accepted"
    assert data["decision-makers"] == ["Ana", "Bo", *[clean(p) for p in AWKWARD.split(",")]]
    context = section(text, "Context and Problem Statement")
    assert f"- Use case: {md_escape(clean(AWKWARD))}\n- Requirement: Fresh facts\n" in context
    for step in walk.path:
        assert f"   - Our reason: {md_escape(clean(why[step.gate]))}\n" in text
    plain = record_markdown(walk, RecordFields(date=DATE))
    assert "Use case:" not in plain
    assert "Our reason" not in plain
    assert "\n\n\n" not in plain
    assert plain.endswith("\n")
    assert not plain.endswith("\n\n")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=3))
def test_any_text_keeps_the_front_matter_valid_yaml(use_case: str, names: list[str]) -> None:
    text = record_markdown(WALKS[0], RecordFields(use_case=use_case, decision_makers=names,
                                                  why={"prompting": use_case}, date=DATE))
    data = front(text)
    expected = [n for v in names for n in (clean(p) for p in v.split(",")) if n]
    assert data.get("decision-makers", []) == expected
    assert data["ragft"]["answers"] == WALKS[0].answers


def test_record_is_dated_today_by_default_and_a_preview_may_say_when() -> None:
    before = dt.date.today()
    dated = front(record_markdown(WALKS[0]))["date"]
    assert dated in {before, dt.date.today()}  # a run across midnight may see either day
    preview = record_markdown(WALKS[0], RecordFields(date='the day "you" write it'))
    assert front(preview)["date"] == 'the day "you" write it'


@pytest.mark.parametrize(("fields", "message"), [
    (lambda: RecordFields(status="done"),
     "unknown status 'done' (must be one of ['proposed', 'accepted', 'rejected'"),
    (lambda: check_date("31/01/2026"), "bad date '31/01/2026' (write it as YYYY-MM-DD"),
    (lambda: check_date("2026-02-30"), "bad date '2026-02-30'"),
])
def test_bad_fields_are_named(fields: Any, message: str) -> None:
    with pytest.raises(RagftError) as err:
        fields()
    assert message in str(err.value)


def test_reasons_must_name_a_gate_of_the_walk() -> None:
    walk = decide({"prompting": "no"})
    with pytest.raises(RagftError, match=r"^unknown gate 'knowlege' \(must be one of \['prompting'"):
        record_markdown(walk, RecordFields(why={"knowlege": "x"}))
    with pytest.raises(RagftError, match="reason for gate 'budget', which this walk does not "
                                         r"reach \(must be one of \['prompting'\]\)"):
        record_markdown(walk, RecordFields(why={"budget": "x"}))


def test_record_needs_a_finished_walk() -> None:
    with pytest.raises(IncompleteDecisionError, match="a decision record is not finished"):
        record_markdown(decide({"prompting": "yes"}))



# -- reading records back ------------------------------------------------------------------------

def test_read_record_round_trips_every_walk() -> None:
    for walk in WALKS:
        info = read_record(record_markdown(walk, RecordFields(date=DATE, decision_makers=["A"])),
                           origin="x.md")
        assert (info.status, info.date, info.decision_makers) == ("proposed", DATE, ("A",))
        ((d,),) = [info.decisions]
        assert (d.name, d.answers, d.exit, d.components) == (
            "", walk.answers, walk.exit, walk.components)


@pytest.mark.parametrize(("text", "message"), [
    ("# notes\n", "notes.md: not a ragft decision record (no front matter)"),
    ("# Decision record: X\n\n- **Recommendation:** X (`rag_dynamic`, RAG)\n",
     "notes.md: a decision record in ragft's earlier format, without front matter; write it "
     "again with `ragft record`"),
    ("---\nstatus: [\n---\n", "notes.md: malformed front matter: line 3:"),
    ("---\nstatus: proposed\n", "notes.md: malformed front matter: no closing '---' line"),
    ("---\ntitle: A blog post\n---\n", "notes.md: not a ragft decision record (its front "
                                       "matter has no 'ragft' block)"),
    ("---\nragft: {tree: t, answers: [a], exit: e}\n---\n",
     "notes.md: malformed front matter: ragft.answers must be a mapping"),
    ("---\nragft: {tree: t, answers: {prompting: yes}, exit: e}\n---\n",
     "notes.md: malformed front matter: ragft.answers.prompting must be text, got true/false"),
    ("---\nragft: {tree: t, answers: {}}\n---\n", "notes.md: malformed front matter: ragft.exit must be text"),
])
def test_bad_records_are_named_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(RagftError) as err:
        read_record(text, origin="notes.md")
    assert str(err.value).startswith(message)


def test_tally_counts_decisions_and_names_what_it_left_out(tmp_path: Path, tree: Tree) -> None:
    for n, walk in enumerate(WALKS + WALKS[:2]):
        (tmp_path / f"group{n:02}.md").write_text(record_markdown(walk), encoding="utf-8")
    reqs = [CaseRequirement(w.exit or "", w.answers) for w in WALKS[:3]]
    (tmp_path / "case.md").write_text(case_record(reqs, RecordFields(use_case="U"), tree),
                                      encoding="utf-8")
    (tmp_path / "README.md").write_text("# just notes\n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "old.md").write_text("- **Recommendation:** X (`rag_dynamic`, RAG)\n",
                                     encoding="utf-8")
    other = record_markdown(WALKS[0]).replace(f"tree: {tree.title}", "tree: Another tree")
    (tmp_path / "other.md").write_text(other, encoding="utf-8")
    bad_exit = record_markdown(WALKS[0]).replace(f"exit: {WALKS[0].exit}", "exit: teleport")
    (tmp_path / "teleport.md").write_text(bad_exit, encoding="utf-8")
    tally = tally_records(tmp_path, tree)
    assert sum(tally.values()) == len(WALKS) + 2 + 3
    assert tally[WALKS[0].exit or ""] == 3
    reasons = dict(tally.skipped)
    assert sorted(reasons) == ["README.md", "binary.md", "old.md", "other.md", "teleport.md"]
    assert reasons["README.md"] == "not a ragft decision record (no front matter)"
    assert reasons["binary.md"] == "not a ragft decision record (not UTF-8 text)"
    assert "earlier format" in reasons["old.md"]
    assert reasons["other.md"].startswith("a record of the tree 'Another tree'")
    assert reasons["teleport.md"].startswith("unknown exit 'teleport' (must be one of")
    with pytest.raises(RagftError, match="no such folder"):
        tally_records(tmp_path / "missing", tree)


# -- numbered ADRs -------------------------------------------------------------------------------

def test_adr_numbers_start_at_0001_and_never_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "decisions"
    first = write_adr(folder, "RAG: the answer exists in a document", "one\n")
    assert first == folder / "0001-rag-the-answer-exists-in-a-document.md"
    (folder / "0007-chosen-by-hand.md").write_text("seven\n", encoding="utf-8")
    (folder / "adr-template.md").write_text("not numbered\n", encoding="utf-8")
    second = write_adr(folder, "RAG: the answer exists in a document", "two\n")
    assert second.name == "0008-rag-the-answer-exists-in-a-document.md"
    assert first.read_text(encoding="utf-8") == "one\n"
    assert adr_path(folder, "Ünïcode & more!").name == "0009-unicode-more.md"
    file = tmp_path / "afile"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(RagftError, match=r"afile is a file, not a folder$"):
        write_adr(file, "x", "y")


# -- a use case with several requirements --------------------------------------------------------

def test_case_record_has_a_decision_per_requirement_and_the_combined_architecture(
        tree: Tree) -> None:
    case = tree.example
    assert case is not None
    reqs = [CaseRequirement(r.name, dict(r.answers), {r.answers[-1][0]: f"because {r.id}"})
            for r in case.requirements]
    text = case_record(reqs, RecordFields(use_case=case.name, date=DATE, status="accepted"), tree)
    data = front(text)
    assert data["status"] == "accepted"
    block = data["ragft"]
    assert block["components"] == ["retrieval", "prompting"]
    assert [(r["name"], r["answers"], r["exit"]) for r in block["requirements"]] == [
        (r.name, dict(r.answers), r.exit) for r in case.requirements]
    assert headings(text, 1) == [f"{case.name}: RAG + prompts"]
    assert headings(section(text, "Decision Drivers"), 3) == [
        f"{n}. {r.name}" for n, r in enumerate(case.requirements, 1)]
    for r in case.requirements:
        assert f"   - Our reason: because {r.id}\n" in text
        assert f"- {r.name}: **{md_escape(tree.exit(r.exit).title)}**" in text
    info = read_record(text)
    assert [d.name for d in info.decisions] == [r.name for r in case.requirements]


def test_case_record_needs_a_use_case_name(tree: Tree) -> None:
    with pytest.raises(RagftError, match="needs the use case's name"):
        case_record([CaseRequirement("a", {"prompting": "no"})], RecordFields(), tree)
    with pytest.raises(RagftError, match="requirement 'a' is not finished"):
        case_record([CaseRequirement("a", {"prompting": "yes"})], RecordFields(use_case="U"),
                    tree)


# -- the sample records the facilitator guide tallies ----------------------------------------------

def test_sample_records_are_what_ragft_record_writes_today(tree: Tree) -> None:
    tool = load_script(ROOT / "tools" / "sample_records.py")
    expected = tool.sample_texts(tree)
    assert sorted(p.name for p in SAMPLES.glob("*.md")) == sorted(expected)
    for name, text in expected.items():
        assert (SAMPLES / name).read_text(encoding="utf-8") == text, \
            f"{name} is stale: run python tools/sample_records.py"


def test_sample_records_reach_every_kind(tree: Tree) -> None:
    counts = tally_records(SAMPLES, tree)
    assert counts.skipped == []
    assert {tree.exit(e).kind for e in counts} == {k.id for k in tree.kinds}


# -- atomic writes ---------------------------------------------------------------------------------

def test_write_atomic_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "d.md"
    write_atomic(target, "one")
    with pytest.raises(OutputExistsError, match=r"d\.md already exists$"):
        write_atomic(target, "two")
    assert target.read_text() == "one"
    write_atomic(target, "three", force=True)
    assert target.read_text() == "three"
    assert os.listdir(tmp_path) == ["d.md"]  # no temporary file left behind


def test_write_atomic_leaves_nothing_on_failure(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_atomic(tmp_path / "x.md", 42)  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []

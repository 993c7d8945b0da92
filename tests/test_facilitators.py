"""The facilitator guide (facilitators.qmd) against the tree it talks about.

Quarto does not execute code on this site, so the page is plain Markdown written by hand. These
tests keep it honest: every gate has its talking points with the running example's answer,
every exit and every case appears with the walk the tree really gives, the agendas add up, and
the commands it tells people to type work.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from ragft.engine.decision import answers_key, decide
from ragft.records.read import tally_records
from ragft.terminal.cli import main
from ragft.tree.loader import default_tree
from ragft.tree.model import Case, Tree

PAGE = ROOT / "facilitators.qmd"
TEXT = PAGE.read_text(encoding="utf-8")
GATE_IDS = [g.id for g in default_tree().gates]


def _front_matter() -> dict[str, object]:
    match = re.match(r"---\n(.*?)\n---\n", TEXT, re.S)
    assert match, "facilitators.qmd must open with YAML front matter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def section(anchor: str) -> str:
    """The text under the heading with ``{#anchor}``, up to the next heading of its level."""
    match = re.search(rf"^(#+) .*\{{#{re.escape(anchor)}\}}\s*$", TEXT, re.M)
    assert match, f"no heading with {{#{anchor}}} in facilitators.qmd"
    level = len(match.group(1))
    rest = TEXT[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


def test_front_matter_has_a_title() -> None:
    assert _front_matter()["title"] == "Facilitator guide"


@pytest.mark.parametrize("gate_id", GATE_IDS)
def test_gate_section_has_talking_points_and_the_running_example(tree: Tree, gate_id: str) -> None:
    gate = tree.gate(gate_id)
    heading = re.search(rf"^### (.*)\{{#gate-{gate_id}\}}", TEXT, re.M)
    assert heading, f"no section for gate {gate_id}"
    assert gate.label in heading.group(1)
    assert f"(`{gate_id}`)" in heading.group(1)
    text = section(f"gate-{gate_id}")
    for needle in ("**Running example:**", "**Ask the room:**"):
        assert needle in text, f"gate {gate_id}: missing {needle}"
    assert gate.example is not None, f"the tree gives no running-example answer at {gate_id}"
    assert f"`{gate_id}={gate.example.answer}`" in text
    assert ("*assumption*" in text) == gate.example.assumed, (
        f"gate {gate_id}: say 'assumption' exactly when the tree marks the answer assumed"
    )


def test_gate_sections_follow_the_tree_order(tree: Tree) -> None:
    positions = [TEXT.index(f"{{#gate-{g.id}}}") for g in tree.gates]
    assert positions == sorted(positions)


def test_every_exit_appears_with_its_title(tree: Tree) -> None:
    for ex in tree.exits:
        assert f"`{ex.id}`" in TEXT, f"exit {ex.id} is never named"
    table = [line for line in section("exits").splitlines() if line.startswith("| ")]
    rows = {m.group(1): line for line in table if (m := re.search(r"\| `([a-z_]+)` \|", line))}
    for ex in tree.exits:
        assert ex.id in rows, f"the recommendations table lacks {ex.id}"
        # the table may shorten a long title, never reword it
        shown = rows[ex.id].split("|")[1].strip()
        assert ex.title.startswith(shown), f"{ex.id}: {shown!r} is not {ex.title!r}"


def _cases(tree: Tree) -> list[Case]:
    return [tree.example, *tree.cases]


def test_every_case_has_a_card_with_the_walks_the_tree_gives(tree: Tree) -> None:
    for case in _cases(tree):
        card = section(f"card-{case.id}")
        heading = re.search(rf"^### (.*)\{{#card-{case.id}\}}", TEXT, re.M)
        assert heading, f"no card for {case.id}"
        assert case.name.split(" (")[0].lower() in heading.group(1).lower()
        if case.illustrative:
            assert "invented" in heading.group(1)
        for req in case.requirements:
            key = answers_key(req.answers)
            assert decide(dict(req.answers), tree).exit == req.exit
            # Labelled by where it ends, not by the answer string (which breaks mid-word).
            title = tree.exit(req.exit).title
            row = f"| {req.name} | [{title}](walk.qmd#{key}) (`{req.exit}`) |"
            assert row in card, f"card {case.id}: no row for {req.id} ({row})"


def _card_rows(case: Case) -> dict[str, list[str]]:
    """The answer-key rows of a case's card, by requirement name, split into their cells."""
    rows = {}
    for line in section(f"card-{case.id}").splitlines():
        if line.startswith("| ") and not line.startswith(("| Requirement |", "|---")):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            rows[cells[0]] = cells
    return rows


def test_every_card_labels_exactly_our_assumed_answers(tree: Tree) -> None:
    """Each requirement's row names the answers the tree marks ``assumed``, no more, no less."""
    for case in _cases(tree):
        header = next(line for line in section(f"card-{case.id}").splitlines()
                      if line.startswith("| Requirement |"))
        assert header == "| Requirement | Ends at (opens the walker there) | Assumed by us |", case.id
        rows = _card_rows(case)
        assert set(rows) == {req.name for req in case.requirements}, case.id
        for req in case.requirements:
            cells = rows[req.name]
            assert len(cells) == 3, (case.id, req.id, cells)
            labelled = re.findall(r"`([a-z_]+)=([a-z_]+)`", cells[2])
            expected = [(g, a) for g, a in req.answers if g in req.assumed]
            assert labelled == expected, f"card {case.id}, {req.id}: {labelled} != {expected}"
            assert cells[2] == ", ".join(f"`{g}={a}`" for g, a in expected), cells[2]


def test_walker_links_are_labelled_with_words_not_answer_strings() -> None:
    """A link's text is a name a person reads; the answers stay in its address."""
    texts = re.findall(r"\[([^\]]+)\]\(walk\.qmd#[^)]*\)", TEXT)
    assert texts
    assert [t for t in texts if "=" in t or "&" in t] == []


def test_gate_2_explains_how_the_policy_look_ups_reach_it(tree: Tree) -> None:
    """The look-ups answer knowledge=static by our assumption; the talking points say how."""
    assert tree.example is not None
    lookups = next(r for r in tree.example.requirements if r.exit == "rag_reference")
    assert "knowledge" in lookups.assumed
    text = " ".join(section("gate-depth").split())
    assert "PTO" in text
    assert "`knowledge=static`" in text
    assert "our assumption" in text
    assert "`rag_dynamic`" in text  # what the other reading of gate 1 leads to
    for other_name in ("leave policy", "leave rules"):
        assert other_name not in TEXT, "call them PTO rules, as the tree's data does"


def test_the_tally_example_runs_and_reports_stray_files(tmp_path: Path, tree: Tree,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    records = section("records")
    blocks = re.findall(r"```python\n(.*?)```", records, re.S)
    assert len(blocks) == 1
    folder = tmp_path / "records"
    folder.mkdir()
    sample = ROOT / "notebooks" / "records-sample"
    for path in sorted(sample.glob("*.md"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "notes.md").write_text("# Meeting notes\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(blocks[0], scope)  # the page's own example, as a reader would paste it
    tally = scope["tally"]
    assert tally == tally_records(folder, tree)
    assert sum(tally.values()) == 3  # type: ignore[attr-defined]
    assert [name for name, _ in tally.skipped] == ["notes.md"]  # type: ignore[attr-defined]
    assert "stops" not in records, "a stray file no longer stops the count"
    assert "`.skipped`" in records


def _agenda_minutes(anchor: str) -> int:
    rows = [line for line in section(anchor).splitlines() if re.match(r"\| \d+ \|", line)]
    assert rows, f"no agenda rows under {anchor}"
    return sum(int(line.split("|")[1]) for line in rows)


@pytest.mark.parametrize("minutes", [60, 90])
def test_agenda_adds_up(minutes: int) -> None:
    assert _agenda_minutes(f"agenda-{minutes}") == minutes


def test_fallback_ladder_has_every_rung() -> None:
    ladder = section("fallback-ladder")
    steps = re.findall(r"^\d+\. \*\*(.+?)\*\*", ladder, re.M)
    assert steps[:5] == ["The course in the browser.", "Binder.", "A local install.",
                         "The website.", "The offline walker."]
    for needle in ("make lite", "http.server", "make guide", "ragft export DIR", "walker.html",
                   "environment.yml"):
        assert needle in ladder


def test_local_links_point_to_files_that_exist() -> None:
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", TEXT)
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert local, "expected links to the walk page and the notebooks"
    for link in local:
        assert (ROOT / link).is_file(), f"facilitators.qmd links to a missing {link}"


def test_in_page_anchors_exist() -> None:
    anchors = set(re.findall(r"\{#([\w-]+)\}", TEXT))
    for target in re.findall(r"\]\(#([\w-]+)\)", TEXT):
        assert target in anchors, f"link to a missing anchor #{target}"


def test_no_remote_images() -> None:
    assert not re.search(r"!\[[^\]]*\]\(https?:", TEXT)
    assert not re.search(r"<img[^>]+src=[\"']https?:", TEXT)


def test_the_record_command_works(tmp_path: Path, tree: Tree) -> None:
    commands = [line.strip() for line in TEXT.splitlines() if line.strip().startswith("ragft ")]
    records = [shlex.split(c)[1:] for c in commands
               if c.startswith("ragft record ") and " -o " in c]
    assert records, "the page should show a `ragft record` command"
    folder = tmp_path / "records"
    folder.mkdir()
    for argv in records:
        out = argv[argv.index("-o") + 1]
        argv[argv.index("-o") + 1] = str(folder / out)
        assert main(argv) == 0
        assert main(argv) == 2, "a second run must refuse to overwrite"
    assert sum(tally_records(folder, tree).values()) == len(records)

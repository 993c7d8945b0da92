"""What the notebook cells display: ragft.guide.show, .worked and .charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ragft.calc import break_even
from ragft.engine import decide, parse_answers
from ragft.errors import RagftError, UnknownGateError, UnknownNodeError, UnknownOptionError
from ragft.guide import cases, charts, show, worked
from ragft.model import Case, Requirement, Tree
from ragft.record import tally_records

RECORDS = Path(__file__).resolve().parent.parent / "notebooks" / "records-sample"
PNG = b"\x89PNG\r\n\x1a\n"


def test_md_escape_keeps_markup_and_maths_out() -> None:
    assert show.md_escape("<script>x</script> costs $5 & more") == (
        "&lt;script&gt;x&lt;/script&gt; costs \\$5 &amp; more")


def test_every_gate_intro_has_its_question_and_warnings(tree: Tree) -> None:
    for gate in tree.gates:
        text = show.gate_intro(gate.id, tree).data
        assert text.startswith(f"**{gate.label} · {gate.title}** (`{gate.id}`)\n")
        assert f"> {gate.question}" in text
        for warning in gate.warnings:
            assert show.md_escape(warning) in text


def test_every_answer_shows_its_signals_meaning_and_destination(tree: Tree) -> None:
    for gate in tree.gates:
        text = show.gate_answers(gate.id, tree).data
        for ans in gate.answers:
            assert f"`{gate.id}={ans.id}`" in text
            assert show.md_escape(ans.meaning) in text
            for signal in ans.signals:
                assert f"- {show.md_escape(signal)}" in text
            assert f"(`{ans.next}`" in text
            if tree.is_exit(ans.next):
                for item in tree.exit(ans.next).build:
                    assert f"- {show.md_escape(item)}" in text


def test_unknown_gate_names_the_allowed_ones(tree: Tree) -> None:
    for func in (show.gate_intro, show.gate_answers, show.gate_example, show.gate_cases):
        with pytest.raises(UnknownGateError, match=r"unknown gate 'nope' \(must be one of"):
            func("nope", tree)


def test_example_answers_are_marked_when_assumed(tree: Tree) -> None:
    for gate in tree.gates:
        text = show.gate_example(gate.id, tree).data
        assert gate.example is not None
        assert f"`{gate.id}={gate.example.answer}`" in text
        assert ("our assumption" in text) == gate.example.assumed


def _requirement_line(text: str, req: Requirement) -> str:
    """The one line of ``text`` that walks ``req``: ``- **name**: step; step; ...``."""
    lines = [line for line in text.splitlines()
             if line.startswith(f"- **{show.md_escape(req.name)}**: ")]
    assert len(lines) == 1, f"expected one walk line for {req.id}, got {lines}"
    return lines[0]


def _marked_gates(tree: Tree, line: str) -> tuple[list[str], set[str]]:
    """The gates a walk line steps through, in order, and those marked as assumed."""
    by_label = {g.label: g.id for g in tree.gates}
    steps = line.split("**: ", 1)[1].rstrip(".").split("; ")
    gates, marked = [], set()
    for step in steps:
        label, _, answer = step.partition(": ")
        gates.append(by_label[label])
        if answer.endswith(cases.ASSUMED):
            marked.add(by_label[label])
    return gates, marked


def _all_cases(tree: Tree) -> list[Case]:
    assert tree.example is not None
    return [tree.example, *tree.cases]


def test_case_walks_mark_exactly_the_assumed_answers(tree: Tree) -> None:
    for case in _all_cases(tree):
        texts = [show.case_walks(case, tree).data, show.case_card(case, tree).data]
        texts += [show.gate_cases(g, tree).data for g in case.gates]
        for text in texts:
            for req in case.requirements:
                line = _requirement_line(text, req)
                gates, marked = _marked_gates(tree, line)
                assert gates == [g for g, _ in req.answers], (case.id, req.id)
                assert marked == set(req.assumed), (case.id, req.id, line)


def test_cases_are_listed_at_their_gates_with_where_they_end(tree: Tree) -> None:
    for gate in tree.gates:
        text = show.gate_cases(gate.id, tree).data
        listed = tree.cases_at(gate.id)
        if not listed:
            assert text == "No named case is discussed at this gate."
        for case in listed:
            assert f"**{show.md_escape(case.name)}**. {show.md_escape(case.description)}" in text
            for req in case.requirements:
                line_at = text.index(_requirement_line(text, req))
                end = text[line_at:].split("\n")[1]
                ex = tree.exit(req.exit)
                assert end == f"  It ends at the recommendation **{show.md_escape(ex.title)}** (`{ex.id}`, {tree.kind(ex.kind).label}).", end


def test_assumptions_list_the_assumed_answers_in_path_order(tree: Tree) -> None:
    for case in _all_cases(tree):
        for req in case.requirements:
            text = cases.assumptions(req, tree).data
            listed = re.findall(r"\(`([a-z_]+)=([a-z_]+)`\)$", text, re.M)
            assert listed == [(g, a) for g, a in req.answers if g in req.assumed], req.id
    stated = Requirement(id="x", name="x", answers=(("prompting", "no"),), exit="prompt_first")
    assert cases.assumptions(stated, tree).data == (
        "Every answer in this walk is stated by the source post.")


def test_case_card_hides_the_walk_until_revealed(tree: Tree) -> None:
    for case in (tree.example, *tree.cases):
        assert case is not None
        text = show.case_card(case, tree).data
        head, _, hidden = text.partition("<details><summary>")
        assert show.md_escape(case.name) in head
        for req in case.requirements:
            assert f"`{req.exit}`" not in head
            assert f"(`{req.exit}`" in hidden
        assert hidden.rstrip().endswith("</details>")


def test_walker_links_open_at_the_node(tree: Tree) -> None:
    assert show.walker_href(None, tree) == show.WALKER
    assert show.walker_href(tree.root, tree) == show.WALKER
    for node in tree.gate_ids + tree.exit_ids:
        _, _, key = show.walker_href(node, tree).partition("#")
        decision = decide(parse_answers(key.split("&") if key else [], tree), tree)
        assert node in (decision.next_gate, decision.exit)
    with pytest.raises(UnknownNodeError, match="'nope'"):
        show.walker_href("nope", tree)


def test_overviews_cover_every_exit_kind_and_row(tree: Tree) -> None:
    overview = show.exits_overview(tree).data
    for ex in tree.exits:
        assert f"(`{ex.id}`)" in overview
        assert show.exit_card(ex.id, tree).data.startswith(f"**{show.md_escape(ex.title)}**")
    assert len(show.paths_table(tree).data.splitlines()) == 2 + len(tree.paths)
    watch = show.watch_paths(tree).data
    assert [k.label for k in tree.kinds if f"**{k.label}**" in watch] == [
        k.label for k in tree.kinds if k.watch]
    assert len(show.evidence(None, tree).data.splitlines()) == len(tree.evidence)
    assert len(show.revisit(tree).data.splitlines()) == len(tree.revisit)
    assert len(show.sources(None, tree).data.splitlines()) == len(tree.sources)


def test_diagram_puts_the_gate_in_focus(tree: Tree) -> None:
    for gate in tree.gates:
        svg = show.diagram(gate.id, tree=tree).data
        assert re.search(rf'<g id="{gate.id}" class="node gate [^"]*\bfocus\b', svg)
        assert svg.startswith("<svg")
    path = show.diagram(answers={"prompting": "yes", "context": "no"}, tree=tree).data
    assert re.search(r'<g id="context-no" class="edge answer on-path', path)
    assert show.diagram(tree=tree).data == show.diagram(tree=tree).data
    with pytest.raises(UnknownGateError):
        show.diagram("nope", tree=tree)


def test_context_table_gives_a_verdict_per_window() -> None:
    table = worked.context_table({"small": (120, "pages"), "huge": (20_000, "pages")},
                                 {"200k": 200_000})
    rows = table.data.splitlines()
    assert rows[2] == "| small | 120 pages ≈ 48,000 tokens | yes (24%) |"
    assert rows[3] == "| huge | 20,000 pages ≈ 8,000,000 tokens | no (40.0 times the window) |"
    tight = worked.context_table({"tight": (190_000, "tokens")}, {"200k": 200_000}).data
    assert "yes, but tight (95%)" in tight
    with pytest.raises(UnknownOptionError, match=r"unknown unit 'lines'"):
        worked.context_table({"x": (1, "lines")})


def test_break_even_summary_in_dollars_without_a_dollar_sign() -> None:
    result = break_even(requests_per_month=500_000, saving_per_request=0.002,
                        engineering_hours=80, hourly_rate=100, training_cost=50,
                        retrains_per_year=4, maintenance_hours_per_month=4)
    text = worked.break_even_summary(result).data
    assert "about 13.8 months" in text
    assert "USD 8,050" in text
    assert ("- Upkeep per month: USD 416.67, of which maintenance work USD 400 and "
            "retraining runs USD 16.67") in text
    assert "$" not in text
    never = break_even(requests_per_month=0, saving_per_request=0.002, engineering_hours=1,
                       hourly_rate=1, training_cost=50, retrains_per_year=12,
                       maintenance_hours_per_month=0)
    assert worked.break_even_summary(never).data.startswith("**Never breaks even**")


def test_architecture_of_the_running_example(tree: Tree) -> None:
    assert tree.example is not None
    text = worked.architecture(tree.example, tree).data
    assert "**Combined architecture: RAG + prompts**" in text
    for req in tree.example.requirements:
        assert f"| {show.md_escape(req.name)} |" in text
        assert f"(`{req.exit}`)" in text
    _, _, watch = text.partition("\n**Watch out for**\n")
    for req in tree.example.requirements:  # every exit's warnings, the permissions one included
        for warning in tree.exit(req.exit).warnings:
            assert f"- {show.md_escape(warning)}" in watch
    assert "permissions" in " ".join(tree.exit("rag_reference").warnings)
    assert watch.count("permissions") == 1, "each warning once"


def test_architecture_without_warnings_has_no_watch_list(tree: Tree) -> None:
    for case in tree.cases:
        text = worked.architecture(case, tree).data
        warned = any(tree.exit(r.exit).warnings for r in case.requirements)
        assert ("**Watch out for**" in text) == warned, case.id


def test_record_preview_is_a_code_block(tree: Tree) -> None:
    text = worked.record_preview({"prompting": "no"}, title="T", tree=tree).data
    assert text.startswith("```markdown\n# Decision record: Exhaust prompt engineering first\n")
    assert text.endswith("```")
    assert "- **Date:** the day you write it" in text


def test_tally_table_counts_every_record(tree: Tree) -> None:
    text = worked.tally_table(RECORDS, tree).data
    total = len(list(RECORDS.glob("*.md")))
    assert f"| **All** | | **{total}** |" in text
    assert len(text.splitlines()) == 2 + len(tree.exits) + 1


def test_tally_names_the_files_that_are_not_records(tmp_path: Path, tree: Tree) -> None:
    record = sorted(RECORDS.glob("*.md"))[0]
    (tmp_path / record.name).write_bytes(record.read_bytes())
    clean_table = worked.tally_table(tmp_path, tree).data
    clean_chart = charts.tally_chart(tmp_path, tree).data
    assert "Left out" not in clean_table
    (tmp_path / "notes.md").write_text("# Just notes\n", encoding="utf-8")
    table = worked.tally_table(tmp_path, tree).data
    assert table.startswith(clean_table)  # the count is the same, the stray file is named
    ((name, reason),) = tally_records(tmp_path, tree).skipped
    assert reason.startswith("not a ragft decision record")
    assert table.endswith(f"\n\n- `{name}`: {show.md_escape(reason)}")
    assert "| **All** | | **1** |" in table
    chart = charts.tally_chart(tmp_path, tree).data
    assert chart.startswith(PNG)
    assert chart != clean_chart  # the chart names it too
    with pytest.raises(RagftError, match="no such folder"):
        charts.tally_chart(tmp_path / "missing", tree)
    with pytest.raises(RagftError, match="no such folder"):
        worked.tally_table(tmp_path / "missing", tree)


def test_charts_are_deterministic_png(tree: Tree) -> None:
    first, second = charts.evidence_chart(tree), charts.evidence_chart(tree)
    assert first.data.startswith(PNG)
    assert first.data == second.data
    assert charts.tally_chart(RECORDS, tree).data.startswith(PNG)
    result = break_even(requests_per_month=1000, saving_per_request=1, engineering_hours=1,
                        hourly_rate=1, training_cost=1, retrains_per_year=1,
                        maintenance_hours_per_month=1)
    assert charts.break_even_chart(result).data.startswith(PNG)


def test_evidence_names_the_allowed_ids(tree: Tree) -> None:
    ids = re.escape(repr(sorted(e.id for e in tree.evidence)))
    with pytest.raises(UnknownNodeError,
                       match=rf"^unknown evidence 'nope' \(must be one of {ids}\)$"):
        show.evidence(["agriculture", "nope"], tree)
    one = show.evidence(["agriculture"], tree).data
    item = next(e for e in tree.evidence if e.id == "agriculture")
    assert one.startswith(f"- {show.md_escape(item.claim)} (")
    assert one.endswith(f"*Caveat: {show.md_escape(item.caveat)}*")


def test_evidence_chart_follows_the_paper_not_the_post(tree: Tree) -> None:
    # The chart reads the tree's figures by name; a renamed key must fail here, not in a notebook.
    item = next(e for e in tree.evidence if e.id == "agriculture")
    assert set(dict(item.figures)) == {"fine_tuning_gain_points", "rag_added_points",
                                       "similarity_before_percent",
                                       "similarity_fine_tuned_percent"}
    assert "alone" not in item.claim
    assert charts.evidence_chart(tree).data.startswith(PNG)


def test_chart_inputs_are_checked(tree: Tree) -> None:
    with pytest.raises(UnknownNodeError, match=r"unknown evidence 'nope'"):
        charts.evidence_chart(tree, "nope")
    with pytest.raises(UnknownNodeError, match=r"unknown exit 'nope'"):
        charts.exit_counts_chart({"nope": 1}, tree)

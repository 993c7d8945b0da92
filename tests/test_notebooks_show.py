"""What the notebook cells display: ragft.guide.show, .worked and .charts."""

from __future__ import annotations

import re

import pytest

from ragft.engine.calc import DEFAULT_HEADROOM, break_even
from ragft.errors import (
    RagftError,
    UnknownGateError,
    UnknownIdError,
    UnknownNodeError,
    UnknownOptionError,
)
from ragft.guide import cases, charts, show, worked
from ragft.present.content import gate_name
from ragft.present.guide_words import WORDS as GUIDE_WORDS
from ragft.tree.model import Case, Requirement, Tree

PNG = b"\x89PNG\r\n\x1a\n"


def test_md_escape_keeps_markup_and_maths_out() -> None:
    assert show.md_escape("<script>x</script> costs $5 & more") == (
        "&lt;script&gt;x&lt;/script&gt; costs \\$5 &amp; more")


def test_every_gate_intro_has_its_question_and_warnings(tree: Tree) -> None:
    for gate in tree.gates:
        text = show.gate_intro(gate.id, tree).data
        assert text.startswith(f"**{gate_name(gate)}** (`{gate.id}`)\n")
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
            named = tree.exit(ans.next).title if tree.is_exit(ans.next) else gate_name(
                tree.gate(ans.next))
            assert show.md_escape(named) in text, f"{gate.id}={ans.id} does not say where it leads"
            if tree.is_exit(ans.next):
                for item in tree.exit(ans.next).build:
                    assert f"- {show.md_escape(item)}" in text


def test_unknown_gate_names_the_allowed_ones(tree: Tree) -> None:
    for func in (show.gate_intro, show.gate_answers, cases.gate_example, cases.gate_cases):
        with pytest.raises(UnknownGateError, match=r"unknown gate 'nope' \(must be one of"):
            func("nope", tree)


def test_example_answers_are_marked_when_assumed(tree: Tree) -> None:
    for gate in tree.gates:
        text = cases.gate_example(gate.id, tree).data
        assert gate.example is not None
        assert f"`{gate.id}={gate.example.answer}`" in text
        assert ("our assumption" in text.lower()) == gate.example.assumed


def _requirement_line(text: str, req: Requirement) -> str:
    """The one line of ``text`` that walks ``req``: ``- **name**: step; step; ...``."""
    lines = [line for line in text.splitlines()
             if line.startswith(f"- **{show.md_escape(req.name)}**: ")]
    assert len(lines) == 1, f"expected one walk line for {req.id}, got {lines}"
    return lines[0]


def _walked_gates(tree: Tree, line: str) -> list[str]:
    """The gates a walk line steps through, in order; no step carries a mark of its own."""
    by_label = {g.label: g.id for g in tree.gates}
    steps = line.split("**: ", 1)[1].rstrip(".").split("; ")
    for step in steps:
        assert step.endswith("*"), f"a step is marked: {step!r}"
    return [by_label[step.partition(": ")[0]] for step in steps]


def _all_cases(tree: Tree) -> list[Case]:
    assert tree.example is not None
    return [tree.example, *tree.cases]


def _told(tree: Tree, case: Case) -> str:
    return cases.gate_cases(case.gates[0], tree).data if case.gates else cases.case_walks(
        case, tree).data


def test_each_walk_says_once_which_answers_are_ours(tree: Tree) -> None:
    """Under each walk, one line names the gates whose answers the source states (the rest
    are ours); an invented case says once, in its head, that every answer is ours."""
    for case in _all_cases(tree):
        text = _told(tree, case)
        for req in case.requirements:
            line = _requirement_line(text, req)
            gates = _walked_gates(tree, line)
            assert gates == [g for g, _ in req.answers], (case.id, req.id)
            stated = [tree.gate(g).label for g in gates if g not in req.assumed]
            expected = cases.stated_line(tree, case, req)
            if case.illustrative:
                assert expected not in text.split(line, 1)[1].split("\n- **")[0]
                assert "Every answer in it is ours." in text
            elif len(stated) == len(gates):
                assert expected == ""
            else:
                assert expected in text, (case.id, req.id)
                assert all(label in expected for label in stated)
        assert text.lower().count("(assumed)") == 0


def test_a_case_is_told_at_its_first_gate_and_recalled_after(tree: Tree) -> None:
    for gate in tree.gates:
        text = cases.gate_cases(gate.id, tree).data
        listed = tree.cases_at(gate.id)
        if not listed:
            assert text == "No named case is discussed at this gate."
        for case in listed:
            told = f"**{show.md_escape(case.name)}**. {show.md_escape(case.description)}"
            if case.gates[0] != gate.id:
                assert told not in text, (gate.id, case.id)
                first = tree.gate(case.gates[0]).label
                assert f"**{show.md_escape(case.name)}** (told at {first}) answers *" in text
                continue
            assert told in text
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


def test_overviews_cover_every_exit_kind_and_row(tree: Tree) -> None:
    overview = show.exits_overview(tree).data
    for ex in tree.exits:
        assert f"(`{ex.id}`)" in overview
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
                                 {"200k": 200_000}, headroom=0)
    rows = table.data.splitlines()
    assert rows[2] == "| small | 120 pages, ≈ 48,000 | yes (24%) |"
    assert rows[3] == "| huge | 20,000 pages, ≈ 8,000,000 | no (40 times) |"
    cells = {tokens: worked.context_table({"x": (tokens, "tokens")}, {"w": 200_000}, headroom=0)
             .data.splitlines()[2]
             for tokens in (160_000, 190_000, 199_999, 200_000, 200_001, 250_000, 1)}
    assert cells[160_000].endswith("| yes (80%) |")  # 80% is still a comfortable fit
    assert cells[190_000].endswith("| tight (95%) |")
    assert cells[199_999].endswith("| tight (100%) |")  # rounds to 100%, but it fits
    assert cells[200_000].endswith("| tight (100%) |")  # exactly full (headroom counted): fits
    assert cells[200_001].endswith("| no (100%) |")  # one token over
    assert cells[250_000].endswith("| no (125%) |")
    assert cells[1].endswith("| yes (under 1%) |")
    room = worked.context_table({"x": (197_000, "tokens")}, {"w": 200_000}, headroom=3_000)
    assert "| tight (100%) |" in room.data
    assert "3,000 tokens of headroom" in room.data
    # By default the table counts the calculator's headroom: 500 pages overflow 200k.
    default = worked.context_table({"x": (500, "pages")}, {"w": 200_000}).data
    assert "| no (102%) |" in default or "| no (101%) |" in default
    assert f"{DEFAULT_HEADROOM:,} tokens of headroom" in default
    assert "estimates" in room.data
    with pytest.raises(UnknownOptionError, match=r"unknown unit 'lines'"):
        worked.context_table({"x": (1, "lines")})
    with pytest.raises(RagftError, match=r"headroom must be a number >= 0, got -1"):
        worked.context_table({"x": (1, "pages")}, headroom=-1)


def test_break_even_table_in_dollars_never_read_as_maths() -> None:
    result = break_even(requests_per_month=500_000, saving_per_request=0.002,
                        serving_premium_per_request=0.00048,
                        engineering_hours=80, hourly_rate=100, training_cost=50,
                        retrains_per_year=4, maintenance_hours_per_month=4)
    never = break_even(requests_per_month=10, saving_per_request=0.001,
                       serving_premium_per_request=0, engineering_hours=1,
                       hourly_rate=1, training_cost=50, retrains_per_year=12,
                       maintenance_hours_per_month=0)
    text = worked.break_even_table({"busy": result, "quiet": never}).data
    busy, quiet = text.splitlines()[2:]
    assert busy.startswith("| busy | \\$8,050 | ")  # every amount escaped: never maths
    assert "$" not in busy.replace("\\$", "")
    assert "23.4 months" in busy
    assert quiet.endswith(f" | {GUIDE_WORDS['never']} |")


def test_architecture_of_the_running_example(tree: Tree) -> None:
    assert tree.example is not None
    text = worked.architecture(tree.example, tree).data
    assert "**Combined architecture: RAG + prompts**" in text
    for req in tree.example.requirements:
        assert f"| {show.md_escape(req.name)} |" in text
        assert f"(`{req.exit}`)" in text
    _, _, watch = text.partition("\n**Watch out for** the warnings of:\n")
    warned = [e for e in dict.fromkeys(r.exit for r in tree.example.requirements)
              if tree.exit(e).warnings]
    assert warned
    for exit_id in warned:  # named with the gate where they are told, not repeated
        assert f"(`{exit_id}`), told at " in watch
        for warning in tree.exit(exit_id).warnings:
            assert show.md_escape(warning) not in text
    brief = worked.architecture(tree.example, tree, describe=False).data
    assert tree.component("retrieval").description not in brief
    assert tree.component("retrieval").description in text


def test_combined_requirements_as_a_notebook_writes_them(tree: Tree) -> None:
    requirements = {
        "Strict JSON": {"prompting": "yes", "context": "no", "knowledge": "static",
                        "depth": "deep", "data": "yes", "format": "yes"},
        "Changing terms": {"prompting": "yes", "context": "no", "knowledge": "changing"},
    }
    text = worked.combined(requirements, tree).data
    assert "**Combined architecture: Fine-tuning + RAG + prompts**" in text
    assert "(`fine_tune`), told at Gate 4" in text


def test_architecture_without_warnings_has_no_watch_list(tree: Tree) -> None:
    for case in tree.cases:
        text = worked.architecture(case, tree).data
        warned = any(tree.exit(r.exit).warnings for r in case.requirements)
        assert ("**Watch out for**" in text) == warned, case.id


def test_exit_warnings_are_told_with_the_answer_that_reaches_them(tree: Tree) -> None:
    for gate in tree.gates:
        text = show.gate_answers(gate.id, tree).data
        for ans in gate.answers:
            if tree.is_exit(ans.next):
                for warning in tree.exit(ans.next).warnings:
                    assert f"> **Warning.** {show.md_escape(warning)}" in text


def test_break_even_table_lists_each_scenario() -> None:
    pays = break_even(requests_per_month=500_000, saving_per_request=0.002,
                      serving_premium_per_request=0.00048,
                      engineering_hours=80, hourly_rate=100, training_cost=50,
                      retrains_per_year=4, maintenance_hours_per_month=4)
    never = break_even(requests_per_month=10, saving_per_request=0.002,
                       serving_premium_per_request=0, engineering_hours=80,
                       hourly_rate=100, training_cost=50, retrains_per_year=4,
                       maintenance_hours_per_month=4)
    rows = worked.break_even_table({"busy": pays, "quiet": never}).data.splitlines()
    assert rows[0].count("|") == 7
    assert "Serving premium a month" in rows[0]
    assert rows[2] == ("| busy | \\$8,050 | \\$1,000 | \\$240 | \\$656.67 | "
                       "after about 23.4 months |")
    assert rows[3].endswith("| never |")


def test_charts_are_deterministic_png(tree: Tree) -> None:
    first, second = charts.evidence_chart(tree), charts.evidence_chart(tree)
    assert first.data.startswith(PNG)
    assert first.data == second.data


def test_evidence_names_the_allowed_ids(tree: Tree) -> None:
    ids = re.escape(repr([e.id for e in tree.evidence]))
    with pytest.raises(UnknownIdError,
                       match=rf"^unknown evidence 'nope' \(must be one of {ids}\)$") as info:
        show.evidence(["agriculture", "nope"], tree)
    assert not isinstance(info.value, UnknownNodeError)  # evidence is not a node of the tree
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
    with pytest.raises(UnknownIdError, match=r"unknown evidence 'nope'"):
        charts.evidence_chart(tree, "nope")

"""The stored notebooks: executed, without widget state, teaching the whole tree, ready for the site.

These tests read the committed ``.ipynb`` files and run no kernel; ``test_notebooks_run.py``
executes them (nbval) and the commands that produce them.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest
import yaml

from conftest import ROOT, load_script
from ragft.engine.decision import answers_key, decide, parse_answers, path_to
from ragft.present.content import gate_name
from ragft.present.markdown import md_escape
from ragft.tree.model import Tree
from ragft.web import links

SITE = links.SITE
WALKER = links.site_page("walk.html")


def walker_href(node: str, tree: Tree) -> str:
    """The site walker opened at ``node``: the link a notebook gives for a gate or an exit."""
    key = answers_key(path_to(node, tree))
    return f"{WALKER}#{key}" if key else WALKER


def binder_href(notebook: str) -> str:
    """The Binder link that opens a notebook of ``notebooks/`` in JupyterLab."""
    return links.binder_url(f"notebooks/{notebook}")

EXECUTE = load_script(ROOT / "tools" / "execute_notebooks.py")
CELL_METADATA_KEYS = EXECUTE.CELL_METADATA_KEYS
KERNELSPEC = EXECUTE.KERNELSPEC
NOTEBOOK_METADATA_KEYS = EXECUTE.NOTEBOOK_METADATA_KEYS
NB_DIR = ROOT / "notebooks"
LITE_LAB = load_script(ROOT / "site" / "strip_widgets.py").LITE_LAB
NAMES = [
    "00_start_here",
    "01_knowledge",
    "02_depth",
    "03_data",
    "04_format",
    "05_budget",
    "06_paths",
    "07_walk_your_case",
    "08_practice",
    "09_glossary",
]
WIDGET_CALL = re.compile(
    r"\b(GateQuestion|Walker|CaseBuilder|ContextCalculator|BreakEvenCalculator"
    r"|RequestCostCalculator)\((.*?)\)")
LINK = re.compile(r"\]\(([^)\s]+)\)")
IMAGES = ("image/svg+xml", "image/png")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Outputs that make Quarto load require.js and jQuery from a CDN, widgets or not
# (quarto-cli src/core/jupyter/widgets.ts, extractJupyterWidgetDependencies).
# text/html alone is fine: the site's filter turns it into a raw block, which loads nothing.
SCRIPT_MIMES = ("application/javascript",)
REMOVE_TAG = "remove-cell"  # Quarto reads it as `include: false`


# What a ragft widget stores in place of its view (ragft.widgets._common.PlaceholderRepr).
WIDGET_PLACEHOLDER = "run this cell"


def widget_cells(nb: Any) -> list[int]:
    """Indexes of the cells that display a widget: a widget view, or a widget's stored text."""
    return [i for i, cell in enumerate(nb.cells)
            if any(WIDGET_VIEW in o.get("data", {})
                   or WIDGET_PLACEHOLDER in str(o.get("data", {}).get("text/plain", ""))
                   for o in cell.get("outputs", ()))]


@cache
def load(name: str) -> Any:
    return nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def markdown_outputs(cell: Any) -> list[str]:
    return [o["data"]["text/markdown"] for o in cell.get("outputs", ())
            if "text/markdown" in o.get("data", {})]


def taught_text(nb: Any) -> str:
    """What a reader sees as prose: Markdown cells and the Markdown the code cells display."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        parts += markdown_outputs(cell)
    return "\n".join(parts)


def front_matter(nb: Any) -> dict[str, Any]:
    first = nb.cells[0]
    assert first.cell_type == "raw", "the first cell must be a raw cell of Quarto front matter"
    match = re.fullmatch(r"---\n(.*?)\n---\s*", first.source, re.S)
    assert match, f"front matter must sit between --- lines, got {first.source[:80]!r}"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def test_the_ten_notebooks_are_there() -> None:
    assert sorted(p.stem for p in NB_DIR.glob("*.ipynb")) == NAMES


# A renamed notebook keeps its old address: Quarto writes a redirect page for each alias.
ALIASES = {"08_practice": ["08_facilitators.html"]}


@pytest.mark.parametrize("name", NAMES)
def test_front_matter(name: str) -> None:
    data = front_matter(load(name))
    assert set(data) == {"title", "description", "order"} | ({"aliases"} if name in ALIASES
                                                              else set())
    assert data.get("aliases") == ALIASES.get(name)
    for alias in data.get("aliases", ()):
        assert not (NB_DIR / alias.replace(".html", ".ipynb")).exists(), alias
    assert isinstance(data["title"], str)
    assert data["title"].strip()
    assert isinstance(data["description"], str)
    assert len(data["description"]) > 40
    assert isinstance(data["order"], int)


def test_front_matter_order_follows_the_file_names() -> None:
    orders = [front_matter(load(name))["order"] for name in NAMES]
    assert orders == sorted(orders)
    assert len(set(orders)) == len(orders)


@pytest.mark.parametrize("name", NAMES)
def test_metadata_is_cleaned_to_the_whitelist(name: str) -> None:
    nb = load(name)
    assert nb.metadata["kernelspec"] == KERNELSPEC
    assert set(nb.metadata) <= set(NOTEBOOK_METADATA_KEYS)
    # the Python version too: JupyterLab marks a notebook unsaved when its kernel changes it
    assert "version" in nb.metadata["language_info"]
    for cell in nb.cells:
        assert set(cell.metadata) <= set(CELL_METADATA_KEYS), cell.source[:60]


@pytest.mark.parametrize("name", NAMES)
def test_executed_top_to_bottom_in_one_run(name: str) -> None:
    cells = code_cells(load(name))
    assert cells
    counts = [c.execution_count for c in cells]
    assert counts == list(range(1, len(cells) + 1)), "run `make notebooks` to re-execute"
    for cell in cells:
        for out in cell.outputs:
            assert out.output_type != "error", cell.source
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text


@pytest.mark.parametrize("name", NAMES)
def test_no_widget_state_is_stored(name: str) -> None:
    # Stored state never matches a learner's run; JupyterLab saves the state that does.
    nb = load(name)
    assert "widgets" not in nb.metadata
    for i in widget_cells(nb):
        for out in nb.cells[i].outputs:
            assert WIDGET_VIEW not in out.get("data", {})
            text = "".join(out["data"]["text/plain"])
            assert WIDGET_PLACEHOLDER in text
            assert len(text) <= 110


def test_the_guide_has_widgets_where_the_issue_asks() -> None:
    calls = {name: {m.group(1) for i in widget_cells(load(name))
                    for m in WIDGET_CALL.finditer(load(name).cells[i].source)}
             for name in NAMES}
    assert calls["00_start_here"] == {"GateQuestion", "ContextCalculator"}
    for name in NAMES[1:5]:
        assert calls[name] == {"GateQuestion"}
    assert calls["05_budget"] == {"GateQuestion", "BreakEvenCalculator", "RequestCostCalculator"}
    assert calls["07_walk_your_case"] == {"Walker", "CaseBuilder"}
    assert calls["08_practice"] == {"Walker"}
    assert not calls["06_paths"] | calls["09_glossary"]


def test_every_gate_and_exit_is_taught(tree: Tree) -> None:
    texts = [taught_text(load(name)) for name in NAMES]

    def taught(node_id: str, title: str) -> bool:
        return any(f"`{node_id}" in t and md_escape(title) in t for t in texts)

    missing = [g.id for g in tree.gates if not taught(g.id, g.title)]
    missing += [e.id for e in tree.exits if not taught(e.id, e.title)]
    assert not missing, f"not taught (id and title) in any notebook: {missing}"


def test_each_gate_has_its_lesson(tree: Tree) -> None:
    """Every gate's question, each answer's meaning, its cases and the running example."""
    texts = {name: taught_text(load(name)) for name in NAMES}
    for gate in tree.gates:
        intro = f"**{md_escape(gate_name(gate))}** (`{gate.id}`)\n"
        homes = [n for n, t in texts.items() if intro in t]
        assert homes, f"no notebook introduces {gate.id}"
        text = texts[homes[0]]
        assert md_escape(gate.question) in text
        for ans in gate.answers:
            assert md_escape(ans.meaning) in text, (gate.id, ans.id)
        for case in tree.cases_at(gate.id):
            assert md_escape(case.name) in text, (gate.id, case.id)
        if gate.example is not None:
            assert md_escape(gate.example.note) in text, gate.id


FORBIDDEN = (ast.If, ast.IfExp, ast.Compare, ast.Match, ast.While, ast.BoolOp)


@pytest.mark.parametrize("name", NAMES)
def test_no_decision_logic_in_notebooks(name: str) -> None:
    """Cells call ragft; they neither branch, compare nor follow answers by hand. A cell
    tagged ``teaching`` holds the worked example's own code, which may branch and compare
    over its sample data; tests/test_course.py checks that it never touches the tree's ids."""
    for cell in code_cells(load(name)):
        teaching = "teaching" in cell.metadata.get("tags", ())
        for node in ast.walk(ast.parse(cell.source)):
            if teaching and isinstance(node, FORBIDDEN):
                continue
            assert not isinstance(node, FORBIDDEN), (
                f"{name}: decision logic belongs in ragft, not in a cell:\n{cell.source}")
            assert not (isinstance(node, ast.Attribute) and node.attr in ("next", "lands_at")), (
                f"{name}: walk the tree with ragft.engine.decision, not by hand:\n{cell.source}")


@pytest.mark.parametrize("name", NAMES)
def test_each_notebook_opens_with_what_it_teaches(name: str) -> None:
    intro = load(name).cells[1]
    assert intro.cell_type == "markdown"
    assert "In this notebook you will learn" in intro.source


def test_the_ways_to_run_the_guide_are_said_once() -> None:
    """Notebook 00 says where the guide runs (Binder, locally, the walker); the others do not
    repeat it (on the site, the site itself links Binder)."""
    for name in NAMES:
        text = taught_text(load(name))
        assert (f"]({binder_href(name + '.ipynb')})" in text) == (name == NAMES[0]), name
        assert "mybinder.org" not in text or name == NAMES[0], name


@pytest.mark.parametrize("name", NAMES)
def test_ends_with_a_self_check(name: str) -> None:
    nb = load(name)
    checks = [c for c in nb.cells if c.cell_type == "markdown"
              and c.source.startswith("## Self-check")]
    if name == "09_glossary":
        assert not checks
        return
    assert len(checks) == 1
    graded = nb.cells[nb.cells.index(checks[0]) + 1]
    assert graded.cell_type == "code"
    assert graded.source.startswith("quiz.show("), "the tree grades the self-check"


# Claims that contradict the tree: fine-tuning alone ends at gate 4 (format=yes), the hybrid
# needs format=no, so no path has "every gate" saying yes. And the agriculture study's 5 points
# are RAG added to a fine-tuned model, not RAG on its own.
CONTRADICTIONS = re.compile(
    r"(every|each|all) gates? (?:\w+ ){0,3}(say|says|said|pass|passes|passed|agree)\b"
    r"|\b(yes|pass\w*) (at )?(every|each|all) gates?\b"
    r"|\bRAG alone\b", re.I)


@pytest.mark.parametrize("name", NAMES)
def test_no_claim_contradicts_the_tree(name: str) -> None:
    nb = load(name)
    texts = [taught_text(nb)] + [c.metadata.get("fig-alt", "") for c in nb.cells]
    for text in texts:
        found = CONTRADICTIONS.search(" ".join(text.split()))
        assert not found, f"{name}: {found.group(0)!r} contradicts the tree"


def test_the_facilitator_guide_makes_no_such_claim() -> None:
    text = " ".join((ROOT / "facilitators.qmd").read_text(encoding="utf-8").split())
    found = CONTRADICTIONS.search(text)
    assert not found, found.group(0) if found else ""


def test_record_preview_follows_the_list_of_our_assumptions(tree: Tree) -> None:
    """Notebook 07 names the assumed answers before it shows the record, from the tree's data."""
    nb = load("07_walk_your_case")
    cells = code_cells(nb)
    preview = next(i for i, c in enumerate(cells) if "record_preview(" in c.source)
    shown = markdown_outputs(cells[preview - 1])
    assert "cases.assumptions(" in cells[preview - 1].source
    assert tree.example is not None
    voice = next(r for r in tree.example.requirements if r.id == "voice")
    listed = re.findall(r"\(`([a-z_]+)=([a-z_]+)`\)$", shown[0], re.M)
    assert listed == [(g, a) for g, a in voice.answers if g in voice.assumed]
    assert listed, "the voice walk has assumed answers to name"


def test_links_to_the_facilitator_guide_land_on_its_anchors() -> None:
    guide = (ROOT / "facilitators.qmd").read_text(encoding="utf-8")
    anchors = set(re.findall(r"\{#([\w-]+)\}", guide))
    linked = set()
    for name in NAMES:
        for target in LINK.findall(taught_text(load(name))):
            if target.startswith(f"{SITE}facilitators.html#"):
                linked.add(target.partition("#")[2])
    assert linked <= anchors, f"no such anchor in facilitators.qmd: {linked - anchors}"


# What only a facilitator needs: the session plans, the tally of a folder of records.
LOGISTICS = re.compile(r"\| (Time|Minutes) \||records-sample|tally|debrief|agenda", re.I)


@pytest.mark.parametrize("name", NAMES)
def test_the_course_holds_no_workshop_logistics(name: str) -> None:
    """Session plans, the records tally and the debrief live in facilitators.qmd; a notebook
    keeps what a learner uses."""
    nb = load(name)
    text = taught_text(nb) + "\n".join(c.source for c in code_cells(nb))
    found = LOGISTICS.search(text)
    assert not found, f"{name}: {found.group(0)!r} belongs in the facilitator guide"


def test_the_facilitator_guide_holds_the_logistics() -> None:
    guide = (ROOT / "facilitators.qmd").read_text(encoding="utf-8")
    for needle in ("{#agenda-60}", "{#agenda-90}", "{#debrief}", "ragft tally records",
                   "ragft tally notebooks/records-sample"):
        assert needle in guide, needle


# -- the site (issue 6) ----------------------------------------------------------------------


def site_filters() -> list[Path]:
    """The ipynb-filters _quarto.yml runs on each notebook (paths are relative to notebooks/)."""
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    filters = config.get("ipynb-filters") or config.get("execute", {}).get("ipynb-filters") or []
    return [(NB_DIR / f).resolve() for f in filters]


def as_the_site_sees_it(name: str) -> Any:
    """Pipe the notebook through the site's ipynb-filters, as Quarto does before rendering."""
    text = (NB_DIR / f"{name}.ipynb").read_text(encoding="utf-8")
    for script in site_filters():
        text = subprocess.run([sys.executable, str(script)], input=text, capture_output=True,
                              text=True, check=True, cwd=NB_DIR, timeout=60).stdout
    return nbformat.reads(text, as_version=4)


@pytest.mark.parametrize("name", NAMES)
def test_no_output_would_make_quarto_load_scripts(name: str) -> None:
    for cell in code_cells(load(name)):
        for out in cell.outputs:
            data = out.get("data", {})
            bad = [m for m in SCRIPT_MIMES if m in data]
            assert not bad or WIDGET_VIEW in data, f"{name}: {bad} output of {cell.source!r}"


@pytest.mark.parametrize("name", NAMES)
def test_widget_cells_are_left_out_of_the_site(name: str) -> None:
    nb = load(name)
    for i in widget_cells(nb):
        assert REMOVE_TAG in nb.cells[i].metadata.get("tags", ()), nb.cells[i].source
    assert site_filters(), "_quarto.yml must strip widget outputs with an ipynb-filter"
    page = as_the_site_sees_it(name)
    assert "widgets" not in page.metadata
    assert json.dumps(page).count(WIDGET_VIEW) == 0
    kept = [c for c in page.cells if not {REMOVE_TAG, "site-only"} & set(c.metadata.get("tags", ()))]
    assert len(kept) == len(nb.cells) - len(widget_cells(nb))


def _svg_focuses(cell: Any, gate_id: str) -> bool:
    pattern = re.compile(rf'<g id="{gate_id}" class="node gate [^"]*\bfocus\b')
    return any(pattern.search(o["data"]["image/svg+xml"]) for o in cell.get("outputs", ())
               if "image/svg+xml" in o.get("data", {}))


def _static(cell: Any) -> bool:
    return cell.cell_type == "code" and any(
        k in o.get("data", {}) for o in cell.get("outputs", ())
        for k in (*IMAGES, "text/markdown"))


@pytest.mark.parametrize("name", NAMES)
def test_each_widget_has_a_static_counterpart(name: str, tree: Tree) -> None:
    """Beside every widget: a note before it that makes sense without it (linking the walker
    for the questions), after static content that shows what the widget would (the
    calculators' tables, the diagram of the gate). The site's filter adds its own line where
    it removes the widget."""
    nb = load(name)
    for i in widget_cells(nb):
        source = nb.cells[i].source
        calls = WIDGET_CALL.findall(source)
        assert len(calls) == 1, f"one widget per cell: {source}"
        widget, args = calls[0]
        note = nb.cells[i - 1]
        assert note.cell_type == "markdown", f"{name}: no note before {source}"
        before = nb.cells[max(0, i - 3):i - 1]
        if widget != "Walker":  # the walker's counterpart is the site's walker page
            assert any(_static(c) for c in before), f"{name}: no static content before {source}"
        if widget == "GateQuestion":
            gate_id = ast.literal_eval(args)
            assert f"]({walker_href(gate_id, tree)})" in note.source
            assert any(_svg_focuses(c, gate_id) for c in before), (
                f"{name}: the diagram with {gate_id} in focus must sit beside its question")
            shown = "\n".join(t for c in nb.cells[:i] for t in markdown_outputs(c))
            for ans in tree.gate(gate_id).answers:
                assert md_escape(ans.meaning) in shown, (gate_id, ans.id)
        elif widget in ("Walker", "CaseBuilder"):
            assert f"]({WALKER})" in note.source


@pytest.mark.parametrize("name", NAMES)
def test_images_have_alt_text_for_the_site(name: str) -> None:
    for cell in code_cells(load(name)):
        if any(k in o.get("data", {}) for o in cell.outputs for k in IMAGES):
            assert len(cell.metadata.get("fig-alt", "")) > 30, cell.source


@pytest.mark.parametrize("name", NAMES)
def test_no_dollar_signs_for_quarto_to_read_as_maths(name: str) -> None:
    text = taught_text(load(name))
    assert not re.search(r"(?<!\\)\$", text), "write USD 5, or escape the sign as \\$"


def site_config() -> dict[str, Any]:
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    assert isinstance(config, dict)
    return config


def test_the_notebooks_link_the_site_the_config_publishes() -> None:
    site_url = site_config()["website"]["site-url"]
    assert site_url == SITE
    assert WALKER.startswith(site_url)
    assert load_script(ROOT / "site" / "strip_widgets.py").site_url(ROOT) == site_url


def _is_site_page(path: str) -> bool:
    """``walk.html`` and the like: a page Quarto renders from a source the project lists."""
    render = site_config()["project"]["render"]
    stem = path.removesuffix(".html")
    return path.endswith(".html") and any(
        f"{stem}{ext}" in render and (ROOT / f"{stem}{ext}").is_file()
        for ext in (".qmd", ".ipynb", ".md"))


@pytest.mark.parametrize("name", NAMES)
def test_links_resolve(name: str, tree: Tree) -> None:
    """Notebooks link the site by full URL (they also live in Jupyter, Binder and GitHub)."""
    for target in LINK.findall(taught_text(load(name))):
        assert not target.startswith("../"), f"{target}: link the site as {SITE}..."
        assert "walk.html" not in target or target.startswith(WALKER), target
        if target.startswith(SITE):
            page, _, key = target.removeprefix(SITE).partition("#")
            assert _is_site_page(page), target
            if page == "walk.html":
                answers = parse_answers(key.split("&") if key else [], tree)
                assert decide(answers, tree).next_gate is not None, target  # opens at a gate
        elif not target.startswith(("http://", "https://")):
            assert (NB_DIR / target.partition("#")[0]).is_file(), target  # test_course: anchors


def site_text(nb: Any) -> str:
    """Everything of a page that can hold a link: Markdown cells, Markdown and HTML outputs."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for out in cell.get("outputs", ()):
            parts += [out["data"][k] for k in ("text/markdown", "text/html")
                      if k in out.get("data", {})]
    return "\n".join(parts)


SITE_LINK = re.compile(r"""\]\(<?([^)\s>]+)>?\)|\b(?:href|src)=["']([^"']+)["']""")


@pytest.mark.parametrize("name", NAMES)
def test_site_links_become_relative_on_the_site(name: str) -> None:
    """On the rendered site the links point at the neighbouring pages, so it works offline."""
    source, page = site_text(load(name)), site_text(as_the_site_sees_it(name))
    assert SITE not in page
    walker_links = source.count(f"]({WALKER}")
    assert page.count("](../walk.html") == walker_links
    for a, b in SITE_LINK.findall(page):
        target = (a or b).partition("#")[0]
        if not target or target.startswith(("http://", "https://", "mailto:")):
            continue
        if target.startswith("../" + LITE_LAB + "?"):  # the course `make lite` adds to the site
            assert parse_qs(urlsplit(target).query)["path"] == [f"{name}.ipynb"], target
            continue
        path = (NB_DIR / target).resolve()
        assert path.is_file() or _is_site_page(path.relative_to(ROOT).as_posix()), target


def _markdown_cell(*lines: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": list(lines)}


def test_filter_makes_only_site_link_targets_relative() -> None:
    relative_links = load_script(ROOT / "site" / "strip_widgets.py").relative_links
    nb = {"metadata": {}, "cells": [
        _markdown_cell(f"[walk]({SITE}walk.html#prompting=yes) and [home]({SITE})\n",
                       f"[other](https://example.org/walk.html), prose {SITE}walk.html,\n",
                       f"autolink <{SITE}walk.html>"),
        {"cell_type": "code", "metadata": {}, "source": f"'{SITE}'", "outputs": [
            {"output_type": "display_data", "data": {
                "text/html": f"<a href='{SITE}walk.html'>w</a>",
                "text/markdown": [f"[w](<{SITE}walk.html#x>)"],
                "text/plain": f"{SITE}walk.html"}},
            {"output_type": "stream", "name": "stdout", "text": f"{SITE}\n"}]},
    ]}
    out = relative_links(nb, SITE, "../")
    assert out["cells"][0]["source"] == [
        "[walk](../walk.html#prompting=yes) and [home](../index.html)\n",
        f"[other](https://example.org/walk.html), prose {SITE}walk.html,\n",
        f"autolink <{SITE}walk.html>"]
    code = out["cells"][1]
    assert code["source"] == nb["cells"][1]["source"]  # code is not a link
    assert code["outputs"][0]["data"] == {"text/html": "<a href='../walk.html'>w</a>",
                                          "text/markdown": ["[w](<../walk.html#x>)"],
                                          "text/plain": f"{SITE}walk.html"}
    assert code["outputs"][1] == nb["cells"][1]["outputs"][1]
    assert relative_links(nb, SITE, "")["cells"][0]["source"][0].startswith(
        "[walk](walk.html#prompting=yes)")
    assert nb["cells"][0]["source"][0].startswith(f"[walk]({SITE}")  # the input is left alone


def test_filter_leaves_links_alone_outside_a_quarto_project(tmp_path: Path) -> None:
    script = ROOT / "site" / "strip_widgets.py"
    nb = json.dumps({"metadata": {}, "nbformat": 4, "nbformat_minor": 5,
                     "cells": [_markdown_cell(f"[walk]({WALKER})")]})
    for folder, expected in ((tmp_path, f"[walk]({WALKER})"), (NB_DIR, "[walk](../walk.html)")):
        out = subprocess.run([sys.executable, str(script)], input=nb, capture_output=True,
                             text=True, check=True, cwd=folder, timeout=60).stdout
        assert json.loads(out)["cells"][0]["source"] == [expected]

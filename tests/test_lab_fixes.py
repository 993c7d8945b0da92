"""Headless checks of what a JupyterLab learner relies on (issue 21): glossary cells that match
the data, focus after each action, undo for Restart and Remove, the stored kernelspec, the
keyboard help, diagrams that fit their output area, the folded answer key, the first
notebook's address.

The same behaviour in a real JupyterLab is checked by ``tests/test_jupyterlab.py``.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from conftest import ROOT, load_script
from ragft.guide import glossary, lesson, show
from ragft.present.guide_words import WORDS as GUIDE_WORDS
from ragft.present.widget_words import WORDS
from ragft.tree.loader import default_tree
from ragft.widgets._common import Keeper, keeper
from ragft.widgets.case import CaseBuilder
from ragft.widgets.walker import Walker

TREE = default_tree()
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
GLOSSARY_CELLS = load_script(ROOT / "tools" / "glossary_cells.py")
EXECUTE = load_script(ROOT / "tools" / "execute_notebooks.py")
GUIDE_LAB = load_script(ROOT / "tools" / "guide_lab.py")


def test_the_glossary_notebook_holds_one_cell_per_term_as_the_data_writes_it() -> None:
    nb = nbformat.read(ROOT / "notebooks" / glossary.GLOSSARY_NOTEBOOK, as_version=4)
    start, end = GLOSSARY_CELLS.term_span(nb)
    shown = [(c.id, c.source) for c in nb.cells[start:end]]
    assert shown == glossary.term_cells(), "run python tools/glossary_cells.py"
    for cell in nb.cells[start:end]:
        assert cell.cell_type == "markdown"
        # links carry #cell-id=<cell id>; the site lands on the <a> of the same id
        assert re.match(rf'<a id="cell-id={re.escape(cell.id)}"></a>\n\n### ', cell.source)


def test_the_glossary_check_fails_on_a_stale_cell(tmp_path) -> None:  # type: ignore[no-untyped-def]
    nb = nbformat.read(ROOT / "notebooks" / glossary.GLOSSARY_NOTEBOOK, as_version=4)
    start, _ = GLOSSARY_CELLS.term_span(nb)
    nb.cells[start].source += " (edited by hand)"
    path = tmp_path / "09.ipynb"
    nbformat.write(nb, path)
    assert GLOSSARY_CELLS.main(["--check", str(path)]) == 1
    assert GLOSSARY_CELLS.main([str(path)]) == 0
    assert GLOSSARY_CELLS.main(["--check", str(path)]) == 0


def test_old_glossary_links_are_rewritten_to_the_cell_id_form(tmp_path) -> None:  # type: ignore[no-untyped-def]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Split text into [chunks](09_glossary.ipynb#term-chunking)."),
                nbformat.v4.new_code_cell("# [chunks](09_glossary.ipynb#term-chunking)")]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    assert GLOSSARY_CELLS.main(["--check", "--links", str(path)]) == 1
    assert GLOSSARY_CELLS.main(["--links", str(path)]) == 0
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].source == f"Split text into [chunks]({glossary.href('chunking')})."
    assert cells[1].source == nb.cells[1].source, "code is left as written"
    assert GLOSSARY_CELLS.main(["--check", "--links", *map(str, NOTEBOOKS)]) == 0
    nb.cells[0].source = "[x](09_glossary.ipynb#term-no-such-term)"
    with pytest.raises(ValueError, match="no glossary term has the anchor 'term-no-such-term'"):
        GLOSSARY_CELLS.relink(nb)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_store_the_kernelspec_jupyterlab_writes(path) -> None:  # type: ignore[no-untyped-def]
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"] == {"name": "python3", "language": "python",
                                  "display_name": "Python 3 (ipykernel)"}
    assert meta["kernelspec"] == EXECUTE.KERNELSPEC
    assert "version" in meta["language_info"]


def test_every_next_link_says_how_to_shut_the_kernel() -> None:
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nexts = [c.source for c in nb.cells if c.cell_type == "markdown"
                 and re.search(r"^Next\b.*\]\(\d\d_\w+\.ipynb\)", c.source, re.M)]
        for source in nexts:
            assert "**Kernel > Shut Down Kernel**" in source, path.name


def test_the_walker_focuses_the_recommendation_after_the_last_answer() -> None:
    walker = Walker()
    keep = keeper(walker.style)
    walker.question(TREE.root).choice.choose("no")  # prompting=no ends the walk
    assert walker.decision.complete
    assert keep.focus_count == 1
    assert keep.focus_target == ".ragft-card-box .ragft-card"
    assert "ragft-card" in walker.card.value


def test_restart_focuses_the_first_question_and_can_be_undone() -> None:
    walker = Walker()
    for gate_id, answer_id in TREE.example.requirements[0].answers:
        walker.question(gate_id).choice.choose(answer_id)
    walker.reasons[TREE.root].value = "our reason"
    before = walker.path.answers
    assert walker.undo_button.layout.display == "none"
    walker.restart_button.click()
    assert walker.path.answers == {}
    assert walker.questions[0].choice.focus_pending, "Restart focuses the first question"
    assert walker.undo_button.layout.display != "none"
    assert WORDS["restarted"] in walker.undo_note.value
    walker.undo_button.click()
    assert walker.path.answers == before
    assert walker.reasons[TREE.root].value == "our reason"
    assert walker.undo_button.layout.display == "none"
    assert keeper(walker.style).focus_target == ".ragft-card-box .ragft-card"


def test_a_new_answer_after_restart_ends_the_undo() -> None:
    walker = Walker(answers={"prompting": "no"})
    walker.restart_button.click()
    walker.question(TREE.root).choice.choose("yes")
    assert walker.undo_button.layout.display == "none"
    walker.undo_restart()  # nothing to bring back
    assert walker.path.answers == {"prompting": "yes"}


def test_remove_focuses_the_next_requirement_and_can_be_undone() -> None:
    builder = CaseBuilder(case=TREE.example)
    before = [(r.name.value, r.path.answers) for r in builder.rows]
    sent: list[object] = []
    nxt = builder.rows[2]
    nxt.name.send = sent.append  # what .focus() sends to the view
    builder.rows[1].remove_button.click()
    assert len(builder.rows) == 2
    assert sent == [{"do": "focus"}], "the requirement now in its place takes the focus"
    assert builder.undo_button.layout.display != "none"
    assert before[1][0] in builder.undo_note.value
    builder.undo_button.click()
    assert [(r.name.value, r.path.answers) for r in builder.rows] == before
    assert [r.name.description for r in builder.rows] == [
        f"{WORDS['requirement_n'].format(number=n)}:" for n in (1, 2, 3)]
    assert builder.undo_button.layout.display == "none"


def test_every_question_shows_its_keys() -> None:
    walker = Walker()
    assert walker.questions[0].choice.hint == WORDS["keys_help"]


def test_every_widget_carries_a_keeper_for_its_dropdowns() -> None:
    walker = Walker()
    assert isinstance(keeper(walker.style), Keeper)
    assert "data-lm-suppress-shortcuts" in Keeper._esm.default_value


def test_the_walker_form_fields_share_one_label_column() -> None:
    walker = Walker()
    widths = {f.style.description_width for f in (walker.use_case, walker.requirement,
                                                  walker.status, walker.decision_makers)}
    assert len(widths) == 1


def test_diagrams_take_the_output_areas_width() -> None:
    svg = show.diagram().data
    root = re.search(r"<svg[^>]*>", svg)
    assert root is not None
    assert 'width="100%"' in root.group(0)
    assert "height=" not in root.group(0)
    assert "viewBox=" in root.group(0)


def test_the_sorting_key_is_folded_under_the_score() -> None:
    text = lesson.check_sorting({1: "reference"}, ROOT / "notebooks" / "data" / "questions.yaml").data
    score, rest = text.split("\n", 1)
    assert "1 of 10" in score
    assert rest.strip().startswith(f"<details><summary>{GUIDE_WORDS['key_fold']}</summary>")
    assert rest.strip().endswith("</details>")


@pytest.mark.parametrize(("line", "url"), [
    ("[I ServerApp] http://127.0.0.1:8888/lab?token=abc",
     "http://127.0.0.1:8888/lab/tree/00_start_here.ipynb?token=abc"),
    ("    http://localhost:9999/base/lab?token=x1", "http://localhost:9999/base/lab/tree/00_start_here.ipynb?token=x1"),
    ("[I ServerApp] Serving notebooks from local directory", None),
])
def test_make_guide_prints_the_first_notebooks_address(line: str, url: str | None) -> None:
    assert GUIDE_LAB.notebook_url(line, "00_start_here.ipynb") == url

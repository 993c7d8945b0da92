"""The notebooks as a course: worked examples on shipped data, graded self-checks, a linked
glossary, and nothing said twice.

These tests read the committed notebooks (no kernel); nbval runs their cells.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import nbformat
import pytest

from conftest import ROOT, shown_quiz
from ragft.guide import _grading, _quiz_data, glossary, quiz
from ragft.guide.show import md_escape
from ragft.tree.model import Tree

NB_DIR = ROOT / "notebooks"
DATA = NB_DIR / "data"
NAMES = sorted(p.stem for p in NB_DIR.glob("*.ipynb"))
GLOSSARY = glossary.GLOSSARY_NOTEBOOK.removesuffix(".ipynb")
TEACHING = "teaching"  # the tag of cells whose code is the lesson (they may branch and compare)
MIN_WORDS = 12  # a sentence this long, said twice, is a repetition (issue 13)
RECORDED = ("prompt_trials.jsonl", "triage_eval.jsonl", "format_runs.jsonl")
# Phrases that only make sense to a reader of the website: the site adds such text itself
# where it removes a widget (site/strip_widgets.py), so the notebooks carry none.
SITE_ONLY = ("reading this on the web", "the website has no python", "on the website",
             "left out there", "no python behind")


QUIZ_FIXED = re.compile(r"<legend>.*?</legend>|<summary>.*?</summary>|"
                        r"<p class='ragft-quiz-static'>.*?</p>|"
                        r"<span class='ragft-quiz-reason'>.*?</span>", re.S)


@cache
def load(name: str) -> Any:
    return nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def output_texts(cell: Any) -> list[str]:
    """What a reader sees of a code cell's outputs as text: Markdown, HTML, printed lines."""
    texts = []
    for out in cell.get("outputs", ()):
        if out.get("output_type") == "stream":
            texts.append(out.get("text", ""))
        data = out.get("data", {})
        texts += [data[k] for k in ("text/markdown", "text/html") if k in data]
    return texts


def prose(nb: Any) -> list[str]:
    """The notebook's reading text, in order: Markdown cells and the text outputs of code."""
    parts: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        elif cell.cell_type == "code":
            # A sample decision record is a document the tree writes, quoting the gates' own
            # words by design; it is shown, not said again.
            # A self-check's fixed words (the question it asks, its note) and the reasons the
            # tree or a calculator adds to each choice are templates, the same on every page;
            # the authored scenarios and feedback are still checked.
            parts += [QUIZ_FIXED.sub(" ", t) for t in output_texts(cell)
                      if "class='ragft-record'" not in t]
    return parts


# -- say each thing once -----------------------------------------------------------------------

FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1\s*$", re.M | re.S)
# Citations name their source wherever a claim is used, on purpose: a "Source(s):" line and the
# text of a link to another site (a title) are not the guide's own sentences.
CITATION = re.compile(r"^\s*Sources?: .*$", re.M)
EXTERNAL = re.compile(r"\[[^\]]*\]\(https?://[^)]*\)")
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
BREAK = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s+|\s*\|\s*|\n(?=#)")


def sentences(text: str) -> list[str]:
    """Plain sentences of Markdown text, lower-case with punctuation dropped. Code blocks (a
    decision record shown as a specimen, a command) are not prose and are left out; table
    cells, list items and clauses after ; or : count on their own."""
    text = EXTERNAL.sub(" ", CITATION.sub(" ", FENCE.sub(" ", text)))
    text = LINK.sub(r"\1", TAG.sub(" ", text))
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    found = []
    for piece in BREAK.split(text):
        words = re.findall(r"\w+(?:['’-]\w+)*", piece.lower())
        if words:
            found.append(" ".join(words))
    return found


def test_sentences_splits_prose_as_a_reader_reads_it() -> None:
    text = ("A first sentence: with a clause; and another.\n\n- An item [linked](x.ipynb)\n"
            "| a cell | another |\n```markdown\n# not prose\n```\n<b>Bold</b> end.\n"
            "Sources: Someone, *[A title](https://example.org)*.\n"
            "- Author, *[Title](https://example.org)*. Why to read it.")
    assert sentences(text) == ["a first sentence", "with a clause", "and another",
                               "an item linked", "a cell", "another", "bold end", "author",
                               "why to read it"]


def test_no_sentence_of_twelve_words_or_more_is_said_twice() -> None:
    """The same sentence in two places (Markdown cells or stored text outputs, across all
    notebooks) is a repetition: say it once and refer to it. Within one output a line may
    recur (a demonstration printing the same passage for two readers)."""
    seen: dict[str, list[str]] = defaultdict(list)
    for name in NAMES:
        for i, part in enumerate(prose(load(name))):
            for sentence in dict.fromkeys(sentences(part)):
                if len(sentence.split()) >= MIN_WORDS:
                    seen[sentence].append(f"{name}#{i}")
    repeated = {s: where for s, where in seen.items() if len(where) > 1}
    assert not repeated, "\n".join(f"{where}: {s}" for s, where in repeated.items())


@pytest.mark.parametrize("name", NAMES)
def test_no_text_meant_only_for_site_readers(name: str) -> None:
    text = " ".join(" ".join(prose(load(name))).lower().split())
    found = [p for p in SITE_ONLY if p in text]
    assert not found, f"{name}: site-only text {found} (the site's filter adds it)"


def test_each_diagram_and_chart_is_shown_once() -> None:
    shown: dict[str, list[str]] = defaultdict(list)
    for name in NAMES:
        for cell in code_cells(load(name)):
            if any(k in o.get("data", {}) for o in cell.outputs
                   for k in ("image/svg+xml", "image/png")):
                shown[cell.source.strip()].append(name)
    twice = {src: where for src, where in shown.items() if len(where) > 1}
    assert not twice, twice


# -- worked examples ---------------------------------------------------------------------------


def _home(tree: Tree, gate_id: str) -> str:
    """The notebook that introduces a gate (calls show.gate_intro for it)."""
    call = f'show.gate_intro("{gate_id}")'
    homes = [n for n in NAMES if any(c.source.strip() == call for c in code_cells(load(n)))]
    assert len(homes) == 1, f"{gate_id} is introduced in {homes}"
    return homes[0]


def _is_worked_example(cell: Any) -> bool:
    """Code the learner reads and changes: it computes (assigns or defines) over several lines
    and shows a result; a lone call of the guide's display functions is not one."""
    body = ast.parse(cell.source).body
    computes = any(isinstance(n, (ast.Assign, ast.FunctionDef, ast.For)) for n in body)
    return computes and len(cell.source.strip().splitlines()) >= 5 and bool(output_texts(cell))


def test_every_gate_has_a_worked_example(tree: Tree) -> None:
    for gate in tree.gates:
        home = _home(tree, gate.id)
        cells = code_cells(load(home))
        start = next(i for i, c in enumerate(cells) if c.source.strip().startswith(
            f'show.gate_intro("{gate.id}")'))
        nxt = [i for i, c in enumerate(cells) if i > start and c.source.strip().startswith(
            "show.gate_intro(")]
        section = cells[start:nxt[0] if nxt else len(cells)]
        assert any(_is_worked_example(c) for c in section), (
            f"{home}: no worked example between the intro of {gate.id} and the next")


def test_every_shipped_data_file_is_used_and_exists() -> None:
    used = set()
    for name in NAMES:
        for cell in code_cells(load(name)):
            used |= set(re.findall(r'"(data/[^"]+)"', cell.source))
    shipped = {f"data/{p.relative_to(DATA).as_posix()}" for p in DATA.rglob("*") if p.is_file()}
    folders = {u for u in used if (NB_DIR / u).is_dir()}
    files = {u for u in used if u not in folders}
    assert files <= shipped, files - shipped
    covered = files | {s for s in shipped for f in folders if s.startswith(f + "/")}
    assert covered == shipped, f"shipped but never used: {shipped - covered}"


def test_recorded_model_outputs_are_labelled_as_illustrations() -> None:
    for name in NAMES:
        nb = load(name)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not any(f in cell.source for f in RECORDED):
                continue
            before = " ".join(c.source for c in nb.cells[max(0, i - 3):i]
                              if c.cell_type == "markdown").lower()
            assert "recorded" in before, (name, cell.source[:60])
            assert "illustration" in before, (name, cell.source[:60])


NETWORK = {"requests", "urllib", "http", "httpx", "socket", "openai", "anthropic", "aiohttp"}


@pytest.mark.parametrize("name", NAMES)
def test_no_cell_calls_a_model_or_the_network(name: str) -> None:
    for cell in code_cells(load(name)):
        for node in ast.walk(ast.parse(cell.source)):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            bad = [m for m in modules if m.split(".")[0] in NETWORK]
            assert not bad, f"{name}: {bad} in\n{cell.source}"


@pytest.mark.parametrize("name", NAMES)
def test_teaching_cells_decide_nothing(name: str, tree: Tree) -> None:
    """Teaching code may branch and compare, but never over the tree's ids: which exit to
    take is the tree's job, through ragft."""
    ids = set(tree.exit_ids) | set(tree.gate_ids)
    for cell in code_cells(load(name)):
        if TEACHING not in cell.metadata.get("tags", ()):
            continue
        module = ast.parse(cell.source)
        for node in ast.walk(module):
            assert not (isinstance(node, ast.Constant) and node.value in ids), (
                f"{name}: tree id {node.value!r} in teaching code:\n{cell.source}")
            assert not (isinstance(node, ast.Name) and node.id in ("decide", "path_to")), (
                f"{name}: teaching code walks the tree:\n{cell.source}")


# -- graded self-checks ------------------------------------------------------------------------


def test_quiz_feedback_matches_the_tree(tree: Tree) -> None:
    assert _grading.check(tree) == []


def _quiz_cells(name: str) -> list[Any]:
    return [c for c in code_cells(load(name)) if shown_quiz(c.source)]


@pytest.mark.parametrize("name", [n for n in NAMES if n != GLOSSARY])
def test_each_notebook_ends_with_its_graded_self_check(name: str, tree: Tree) -> None:
    nb = load(name)
    cells = _quiz_cells(name)
    assert len(cells) == 1, f"{name}: one quiz.show cell"
    index = nb.cells.index(cells[0])
    assert nb.cells[index - 1].source.startswith("## Self-check")
    assert index >= len(nb.cells) - 2, "the self-check closes the notebook"
    quiz_id = shown_quiz(cells[0].source)
    assert quiz_id is not None
    (shown,) = [o["data"]["text/html"] for o in cells[0].outputs]
    assert shown == quiz.form_html(quiz_id, _grading.items(quiz_id, tree)), (
        f"{name}: run `make notebooks`")
    questions = _quiz_data.questions(quiz_id)
    assert len(questions) >= 3
    assert shown.count("type='radio'") == sum(len(q.choices) for q in questions)
    assert shown.count("<strong>Right.</strong>") == len(questions)


def test_every_quiz_is_used_once() -> None:
    used = [shown_quiz(c.source) for n in NAMES for c in _quiz_cells(n)]
    assert sorted(used) == sorted(_quiz_data.quiz_ids())


def test_each_choice_says_what_decides_it(tree: Tree) -> None:
    """Every choice's feedback is a verdict, the authored reason, then ragft's own: for an
    exit, the gate where it was settled or fell out of reach; for an architecture, what the
    requirements combine into; for a flip or an assumption, where the changed walk ends; for
    a number, the arithmetic."""
    tails = {
        "flip": r"the walk (still )?ends at <strong>",
        "assumption": r"In the scenario the answer to (Pre-check|Gate) \d",
        "number": r"Worked out: ",
    }
    for quiz_id in _quiz_data.quiz_ids():
        for q, item in zip(_quiz_data.questions(quiz_id), _grading.items(quiz_id, tree), strict=True):
            assert set(item.feedback) == {c.key for c in q.choices}
            for feedback in item.feedback.values():
                assert feedback.startswith(("<strong>Right.</strong>",
                                            "<strong>Not this one.</strong>")), feedback
                if q.kind == "lands" and q.is_architecture:
                    assert ("The requirements: <em>" in feedback
                            or "The tree combines these requirements into <strong>" in feedback)
                elif q.kind == "lands":
                    assert re.search(r"Decided at (Pre-check|Gate) \d \(", feedback), feedback
                else:
                    assert re.search(tails[q.kind], feedback), feedback


def test_a_deciding_gate_is_where_the_choice_falls_out_of_reach(tree: Tree) -> None:
    walk = {"prompting": "yes", "context": "no", "knowledge": "static", "depth": "deep",
            "data": "no"}
    assert _grading.deciding_gate(walk, "hybrid", tree) == ("data", "no")
    assert _grading.deciding_gate(walk, "rag_reference", tree) == ("depth", "deep")
    assert _grading.deciding_gate(walk, "prompt_first", tree) == ("prompting", "yes")
    assert _grading.deciding_gate(walk, "rag_or_prompting", tree) is None


BAD_QUIZZES = [
    ("quizzes: []\n", "quizzes must map quiz ids to lists of questions"),
    ("quizzes:\n  a:\n    - id: q\n      kind: lands\n      scenario: s\n      expect: x\n      choices:\n"
     "        - exit: x\n          why: w\n",
     "quizzes.a[0]: answers must map gate ids to answer ids"),
    ("quizzes:\n  a:\n    - id: q\n      kind: lands\n      scenario: s\n      expect: x\n      answers: {a: b}\n"
     "      choices:\n        - exit: x\n          colour: red\n",
     "quizzes.a[0].choices[0]: unknown key 'colour'"),
    ("quizzes:\n  a:\n    - id: q\n      scenario: s\n",
     "quizzes.a[0]: missing key 'kind'"),
    ("quizzes:\n  a:\n    - id: q\n      kind: riddle\n",
     "quizzes.a[0]: unknown kind 'riddle' (must be one of ['lands', 'flip', 'assumption', "
     "'number'])"),
    ("quizzes:\n  a:\n    - id: q\n      kind: flip\n      plan: fine_tune\n",
     "quizzes.a[0]: unknown key 'plan'"),
    ("quizzes:\n  a:\n    - id: q\n      kind: flip\n      scenario: s\n      expect: x\n"
     "      answers: {a: b}\n      choices:\n        - {id: x, fact: f, why: w}\n",
     "quizzes.a[0].choices[0]: change must map gate ids to answer ids"),
    ("quizzes:\n  a:\n    - id: q\n      kind: number\n      scenario: s\n      expect: x\n"
     "      calc: context_fit\n      inputs: {pages: 3}\n      choices:\n"
     "        - {value: 'yes', why: w}\n",
     "quizzes.a[0]: unknown input 'pages' of context_fit"),
]


@pytest.mark.parametrize(("text", "message"), BAD_QUIZZES)
def test_a_bad_quiz_file_is_named_with_the_place(tmp_path: Path, text: str,
                                                 message: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)) as err:
        _quiz_data.quiz_ids(path)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)


def test_a_quiz_whose_tree_changed_is_reported(tmp_path: Path, tree: Tree) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(
        "quizzes:\n  a:\n    - id: drift\n      kind: lands\n      scenario: s\n      expect: fine_tune\n"
        "      answers: {prompting: 'no'}\n      choices:\n"
        "        - {exit: fine_tune, why: w}\n        - {exit: hybrid, why: w}\n",
        encoding="utf-8")
    assert _grading.check(tree, path) == [
        "a/drift: the tree answers 'prompt_first', the feedback expects 'fine_tune'",
        "a/drift: 0 choices are 'prompt_first'",
        "a/drift: offer at least three choices"]
    with pytest.raises(ValueError, match=r"unknown quiz 'nope' \(must be one of \['a'\]\)"):
        quiz.show("nope", tree, path)


def test_quiz_text_is_escaped(tmp_path: Path, tree: Tree) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(
        "quizzes:\n  a:\n    - id: x\n      kind: lands\n      scenario: '<script>alert(1)</script> costs $5'\n"
        "      expect: prompt_first\n      answers: {prompting: 'no'}\n      choices:\n"
        "        - {exit: prompt_first, why: '<b>w</b>'}\n        - {exit: hybrid, why: w}\n"
        "        - {exit: fine_tune, why: w}\n", encoding="utf-8")
    text = quiz.form_html("a", _grading.items("a", tree, path))
    assert "<script>" not in text
    assert "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; costs $5" in text


# -- glossary and further reading --------------------------------------------------------------

ISSUE_TERMS = ("embeddings", "vector_store", "chunking", "lora", "rlhf", "row_level_security",
               "cdc", "catastrophic_forgetting", "context_window", "prompt_caching", "few_shot",
               "evaluation_harness")


def test_the_glossary_defines_every_term_the_issue_names() -> None:
    ids = {t.id for t in glossary.terms()}
    assert set(ISSUE_TERMS) <= ids
    for term in glossary.terms():
        assert len(term.definition.split()) >= 15, term.id
        assert term.uses or term.id == "rag", term.id


def test_the_glossary_notebook_shows_every_term_with_its_anchor() -> None:
    text = "\n".join(prose(load(GLOSSARY)))
    for term in glossary.terms():
        assert f'<a id="{term.fragment}"></a>\n\n### {md_escape(term.term)}\n\n' in text


LINK_TEXT = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


@pytest.mark.parametrize("name", [n for n in NAMES if n != GLOSSARY])
def test_glossary_terms_are_linked_at_first_use(name: str) -> None:
    """The first time a notebook's own Markdown uses a term, the use links to the glossary."""
    text = "\n\n".join(c.source for c in load(name).cells if c.cell_type == "markdown")
    text = FENCE.sub(" ", text)
    links = [(m.start(), m.end(), m.group(2)) for m in LINK_TEXT.finditer(text)]
    unlinked = []
    for term in glossary.terms():
        if not term.uses:
            continue
        found = term.pattern().search(text)
        if found is None:
            continue
        inside = [t for s, e, t in links if s <= found.start() < e]
        target = glossary.href(term.id)
        if not inside or inside[0] != target:
            unlinked.append(f"{term.id} ({found.group(0)!r})")
    assert not unlinked, f"{name}: first use not linked to the glossary: {unlinked}"


def test_glossary_links_land_on_an_anchor() -> None:
    # #cell-id=term-x: JupyterLab finds the cell even on the click that opens the glossary
    anchors = {t.fragment for t in glossary.terms()}
    for name in NAMES:
        for cell in load(name).cells:
            if cell.cell_type != "markdown":
                continue
            for target in re.findall(r"\]\(09_glossary\.ipynb#([^)]+)\)", cell.source):
                assert target in anchors, f"{name}: no glossary entry #{target}"


def test_further_reading_is_the_posts_five_items(tree: Tree) -> None:
    items = glossary.reading()
    assert [r.source for r in items] == ["anthropic_prompting", "husain_finetuning",
                                         "barnett2024", "balaguer2024", "yan_patterns"]
    text = glossary.further_reading(tree).data
    for item in items:
        assert md_escape(tree.source(item.source).title) in text
        assert md_escape(item.why) in text


def test_bad_glossary_files_name_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - {id: Bad Id, term: t, definition: d}\nreading:\n"
                    "  - {source: post, why: w}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.yaml: top level\.terms\[0\]: id 'Bad Id' must match"):
        glossary.terms(path)
    with pytest.raises(ValueError, match=r"unknown glossary term 'nope' \(must be one of"):
        glossary.href("nope")


# -- the worked examples' helpers ------------------------------------------------------------


def test_table_lays_out_rows_and_refuses_ragged_ones() -> None:
    from ragft.guide.lesson import table

    text = table([{"a|b": "x|y", "n": 1234, "f": 0.5, "ok": True}]).data
    assert text.splitlines() == ["| a\\|b | n | f | ok |", "|---|---:|---:|---|",
                                 "| x\\|y | 1,234 | 0.50 | yes |"]
    with pytest.raises(ValueError, match=r"^a table needs at least one row$"):
        table([])
    with pytest.raises(ValueError, match=r"every row needs the columns \['a'\], got \['b'\]"):
        table([{"a": 1}, {"b": 2}])


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    from ragft.guide.lesson import read_jsonl

    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n\n[1]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.jsonl: line 3 must be a JSON object$"):
        read_jsonl(path)
    path.write_text('{"a": 1}\n{"a": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.jsonl: line 2 is not valid JSON \("):
        read_jsonl(path)
    with pytest.raises(ValueError, match=r"nope\.jsonl: cannot read the file"):
        read_jsonl(tmp_path / "nope.jsonl")
    assert read_jsonl(DATA / "triage_eval.jsonl")[0]["expected"]["category"] == "billing"


def test_check_sorting_grades_and_names_bad_labels() -> None:
    from ragft.guide.lesson import check_sorting, read_yaml

    path = DATA / "questions.yaml"
    key = {int(q["id"]): q["kind"] for q in read_yaml(path)}
    assert sum(k == "reference" for k in key.values()) > len(key) / 2, (
        "notebook 02 says most enterprise questions are reference tasks")
    right = check_sorting(key, path).data
    assert right.startswith(f"**{len(key)} of {len(key)} sorted as the key sorts them.**")
    flipped = {1: "deep"}
    text = check_sorting(flipped, path).data
    assert text.startswith(f"**0 of {len(key)} sorted")
    assert "**1. Not quite (you said deep)**" in text
    assert text.count("Not sorted yet") == len(key) - 1
    with pytest.raises(ValueError, match=r"unknown sort 'both' for question 1 \(must be one of"):
        check_sorting({1: "both"}, path)
    with pytest.raises(ValueError, match=r"^unknown question 99 \(must be one of \[1, 2"):
        check_sorting({99: "deep"}, path)

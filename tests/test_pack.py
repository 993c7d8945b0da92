"""The printable pack (pack.qmd, site/_includes/_pack.md from site/prerender.py and the cards
of ragft/guide/cards.yaml).

Cards carry a fact for every gate and never the outcome; each key gives the walk the tree
really takes, a reason per gate and the offline walker's link; the worksheet's fields are
`ragft record`'s options one to one; and printed in Chromium each card, the worksheet and each
poster is one page of its size.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, load_script
from ragft.engine.decision import answers_key, decide
from ragft.tree.model import Tree

PRERENDER = load_script(ROOT / "site" / "prerender.py")
# The cards as they are stored, read past the package's loader (tests/test_practice.py tests it).
DATA = yaml.safe_load((ROOT / "ragft" / "guide" / "cards.yaml").read_text(encoding="utf-8"))
PACK = (ROOT / "site" / "_includes" / "_pack.md").read_text(encoding="utf-8")
# What a card must not say: where the walk ends, or what the team built.
GIVEAWAYS = re.compile(r"fine-?tun|\bRAG\b|retriev|embedding|vector|hybrid|long context|"
                       r"index|recommend", re.I)


def _part(cls: str, case_id: str) -> str:
    match = re.search(rf'<article class="{cls}" id="{cls}-{re.escape(case_id)}">(.*?)</article>',
                      PACK, re.S)
    assert match, f"no {cls} for {case_id}"
    return match.group(1)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_pack_page_is_rendered_and_includes_the_pack() -> None:
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    assert "pack.qmd" in config["project"]["render"]
    page = (ROOT / "pack.qmd").read_text(encoding="utf-8")
    assert "{{< include site/_includes/_pack.md >}}" in page
    assert "css: site/pack.css" in page


def test_a_card_per_case_with_a_fact_for_every_gate(tree: Tree) -> None:
    cases = PRERENDER.pack_cases(tree)
    assert sorted(DATA["cards"]) == sorted(c.id for c in cases)
    for case in cases:
        facts = DATA["cards"][case.id]["facts"]
        assert list(facts) == list(tree.gate_ids), case.id  # every gate, in the walk's order
        card = _part("pack-card", case.id)
        assert re.findall(r'data-gate="(\w+)"', card) == list(tree.gate_ids)


@pytest.mark.parametrize("case_id", sorted(DATA["cards"]))
def test_no_card_gives_the_outcome_away(tree: Tree, case_id: str) -> None:
    text = _text(_part("pack-card", case_id))
    found = GIVEAWAYS.findall(text)
    assert found == [], f"card {case_id} says {found}"
    for ex in tree.exits:
        assert ex.id not in text
        assert ex.title.lower() not in text.lower()


@pytest.mark.parametrize("case_id", sorted(DATA["cards"]))
def test_each_key_gives_the_walk_a_reason_per_gate_and_the_offline_link(tree: Tree,
                                                                        case_id: str) -> None:
    case = next(c for c in PRERENDER.pack_cases(tree) if c.id == case_id)
    key = _part("pack-key", case_id)
    facts = DATA["cards"][case_id]["facts"]
    blocks = key.split('<div class="pack-req">')[1:]
    assert len(blocks) == len(case.requirements)
    for req, block in zip(case.requirements, blocks, strict=True):
        answers = dict(req.answers)
        decision = decide(answers, tree)
        assert decision.exit == req.exit
        rows = re.findall(r'<tr data-gate="(\w+)">(.*?)</tr>', block, re.S)
        assert [g for g, _ in rows] == [s.gate for s in decision.path]
        for gate_id, row in rows:
            cells = re.findall(r"<td>(.*?)</td>", row, re.S)
            assert f"{gate_id}={answers[gate_id]}" in _text(cells[1])
            assert _text(cells[2]).startswith(facts[gate_id].strip())
            assert ("assumed by us" in cells[2]) == (gate_id in req.assumed)
        assert f"(<code>{req.exit}</code>)" in block
        link = f"walker.html#{html.escape(answers_key(answers))}"
        assert f'href="site-data/{link}"' in block
        assert f"<code>{link}</code>" in block


def test_the_worksheet_fields_are_ragft_records_options_one_to_one(tree: Tree) -> None:
    sheet = PACK.split('<section class="pack-worksheet"', 1)[1]
    options = [o for o, _ in PRERENDER.record_fields()]
    assert set(options) == {"ANSWER", "--use-case", "--requirement", "--status", "--by",
                            "--why", "--date"}
    shown = re.findall(r'data-option="([^"]+)"', sheet)
    singles = [o for o in shown if o != "--why"]
    assert sorted(singles) == sorted(o for o in options if o != "--why")  # each once
    assert shown.count("--why") == len(tree.gates)  # a reason for each answer
    assert re.findall(r'<tr data-gate="(\w+)">', sheet) == list(tree.gate_ids)
    for gate in tree.gates:
        for answer in gate.answers:
            assert f"<code>{gate.id}={answer.id}</code>" in sheet
    from ragft.present.record_words import STATUSES

    for status in STATUSES:
        assert f'<span class="pack-circle">{status}</span>' in sheet


# -- printed ---------------------------------------------------------------------------------

def _page(folder: Path, body: str) -> Path:
    """A page with the pack's style sheet and ``body``, as the site serves them."""
    (folder / "site").mkdir(exist_ok=True)
    (folder / "site" / "pack.css").write_bytes((ROOT / "site" / "pack.css").read_bytes())
    page = folder / "page.html"
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8">'
                    '<link rel="stylesheet" href="site/pack.css"></head><body>'
                    f'<div class="ragft-pack">{body}</div></body></html>', encoding="utf-8")
    return page


def _pdf_pages(data: bytes) -> list[tuple[int, int]]:
    """Each page's size in points, from the PDF's ``/MediaBox`` entries."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


A4, A3 = (595, 842), (842, 1191)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ragft.web.export import export

    folder = tmp_path_factory.mktemp("pack")
    export(folder / "site-data")
    return folder


def _print(browser: Any, serve: Any, kit: Path, body: str, name: str) -> list[tuple[int, int]]:
    folder = kit / name
    folder.mkdir()
    (folder / "site-data").symlink_to(kit / "site-data", target_is_directory=True)
    _page(folder, body)
    page = browser.new_page()
    try:
        page.goto(serve(folder) + "page.html")
        page.wait_for_load_state("networkidle")
        data = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    return _pdf_pages(data)


def _sections(cls: str) -> list[str]:
    return re.findall(rf'(<(article|section) class="{cls}(?: [^"]*)?"[^>]*>.*?</\2>)', PACK,
                      re.S)


def test_printed_each_card_and_the_worksheet_is_one_a4_page(browser: Any, serve: Any,
                                                           kit: Path) -> None:
    cards = [s for s, _ in _sections("pack-card")]
    assert len(cards) == len(DATA["cards"])
    for n, card in enumerate(cards):
        assert _print(browser, serve, kit, card, f"card{n}") == [A4], f"card {n + 1}"
    sheet = [s for s, _ in _sections("pack-worksheet")]
    assert _print(browser, serve, kit, sheet[0], "sheet") == [A4]


def test_printed_the_posters_are_one_a4_and_one_a3_page(browser: Any, serve: Any,
                                                        kit: Path) -> None:
    posters = "".join(s for s, _ in _sections("pack-poster"))
    assert _print(browser, serve, kit, posters, "posters") == [A4, A3]


def test_printed_the_whole_pack_starts_each_sheet_on_a_new_page(browser: Any, serve: Any,
                                                                kit: Path, tree: Tree) -> None:
    body = PACK.removeprefix("```{=html}\n").removesuffix("```\n")
    pages = _print(browser, serve, kit, body, "whole")
    cards, keys = len(DATA["cards"]), len(DATA["cards"])
    assert pages.count(A3) == 1
    # cards and worksheet one page each, two posters, and a key per card (a long one may
    # take a page per requirement)
    requirements = sum(len(c.requirements) for c in PRERENDER.pack_cases(tree))
    assert cards + keys + 3 <= len(pages) <= cards + requirements + 3

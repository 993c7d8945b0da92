"""Notebook 08's scenario cards (ragft.guide.practice over ragft/guide/cards.yaml).

Each card, as the stored notebook shows it, gives the situation and a fact for every gate and
names neither its outcome nor the notebook that tells its story; the key folded under it is the
walk the tree takes; and the cards are the printable pack's, from the one loader.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
import yaml
from test_pack import GIVEAWAYS, PACK, PRERENDER

from conftest import ROOT
from ragft.engine.decision import decide
from ragft.errors import LessonDataError
from ragft.guide import practice
from ragft.present.guide_words import CARDS as WORDS
from ragft.present.markdown import md_escape
from ragft.tree.loader import default_tree
from ragft.tree.model import Tree

NOTEBOOK = ROOT / "notebooks" / "08_practice.ipynb"
DECK = practice.cards(default_tree())
STORY_LINK = re.compile(r"\d\d_\w+\.ipynb|\]\(")  # a notebook named, or any Markdown link


def _shown() -> list[str]:
    """The Markdown the notebook's card cell stored, one output per card."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and "practice.card(" in c.source]
    return [o["data"]["text/markdown"] for o in cell.outputs if "text/markdown" in o.get("data", {})]


SHOWN = _shown()


def giveaways(card_text: str, tree: Tree) -> list[str]:
    """What a card's visible text says that it must not: how the case was built or where it
    ends (an exit's id or title, a kind of exit), or a link to where its story is told."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", card_text))
    found = [m.group(0) for m in GIVEAWAYS.finditer(text)]
    found += [m.group(0) for m in STORY_LINK.finditer(card_text)]
    for ex in tree.exits:
        found += [s for s in (ex.id, ex.title) if s.lower() in text.lower()]
    found += [k.label for k in tree.kinds
              if re.search(rf"\b{re.escape(k.label)}\b", text, re.I)]
    return found


def _split(shown: str) -> tuple[str, str]:
    head, fold, key = shown.partition("<details>")
    assert fold, "the key must be folded under the card"
    assert key.rstrip().endswith("</details>")
    return head, key


def test_the_notebook_shows_every_card_in_the_loaders_order(tree: Tree) -> None:
    assert [c.case.id for c in DECK] == [c.id for c in (tree.example, *tree.cases) if c]
    assert len(SHOWN) == len(DECK)
    for n, (card, shown) in enumerate(zip(DECK, SHOWN, strict=True), 1):
        assert shown == practice.card(card, n, len(DECK), tree).data, (
            "stale: run tools/execute_notebooks.py notebooks/08_practice.ipynb")


@pytest.mark.parametrize("n", range(len(DECK)), ids=[c.case.id for c in DECK])
def test_a_card_names_no_outcome_and_links_no_story(n: int, tree: Tree) -> None:
    card, (head, key) = DECK[n], _split(SHOWN[n])
    assert giveaways(head, tree) == [], card.case.id
    assert not STORY_LINK.search(key), "the key links nowhere either"
    for gate_id in tree.gate_ids:  # a fact for every gate, whatever the walk asks
        assert f"- {md_escape(card.facts[gate_id])}\n" in head, (card.case.id, gate_id)
    assert md_escape(card.situation) in head
    for text in (card.case.description, *(r.note for r in card.case.requirements)):
        assert md_escape(" ".join(text.split())) not in SHOWN[n], "the story is told at its gate"


def test_the_check_catches_a_card_that_gives_the_walk_away(tree: Tree) -> None:
    honest = _split(SHOWN[0])[0]
    assert giveaways(honest, tree) == []
    for leak in ("The team fine-tuned a model.", "See [notebook 04](04_format.ipynb).",
                 "It ends in long context.", "Think hybrid."):
        assert giveaways(honest + leak, tree), leak


@pytest.mark.parametrize("n", range(len(DECK)), ids=[c.case.id for c in DECK])
def test_the_key_is_the_walk_the_tree_takes(n: int, tree: Tree) -> None:
    card, (_, key) = DECK[n], _split(SHOWN[n])
    blocks = key.split("\n**")[1:]
    assert len(blocks) == len(card.case.requirements)
    for req, block in zip(card.case.requirements, blocks, strict=True):
        assert block.startswith(f"{md_escape(req.name)}**")
        decision = decide(dict(req.answers), tree)
        rows = [r for r in block.splitlines() if r.startswith("| ") and "`" in r]
        walked = [re.findall(r"`(\w+)=(\w+)`", r)[0] for r in rows]
        assert walked == [(s.gate, s.answer) for s in decision.path]
        for step, row in zip(decision.path, rows, strict=True):
            assert md_escape(card.facts[step.gate]) in row  # the reason is the card's fact
            marked = f"({WORDS['assumed']})" in row
            assert marked == (step.gate in req.assumed and not card.case.illustrative), row
        ex = tree.exit(decision.exit or "")
        assert f"{WORDS['ends_at']}: **{md_escape(ex.title)}** (`{ex.id}`)." in block


def test_the_pack_prints_the_same_cards(tree: Tree) -> None:
    assert PRERENDER.pack_cases(tree) == [c.case for c in DECK]
    for card in DECK:
        printed = PACK.split(f'id="pack-card-{card.case.id}">', 1)[1].split("</article>", 1)[0]
        assert html.escape(card.situation, quote=True) in printed
        for fact in card.facts.values():
            assert html.escape(fact, quote=True) in printed


BAD_CARDS = [
    ("cards: {}\n", "top level: cards must map every case id"),
    (None, "cards.notion.facts: missing key 'budget'"),
    (None, "cards.notion.facts: unknown key 'colour'"),
    (None, "cards.notion: missing key 'situation'"),
]


@pytest.mark.parametrize(("text", "message"), BAD_CARDS, ids=[m for _, m in BAD_CARDS])
def test_a_bad_cards_file_is_named_with_the_place(tmp_path: Path, tree: Tree, text: str | None,
                                                  message: str) -> None:
    if text is None:  # the shipped file with one card broken as the message says
        data = yaml.safe_load((ROOT / "ragft" / "guide" / "cards.yaml").read_text("utf-8"))
        notion = data["cards"]["notion"]
        if "budget" in message:
            del notion["facts"]["budget"]
        elif "colour" in message:
            notion["facts"]["colour"] = "blue"
        else:
            del notion["situation"]
        text = yaml.safe_dump(data)
    path = tmp_path / "cards.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonDataError, match=re.escape(message)) as err:
        practice.cards(tree, path)
    assert str(err.value).startswith(str(path))

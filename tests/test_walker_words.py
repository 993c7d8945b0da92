"""The site walker decides nothing and words nothing.

- A URL hash is read by :func:`ragft.engine.decision.parse_answers`' rules: every answer set
  the engine takes, typed in upper case with stray blanks, reaches the exit ``decide`` reaches,
  and every hash the engine refuses shows the engine's own message, ``str`` of its error.
- The scripts in ``ragft/web/src/`` hold no English: each word they show is a label of the
  payload (``ragft.present.words``), and the labels they read are the ones the payload sends.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from conftest import Offline
from ragft.engine.decision import all_answer_sets, all_states, decide, parse_answers
from ragft.errors import RagftError
from ragft.present.content import gate_name, off_path_notice
from ragft.present.text import plain
from ragft.present.words import LABELS
from ragft.tree.model import Tree
from ragft.web.export import export
from ragft.web.page import boot_words, standalone_html
from ragft.web.payload import WALKER_HEADINGS, WALKER_LABELS

SOURCES = Path(__file__).parent.parent / "ragft" / "web" / "src"
READY = "#ragft-walker[data-ready]"
# What Python's str.strip() takes off (str.isspace), and look-alikes it leaves alone.
BLANKS = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
NOT_BLANKS = ["\ufeff", "\u200b", "\u180e", "\xad"]

# Set each hash (after clearing it, so every one is a hashchange), wait for the walker to draw,
# read what it shows.
HASHES_JS = """async (hashes) => {
  const root = document.getElementById('ragft-walker');
  const drawn = () => new Promise((done) =>
    root.addEventListener('ragft:render', () => done(), {once: true}));
  const text = (s) => { const n = root.querySelector(s); return n && !n.hidden ? n.textContent : null; };
  const out = [];
  for (const hash of hashes) {
    if (location.hash) { const wait = drawn(); location.hash = ''; await wait; }
    const wait = drawn(); location.hash = hash; await wait;
    const rec = root.querySelector('[data-exit]'), form = root.querySelector('fieldset[data-gate]');
    out.push({
      hash, now: location.hash.replace(/^#/, ''),
      exit: rec ? rec.dataset.exit : null, gate: form ? form.dataset.gate : null,
      error: text('.ragft-error'), offPath: text('.ragft-offpath'),
      name: text('.ragft-gate-label'),
      trail: [...root.querySelectorAll('.ragft-trail-gate')].map((n) => n.textContent),
    });
  }
  return out;
}"""


def as_hash(items: list[str]) -> str:
    """A hash of these ``gate=answer`` items: each percent-encoded, so the browser keeps it."""
    return "&".join(quote(item, safe="=") for item in items)


def parts(items: list[str]) -> list[str]:
    """What the engine is given for a hash: its parts, empty ones skipped (as test_site reads
    the site's links)."""
    return [item for item in items if item]


def accepted(tree: Tree) -> Iterator[list[str]]:
    """Every answer set the engine takes (each full set, each walk and its prefixes), typed as
    a hand-edited link might: upper case, mixed case, a blank of each kind around the ids, the
    same answer twice, gates out of order, an empty part."""
    sets = list(all_answer_sets(tree)) + [d.answers for d in all_states(tree) if d.answers]
    for n, answers in enumerate(sets):
        pairs = list(answers.items())
        if n % 3 == 1:
            pairs.reverse()  # answers off the path then come first, and are named in this order
        blank = BLANKS[n % len(BLANKS)]
        items = [f"{g.upper()}={a.upper()}" if k % 2 == 0
                 else f"{blank}{g.title()}{blank}={blank}{a.swapcase()}{blank}"
                 for k, (g, a) in enumerate(pairs)]
        items.append(items[0].lower())  # the same answer again is no error
        if n % 4 == 2:
            items.insert(1, "")  # an empty part ("a=b&&c=d") is skipped
        yield items
    # Case folding is Python's: KELVIN SIGN lower-cases to "k".
    for gate in tree.gates:
        if "k" in gate.id:
            yield [f"{gate.id.replace('k', chr(0x212A))}={gate.answer_ids[0]}"]


def refused(tree: Tree) -> Iterator[list[str]]:
    """Hashes the engine refuses, for each gate: unknown gates and answers (near misses and
    not), a gate answered twice differently, items without ``=`` or a side of it."""
    others = ["__proto__", "constructor", "toString", "hasOwnProperty"]
    for n, gate in enumerate(tree.gates):
        a, b = gate.answer_ids[0], gate.answer_ids[-1]
        later = tree.gates[(n + 1) % len(tree.gates)]
        yield [f"{gate.id.upper()}=MAYBE"]
        yield [f"{gate.id}={b[:-1]}"]  # a near miss of an answer
        yield [f"{gate.id}= {b}{b[-1]} "]
        yield [f"{gate.id}={a}={b}"]  # only the first "=" splits
        yield [f"{gate.id}={a}&{b}"]  # an encoded "&" stays in the item
        yield [f"{gate.id[:-1].upper()}={a}"]  # a near miss of a gate
        yield [f"{gate.id[::-1]}={a}"]
        yield [f"{gate.id.upper()}İ={a}"]  # lower-cases to two code points
        yield [f"{later.id}={later.answer_ids[0]}", f"{gate.id}={a}", f" {gate.id.upper()} = {b} "]
        yield [f"{gate.id}={a}", f"{gate.id}{a}"]
        yield [f"{gate.id}"]
        yield [f"={a}"]
        yield [f"{gate.id}="]
        yield [f"{BLANKS[n]}{gate.id}{BLANKS[-n - 1]}=\t"]
        yield [f"{NOT_BLANKS[n % len(NOT_BLANKS)]}{gate.id}={a}"]
        yield [f"{gate.id}={a}{NOT_BLANKS[n % len(NOT_BLANKS)]}"]
        yield [f"{others[n % len(others)]}={a}"]
        yield [f"{gate.id}={others[n % len(others)]}"]
    # Two ids spliced: near misses of both, often tied (then the greater id is the hint).
    def spliced(ids: tuple[str, ...]) -> Iterator[str]:
        for x in ids:
            for y in ids:
                if x != y:
                    yield from (x[:len(x) // 2] + y[len(y) // 2:], x + y,
                                x[:(len(x) + 1) // 2] + y)  # "contdata": a tie

    yield from ([f"{typed}={tree.gate(tree.root).answer_ids[0]}"] for typed in spliced(tree.gate_ids))
    for gate in tree.gates:
        yield from ([f"{gate.id}={typed}"] for typed in spliced(gate.answer_ids))
    # Values Python's repr quotes or escapes: quotes of each kind, a backslash, control and
    # format characters, a blank inside an id, a character outside the BMP.
    for odd in ["it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nul\x00",
                "del\x7f", "soft\xadhyphen", "nel\x85inside", "tag\U000e0001", "emoji 😀",
                "café", "zero\u200bwidth", "line\u2028sep", "wide\u3000blank"]:
        yield [f"{odd}=yes"]
        yield [f"{tree.root}={odd}"]
        yield [f"{odd}"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, tree: Tree) -> Path:
    folder = tmp_path_factory.mktemp("words")
    export(folder / "site-data", tree)
    return folder


def test_a_hash_is_read_by_the_engines_rules_and_words(
    offline: Offline, serve: Any, site: Path, tree: Tree
) -> None:
    good = list(accepted(tree))
    bad = list(refused(tree))
    assert len(good) > 2 ** len(tree.gates)
    page = offline.new_page()
    page.goto(serve(site) + "site-data/walker.html")
    page.wait_for_selector(READY)
    shown = page.evaluate(HASHES_JS, [as_hash(items) for items in good + bad])
    assert len(shown) == len(good) + len(bad)
    names = {g.id: gate_name(g) for g in tree.gates}
    for items, state in zip(good, shown[:len(good)], strict=True):
        decision = decide(parse_answers(parts(items), tree), tree)
        where = f"#{state['hash']}"
        assert state["error"] is None, where
        assert state["exit"] == decision.exit, where
        assert state["gate"] == decision.next_gate, where
        assert state["now"] == decision.key, where
        notice = off_path_notice(decision)
        assert state["offPath"] == (plain(notice[0]) if notice else None), where
        # A gate is named one way: the presentation layer's gate_name, in the form and trail.
        assert state["name"] == (names[decision.next_gate] if decision.next_gate else None), where
        assert state["trail"] == [f"{names[s.gate]}: " for s in decision.path], where
    hinted = 0
    for items, state in zip(bad, shown[len(good):], strict=True):
        with pytest.raises(RagftError) as refusal:
            parse_answers(parts(items), tree)
        message = str(refusal.value)
        hinted += "did you mean" in message
        where = f"#{state['hash']}"
        assert state["error"] == LABELS["bad_link"].replace("{error}", message), where
        assert state["gate"] == tree.root, where
        assert state["now"] == "", where
        assert state["offPath"] is None, where
    assert hinted >= len(tree.gates), "no near miss was tried"
    assert offline.console_errors == []


@pytest.mark.parametrize("blank", BLANKS + NOT_BLANKS, ids=lambda c: f"U+{ord(c):04X}")
def test_the_blanks_stripped_are_pythons(
    offline: Offline, serve: Any, site: Path, tree: Tree, blank: str
) -> None:
    """Each of str.isspace's characters around an id is stripped, a look-alike is not."""
    items = [f"{blank}{tree.root}{blank}={blank}{tree.gate(tree.root).answer_ids[0]}{blank}"]
    page = offline.new_page()
    page.goto(serve(site) + "site-data/walker.html")
    page.wait_for_selector(READY)
    state = page.evaluate(HASHES_JS, [as_hash(items)])[0]
    if blank in BLANKS:
        assert state["error"] is None
        assert state["now"] == decide(parse_answers(items, tree), tree).key
    else:
        with pytest.raises(RagftError) as refusal:
            parse_answers(items, tree)
        assert state["error"] == LABELS["bad_link"].replace("{error}", str(refusal.value))


@pytest.mark.parametrize("case", ["not an export", "missing"])
def test_data_that_cannot_load_is_worded_by_python(
    offline: Offline, serve: Any, site: Path, tmp_path: Path, case: str
) -> None:
    """Before the walker has its data, its words are page.boot_words' (LABELS, the page's own
    check of an export)."""
    folder = tmp_path / "site"
    (folder / "site-data").mkdir(parents=True)
    for name in ("walker.js", "walker.css"):
        (folder / "site-data" / name).write_bytes((site / "site-data" / name).read_bytes())
    if case == "not an export":
        (folder / "site-data" / "tree.json").write_text('{"schema": "other"}', encoding="utf-8")
        with pytest.raises(RagftError) as refusal:
            standalone_html({"schema": "other"}, "<svg/>")
        error = str(refusal.value)
    else:
        error = LABELS["http_failed"].replace("{url}", "site-data/tree.json").replace(
            "{status}", "404")
    (folder / "walk.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Walk</title></head>'
        '<body><main><div id="ragft-walker" data-tree="site-data/tree.json"></div>'
        '<script src="site-data/walker.js"></script></main></body></html>', encoding="utf-8")
    page = offline.new_page()
    page.goto(serve(folder) + "walk.html")
    notice = page.locator("#ragft-walker .ragft-notice[role=alert]")
    notice.wait_for()
    assert notice.inner_text() == LABELS["load_failed"].replace("{error}", error)


# ---- the scripts' own text ------------------------------------------------------------------

# A JavaScript token: a comment, a string, a regular expression (after an operator or an
# opening bracket), or any other character.
_TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<regex>(?<=[(,=:\[!&|?{};])\s*/(?![*/])(?:[^/\\\n\[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[a-z]*)
  | (?P<other>[\s\S])
""", re.VERBOSE | re.DOTALL)
# Element names a selector list may hold.
_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "noscript", "svg", "g"}
# Single capitalised words that are names, not words for people: a key, Python's repr of None.
_NAMES = {"Enter", "None"}


def strings(text: str) -> list[str]:
    """The string literals of a script, quotes removed, comments and regexes skipped."""
    return [m.group()[1:-1] for m in _TOKEN.finditer(text) if m.lastgroup == "string"]


def english(literal: str) -> bool:
    """Whether a string literal reads as words for people rather than code: words with a blank
    between them that are not class names, selectors or element names; or a capitalised word."""
    if re.fullmatch(r"[A-Z][a-z]{2,}", literal):
        return literal not in _NAMES
    if not re.search(r"[A-Za-z]\s|\s[A-Za-z]", literal):
        return False
    tokens = [t for t in re.split(r"[\s,]+", literal) if t]
    return any(re.fullmatch(r"[A-Za-z']+", t) and t not in _ELEMENTS for t in tokens)


@pytest.mark.parametrize("literal", [
    "Tree diagram", "Back", "Choose one of the answers first.", " the answer to ",
    "not a ragft tree export (schema ", ": HTTP ",
])
def test_the_scan_finds_english(literal: str) -> None:
    assert english(literal)


@pytest.mark.parametrize("literal", [
    "ragft-button ragft-secondary", "script, foreignObject, iframe, object, embed",
    "(prefers-color-scheme: dark)", ".ragft-loading, noscript", "input[type=radio]:checked",
    "text/markdown;charset=utf-8", "Enter", "ragft:render", "{gate}",
])
def test_the_scan_lets_code_through(literal: str) -> None:
    assert not english(literal)


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.js")), ids=lambda p: p.name)
def test_the_scripts_hold_no_english(path: Path) -> None:
    found = [s for s in strings(path.read_text(encoding="utf-8")) if english(s)]
    assert found == [], f"{path.name} words these itself; put them in ragft.present.words"


def test_the_scripts_read_the_labels_the_payload_sends() -> None:
    """Each label the scripts name is sent, and each label sent is read: the payload's lists
    are the scripts' own."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.js")))
    labels = set(re.findall(r"\blabel\(\s*\"(\w+)\"", code))
    headings = set(re.findall(r"\bheadings\.(\w+)", code))
    boot = set(re.findall(r"\bwords\(\s*\"(\w+)\"", code)) | set(re.findall(r"\bBOOT\.(\w+)", code))
    assert labels == set(WALKER_LABELS)
    assert headings == set(WALKER_HEADINGS)
    assert boot == set(boot_words())
    assert set(WALKER_LABELS) <= set(LABELS)

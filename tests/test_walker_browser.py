"""The site walker in real Chromium, offline: it decides as the engine does, for every answer set.

Every page is opened through the ``offline`` fixture: a request that leaves 127.0.0.1 (or the
file system) is blocked and fails the test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conftest import MARKUP, ROOT, Offline, run_axe, show_walk
from ragft.diagram.dot import text_alternative
from ragft.engine.decision import Decision, all_answer_sets, all_walks, answers_key, decide
from ragft.present.content import card
from ragft.present.record_words import FORM
from ragft.present.words import LABELS
from ragft.records.adr import slug
from ragft.records.madr import record_markdown, record_title
from ragft.records.template import RecordFields
from ragft.tree.model import Tree
from ragft.web.export import export

pytestmark = pytest.mark.browser

READY = "#ragft-walker[data-ready]"

# Set the hash, wait for the walker to draw, read what it shows. Clearing first guarantees a
# hashchange even when two answer sets lead to the same canonical walk.
STATES_JS = """async (keys) => {
  const root = document.getElementById('ragft-walker');
  const drawn = () => new Promise((done) =>
    root.addEventListener('ragft:render', () => done(), {once: true}));
  const setHash = async (value) => {
    if (location.hash.replace(/^#/, '') === value) { return; }
    const wait = drawn(); location.hash = value; await wait;
  };
  const out = [];
  for (const key of keys) {
    await setHash('');
    await setHash(key);
    const rec = root.querySelector('[data-exit]');
    const fieldset = root.querySelector('fieldset[data-gate]');
    out.push({
      key, hash: location.hash.replace(/^#/, ''),
      exit: rec ? rec.dataset.exit : null,
      gate: fieldset ? fieldset.dataset.gate : null,
      onPath: [...root.querySelectorAll('svg .on-path')].map((n) => n.id).sort(),
      current: [...root.querySelectorAll('svg .current')].map((n) => n.id),
      error: !root.querySelector('.ragft-error').hidden,
      offPath: root.querySelector('.ragft-offpath').hidden
        ? null : root.querySelector('.ragft-offpath').textContent,
      pathText: root.querySelector('.ragft-path-text').textContent,
    });
  }
  return out;
}"""


@pytest.fixture(scope="module")
def site_data(tmp_path_factory: pytest.TempPathFactory, tree: Tree) -> Path:
    """``ragft export`` output plus a page with walk.qmd's own embed markup, as the site has it."""
    folder = tmp_path_factory.mktemp("site")
    export(folder / "site-data", tree)
    (folder / "walk.html").write_text(embed_page(), encoding="utf-8")
    return folder


def embed_page() -> str:
    """walk.qmd's raw HTML block inside a bare page (Quarto adds the rest around it)."""
    qmd = (ROOT / "walk.qmd").read_text(encoding="utf-8")
    block = re.search(r"```\{=html\}\n(.*?)```", qmd, re.DOTALL)
    assert block, "walk.qmd has no ```{=html} block with the walker"
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Walk</title>'
            '</head><body><main><h1>Walk the tree</h1>' + block.group(1) + "</main></body></html>")


@pytest.fixture
def base(serve: Any, site_data: Path) -> str:
    return str(serve(site_data))


def open_walker(offline: Offline, url: str) -> Any:
    page = offline.new_page()
    page.goto(url)
    page.wait_for_selector(READY)
    return page


def expected_ids(decision: Decision) -> tuple[list[str], list[str]]:
    """The SVG ids the walker should mark: on-path (gates, edges, exit) and current. The last
    edge of a walk whose exit is a layer's variant is that layer's edge."""
    tree = decision.tree
    ids = [s.gate for s in decision.path]
    for s in decision.path:
        variant = tree.is_exit(s.next) and decision.exit != s.next
        ids.append(f"{s.gate}-{s.answer}" + (f"-{decision.layer}" if variant else ""))
    if decision.exit:
        ids.append(decision.exit)
    return sorted(ids), [decision.next_gate] if decision.next_gate else []


def partial_sets(tree: Tree) -> Iterator[dict[str, str]]:
    """Every path prefix, and every full answer set with one gate left out."""
    for walk in all_walks(tree):
        for n in range(len(walk.path)):
            yield {s.gate: s.answer for s in walk.path[:n]}
    for answers in all_answer_sets(tree):
        for gate in tree.gate_ids:
            yield {g: a for g, a in answers.items() if g != gate}


@pytest.mark.parametrize("page_name", ["site-data/walker.html", "walk.html"])
def test_parity_with_the_engine_for_every_answer_set(
    offline: Offline, base: str, tree: Tree, page_name: str
) -> None:
    sets = list(all_answer_sets(tree)) + list(partial_sets(tree))
    assert len(sets) > 2 ** len(tree.gates)
    unique = {answers_key(s): s for s in sets}
    page = open_walker(offline, base + page_name)
    states = page.evaluate(STATES_JS, list(unique))
    assert len(states) == len(unique)
    for state in states:
        decision = decide(unique[state["key"]], tree)
        where = f"#{state['key']}"
        assert state["exit"] == decision.exit, where
        assert state["gate"] == decision.next_gate, where
        assert state["hash"] == answers_key(decision.answers), where
        on_path, current = expected_ids(decision)
        assert state["onPath"] == on_path, where
        assert state["current"] == current, where
        assert not state["error"], where
        if decision.off_path:
            ignored = ", ".join(f"{g}={a}" for g, a in decision.off_path)
            assert state["offPath"].startswith(f"{OFF_PATH}: {ignored}."), where
        else:
            assert state["offPath"] is None, where
        assert state["pathText"] == path_in_words(decision), where
    assert offline.console_errors == []


OFF_PATH = "Not on the path, so not used"  # ragft.terminal.walk's words for the same thing


def path_in_words(decision: Decision) -> str:
    """What the walker's line under the diagram should say: the diagram's own description."""
    return text_alternative(decision.tree, decision).splitlines()[-1]


FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  return document.activeElement.matches(':focus-visible') && style.outlineStyle !== 'none'
    && parseFloat(style.outlineWidth) >= 2;
}"""


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("requirement", range(3))
def test_running_example_walked_by_keyboard_alone(
    offline: Offline, base: str, tree: Tree, requirement: int
) -> None:
    req = tree.example.requirements[requirement]
    page = open_walker(offline, base + "site-data/walker.html")
    for n, (gate_id, answer_id) in enumerate(req.answers):
        gate = tree.gate(gate_id)
        tab_to(page, f"input[type=radio][name='{gate_id}']")
        assert page.evaluate(FOCUS_RING), "the focused answer shows no focus ring"
        index = gate.answer_ids.index(answer_id)
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        checked = page.evaluate(
            f"() => document.querySelector(\"input[name='{gate_id}']:checked\").value")
        assert checked == answer_id
        if n == len(req.answers) - 1:
            page.keyboard.press("Enter")  # Enter on the radio answers at once
        else:
            tab_to(page, "form.ragft-form button[type=submit]")
            assert page.evaluate(FOCUS_RING), "the focused button shows no focus ring"
            page.keyboard.press("Enter")
    assert page.get_attribute("[data-exit]", "data-exit") == req.exit
    assert page.evaluate("() => !!document.activeElement.closest('[data-exit]')")
    assert page.evaluate("() => location.hash") == "#" + answers_key(req.answers)
    assert offline.console_errors == []


def test_hash_is_restored_on_reload(offline: Offline, base: str, tree: Tree) -> None:
    page = open_walker(offline, base + "site-data/walker.html")
    walk = next(w for w in all_walks(tree) if len(w.path) > 2)
    for step in walk.path[:2]:
        page.check(f"input[name='{step.gate}'][value='{step.answer}']")
        page.click("form.ragft-form button[type=submit]")
    key = answers_key((s.gate, s.answer) for s in walk.path[:2])
    assert page.evaluate("() => location.hash") == "#" + key
    page.reload()
    page.wait_for_selector(READY)
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == walk.path[2].gate
    assert page.locator(".ragft-trail li").count() == 2
    page.get_by_role("button", name="Back", exact=True).click()
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == walk.path[1].gate
    page.go_back()  # the browser's own back button returns to the state before
    page.wait_for_function(f"() => location.hash === '#{key}'")
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == walk.path[2].gate
    page.get_by_role("button", name="Restart", exact=True).click()
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == tree.root
    assert page.evaluate("() => location.hash") == ""
    assert offline.console_errors == []


@pytest.mark.parametrize(("hash_", "message"), [
    ("#nonsense", "bad answer 'nonsense': expected gate=answer"),
    ("#prompting", "bad answer 'prompting': expected gate=answer"),
    ("#prompting=maybe", "unknown answer 'maybe' for gate 'prompting' (must be one of ['no', 'yes'])"),
    ("#mood=yes", "unknown gate 'mood' (must be one of ["),
    ("#prompting=yes&prompting=no", "bad answer 'prompting=no': that gate is already answered"),
    ("#prompting=%E0%A4%A", "bad answer 'prompting=%E0%A4%A': expected gate=answer"),
    ("#<script>alert(1)</script>=yes", "unknown gate '<script>alert(1)</script>'"),
])
def test_malformed_or_unknown_hash_shows_a_notice_and_starts_clean(
    offline: Offline, base: str, tree: Tree, hash_: str, message: str
) -> None:
    page = offline.new_page()
    page.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    page.goto(base + "site-data/walker.html" + hash_)
    page.wait_for_selector(READY)
    notice = page.locator(".ragft-error")
    assert notice.is_visible()
    assert message in notice.inner_text()
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == tree.root
    assert page.locator("[data-exit]").count() == 0
    assert page.evaluate("() => location.hash") == ""
    # The notice goes away once the reader answers.
    page.check(f"input[name='{tree.root}'] >> nth=0")
    page.click("form.ragft-form button[type=submit]")
    assert not notice.is_visible()
    assert offline.console_errors == []


def test_continue_without_an_answer_says_so(offline: Offline, base: str, tree: Tree) -> None:
    page = open_walker(offline, base + "site-data/walker.html")
    page.click("form.ragft-form button[type=submit]")
    assert "Choose one of the answers" in page.inner_text(".ragft-status")
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == tree.root


def test_print_shows_the_decision_record(offline: Offline, base: str, tree: Tree) -> None:
    """Print shows the record the download saves (path, team fields, date), not the page; the
    tree diagram too once asked for."""
    walk = max(all_walks(tree), key=lambda w: len(w.answers))
    page = open_walker(offline, base + "site-data/walker.html#" + answers_key(walk.answers))
    fields = fill_team_fields(page, walk)
    page.emulate_media(media="print")
    printed = page.locator(".ragft-print-record")
    assert printed.is_visible()
    for hidden in (".ragft-trail", ".ragft-tree", ".ragft-nav button", ".ragft-rec",
                   ".ragft-record-actions button", ".ragft-page-head", ".ragft-team",
                   ".ragft-sections"):
        for n in range(page.locator(hidden).count()):
            assert not page.locator(hidden).nth(n).is_visible(), hidden
    text = " ".join(printed.inner_text().split())
    shown = card(walk)
    # The Markdown's marks go; its words stay (the team's own asterisks are marks too).
    for words in (shown.title, f"date: {dt.date.today().isoformat()}", "status: accepted",
                  TEAM_TEXT.replace("*", ""), fields.requirement, *fields.why.values(),
                  *(f"{i.answer_label} ({i.gate}={i.answer})" for i in shown.path)):
        assert " ".join(words.replace("*", "").split()) in text, words
    markdown = record_markdown(walk, replace(fields, date=dt.date.today().isoformat()))
    for heading in re.findall(r"^#+ (.*)$", markdown, re.MULTILINE):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    page.emulate_media(media="screen")
    assert not printed.is_visible()
    assert page.locator(".ragft-tree").is_visible()
    page.get_by_label(LABELS["print_tree"]).check()
    page.emulate_media(media="print")
    assert page.locator(".ragft-tree svg").is_visible()
    assert not page.locator(".ragft-tree figcaption").is_visible()
    assert printed.is_visible()
    assert page.pdf()[:5] == b"%PDF-"
    assert offline.console_errors == []


# What a team might type: quotes, YAML and Markdown marks, markup, a dollar, a backslash, a
# tab, runs of spaces and a character outside the BMP (a text field keeps all of them).
TEAM_TEXT = 'Ana "PM" O\'Neil: #1 & <b>co</b> $5 \\ *x* [y] {z} !tag &a\tb   c 😀'


def fill_team_fields(page: Any, walk: Decision) -> RecordFields:
    """Type the team's words into the walker's fields; return the same as RecordFields."""
    if not page.locator("details.ragft-team").evaluate("d => d.open"):
        page.locator("details.ragft-team summary").click()
    page.get_by_label(FORM["use_case"], exact=True).fill(TEAM_TEXT)
    page.get_by_label(FORM["requirement"], exact=True).fill(f"For {walk.exit}")
    page.get_by_label(FORM["status"], exact=True).select_option("accepted")
    page.get_by_label(FORM["decision_makers"], exact=True).fill(f"Ana, {TEAM_TEXT}")
    why = {}
    for item in card(walk).path:
        reason = f"{TEAM_TEXT} ({item.gate})"
        label = FORM["why"].replace("{answer}", item.answer_label).replace("{gate}", item.gate_label)
        page.get_by_label(label, exact=True).fill(reason)
        why[item.gate] = reason
    return RecordFields(use_case=TEAM_TEXT, requirement=f"For {walk.exit}", status="accepted",
                        decision_makers=[f"Ana, {TEAM_TEXT}"], why=why)


@pytest.mark.parametrize("team", [False, True], ids=["plain", "team-fields"])
def test_markdown_download_equals_ragft_record_for_every_walk(
    offline: Offline, base: str, tree: Tree, tmp_path: Path, team: bool
) -> None:
    today = dt.date.today().isoformat()
    for walk in all_walks(tree):
        # A page per walk, as a visitor opens a walk's link (and Chromium drops a tab's
        # downloads that come faster than about ten a second; see download_name).
        page = open_walker(offline, base + "site-data/walker.html#" + answers_key(walk.answers))
        page.wait_for_selector(f"[data-exit='{walk.exit}']")
        fields = fill_team_fields(page, walk) if team else RecordFields()
        with page.expect_download() as info:
            page.get_by_role("button", name="Download as Markdown").click()
        download = info.value
        assert download.suggested_filename == slug(record_title(walk, fields)) + ".md"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        expected = record_markdown(walk, replace(fields, date=today))
        assert target.read_bytes() == expected.encode("utf-8"), walk.exit
        page.close()
    assert offline.console_errors == []


# Titles a record's file name is made from, and what ragft.records.adr.slug makes of them:
# accents, letters without an ASCII form, compatibility forms, emoji, runs of punctuation,
# dashes at either end, blanks and control characters, a cut at 60 characters.
TRICKY_TITLES = [
    "Café crème brûlée", "Größe der Straße", "Ångström Ωmega", "İstanbul ǅungla \u212aelvin",
    "日本語のみ", "支援ボット", "😀", "🚀 Launch 🚀 the bot 😀", "ﬁne-tuning ① Ｆｕｌｌｗｉｄｔｈ ½",
    "RAG!!! -- ??? for ... (support) ***", "---leading and trailing---", "- a -", "--", "a",
    "em—dash – en–dash ‐ hyphen", "MiXeD CaSe 123 ABC", "x" * 59 + "-tail beyond the cut",
    "y" * 60 + "z", "w" * 58 + "--" + "v" * 5, "one two " * 12, "ab-" * 25,
    "tabs\tand\u00a0nbsp\u2028line\u2029par\u3000wide", "  spaced   out  ", "nul\x00del\x7fnel\x85",
    "\x01\x02\x1f", " \t ", "\u200bzero\u200dwidth\ufeff", "soft\xadhyphen", "a\u0301e\u0300",
]


def download_name(page: Any, use_case: str, requirement: str) -> tuple[str, RecordFields]:
    """Type a use case and a requirement, press download: the file name, and the fields as
    they stand in the page (a text field drops line breaks itself)."""
    page.get_by_label(FORM["use_case"], exact=True).fill(use_case)
    page.get_by_label(FORM["requirement"], exact=True).fill(requirement)
    typed = RecordFields(
        use_case=page.get_by_label(FORM["use_case"], exact=True).input_value(),
        requirement=page.get_by_label(FORM["requirement"], exact=True).input_value())
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    # Chromium drops a page's downloads that come faster than about ten a second.
    page.wait_for_timeout(150)
    return info.value.suggested_filename, typed


def test_the_download_is_named_as_adr_names_a_record(offline: Offline, base: str, tree: Tree) -> None:
    """The file name is ragft.records.adr's: slug(record_title(...)) + ".md", the requirement
    first, then the use case (each cleaned: a blank one does not count), then the exit."""
    page = open_walker(offline, base + "site-data/walker.html")
    walks = list(all_walks(tree))
    assert {w.exit for w in walks} == {e.id for e in tree.exits}
    cases = [(title, "") for title in TRICKY_TITLES] + [("Use case", title) for title in TRICKY_TITLES]
    cases += [("Use case wins", ""), ("Use case", "Requirement wins"), ("Use case wins", " \t "),
              ("\x01 \x02", "\x85"), ("日本語", ""), ("", "😀"), ("Use case", "\u3000")]
    for walk in walks:  # every exit, its fields empty: the exit's title names the file
        show_walk(page, answers_key(walk.answers))
        page.wait_for_selector(f"[data-exit='{walk.exit}']")
        if not page.locator("details.ragft-team").evaluate("d => d.open"):
            page.locator("details.ragft-team summary").click()
        name, typed = download_name(page, "", "")
        assert name == slug(tree.exit(walk.exit).title) + ".md", walk.exit
        assert name == slug(record_title(walk, typed)) + ".md", walk.exit
    for use_case, requirement in cases:  # on the last walk
        name, typed = download_name(page, use_case, requirement)
        assert (typed.use_case, typed.requirement) == (use_case, requirement)
        assert name == slug(record_title(walk, typed)) + ".md", (use_case, requirement)
    assert offline.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_team_fields_by_keyboard_and_axe(
    offline: Offline, base: str, tree: Tree, axe_js: Path, scheme: str
) -> None:
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    page = offline.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(base + "site-data/walker.html#" + answers_key(walk.answers))
    page.wait_for_selector(READY)
    tab_to(page, "details.ragft-team summary")
    assert page.evaluate(FOCUS_RING), "the fields' disclosure shows no focus ring"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.labels[0].textContent") == FORM["use_case"]
    page.keyboard.type("Staff questions")
    # Every field has a label; every reason is for an answer on this walk.
    labels = page.locator("details.ragft-team label").all_inner_texts()
    assert len(labels) == 4 + len(walk.path)
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]
    # What was typed stays when the walk changes, so a second download keeps the use case.
    page.locator(".ragft-change").first.click()
    show_walk(page, answers_key(walk.answers))
    page.wait_for_selector(f"[data-exit='{walk.exit}']")
    assert page.get_by_label(FORM["use_case"], exact=True).input_value() == "Staff questions"
    assert page.locator("details.ragft-team").evaluate("d => d.open")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", ["fresh", "mid-walk", "finished", "notice", "off-path"])
@pytest.mark.parametrize("page_name", ["site-data/walker.html", "walk.html"])
def test_axe_finds_no_wcag_violations(
    offline: Offline, base: str, tree: Tree, axe_js: Path, scheme: str, state: str, page_name: str
) -> None:
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    hashes = {"fresh": "", "mid-walk": "#" + answers_key((s.gate, s.answer) for s in walk.path[:3]),
              "finished": "#" + answers_key(walk.answers), "notice": "#prompting=maybe",
              "off-path": "#" + answers_key([(s.gate, s.answer) for s in walk.path[1:]])}
    page = offline.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(base + page_name + hashes[state])
    page.wait_for_selector(READY)
    page.locator(".ragft-tree-text summary").click()  # axe checks the tree in words too
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]


def test_theme_toggle_switches_between_light_and_dark(offline: Offline, base: str) -> None:
    page = open_walker(offline, base + "site-data/walker.html")
    background = "() => getComputedStyle(document.body).backgroundColor"
    toggle = page.locator("[data-ragft-theme-toggle]")
    assert toggle.get_attribute("aria-pressed") == "false"
    light = page.evaluate(background)
    toggle.click()
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate(background) != light
    toggle.click()
    assert page.evaluate(background) == light


@pytest.mark.parametrize("how", ["file", "site"])
def test_labels_with_markup_are_shown_as_text_and_run_nothing(
    offline: Offline, serve: Any, tmp_path: Path, how: str, hostile_tree: Tree
) -> None:
    tree = hostile_tree
    export(tmp_path / "site-data", tree)
    (tmp_path / "walk.html").write_text(embed_page(), encoding="utf-8")
    dialogs: list[str] = []
    page = offline.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = ((tmp_path / "site-data" / "walker.html").as_uri() if how == "file"
           else str(serve(tmp_path)) + "walk.html")
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    page.goto(url)
    page.wait_for_selector(READY)
    for step in walk.path:
        gate = tree.gate(step.gate)
        legend = page.inner_text("fieldset legend")
        assert MARKUP in legend
        assert page.inner_text(f"label[for$='-{step.gate}-{step.answer}']") == \
            gate.answer(step.answer).label
        page.check(f"input[name='{step.gate}'][value='{step.answer}']")
        page.click("form.ragft-form button[type=submit]")
    assert page.get_attribute("[data-exit]", "data-exit") == walk.exit
    assert tree.exit(walk.exit).title in page.inner_text("[data-exit] h2")
    assert MARKUP in page.inner_text(".ragft-record")
    assert MARKUP in page.inner_text(".ragft-path-text")
    assert MARKUP in page.text_content(".ragft-tree-text")
    assert page.locator("#ragft-walker img, #ragft-walker script, #ragft-walker b").count() == 0
    if how == "file":
        assert page.title().startswith(MARKUP)
    assert dialogs == []
    assert offline.console_errors == []


def test_walker_html_works_from_a_file_url_offline(
    offline: Offline, site_data: Path, tree: Tree
) -> None:
    url = (site_data / "site-data" / "walker.html").as_uri()
    page = open_walker(offline, url)
    walk = next(iter(all_walks(tree)))
    for step in walk.path:
        page.check(f"input[name='{step.gate}'][value='{step.answer}']")
        page.click("form.ragft-form button[type=submit]")
    assert page.get_attribute("[data-exit]", "data-exit") == walk.exit
    assert page.evaluate("() => location.protocol") == "file:"
    assert page.locator(".ragft-tree svg g.on-path").count() > 0
    assert offline.console_errors == []


def test_change_link_returns_to_that_gate_with_focus(offline: Offline, base: str, tree: Tree) -> None:
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    page = open_walker(offline, base + "site-data/walker.html#" + answers_key(walk.answers))
    page.locator(".ragft-change").nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('[data-exit]')")
    assert page.get_attribute("fieldset[data-gate]", "data-gate") == walk.path[1].gate
    assert page.evaluate("() => document.activeElement.tagName") == "LEGEND"


# ---- the diagram's text alternative --------------------------------------------------------

@pytest.mark.parametrize("page_name", ["site-data/walker.html", "walk.html"])
def test_diagram_has_a_name_and_the_tree_in_words(
    offline: Offline, base: str, tree: Tree, page_name: str
) -> None:
    page = open_walker(offline, base + page_name)
    summary, *lines = text_alternative(tree).splitlines()
    image = page.get_by_role("img", name=summary)
    assert image.count() == 1
    assert image.evaluate("(n) => n.tagName.toLowerCase()") == "svg"
    # Closed at first, opened with the keyboard; then every line of the text alternative shows.
    details = page.locator("details.ragft-tree-text")
    assert details.get_attribute("open") is None
    page.locator(".ragft-tree-text summary").focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    text = " ".join(details.inner_text().split())
    assert text.startswith("The tree in words " + summary)
    for gate in tree.gates:
        assert f"{gate.label}: {gate.question}" in text, gate.id
    for line in lines:
        assert line.removeprefix("- ") in text, line
    assert offline.console_errors == []


def test_path_in_words_follows_the_answers(offline: Offline, base: str, tree: Tree) -> None:
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    page = open_walker(offline, base + "site-data/walker.html")
    described = page.locator(".ragft-path-text")
    svg = page.locator(".ragft-tree svg")
    describedby = svg.get_attribute("aria-describedby")
    assert describedby
    assert page.locator(f"[id='{describedby}']").count() == 1
    assert described.get_attribute("id") == describedby
    for n, step in enumerate(walk.path):
        before = decide({s.gate: s.answer for s in walk.path[:n]}, tree)
        assert described.inner_text() == path_in_words(before)
        page.check(f"input[name='{step.gate}'][value='{step.answer}']")
        page.click("form.ragft-form button[type=submit]")
    assert described.inner_text() == path_in_words(decide(dict(walk.answers), tree))
    assert f'It ends at recommendation "{tree.exit(walk.exit).title}"' in described.inner_text()
    assert offline.console_errors == []


# ---- answers the walk never reaches ----------------------------------------------------------

def test_answers_off_the_path_are_named_in_a_polite_notice(
    offline: Offline, base: str, tree: Tree
) -> None:
    page = open_walker(offline, base + "site-data/walker.html")
    off_path = page.locator(".ragft-offpath")
    assert off_path.get_attribute("role") == "status"  # polite: it does not interrupt
    checked = 0
    for gate in tree.gates:
        if gate.id == tree.root:
            continue
        for answer in gate.answers:
            page.evaluate("() => { location.hash = ''; }")
            page.evaluate("(k) => { location.hash = k; }", f"{gate.id}={answer.id}")
            page.wait_for_function("() => location.hash === ''")
            assert off_path.is_visible(), gate.id
            assert off_path.inner_text().startswith(f"{OFF_PATH}: {gate.id}={answer.id}.")
            assert not page.locator(".ragft-error").is_visible()
            assert page.get_attribute("fieldset[data-gate]", "data-gate") == tree.root
            checked += 1
    assert checked == sum(len(g.answers) for g in tree.gates if g.id != tree.root)
    # Two at once, as in a hand-edited link; both are named, in the link's order.
    page.goto(base + "site-data/walker.html#knowledge=changing&depth=reference")
    page.wait_for_selector(READY)
    assert off_path.inner_text().startswith(f"{OFF_PATH}: knowledge=changing, depth=reference.")
    # Answering the question on screen hides it.
    page.check(f"input[name='{tree.root}'] >> nth=0")
    page.click("form.ragft-form button[type=submit]")
    assert not off_path.is_visible()
    assert offline.console_errors == []


def test_answers_on_and_off_the_path_keep_the_walk(offline: Offline, base: str, tree: Tree) -> None:
    walk = min(all_walks(tree), key=lambda w: len(w.path))
    extra = next(g for g in tree.gates if g.id not in {s.gate for s in walk.path})
    hash_ = answers_key([*walk.answers.items(), (extra.id, extra.answers[0].id)])
    page = open_walker(offline, base + "site-data/walker.html#" + hash_)
    assert page.get_attribute("[data-exit]", "data-exit") == walk.exit
    assert page.evaluate("() => location.hash") == "#" + answers_key(walk.answers)
    assert page.inner_text(".ragft-offpath").startswith(
        f"{OFF_PATH}: {extra.id}={extra.answers[0].id}.")


# ---- small screens -------------------------------------------------------------------------

PHONE = {"width": 390, "height": 800}
MIN_DIAGRAM_PX = 500

SCROLLER = """() => {
  const box = document.querySelector('.ragft-tree-scroll');
  const svg = box.querySelector('svg').getBoundingClientRect();
  const label = box.querySelector('svg g.gate text').getBoundingClientRect();
  return {svgWidth: svg.width, textHeight: label.height, tabindex: box.getAttribute('tabindex'),
          name: box.getAttribute('aria-label'), scrolls: box.scrollWidth > box.clientWidth,
          pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
          scrollLeft: box.scrollLeft};
}"""


@pytest.mark.parametrize("page_name", ["site-data/walker.html", "walk.html"])
def test_diagram_stays_readable_and_scrolls_on_a_phone(
    offline: Offline, base: str, page_name: str
) -> None:
    page = offline.new_page()
    page.set_viewport_size(PHONE)
    page.goto(base + page_name)
    page.wait_for_selector(READY)
    box = page.evaluate(SCROLLER)
    assert box["svgWidth"] >= MIN_DIAGRAM_PX, box
    assert box["textHeight"] >= 11, box
    assert box["scrolls"], box
    assert not box["pageScrolls"], "the page itself scrolls sideways, not just the diagram"
    assert box["tabindex"] == "0", box
    assert box["name"], box
    page.locator(".ragft-tree-scroll").focus()
    assert page.evaluate(FOCUS_RING), "the focused diagram shows no focus ring"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.ragft-tree-scroll').scrollLeft > 0")
    # Wide enough again: the box no longer scrolls, so it is no tab stop either.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(
        "() => !document.querySelector('.ragft-tree-scroll').hasAttribute('tabindex')")
    assert not page.evaluate(SCROLLER)["scrolls"]
    assert offline.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_name", ["site-data/walker.html", "walk.html"])
def test_axe_finds_no_violations_on_a_phone(
    offline: Offline, base: str, tree: Tree, axe_js: Path, scheme: str, page_name: str
) -> None:
    walk = max(all_walks(tree), key=lambda w: len(w.path))
    page = offline.new_page()
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto(base + page_name + "#" + answers_key((s.gate, s.answer) for s in walk.path[:3]))
    page.wait_for_selector(READY)
    assert page.evaluate(SCROLLER)["scrolls"]
    page.locator(".ragft-tree-text summary").click()
    violations = run_axe(page, axe_js)
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]

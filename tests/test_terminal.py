"""``ragft walk`` in a real pseudo-terminal, read back cell by cell, and the terminal renderer.

``pexpect`` runs the installed script in a pseudo-terminal of a given size; ``pyte``, a terminal
emulator, turns what it writes into the screen a person would see (and answers the cursor
position requests prompt_toolkit makes, as a real terminal does). The tests press the keys a
person would: arrows, Enter, number keys, typed ids, b, r, q.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest
from rich.text import Text as RichText

from ragft.engine.decision import all_walks, decide, path_to
from ragft.present.cli_words import WORDS
from ragft.present.content import card, gate_view
from ragft.present.text import plain
from ragft.terminal.render import Out, make_console, print_card, print_question
from ragft.terminal.walk import _result
from ragft.tree.model import Tree

SCRIPT = Path(sys.executable).parent / "ragft"
POINTER = "❯"
DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25];[0-9;]+|4[0-7])m")


# What a thread blocked on input waits in (/proc/PID/task/TID/wchan), per kernel function.
WAITS = ("epoll", "poll", "select", "wait_woken", "n_tty_read")


class Terminal:
    """A program in a pseudo-terminal of ``cols`` x ``rows``, and the screen it draws."""

    def __init__(self, argv: list[str], cols: int, rows: int = 40, **env: str) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR",
                                                                 "COLUMNS", "LINES")}
        self.child = pexpect.spawn(argv[0], argv[1:], dimensions=(rows, cols),
                                   env={**base, "TERM": "xterm-256color", **env})
        # Answer the program's "where is the cursor?" requests, as a terminal does.
        self.screen.write_process_input = lambda data: self.child.send(data.encode())

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def idle(self) -> bool:
        """Whether the program is blocked waiting for input: every thread asleep in the kernel's
        wait for file events (epoll, poll or select) or for the terminal's next byte (a
        blocking read: ``wait_woken``), so nothing more will be drawn unasked. Read from /proc,
        where Linux shows what each thread waits in."""
        tasks = list(Path(f"/proc/{self.child.pid}/task").glob("*"))
        if not tasks:
            return not self.child.isalive()
        for task in tasks:
            try:
                state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
                wchan = (task / "wchan").read_text()
            except OSError:  # the thread ended while we looked
                continue
            if state != "S" or not any(w in wchan for w in WAITS):
                return False
        return True

    def wait(self, wanted: str, timeout: float = 30, *, after: int = 0,
             menu: bool = True) -> str:
        """Read until ``wanted`` is on screen (with an answer list, if ``menu``), more than
        ``after`` bytes came, and the program waits for input with nothing left to read (so
        the screen is finished, not half drawn)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:  # the program ended: what it left on screen is final
                if wanted in self.text():
                    return self.text()
                break
            if data:
                self.raw += data
                self.stream.feed(data)
                continue  # more may be waiting: read it before asking whether it is done
            text = self.text()
            if len(self.raw) > after and wanted in text and (not menu or POINTER in text) \
                    and self.idle():
                return text
        pytest.fail(f"{wanted!r} never appeared on screen:\n{self.text()}")

    def press(self, keys: str, then: str = POINTER) -> str:
        """Type ``keys`` and wait for the screen they lead to."""
        before = len(self.raw)
        self.child.send(keys)
        return self.wait(then, after=before)

    def row(self, containing: str) -> int:
        for y, line in enumerate(self.screen.display):
            if containing in line:
                return y
        pytest.fail(f"{containing!r} is not on screen:\n{self.text()}")

    def cells(self, containing: str) -> list[pyte.screens.Char]:
        y = self.row(containing)
        x = self.screen.display[y].index(containing)
        return [self.screen.buffer[y][i] for i in range(x, x + len(containing))]

    def close(self) -> int:
        self.child.expect(pexpect.EOF, timeout=30)
        self.child.close()
        return int(self.child.exitstatus or 0)


def words_whole(text: str, screen: str) -> list[str]:
    """The words of ``text`` that do not appear whole on the screen (split across lines)."""
    tokens = set(screen.split())
    return [w for w in text.split() if w not in tokens]


def _answer_line(term: Terminal, label: str) -> str:
    """The line of the answer list that shows ``label`` (the last such line on screen)."""
    shape = re.compile(rf"^({POINTER} |  )\d+  {re.escape(label)}(  |$)")
    lines = [ln.rstrip() for ln in term.screen.display if shape.match(ln)]
    assert lines, f"no list line for {label!r}:\n{term.text()}"
    return lines[-1]


@pytest.fixture(scope="module")
def script() -> Path:
    if not SCRIPT.exists():
        pytest.fail(f"the ragft console script is not installed at {SCRIPT} (pip install -e .)")
    return SCRIPT


@pytest.mark.parametrize("cols", [60, 100])
def test_walk_with_arrows_numbers_ids_back_and_restart(script: Path, tree: Tree,
                                                       cols: int) -> None:
    term = Terminal([str(script), "walk"], cols)
    first = tree.gate(tree.root)
    view = gate_view(first, tree)
    screen = term.wait(POINTER)
    # The question is wrapped to the terminal, never inside a word; the answers in tree order.
    assert words_whole(view.explanation, screen) == []
    assert words_whole(view.question, screen) == []
    for n, ans in enumerate(first.answers, 1):
        assert re.search(rf"{n}  {re.escape(ans.label)}  {ans.id}$", _answer_line(term, ans.label))
    assert POINTER in _answer_line(term, first.answers[0].label)  # the first is highlighted
    # Arrow down, Enter: the second answer.
    term.press(DOWN, then=POINTER)
    assert POINTER in _answer_line(term, first.answers[1].label)
    yes = first.answers[1]
    screen = term.press(ENTER, then=tree.gate(yes.next).question[:30])
    assert f"✓ {first.label}: {yes.label}  {first.id}={yes.id}" in screen
    # A number key picks at once; a typed id (any case) with Enter too.
    second = tree.gate(yes.next)
    screen = term.press("1", then=tree.gate(second.answers[0].next).question[:30])
    assert f"{second.id}={second.answers[0].id}" in screen
    third = tree.gate(second.answers[0].next)
    picked = third.answers[-1]
    term.wait(POINTER)
    screen = term.press(picked.id.upper() + ENTER, then=f"{third.id}={picked.id}")
    # Input that picks nothing: one line, and the question is not printed again.
    fourth = tree.gate(picked.next)
    term.wait(POINTER)
    screen = term.press("maybe" + ENTER, then="Not understood")
    assert WORDS["not_understood"].format(text="maybe", numbers="1-2, ") in " ".join(
        screen.split())
    assert screen.count(fourth.question[:40]) == 1
    # b: back to the last question, the answer given there highlighted.
    screen = term.press("b" + ENTER, then=POINTER)
    assert POINTER in _answer_line(term, picked.label)
    # r: the first question again, the answer given before highlighted for a quick re-walk.
    screen = term.press("r" + ENTER, then=POINTER)
    assert first.question[:40] in screen.split(f"{third.id}={picked.id}")[-1]
    assert POINTER in _answer_line(term, yes.label)
    term.child.send("q" + ENTER)
    assert term.close() == 0


def _walk_to(term: Terminal, tree: Tree, answers: dict[str, str]) -> str:
    for gate_id, answer_id in answers.items():
        term.wait(POINTER)
        number = tree.gate(gate_id).answer_ids.index(answer_id) + 1
        term.press(str(number), then=f"{gate_id}={answer_id}")
    return term.wait(POINTER)


@pytest.mark.parametrize("cols", [60, 100])
def test_the_recommendation_stays_on_screen_and_is_coloured(script: Path, tree: Tree,
                                                            cols: int) -> None:
    walk = max(all_walks(tree), key=lambda d: (len(d.flips), len(d.path)))  # the longest card
    shown = card(walk)
    term = Terminal([str(script), "walk"], cols, rows=40)
    screen = _walk_to(term, tree, walk.answers)
    for part in (shown.kicker, shown.title, shown.line):
        assert part in screen
    build = next(s for s in shown.sections if s.id == "build")
    for item in build.items:
        assert words_whole(plain(item), screen) == []  # open at first, wrapped whole
    # Colour and emphasis: the title bold, the kicker in the kind's colour.
    assert all(c.bold for c in term.cells(shown.title) if c.data != " ")
    assert all(c.fg != "default" for c in term.cells(shown.kicker) if c.data != " ")
    assert COLOUR_SGR.search(term.raw.decode("utf-8", "replace"))
    # Open each part by its number: the recommendation stays at the top of a 40-row screen.
    for n, section in enumerate(shown.sections, 1):
        screen = term.press(str(n), then=section.heading)
        top = screen.splitlines()[:3]
        assert top == [shown.kicker, shown.title, shown.line], screen
        assert words_whole(" ".join(plain(i) for i in section.items), screen) == []
        assert POINTER in _answer_line(term, f"{section.heading} ({len(section.items)})")
    # Back, from the recommendation, returns to its last question.
    last = tree.gate(walk.path[-1].gate)
    screen = term.press("b" + ENTER, then=POINTER)
    assert POINTER in _answer_line(term, last.answer(walk.path[-1].answer).label)
    term.child.send("\x04")  # Ctrl-D quits
    assert term.close() == 0


def test_no_colour_with_no_color(script: Path, tree: Tree) -> None:
    walk = next(iter(all_walks(tree)))
    term = Terminal([str(script), "walk"], 80, NO_COLOR="1")
    screen = _walk_to(term, tree, walk.answers)
    assert card(walk).title in screen
    text = term.raw.decode("utf-8", "replace")
    assert not COLOUR_SGR.search(text), COLOUR_SGR.findall(text)[:5]
    assert all(c.fg == "default" and c.bg == "default"
               for row in term.screen.buffer.values() for c in row.values())
    assert any(c.bold for c in term.cells(card(walk).title))  # emphasis is not colour
    term.child.send("q" + ENTER)
    assert term.close() == 0


def test_decide_on_a_terminal_is_wrapped_and_coloured(script: Path, tree: Tree) -> None:
    walk = max(all_walks(tree), key=lambda d: len(d.flips))
    argv = [str(script), "decide", *(f"{g}={a}" for g, a in walk.answers.items())]
    term = Terminal(argv, 60, rows=200)
    screen = term.wait(tree.gate(walk.path[-1].gate).label, menu=False)  # the card's last line
    shown = card(walk)
    for section in shown.sections:
        assert words_whole(" ".join(plain(i) for i in section.items), screen) == []
    assert all(c.bold for c in term.cells(shown.title) if c.data != " ")
    assert term.close() == 0


def test_bash_completes_from_the_tree(script: Path, tree: Tree, tmp_path: Path) -> None:
    rc = tmp_path / "bashrc"
    rc.write_text(f'PS1="$ "\nexport PATH="{script.parent}:$PATH"\n'
                  'eval "$(ragft completion bash)"\n', encoding="utf-8")
    term = Terminal(["/bin/bash", "--noprofile", "--rcfile", str(rc), "-i"], 100, rows=20)
    term.wait("$", menu=False)
    gate = tree.gates[1]
    before = " ".join(f"{g}={a}" for g, a in path_to(gate.id, tree).items())
    term.child.send(f"ragft dec\t{before} {gate.id[:3]}\t")
    term.wait(f"ragft decide {before} {gate.id}=", menu=False)
    term.child.send("\t\t")  # list the choices (bash shows what follows the "=")
    listed = re.compile(r"^" + r"\s+".join(map(re.escape, gate.answer_ids)) + r"$", re.M)
    deadline = time.monotonic() + 30
    while not listed.search(term.text()) and time.monotonic() < deadline:
        term.wait("$", menu=False, after=len(term.raw))
    assert listed.search(term.text()), term.text()
    term.child.terminate(force=True)


def _shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:  # CI installs bash only; `apt-get install zsh fish` runs these too
        pytest.skip(f"{name} is not installed (apt-get install {name})")
    return found


def test_fish_completes_from_the_tree(script: Path, tree: Tree) -> None:
    fish = _shell("fish")
    gate = tree.gates[2]
    before = " ".join(f"{g}={a}" for g, a in path_to(gate.id, tree).items())
    done = subprocess.run(
        [fish, "--no-config", "-c", f'ragft completion fish | source; '
                                    f'complete -C "ragft decide {before} "'],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PATH": f"{script.parent}:{os.environ['PATH']}"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [f"{gate.id}={a}" for a in gate.answer_ids]


def test_zsh_completes_from_the_tree(script: Path, tree: Tree, tmp_path: Path) -> None:
    zsh = _shell("zsh")
    (tmp_path / ".zshrc").write_text(
        f"PS1='%% '\nexport PATH=\"{script.parent}:$PATH\"\n"
        'autoload -U compinit && compinit -u\neval "$(ragft completion zsh)"\n',
        encoding="utf-8")
    term = Terminal([zsh, "-i"], 100, rows=20, ZDOTDIR=str(tmp_path))
    term.wait("%", menu=False)
    gate = tree.gates[1]
    before = " ".join(f"{g}={a}" for g, a in path_to(gate.id, tree).items())
    term.child.send(f"ragft dec\t{before} {gate.id[:3]}\t")
    term.wait(f"ragft decide {before} {gate.id}=", menu=False)
    term.child.send("\t")
    screen = term.wait(f"{gate.id}={gate.answer_ids[0]} ", menu=False)
    for ans in gate.answer_ids:
        assert f"{gate.id}={ans}" in screen
    term.child.terminate(force=True)


# -- the renderer, in-process, over every question and every card --------------------------------


def _rendered(width: int, draw: object) -> list[str]:
    buf = io.StringIO()
    out = Out(make_console(buf, force_terminal=True, width=width))
    draw(out)  # type: ignore[operator]
    plain_text = RichText.from_ansi(buf.getvalue().replace("\x1b[H\x1b[2J", "")).plain
    return plain_text.splitlines()


@pytest.mark.parametrize("width", [60, 100])
def test_every_question_and_card_fits_the_width_without_broken_words(tree: Tree,
                                                                     width: int) -> None:
    for gate in tree.gates:
        view = gate_view(gate, tree)
        lines = _rendered(width, lambda out, v=view: print_question(out, v, 1, numbered=True))
        assert max(len(line) for line in lines) <= width
        screen = "\n".join(lines)
        for text in (view.question, view.explanation, *view.warnings):
            assert words_whole(text, screen) == []
    for walk in all_walks(tree):
        shown = card(walk)
        lines = _rendered(width, lambda out, c=shown: print_card(out, c))
        assert max(len(line) for line in lines) <= width
        screen = "\n".join(lines)
        assert words_whole(shown.summary, screen) == []
        for section in shown.sections:
            for item in section.items:
                assert words_whole(plain(item), screen) == []


def test_every_recommendation_stays_on_a_40_row_screen(tree: Tree) -> None:
    """Each part of each card, opened, fits 40 rows below the recommendation with its list."""
    for walk in all_walks(tree):
        shown = card(walk)
        menu = len(shown.sections) + 3  # the parts, the input line, two lines of hints
        for section in shown.sections:
            first = section.id == "build"
            lines = _rendered(60, lambda out, c=shown, s=section.id, f=first: _result(
                out, c, s, first=f))
            assert len(lines) + menu <= 40, (walk.exit, section.id, len(lines) + menu)


def test_unfinished_decision_card_fits(tree: Tree) -> None:
    for gate in tree.gates:
        shown = card(decide(path_to(gate.id, tree), tree))
        lines = _rendered(60, lambda out, c=shown: print_card(out, c))
        assert max(len(line) for line in lines) <= 60

"""The presentation layer's content in a terminal, through ``rich``.

On a terminal, text is wrapped to its width (never inside a word, long items with a hanging
indent) and styled: the recommendation in its kind's colour, the current question bold,
warnings in yellow, ids as code. ``rich`` decides whether the stream takes styles: none in a
pipe, no colour with ``NO_COLOR``, ``FORCE_COLOR`` forces them. In a pipe nothing is wrapped
either, so scripts read one item per line.

Example:
    >>> import io
    >>> from ragft.engine.decision import decide
    >>> from ragft.present.content import card
    >>> out = Out(make_console(io.StringIO()))
    >>> print_card(out, card(decide({"prompting": "no"})))
    >>> print(out.console.file.getvalue().splitlines()[1])
    Exhaust prompt engineering first
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.style import Style
from rich.text import Text as RichText
from rich.theme import Theme

from ..present.cli_words import WORDS
from ..present.content import Card, GateView, Section
from ..present.text import Text, code, span
from ..present.words import HEADINGS, LABELS

__all__: list[str] = []

MAX_WIDTH = 100  # wider lines are hard to read; a wider terminal gets a 100-column text
THEME = Theme({
    "ragft.em": "italic",
    "ragft.strong": "bold",
    "ragft.code": "cyan",
    "ragft.heading": "bold",
    "ragft.warning": "yellow",
    "ragft.warning.heading": "bold yellow",
    "ragft.step": "bold cyan",
    "ragft.question": "bold",
    "ragft.title": "bold",
    "ragft.hint": "dim",
    "ragft.chosen": "green",
    "ragft.error": "bold red",
}, inherit=False)
_SPAN_STYLE = {"": "", "em": "ragft.em", "strong": "ragft.strong", "code": "ragft.code"}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich exits with 1; the CLI ends a closed pipe quietly with 141, as Unix tools do.
        raise BrokenPipeError


def make_console(file: TextIO, *, force_terminal: bool | None = None,
                 width: int | None = None) -> Console:
    """A console for ``file`` with ragft's styles; ``rich`` reads the terminal's abilities."""
    return _Console(file=file, theme=THEME, highlight=False, markup=False, emoji=False,
                   force_terminal=force_terminal, width=width)


def rich_text(text: Text) -> RichText:
    """Spans as styled text; links to walker states (``#...``) are dropped, URLs kept."""
    out = RichText()
    for s in text:
        style: str | Style = _SPAN_STYLE[s.style]
        if s.href.startswith(("http://", "https://")):
            style = Style.parse(f"{style} link {s.href}".strip())
        out.append(s.text, style=style)
    return out


class Out:
    """Writes paragraphs and list items, wrapped to the terminal (or not wrapped, in a pipe)."""

    def __init__(self, console: Console) -> None:
        self.console = console

    @property
    def wraps(self) -> bool:
        """Whether text is wrapped and styled: only on a terminal."""
        return self.console.is_terminal

    @property
    def width(self) -> int:
        return max(20, min(self.console.width, MAX_WIDTH))

    def para(self, text: RichText | str, *, first: str = "", rest: str | None = None,
             style: str = "") -> None:
        """One paragraph: ``first`` before its first line, ``rest`` before the others."""
        body = RichText(text, style=style) if isinstance(text, str) else text
        if style and not isinstance(text, str):
            body.stylize(style)
        rest = " " * len(first) if rest is None else rest
        if not self.wraps:
            self.console.print(RichText(first) + body, soft_wrap=True)
            return
        lines = body.wrap(self.console, self.width - max(len(first), len(rest)))
        out = RichText()
        for n, line in enumerate(lines):
            line.rstrip()
            out.append(first if n == 0 else rest)
            out.append_text(line)
            if n < len(lines) - 1:
                out.append("\n")
        self.console.print(out, soft_wrap=True)

    def blank(self) -> None:
        self.console.print()

    def clear(self) -> None:
        self.console.clear()

    def bullet(self) -> str:
        return "•" if self.wraps else "-"


def say(stream: TextIO, level: str, message: str) -> None:
    """``ragft: error: ...`` (or ``warning``) on ``stream``, the label coloured on a terminal."""
    style = "ragft.error" if level == "error" else "ragft.warning.heading"
    line = RichText("ragft: ")
    line.append(f"{WORDS[level]}:", style=style)
    line.append(f" {message}")
    Out(make_console(stream)).para(line, rest="  ")  # one line in a pipe; wrapped on a terminal


def print_section(out: Out, section: Section) -> None:
    """A heading and its items, numbered when the section is ordered."""
    warn = section.id == "warnings"
    out.para(section.heading, style="ragft.warning.heading" if warn else "ragft.heading")
    for n, item in enumerate(section.items, 1):
        mark = f"  {n}. " if section.ordered else f"  {out.bullet()} "
        out.para(rich_text(item), first=mark, rest=" " * len(mark))


def print_card_head(out: Out, card: Card, *, summary: bool = True) -> None:
    """Kicker, title and components line in the kind's colour; then the summary."""
    accent = Style(color=card.color or None, bold=True)
    out.para(RichText(card.kicker, style=accent))
    out.para(card.title, style="ragft.title")
    if card.line:
        out.para(RichText(card.line, style=Style(color=card.color or None)))
    if summary and card.summary:
        out.blank()
        out.para(card.summary)


def print_path(out: Out, card: Card) -> None:
    """The answers on the path in one line, as ids (``prompting=yes → context=no``)."""
    sep = " → " if out.wraps else " -> "
    ids: list[Text] = [(code(f"{p.gate}={p.answer}"),) for p in card.path]
    words: list[RichText] = [rich_text(t) for t in ids] or [RichText("-")]
    line = RichText(f"{HEADINGS['path']}: ", style="ragft.heading")
    line.append_text(RichText(sep).join(words))
    out.para(line, rest="  ")


def print_card(out: Out, card: Card, sections: Iterable[str] | None = None) -> None:
    """The whole card (or the named sections), notices left to the caller (stderr)."""
    wanted = None if sections is None else set(sections)
    print_card_head(out, card)
    for section in card.sections:
        if wanted is None or section.id in wanted:
            out.blank()
            print_section(out, section)


def print_question(out: Out, view: GateView, step: int, *, numbered: bool) -> None:
    """A question: where it sits, the question, why it matters; the answers if ``numbered``."""
    where = RichText(f"[{step}] " if numbered else "", style="ragft.hint")
    where.append(view.name, style="ragft.step")
    out.para(where)
    out.para(view.question, style="ragft.question")
    out.blank()
    out.para(view.explanation)
    for warning in view.warnings:
        out.blank()
        said = RichText(f"{LABELS['watch']}: ", style="ragft.warning.heading")
        out.para(said + RichText(warning))
    if numbered:
        out.blank()
        for n, ans in enumerate(view.answers, 1):
            item = rich_text((span(ans.label), span(" ("), code(ans.id), span(")")))
            out.para(item, first=f"  {n}. ")

"""A list of choices under the cursor, answered with the arrow keys, a number or typed text.

Built on ``prompt_toolkit`` and drawn inline, below what was printed before, so the question
stays above it; the list is erased once chosen and the caller prints what was chosen. Keys:
up/down (or Ctrl-P/Ctrl-N, Tab) move, Enter picks the highlighted choice, a number key picks
that choice at once, and any other typed text is read with Enter by the caller's ``interpret``
(an answer's id, ``b``, ``r``, ``q``). Ctrl-D quits, Ctrl-C interrupts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, Layout, VSplit, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.styles import Style

__all__: list[str] = []

STYLE = Style.from_dict({
    "pointer": "bold ansicyan",
    "number": "ansibrightblack",
    "current": "bold",
    "note": "ansibrightblack",
    "prompt": "bold",
    "hint": "ansibrightblack",
    "error": "bold ansired",
})
POINTER = "❯ "


@dataclass
class _State:
    index: int
    error: str = ""


@dataclass(frozen=True)
class Choice:
    """One line of the list: ``value`` is returned when it is chosen; ``note`` is dimmed."""

    value: str
    label: str
    note: str = ""


def choose(choices: Sequence[Choice], *, interpret: Callable[[str], str | None],
           refuse: Callable[[str], str], hint: str, selected: int = 0) -> str:
    """Show ``choices`` and return the chosen value, or what ``interpret`` made of typed text.

    ``refuse`` words the one line shown (in place of ``hint``) when ``interpret`` returns
    ``None``; the list stays as it is.

    Raises:
        EOFError: Ctrl-D on an empty line.
        KeyboardInterrupt: Ctrl-C.
    """
    state = _State(max(0, min(selected, len(choices) - 1)))
    typed = Buffer(multiline=False)
    keys = KeyBindings()
    empty = Condition(lambda: not typed.text)
    shortcuts = Condition(lambda: not typed.text and len(choices) <= 9)

    def move(step: int) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            state.index = (state.index + step) % len(choices)
            state.error = ""
        return handler

    for key in ("up", "c-p", "s-tab"):
        keys.add(key)(move(-1))
    for key in ("down", "c-n", "tab"):
        keys.add(key)(move(1))

    @keys.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        text = typed.text.strip()
        if not text:
            event.app.exit(result=choices[state.index].value)
            return
        value = interpret(text)
        if value is None:
            state.error = refuse(text)
            typed.reset()
        else:
            event.app.exit(result=value)

    def pick(n: int) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            if n <= len(choices):
                event.app.exit(result=choices[n - 1].value)
            else:
                state.error = refuse(str(n))
        return handler

    for n in range(1, 10):
        keys.add(str(n), filter=shortcuts)(pick(n))

    @keys.add("c-d", filter=empty)
    def _eof(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError)

    @keys.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt)

    def lines() -> StyleAndTextTuples:
        out: StyleAndTextTuples = []
        for i, choice in enumerate(choices):
            here = i == state.index
            out.append(("class:pointer", POINTER) if here else ("", " " * len(POINTER)))
            out.append(("class:number", f"{i + 1}  "))
            out.append(("class:current" if here else "", choice.label))
            if choice.note:
                out.append(("class:note", f"  {choice.note}"))
            if i < len(choices) - 1:
                out.append(("", "\n"))
        return out

    def status() -> StyleAndTextTuples:
        # Wrapped here at word boundaries: prompt_toolkit's own wrapping cuts words.
        said, style = (state.error, "class:error") if state.error else (hint, "class:hint")
        width = max(20, get_app().output.get_size().columns - 1)
        return [(style, textwrap.fill(said, width, break_on_hyphens=False))]

    field = Window(BufferControl(typed), height=1)
    layout = Layout(HSplit([
        Window(FormattedTextControl(lines), wrap_lines=True, dont_extend_height=True),
        VSplit([Window(FormattedTextControl([("class:prompt", "> ")]), width=2), field]),
        Window(FormattedTextControl(status), wrap_lines=True, dont_extend_height=True),
    ]), focused_element=field)
    app: Application[str] = Application(layout=layout, key_bindings=keys, style=STYLE,
                                        erase_when_done=True)
    return app.run()

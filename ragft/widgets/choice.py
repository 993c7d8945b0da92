"""One question's answers as a keyboard-friendly radio group (an anywidget).

ipywidgets' ``RadioButtons`` draws radios without a shared ``name`` and lets JupyterLab's
notebook shortcuts take the arrow keys, so its answers are no radio group. :class:`Choice` draws
a ``<fieldset>`` whose ``<legend>`` is the question and whose radios share one name; the arrow
keys move between answers, Space or Enter chooses (``static/choice.js``). Once answered it can
fold to one line, the answer and a *Change* button.

Python owns the meaning of a choice: the view sets :attr:`Choice.value`, or, for an answer
chosen again, sends a ``confirm`` message, which calls the :meth:`Choice.on_confirm` callbacks.

Example:
    >>> c = Choice(options=[("yes", "Yes"), ("no", "No")], legend="Ready?")
    >>> c.value is None
    True
    >>> c.choose("no"); c.value
    'no'
    >>> c.choose("maybe")
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: unknown answer 'maybe' (must be one of ['no', 'yes'])
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import Any

import anywidget
import traitlets

__all__: list[str] = []

_ESM = (files("ragft.widgets") / "static" / "choice.js").read_text(encoding="utf-8")


class Choice(anywidget.AnyWidget):
    """A radio group: ``options`` as ``(id, label)`` pairs, ``value`` the chosen id or ``None``."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    options = traitlets.List(traitlets.Tuple(traitlets.Unicode(), traitlets.Unicode())).tag(
        sync=True)
    value = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    legend = traitlets.Unicode("").tag(sync=True)
    #: The folded line's text before the answer: the gate's name,
    #: :func:`ragft.present.content.gate_name` (``Gate 1 (Static or changing knowledge?)``).
    summary = traitlets.Unicode("").tag(sync=True)
    folded = traitlets.Bool(False).tag(sync=True)
    #: A line under the answers (the keys the group takes); none when empty.
    hint = traitlets.Unicode("").tag(sync=True)
    #: Set to move the keyboard focus here (to the chosen answer, or the Change button) as
    #: soon as the view shows; the view clears it.
    focus_pending = traitlets.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        self._confirmed: list[Callable[[str], Any]] = []
        super().__init__(**kwargs)
        self.on_msg(self._message)

    @traitlets.validate("value")
    def _check_value(self, proposal: dict[str, Any]) -> str | None:
        value = proposal["value"]
        ids = [i for i, _ in self.options]
        if value is not None and value not in ids:
            msg = f"unknown answer {value!r} (must be one of {sorted(ids)})"
            raise traitlets.TraitError(msg)
        return value  # type: ignore[no-any-return]

    def label_of(self, answer_id: str | None) -> str:
        """The label shown for ``answer_id`` ('' for ``None``)."""
        return next((label for i, label in self.options if i == answer_id), "")

    def choose(self, answer_id: str) -> None:
        """Choose ``answer_id`` as a reader would: a new answer sets :attr:`value`, the answer
        already chosen is confirmed (the :meth:`on_confirm` callbacks run)."""
        if answer_id == self.value:
            for callback in list(self._confirmed):
                callback(answer_id)
        else:
            self.value = answer_id

    def on_confirm(self, callback: Callable[[str], Any]) -> None:
        """Call ``callback(answer_id)`` when the chosen answer is chosen again."""
        self._confirmed.append(callback)

    def _message(self, _widget: Any, content: dict[str, Any], _buffers: Any) -> None:
        if content.get("event") == "confirm" and content.get("value") == self.value:
            self.choose(str(content["value"]))

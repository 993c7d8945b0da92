"""Small helpers shared by the widgets: escaping, HTML snippets, label styles.

Every piece of tree text that reaches an ``HTML`` widget goes through :func:`esc`, so a custom
tree cannot inject markup (a label such as ``<script>`` shows as text).

Example:
    >>> esc("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    >>> bullets(["a & b", "c"])
    '<ul><li>a &amp; b</li><li>c</li></ul>'
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

import anywidget
import ipywidgets as w
import traitlets

from ..present.html import esc
from ..present.widget_words import WORDS
from ..tree.loader import default_tree
from ..tree.model import Tree

# One label column for every form, so the inputs line up under each other.
LABEL_WIDTH = "15em"
CSS = (files("ragft.widgets") / "static" / "widgets.css").read_text(encoding="utf-8")
_KEYS_ESM = (files("ragft.widgets") / "static" / "keys.js").read_text(encoding="utf-8")


def bullets(items: Iterable[str]) -> str:
    """An HTML list of escaped items ('' for no items)."""
    items = list(items)
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def resolve_tree(tree: Tree | None) -> Tree:
    """The given tree, or ragft's own."""
    return tree if tree is not None else default_tree()


def labelled_style() -> dict[str, Any]:
    """Widget style that keeps the visible ``description`` label whole."""
    return {"description_width": LABEL_WIDTH}


def write_report(result: Path | Exception, what: str) -> str:
    """The status line after writing a record: where ``what`` went, or why it could not."""
    if isinstance(result, Exception):
        failed = WORDS["write_failed"].format(error=esc(result))
        return f"<p class='ragft-error' role='alert'>{failed}</p>"
    wrote = WORDS["wrote"].format(what=esc(what), path=f"<code>{esc(result)}</code>")
    return f"<p role='status'>{wrote}</p>"


def text_box(css_class: str, html_text: str = "") -> w.HTML:
    """An ``HTML`` widget with a CSS class, for text the widgets rewrite on every change."""
    box = w.HTML(value=html_text)
    box.add_class(css_class)
    return box


class Keeper(anywidget.AnyWidget):
    """Hidden, in every widget's style box (``static/keys.js``): keeps the keys pressed in the
    widget's dropdowns out of JupyterLab's notebook shortcuts, and moves the keyboard focus to
    an element of the widget that an action produced (:meth:`focus`)."""

    _esm = traitlets.Unicode(_KEYS_ESM).tag(sync=True)
    focus_target = traitlets.Unicode("").tag(sync=True)
    focus_count = traitlets.Int(0).tag(sync=True)

    def focus(self, selector: str) -> None:
        """Focus the first element of the widget that matches the CSS ``selector``."""
        self.focus_target = selector
        self.focus_count += 1


def style_box() -> w.Box:
    """A hidden box holding ragft's stylesheet and a :class:`Keeper`: the first child of every
    widget."""
    box = w.Box([w.HTML(value=f"<style>{CSS}</style>"), Keeper()],
                layout=w.Layout(display="none"))
    box.add_class("ragft-style")
    return box


def keeper(style: w.Box) -> Keeper:
    """The :class:`Keeper` of a :func:`style_box`."""
    found = style.children[1]
    assert isinstance(found, Keeper)
    return found


class PlaceholderRepr:
    """Mixin: a short ``text/plain`` form saying how to start the widget.

    A notebook stores it for readers without the widget (an untrusted notebook, GitHub, a
    notebook saved before its cells ran), in place of ipywidgets' long repr of every child;
    the live widget view still comes first wherever widgets render. Put it before the
    ipywidgets base class. The class also marks the root with ``ragft-widget``, which the
    stylesheet keys on.
    """

    widget_name: ClassVar[str] = WORDS["widget"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_class("ragft-widget")  # type: ignore[attr-defined]

    def placeholder(self) -> str:
        """The ``text/plain`` line, under 110 characters (ipywidgets' own limit)."""
        return WORDS["placeholder"].format(widget=self.widget_name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        data: dict[str, Any] = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        data["text/plain"] = self.placeholder()
        return data

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

import html
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as w

from ..tree.loader import default_tree
from ..tree.model import Tree

__all__ = [
    "CSS",
    "PlaceholderRepr",
    "bullets",
    "esc",
    "labelled_style",
    "leads_to_html",
    "resolve_tree",
    "style_box",
    "text_box",
    "write_report",
]

# One label column for every form, so the inputs line up under each other.
LABEL_WIDTH = "15em"
CSS = (files("ragft.widgets") / "static" / "widgets.css").read_text(encoding="utf-8")


def esc(text: object) -> str:
    """HTML-escape any text that comes from the tree or the user."""
    return html.escape(str(text), quote=True)


def bullets(items: Iterable[str]) -> str:
    """An HTML list of escaped items ('' for no items)."""
    items = list(items)
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def resolve_tree(tree: Tree | None) -> Tree:
    """The given tree, or ragft's own."""
    return tree if tree is not None else default_tree()


def leads_to_html(tree: Tree, node_id: str) -> str:
    """Where an answer leads, as a sentence: the next gate, or the recommendation it ends at.

    >>> leads_to_html(default_tree(), "depth")
    'Next: <strong>Gate 2</strong>, Deep knowledge or reference?'
    """
    if tree.is_exit(node_id):
        title = esc(tree.exit(node_id).title)
        return f"This ends the walk at the recommendation <strong>{title}</strong>."
    gate = tree.gate(node_id)
    return f"Next: <strong>{esc(gate.label)}</strong>, {esc(gate.title)}"


def labelled_style() -> dict[str, Any]:
    """Widget style that keeps the visible ``description`` label whole."""
    return {"description_width": LABEL_WIDTH}


def write_report(result: Path | Exception, what: str) -> str:
    """The status line after writing a record: where ``what`` went, or why it could not."""
    if isinstance(result, Exception):
        return (f"<p class='ragft-error' role='alert'>Could not write the record: "
                f"{esc(result)}</p>")
    return f"<p role='status'>Wrote {esc(what)} to <code>{esc(result)}</code>.</p>"


def text_box(css_class: str, html_text: str = "") -> w.HTML:
    """An ``HTML`` widget with a CSS class, for text the widgets rewrite on every change."""
    box = w.HTML(value=html_text)
    box.add_class(css_class)
    return box


def style_box() -> w.HTML:
    """A hidden ``HTML`` widget holding ragft's stylesheet: the first child of every widget."""
    box = w.HTML(value=f"<style>{CSS}</style>", layout=w.Layout(display="none"))
    box.add_class("ragft-style")
    return box


class PlaceholderRepr:
    """Mixin: a short ``text/plain`` form saying how to start the widget.

    A notebook stores it for readers without the widget (an untrusted notebook, GitHub, a
    notebook saved before its cells ran), in place of ipywidgets' long repr of every child;
    the live widget view still comes first wherever widgets render. Put it before the
    ipywidgets base class. The class also marks the root with ``ragft-widget``, which the
    stylesheet keys on.
    """

    widget_name: ClassVar[str] = "A ragft widget"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_class("ragft-widget")  # type: ignore[attr-defined]

    def placeholder(self) -> str:
        """The ``text/plain`` line, under 110 characters (ipywidgets' own limit)."""
        return f"{self.widget_name}: run this cell to use it (Run > Run All Cells runs them all)."

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        data: dict[str, Any] = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        data["text/plain"] = self.placeholder()
        return data

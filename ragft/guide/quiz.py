"""Graded self-checks: a notebook's quiz as a widget, and as the static form the site grades.

The questions are :mod:`ragft.guide._quiz_data`'s, graded by :mod:`ragft.guide._grading`.
:func:`show` gives a notebook's self-check: a widget that grades each answer in Python
(:class:`ragft.widgets.quiz.Quiz`), whose stored form (:func:`form_html`) is a static HTML form
carrying the same items, which the site's script (``site/quiz.html``) grades in the page.

Example:
    >>> from ragft.guide._grading import items
    >>> "data-right=" in form_html("knowledge", items("knowledge"))
    True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..present.guide_words import QUIZ
from ..present.html import esc
from ..tree.model import Tree
from ._grading import Item, items
from ._quiz_data import LETTERS

__all__ = ["form_html", "head_html", "html_element", "show"]


def html_element(tag: str, body: str = "", **attrs: str) -> str:
    """An HTML element; attribute names take ``_`` for ``-`` (``data_kind``), values are
    escaped, ``body`` is HTML already."""
    named = "".join(f" {k.rstrip('_').replace('_', '-')}='{esc(v)}'" for k, v in attrs.items())
    return f"<{tag}{named}>{body}</{tag}>"


#: The static form's own classes: MathJax (JupyterLab's, and any page's) leaves amounts such as
#: $1,200 alone inside them.
FORM_CLASSES = ("ragft-quiz", "tex2jax_ignore", "mathjax_ignore")


def head_html(it: Item) -> str:
    """A question's first paragraph: its number, its kind and the scenario."""
    number = html_element("strong", esc(QUIZ["question"].format(number=it.number)))
    kind = html_element("span", esc(f"({QUIZ['kind_' + it.kind]})"), class_="ragft-quiz-kind")
    return html_element("p", f"{number} {kind} {esc(it.scenario)}", class_="ragft-quiz-scenario")


def _radio(name: str, value: str) -> str:
    return html_element("input", type="radio", name=name, value=value).removesuffix("</input>")


def _item_html(quiz_id: str, it: Item) -> str:
    name = f"ragft-quiz-{quiz_id}-{it.id}"
    labelled = list(zip(LETTERS, it.options, strict=False))
    radios = "\n".join(
        html_element("label", _radio(name, key) + esc(f" {letter}. {label}"),
                     class_="ragft-quiz-option")
        for letter, (key, label) in labelled)
    fieldset = html_element("fieldset", html_element("legend", esc(it.ask)) + radios,
                            class_="ragft-quiz-choices")
    key_items = "\n".join(
        html_element("li", html_element("em", esc(f"{letter}. {label}")) + ": "
                     + html_element("span", it.feedback[key], class_="ragft-quiz-says"),
                     data_choice=key)
        for letter, (key, label) in labelled)
    answer_key = html_element("details", html_element("summary", esc(QUIZ["key"]))
                              + html_element("ul", key_items), class_="ragft-quiz-key")
    return html_element("div", "\n".join((head_html(it), fieldset, answer_key)),
                        class_="ragft-quiz-item", data_kind=it.kind, data_right=it.right,
                        id=name)


def form_html(quiz_id: str, quiz_items: tuple[Item, ...]) -> str:
    """The self-check as a static HTML form carrying its data: what a notebook stores and the
    site shows. Without a script it reads as questions with each answer key folded away; the
    site's script (``site/quiz.html``) turns it into a graded form."""
    words = {k: QUIZ[k] for k in ("check", "retry", "score", "pick_first", "score_label")}
    note = html_element("p", esc(QUIZ["static_note"]), class_="ragft-quiz-static")
    body = "\n".join((note, *(_item_html(quiz_id, it) for it in quiz_items)))
    return html_element("form", f"\n{body}\n", class_=" ".join(FORM_CLASSES),
                        data_quiz=quiz_id, data_words=json.dumps(words),
                        aria_label=QUIZ["form_label"])


def show(quiz_id: str, tree: Tree | None = None, path: str | Path | None = None) -> Any:
    """A notebook's self-check: a :class:`~ragft.widgets.quiz.Quiz` of every question.

    Raises:
        UnknownIdError: no quiz has this id, or a choice names an exit the tree lacks.
        IncompleteDecisionError: a question's answers stop before an exit.
    """
    from ..widgets.quiz import Quiz  # the widgets import ipywidgets; the data does not need it

    return Quiz(quiz_id, items(quiz_id, tree, path))

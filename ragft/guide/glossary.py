"""The glossary and the further-reading list, from ``glossary.yaml``.

Each term has an id; its Markdown cell in the glossary notebook has the cell id ``term-<id>``
(:attr:`Term.anchor`), and the notebooks link it at a term's first use as
``[embeddings](09_glossary.ipynb#cell-id=term-embeddings)`` (:func:`href`). The phrases that
count as a use of a term are listed with it; the tests look for them.

Why ``#cell-id=``: JupyterLab (4.0 and later) reads a fragment ``#cell-id=X`` as "the cell whose
id is X" and finds it in the notebook's model (``Notebook.setFragment``, ``_findCellById`` in
``packages/notebook/src/widget.ts``), so it lands even on the click that opens the glossary. A
plain ``#X`` it looks up in the rendered cells' DOM (``_findLegacy``), once, as soon as the file
is loaded: the Markdown is not rendered yet, nothing matches, and the glossary opens at its top.
The site (Quarto) keeps a link's fragment as written, so each term cell starts with an
``<a id="cell-id=term-x">`` element (:attr:`Term.fragment`) for the published page to land on.

The glossary notebook holds one Markdown cell per term, written from this file by
``tools/glossary_cells.py`` (:func:`term_cells`; a test checks they match), which also rewrites
links still in the older ``#term-x`` form (``--links``).

Example:
    >>> from ragft.guide import glossary
    >>> glossary.href("lora")
    '09_glossary.ipynb#cell-id=term-lora'
    >>> [t.id for t in glossary.terms()][:2]
    ['ab_test', 'acl']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from IPython.display import Markdown

from ..errors import UnknownIdError
from ..present.guide_words import WORDS
from ..present.markdown import md_escape
from ..tree.model import Tree
from ._data import Reader, load_yaml
from ._text import cite, md, resolve

__all__ = ["further_reading", "term_cells"]

DEFAULT_FILE = "glossary.yaml"
GLOSSARY_NOTEBOOK = "09_glossary.ipynb"
CELL_FRAGMENT = "cell-id="  # JupyterLab's fragment prefix for a cell id
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Term:
    """A glossary entry: its anchor id, the term, its definition and the phrases that use it."""

    id: str
    term: str
    definition: str
    uses: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """The cell id of the entry in the glossary notebook."""
        return f"term-{self.id.replace('_', '-')}"

    @property
    def fragment(self) -> str:
        """What a link to the entry carries after ``#``: the cell id for JupyterLab, and the
        id of the entry's ``<a>`` element for the site."""
        return f"{CELL_FRAGMENT}{self.anchor}"

    def pattern(self) -> re.Pattern[str]:
        """A regex for the uses: whole words; case-insensitive unless a use has capitals
        (``LoRA``, ``CDC``), which must then match as written."""
        parts = [rf"(?i:{re.escape(u)})" if u == u.lower() else re.escape(u) for u in self.uses]
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@dataclass(frozen=True)
class Reading:
    """A further-reading item: a source of the tree and why to read it."""

    source: str
    why: str


@cache
def _load(path: str | None) -> tuple[tuple[Term, ...], tuple[Reading, ...]]:
    data, origin = load_yaml(path, DEFAULT_FILE)
    top = Reader(origin, WORDS["top_level"], data, {"terms", "reading"})
    found: list[Term] = []
    for where, item in top.items("terms"):
        r = Reader(origin, where, item, {"id", "term", "definition", "uses"})
        term_id = r.text("id")
        if not _ID.match(term_id):
            problem = f"id {term_id!r} must match {_ID.pattern}"
            raise r.error(problem)
        found.append(Term(id=term_id, term=r.text("term"), definition=r.text("definition"),
                          uses=r.strings("uses")))
    ids = [t.id for t in found]
    if len(set(ids)) != len(ids):
        problem = f"term ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}"
        raise top.error(problem)
    items = [Reading(source=r.text("source"), why=r.text("why"))
             for r in (Reader(origin, where, item, {"source", "why"})
                       for where, item in top.items("reading"))]
    return tuple(sorted(found, key=lambda t: t.term.lower())), tuple(items)


def terms(path: str | Path | None = None) -> tuple[Term, ...]:
    """Every glossary term, in alphabetical order of the term."""
    return _load(None if path is None else str(path))[0]


def reading(path: str | Path | None = None) -> tuple[Reading, ...]:
    """The further-reading items, in the order the source post lists them."""
    return _load(None if path is None else str(path))[1]


def href(term_id: str, path: str | Path | None = None) -> str:
    """The link to a term from another notebook.

    Raises:
        UnknownIdError: no term has this id.
    """
    by_id = {t.id: t for t in terms(path)}
    if term_id not in by_id:
        raise UnknownIdError(term_id, "glossary term", by_id)
    return f"{GLOSSARY_NOTEBOOK}#{by_id[term_id].fragment}"


def glossary(path: str | Path | None = None) -> Markdown:
    """Every term with its definition, alphabetically, each behind the anchor :func:`href`
    links."""
    return md("\n\n".join(f'<a id="{t.fragment}"></a>**{md_escape(t.term)}.** '
                          f"{md_escape(t.definition)}" for t in terms(path)))


def term_source(term: Term) -> str:
    """The Markdown cell of one term in the glossary notebook: anchor, heading, definition."""
    return (f'<a id="{term.fragment}"></a>\n\n### {md_escape(term.term)}\n\n'
            f"{md_escape(term.definition)}")


def term_cells(path: str | Path | None = None) -> list[tuple[str, str]]:
    """``(cell id, source)`` of every term's Markdown cell, alphabetically (the cell id is the
    anchor)."""
    return [(t.anchor, term_source(t)) for t in terms(path)]


def further_reading(tree: Tree | None = None, path: str | Path | None = None) -> Markdown:
    """The source post's further-reading list: each item cited from the tree, with why to
    read it.

    Raises:
        UnknownIdError: an item names a source the tree lacks.
    """
    tree = resolve(tree)
    return md("\n".join(f"- {cite(tree, [r.source])}. {md_escape(r.why)}"
                        for r in reading(path)))

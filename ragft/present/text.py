"""Rich text without markup: a sentence is a tuple of spans, each with a style and maybe a link.

Every renderer maps the styles to its own markup (Markdown ``*em*``, HTML ``<em>``, terminal
italics, DOM elements in the walker), so a sentence is worded once and never parsed back.

Example:
    >>> words = (span("answering "), em("It is stable"), span(" would lead to "),
    ...          strong("RAG plus good prompts", href="#prompting=yes"))
    >>> plain(words)
    'answering It is stable would lead to RAG plus good prompts'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__: list[str] = []

Style = Literal["", "em", "strong", "code"]
STYLES: tuple[Style, ...] = ("", "em", "strong", "code")


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``href`` links it (a walker state ``#...`` or a URL)."""

    text: str
    style: Style = ""
    href: str = ""


Text = tuple[Span, ...]


def span(text: str, href: str = "") -> Span:
    """Plain text."""
    return Span(text, "", href)


def em(text: str, href: str = "") -> Span:
    """Emphasised text: an answer's label, a question quoted."""
    return Span(text, "em", href)


def strong(text: str, href: str = "") -> Span:
    """Strong text: a recommendation's title."""
    return Span(text, "strong", href)


def code(text: str, href: str = "") -> Span:
    """An id as typed on the command line: ``knowledge=static``."""
    return Span(text, "code", href)


def plain(text: Text) -> str:
    """The words alone."""
    return "".join(s.text for s in text)


def join(parts: Sequence[Text], sep: str = "; ") -> Text:
    """Texts joined by a plain separator."""
    out: list[Span] = []
    for i, part in enumerate(parts):
        if i:
            out.append(span(sep))
        out.extend(part)
    return tuple(out)

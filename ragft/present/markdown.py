"""Markdown from the presentation layer's content (records, notebook cells).

Example:
    >>> from ragft.present.text import em, span, strong
    >>> md_text((span("answering "), em("It is stable"), span(" leads to "),
    ...          strong("A <b>", href="#k")))
    'answering *It is stable* leads to **A &lt;b&gt;**'
    >>> md_text((strong("A", href="#k"),), base="https://x/walk.html")
    '[**A**](https://x/walk.html#k)'
"""

from __future__ import annotations

from .content import Card, Section
from .text import Span, Text

__all__: list[str] = []

_MARK = {"": "{}", "em": "*{}*", "strong": "**{}**", "code": "`{}`"}


def md_escape(text: str) -> str:
    """Tree text made safe in Markdown: no raw HTML, and ``$`` is never read as maths.

    >>> md_escape("<b>USD 5</b> or $5")
    '&lt;b&gt;USD 5&lt;/b&gt; or \\\\$5'
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("$", "\\$"))


def _span(s: Span, base: str | None) -> str:
    body = s.text if s.style == "code" else md_escape(s.text)
    marked = _MARK[s.style].format(body)
    if s.href and (base is not None or not s.href.startswith("#")):
        href = f"{base or ''}{s.href}" if s.href.startswith("#") else s.href
        return f"[{marked}]({href})"
    return marked


def md_text(text: Text, *, base: str | None = None) -> str:
    """Spans as inline Markdown; walker links (``#...``) kept only when ``base`` is given."""
    return "".join(_span(s, base) for s in text)


def md_section(section: Section, *, level: int = 2, base: str | None = None) -> list[str]:
    """A section as a heading and a list."""
    lines = [f"{'#' * level} {section.heading}", ""]
    for n, item in enumerate(section.items, 1):
        lines.append(f"{f'{n}.' if section.ordered else '-'} {md_text(item, base=base)}")
    return lines


def md_card(card: Card, *, level: int = 3, base: str | None = None,
            sections: tuple[str, ...] | None = None) -> str:
    """A card as Markdown: title, kicker and one line, summary, then its sections."""
    lines = [f"{'#' * level} {md_escape(card.title)}", ""]
    kicker = md_escape(card.kicker) + (f": {md_escape(card.line)}" if card.line else "")
    lines += [f"*{kicker}*", "", md_escape(card.summary)]
    for notice in card.notices:
        lines += ["", f"> {md_text(notice, base=base)}"]
    for section in card.sections:
        if sections is None or section.id in sections:
            lines += ["", *md_section(section, level=level + 1, base=base)]
    return "\n".join(lines) + "\n"

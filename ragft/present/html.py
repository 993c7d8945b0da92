"""HTML from the presentation layer's content (notebook widgets and cells).

Every text is escaped, so a tree whose labels hold ``<script>`` shows them as text.

Example:
    >>> from ragft.present.text import em, span
    >>> html_text((span("a <b> "), em("c")))
    'a &lt;b&gt; <em>c</em>'
"""

from __future__ import annotations

import html

from .content import Card, Section
from .text import Span, Text

__all__: list[str] = []

_TAG = {"em": "em", "strong": "strong", "code": "code"}


def esc(text: object) -> str:
    """HTML-escape text from the tree or the user."""
    return html.escape(str(text), quote=True)


def _span(s: Span, base: str | None) -> str:
    body = esc(s.text)
    if s.style:
        body = f"<{_TAG[s.style]}>{body}</{_TAG[s.style]}>"
    if s.href and (base is not None or not s.href.startswith("#")):
        href = f"{base or ''}{s.href}" if s.href.startswith("#") else s.href
        return f"<a href='{esc(href)}'>{body}</a>"
    return body


def html_text(text: Text, *, base: str | None = None) -> str:
    """Spans as inline HTML; walker links (``#...``) kept only when ``base`` is given."""
    return "".join(_span(s, base) for s in text)


def html_section(section: Section, *, base: str | None = None) -> str:
    """A section as a heading paragraph and a list, classed by its id."""
    tag = "ol" if section.ordered else "ul"
    items = "".join(f"<li>{html_text(i, base=base)}</li>" for i in section.items)
    return (f"<div class='ragft-section ragft-section-{esc(section.id)}'>"
            f"<p class='ragft-section-heading'><strong>{esc(section.heading)}</strong></p>"
            f"<{tag}>{items}</{tag}></div>")


def html_card(card: Card, *, base: str | None = None,
              sections: tuple[str, ...] | None = None) -> str:
    """A card as one ``div``: kicker, title, one line, summary, notices, sections."""
    state = "ragft-card-exit" if card.exit else "ragft-card-pending"
    kind = f" kind-{esc(card.kind)}" if card.kind else ""
    # The kind's colour comes from the tree; the stylesheet decides where it goes.
    style = f" style='--ragft-kind-color: {esc(card.color)}'" if card.color else ""
    parts = [f"<div class='ragft-card {state}{kind}'{style}>",
             f"<p class='ragft-card-kicker'>{esc(card.kicker)}</p>",
             f"<h3 class='ragft-card-title'>{esc(card.title)}</h3>"]
    if card.line:
        parts.append(f"<p class='ragft-card-line'><strong>{esc(card.line)}</strong></p>")
    parts.append(f"<p class='ragft-card-summary'>{esc(card.summary)}</p>")
    parts += [f"<p class='ragft-notice' role='status'>{html_text(n, base=base)}</p>"
              for n in card.notices]
    parts += [html_section(s, base=base) for s in card.sections
              if sections is None or s.id in sections]
    parts.append("</div>")
    return "".join(parts)

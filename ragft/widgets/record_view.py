"""A decision record shown as formatted text, from the very Markdown the record file holds.

:func:`record_html` is a thin layer over :func:`ragft.records.madr.record_markdown`: whatever the
record says, the preview says, headings and lists included. The Markdown is turned into HTML
by mistune with raw HTML escaped (tree text can never inject markup), and the record's headings
are moved down, so a preview inside a notebook never adds a top-level heading of its own.

Example:
    >>> from ragft.engine.decision import decide
    >>> html = record_html(decide({"prompting": "no"}), date="2026-01-31")
    >>> html.startswith("<article class='ragft-record'"), "<h3>Exhaust prompt" in html
    (True, True)
    >>> "status: proposed" in html  # the front matter is for programs; the preview skips it
    False
    >>> "**" in html
    False
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import mistune

from ..engine.decision import Decision
from ..present.html import esc
from ..present.widget_words import WORDS
from ..records.madr import body_markdown
from ..records.template import RecordFields

__all__ = ["record_preview"]

# The record's Markdown escapes every text it holds once, as it is made (md_escape: no raw
# HTML can come from the tree or the team); escaping again here would show "&amp;" for "&".
_MARKDOWN = mistune.create_markdown(escape=False)
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def markdown_html(text: str, *, demote: int = 2) -> str:
    """Markdown made by ragft (its text already escaped) as HTML, every heading ``demote``
    levels lower (h1 -> h3).

    >>> markdown_html("# Title\\n\\nQ&amp;A &lt;b&gt; **y**")
    '<h3>Title</h3>\\n<p>Q&amp;A &lt;b&gt; <strong>y</strong></p>\\n'
    """
    html = str(_MARKDOWN(text))
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + demote)}", html)


def record_html(decision: Decision, *, date: str | None = WORDS["undated"],
                title: str | None = None, fields: RecordFields | None = None) -> str:
    """The decision record of a finished ``decision`` as formatted HTML.

    Raises:
        IncompleteDecisionError: the walk has not reached a recommendation.
    """
    fields = fields or RecordFields(use_case=title or "")  # the team's words, as `ragft record`
    text = body_markdown(decision, replace(fields, date=date or ""))
    return "<article class='ragft-record' aria-label='{label}'>{body}</article>".format(
        label=esc(WORDS["preview_label"]), body=markdown_html(text))


def record_preview(decision: Decision, *, date: str | None = WORDS["undated"],
                   title: str | None = None) -> Any:
    """:func:`record_html` as a notebook output (``text/html``; JupyterLab and Quarto show it
    as formatted text, with no dollar sign read as maths)."""
    from IPython.display import HTML

    return HTML(record_html(decision, date=date, title=title))  # type: ignore[no-untyped-call]

"""The style and the diagram as ``walker.html`` inlines them: the same page, fewer bytes.

Two rewrites, each one that a browser cannot tell from the original:

- :func:`minify_css` drops the style sheet's comments and the blanks that separate nothing
  (around ``{``, ``}``, ``;`` and ``,``, after ``:``), leaving strings as they are; the site's
  ``walker.css`` is written the same way (its commented source is ``ragft/web/walker.css``).
- :func:`compact_svg` drops the diagram's comments, and says once, on its top group, the text
  attributes Graphviz repeats on every label: a label inherits what it no longer says. Only
  what every label (and, for ``fill``, every shape) says is moved, so no element inherits a
  value it did not have; ``xml:space="preserve"`` goes where the label's text has no blank
  that it would keep.

Example:
    >>> minify_css("a , b {  color: red; } /* why */\\n.c::after { content: ' ,  x'; }")
    "a,b{color:red}.c::after{content:' ,  x'}"
"""

from __future__ import annotations

import html
import re

__all__: list[str] = []

_CSS_TOKEN = re.compile(r"""(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
                          | (?P<comment>/\*.*?\*/)
                          | (?P<blank>\s+)
                          | (?P<other>[^"'/\s]+|/)""", re.VERBOSE | re.DOTALL)
_TIGHT = "{};,"  # characters a blank beside them separates from nothing


def minify_css(text: str) -> str:
    """``text`` without comments and without blanks that separate nothing."""
    out: list[str] = []
    for m in _CSS_TOKEN.finditer(text):
        kind, token = m.lastgroup, m.group()
        if kind == "comment":
            continue
        if kind == "blank":
            out.append(" ")
            continue
        out.append(token)
    joined = "".join(out)
    # Blanks are single now, and strings are the only tokens that may hold one of _TIGHT:
    # split them out again so that the squeeze never reaches inside a string.
    parts = re.split(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""", joined)
    for i in range(0, len(parts), 2):
        squeezed = re.sub(rf"\s*([{re.escape(_TIGHT)}])\s*|(?<=:)\s+", r"\1", parts[i])
        parts[i] = squeezed.replace(";}", "}")
    return "".join(parts).strip()


# What Graphviz repeats on each <text>: inherited presentation attributes.
_HOISTED = ("text-anchor", "font-family", "font-size", "fill")
_SHAPE = re.compile(r"path|polygon|polyline|ellipse|circle|rect|line")
_TAG = re.compile(r"<([a-zA-Z][\w:.-]*)\b([^>]*)>")
_TEXT = re.compile(r"<text\b([^>]*)>([^<]*)</text>")
_TOP = re.compile(r'<g\b[^>]*\bclass="graph"[^>]*(?=>)')
_PRESERVE = ' xml:space="preserve"'


def _attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\s{re.escape(name)}="([^"]*)"', attrs)
    return m.group(1) if m else None


def _hoistable(body: str, texts: list[tuple[str, str]]) -> dict[str, str]:
    """The attributes every label says, with the value most labels give them. ``fill`` only
    if every shape says its own too; none that another element (a group) already sets."""
    tags = _TAG.findall(body)
    said: dict[str, str] = {}
    for name in _HOISTED:
        values = [_attr(attrs, name) for attrs, _ in texts]
        shapes = [_attr(attrs, name) for tag, attrs in tags if _SHAPE.fullmatch(tag)]
        others = [_attr(attrs, name) for tag, attrs in tags
                  if tag != "text" and not _SHAPE.fullmatch(tag)]
        if None in values or any(others) or (name == "fill" and None in shapes):
            continue
        said[name] = str(max(set(values), key=lambda v: (values.count(v), v)))
    return said


def compact_svg(svg: str) -> str:
    """``svg`` (a Graphviz drawing, without its prolog) drawn the same with fewer bytes."""
    body = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.DOTALL)
    texts = _TEXT.findall(body)
    top = _TOP.search(body)
    if not top or len(texts) != body.count("<text") or body.find("<text") < top.end():
        return body  # labels with markup inside, or outside the top group: left alone
    hoisted = _hoistable(body, texts)

    def label(m: re.Match[str]) -> str:
        attrs, words = m.group(1), m.group(2)
        for name, value in hoisted.items():
            attrs = attrs.replace(f' {name}="{value}"', "", 1)
        if not re.search(r"^\s|\s$|\s\s|[\t\n\r]", html.unescape(words)):
            attrs = attrs.replace(_PRESERVE, "", 1)  # no blank the default would drop
        return f"<text{attrs}>{words}</text>"

    said = "".join(f' {name}="{value}"' for name, value in hoisted.items())
    return body[:top.end()] + said + _TEXT.sub(label, body[top.end():])

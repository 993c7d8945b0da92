r"""The site's walker: a plain-JavaScript page that walks the exported tree without a kernel.

:func:`write_walker` writes three files into a folder:

- ``walker.html``: one self-contained page (script, style, tree data and tree SVG inline) that
  works from ``file://``, a USB stick or an e-mail attachment, with nothing fetched;
- ``walker.js`` and ``walker.css``: the same walker for the Quarto site, whose page loads them
  next to ``tree.json`` and ``tree.svg``.

The walker follows ``answers[].next`` from the root and looks every finished walk up in the
payload's ``walks`` (made by :mod:`ragft.payload` from the engine), so it decides nothing itself.

Example:
    >>> from ragft.payload import tree_payload
    >>> page = standalone_html(tree_payload(), '<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> inline_json({"label": "</script><b>"})
    '{"label":"\\u003c/script\\u003e\\u003cb\\u003e"}'
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

from ._io import write_atomic
from .errors import OutputExistsError, RagftError

__all__ = ["WALKER_FILES", "inline_json", "inline_svg", "standalone_html", "write_walker"]

WALKER_FILES = ("walker.html", "walker.js", "walker.css")
SCHEMA = "ragft-tree"

# Characters that could end a <script> element or confuse an HTML parser, as JSON escapes.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PROLOG = re.compile(r"\A\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
# Elements of an SVG that could run code or load a document once the SVG is part of the page.
_ACTIVE_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler"})
_SLOT = re.compile(r"@@(CSS|JS|DATA|SVG|TITLE|VERSION)@@")


def _resource(name: str) -> str:
    return resources.files("ragft").joinpath("web").joinpath(name).read_text(encoding="utf-8")


def inline_json(payload: dict[str, Any]) -> str:
    """JSON text that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so a label such as ``</script>``
    cannot end the element; ``JSON.parse`` reads the same strings back.
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def inline_svg(svg: str) -> str:
    """The SVG without its XML prolog and doctype, ready to sit inside an HTML page.

    Raises:
        RagftError: the SVG is not a well-formed ``<svg>`` document, or holds a script, an
            event handler or a ``javascript:`` link.
    """
    body = _PROLOG.sub("", svg, count=1)
    if not re.match(r"(<!--.*?-->\s*)*<svg\b", body, re.DOTALL):
        msg = f"the tree SVG does not start with an <svg> element: {body[:40]!r}"
        raise RagftError(msg)
    found = _active_content(body)
    if found:
        msg = f"the tree SVG holds active content ({found}); refusing to inline it"
        raise RagftError(msg)
    return body.strip()


def _local(name: str) -> str:
    """An XML name without its ``{namespace}``, lower-cased."""
    return name.rsplit("}", 1)[-1].lower()


def _active_content(body: str) -> str:
    """Describe the first script, event handler or ``javascript:`` link in the SVG, or ``""``.

    The SVG is read as XML, so text that merely mentions ``<script>`` (an escaped label) is
    not mistaken for markup.
    """
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        msg = f"the tree SVG is not well-formed XML ({exc})"
        raise RagftError(msg) from exc
    for node in root.iter():
        if _local(node.tag) in _ACTIVE_ELEMENTS:
            return f"a <{_local(node.tag)}> element"
        for name, value in node.attrib.items():
            if _local(name).startswith("on"):
                return f"an event handler {_local(name)}={value!r}"
            if "javascript:" in re.sub(r"\s", "", value).lower():
                return f"a javascript: link in {_local(name)}"
    return ""


def _checked(payload: dict[str, Any]) -> dict[str, Any]:
    schema = payload.get("schema")
    if schema != SCHEMA:
        msg = f"not a ragft tree export: schema {schema!r} (must be {SCHEMA!r})"
        raise RagftError(msg)
    return payload


def _code(name: str, closing: str) -> str:
    text = _resource(name)
    if closing in text.lower():
        msg = f"ragft/web/{name} contains {closing!r}, which would end its inline element"
        raise RagftError(msg)
    return text


def standalone_html(payload: dict[str, Any], svg: str) -> str:
    """The self-contained ``walker.html``: script, style, data and SVG inline."""
    payload = _checked(payload)
    values = {
        "CSS": _code("walker.css", "</style"),
        "JS": _code("walker.js", "</script"),
        "DATA": inline_json(payload),
        "SVG": inline_svg(svg),
        "TITLE": html.escape(str(payload.get("title", "ragft"))),
        "VERSION": html.escape(str(payload.get("ragft_version", ""))),
    }
    # One pass, so a payload that happens to contain "@@SVG@@" is never substituted again.
    return _SLOT.sub(lambda m: values[m.group(1)], _resource("walker.html"))


def write_walker(
    directory: str | Path, payload: dict[str, Any], svg: str, *, force: bool = False
) -> list[Path]:
    """Write ``walker.html``, ``walker.js`` and ``walker.css`` into ``directory``.

    Every file is built before any is written, and without ``force`` nothing is written when
    one of them exists, so a failed call leaves no partial walker behind.

    Args:
        directory: the folder to write into (created when missing).
        payload: the export payload, :func:`ragft.payload.tree_payload`.
        svg: the whole-tree SVG from :func:`ragft.render.render`.
        force: replace existing files.

    Returns:
        The paths written, in the order of :data:`WALKER_FILES`.

    Raises:
        OutputExistsError: a file exists and ``force`` is false.
        RagftError: the payload is not a ragft export, or the SVG holds active content.
    """
    folder = Path(directory)
    texts = {
        "walker.html": standalone_html(payload, svg),
        "walker.js": _code("walker.js", "</script"),
        "walker.css": _code("walker.css", "</style"),
    }
    if not force:
        for name in WALKER_FILES:
            if (folder / name).exists():
                raise OutputExistsError(str(folder / name))
    return [write_atomic(folder / name, texts[name], force=force) for name in WALKER_FILES]

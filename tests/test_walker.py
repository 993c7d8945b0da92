"""The walker's files as written by ragft.web.page: self-contained, escaped, all or nothing."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from ragft.diagram.dot import tree_diagram
from ragft.diagram.render import render
from ragft.errors import OutputExistsError, RagftError
from ragft.tree.model import Tree
from ragft.web.compact import compact_svg
from ragft.web.page import (
    WALKER_FILES,
    WALKER_SOURCES,
    inline_json,
    inline_svg,
    standalone_html,
    walker_data,
    walker_script,
    write_walker,
)
from ragft.web.payload import tree_payload
from ragft.web.share import pack, unpack

# The one file, font included, with what the states repeat kept once (issue 22): it fits a
# chat attachment or a workshop's slow network; the site's page loads the same parts as files.
# benchmarks/bench_walker.py reports the sizes.
SIZE_TARGET = 150 * 1024
SOURCES = Path(__file__).parent.parent / "ragft" / "web" / "src"
SOURCE_LINES = 250


@pytest.fixture(scope="module")
def payload(tree: Tree) -> dict[str, Any]:
    return tree_payload(tree)


@pytest.fixture(scope="module")
def svg(tree: Tree) -> str:
    return render(tree_diagram(tree))


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


def test_write_walker_writes_its_files(tmp_path: Path, payload: dict[str, Any], svg: str) -> None:
    written = write_walker(tmp_path / "out", payload, svg, force=False)
    assert [p.name for p in written] == list(WALKER_FILES)
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    assert (tmp_path / "out" / "walker.js").read_text() == walker_script()
    # What the site's page fetches: the same packed data walker.html carries inline.
    site_data = json.loads((tmp_path / "out" / "walker.json").read_text(encoding="utf-8"))
    assert site_data == walker_data(payload)
    assert (tmp_path / "out" / "walker.svg").read_text() == compact_svg(inline_svg(svg)) + "\n"
    code = [text for attrs, text in parse((tmp_path / "out" / "walker.html").read_text()).scripts
            if not attrs.get("type")]
    assert code == [f"\n{walker_script()}\n"]


def test_walker_script_joins_every_source_once_in_order() -> None:
    """One strict-mode function around every file of ragft/web/src/, each in its place."""
    assert sorted(p.name for p in SOURCES.glob("*.js")) == sorted(WALKER_SOURCES)
    script = walker_script()
    assert script.count('*/\n(function () {\n"use strict";\n') == 1
    assert script.endswith("\n})();\n")
    assert script.count('"use strict"') == 1
    assert script.index('"use strict"') < script.index("// ---- src/")
    header = script[:script.index("*/")]
    assert ", ".join(WALKER_SOURCES) in header
    where = []
    for name in WALKER_SOURCES:
        text = (SOURCES / name).read_text().rstrip()
        assert script.count(text) == 1, f"{name} is not in the script exactly once"
        assert script.count(f"// ---- src/{name} ----") == 1, name
        where.append(script.index(text))
    assert where == sorted(where), "the sources are out of order"


@pytest.mark.parametrize("name", WALKER_SOURCES)
def test_walker_source_is_small(name: str) -> None:
    lines = (SOURCES / name).read_text().splitlines()
    assert len(lines) < SOURCE_LINES, f"{name} has {len(lines)} lines; split it"
    assert lines[0] == "/*", f"{name} does not open with a comment"
    assert lines[1].startswith(f" * {name}: "), f"{name} does not say its job"


def test_walker_html_is_self_contained(payload: dict[str, Any], svg: str) -> None:
    tags = parse(standalone_html(payload, svg))
    for tag, attrs in tags.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith("#"), f"<{tag} {name}={value!r}> loads a file"
    assert [t for t, _ in tags.tags].count("svg") == 1
    data = [text for attrs, text in tags.scripts if attrs.get("type") == "application/json"]
    assert len(data) == 1
    assert json.loads(data[0]) == walker_data(payload)
    code = [text for attrs, text in tags.scripts if not attrs.get("type")]
    assert len(code) == 1
    assert "ragftWalker" in code[0]


def test_walker_html_names_the_language_and_title(payload: dict[str, Any], svg: str) -> None:
    page = standalone_html(payload, svg)
    assert re.search(r'<html lang="en">', page)
    assert f"<h1>{payload['title']}</h1>" in page


def test_walker_size_is_within_target(tmp_path: Path, payload: dict[str, Any], svg: str) -> None:
    written = write_walker(tmp_path, payload, svg, force=False)
    standalone = written[0].stat().st_size
    site = sum(p.stat().st_size for p in written[1:])
    assert standalone <= SIZE_TARGET, f"walker.html is {standalone} bytes"
    assert site <= SIZE_TARGET, f"the site's walker files are {site} bytes"


def test_walker_html_is_at_most_150_kb(tmp_path: Path, tree: Tree) -> None:
    """What ``ragft export`` writes, font, script, style, diagram and every state included."""
    from ragft.web.export import export

    export(tmp_path, tree)
    size = (tmp_path / "walker.html").stat().st_size
    assert size <= SIZE_TARGET, f"walker.html is {size / 1024:.1f} KB"


def test_the_packed_data_is_the_export_value_for_value(payload: dict[str, Any]) -> None:
    """walker.html's data, rebuilt as share.js rebuilds it, is the export minus definitions,
    with each state's card, marks and record as the engine made them; and it is smaller."""
    packed = walker_data(payload)
    opened = unpack(packed)
    assert opened == {k: v for k, v in payload.items() if k in opened}
    assert set(payload) - set(opened) == {"gates", "exits", "kinds", "components", "sources",
                                          "revisit"}
    for key, state in payload["states"].items():
        assert list(opened["states"][key]["card"]) == list(state["card"]), "key order kept"
    assert len(inline_json(packed)) < 0.6 * len(inline_json(opened))


def test_packing_keeps_hostile_text(hostile_tree: Tree) -> None:
    data = walker_data(tree_payload(hostile_tree))
    assert unpack(data) == {k: v for k, v in tree_payload(hostile_tree).items() if k in unpack(data)}


@pytest.mark.parametrize("bad", [{"a": -1}, {"a": {"+": ["x"]}}, {"a": [{"=": [1]}]},
                                 {"shared": []}])
def test_packing_refuses_what_would_read_as_a_reference(bad: dict[str, Any]) -> None:
    with pytest.raises(RagftError):
        pack(bad)


@pytest.mark.parametrize("label", ["</script><script>alert(1)</script>", "<!--", "a & b", "\u2028"])
def test_inline_json_cannot_end_its_script_element(label: str) -> None:
    text = inline_json({"title": label})
    for ch in "<>&\u2028":
        assert ch not in text
    assert json.loads(text) == {"title": label}


def test_page_title_is_escaped(payload: dict[str, Any], svg: str) -> None:
    page = standalone_html({**payload, "title": "</title><script>alert(1)</script>"}, svg)
    assert "<script>alert(1)" not in page
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_inline_svg_drops_the_xml_prolog(svg: str) -> None:
    assert svg.startswith("<?xml")
    body = inline_svg(svg)
    assert body.startswith(("<svg", "<!--"))
    assert "<?xml" not in body
    assert "<!DOCTYPE" not in body


@pytest.mark.parametrize("bad", [
    '<svg><script>alert(1)</script></svg>',
    '<svg><g onclick="alert(1)"></g></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><foreignObject><p>x</p></foreignObject></svg>',
])
def test_inline_svg_refuses_active_content(bad: str) -> None:
    with pytest.raises(RagftError, match="active content"):
        inline_svg(bad)


def test_inline_svg_refuses_what_is_not_svg() -> None:
    with pytest.raises(RagftError, match="does not start with an <svg> element"):
        inline_svg("<html></html>")
    with pytest.raises(RagftError, match="not well-formed XML"):
        inline_svg("<svg><g></svg>")


def test_inline_svg_keeps_labels_that_only_mention_markup() -> None:
    svg = '<svg><text>&lt;script&gt;alert(1)&lt;/script&gt; onclick=x javascript:</text></svg>'
    assert inline_svg(svg) == svg


def test_not_a_ragft_payload_is_refused(tmp_path: Path, svg: str) -> None:
    with pytest.raises(RagftError, match=r"schema 'other' \(must be 'ragft-tree'\)"):
        write_walker(tmp_path, {"schema": "other"}, svg, force=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", WALKER_FILES)
def test_existing_file_stops_every_write(
    tmp_path: Path, payload: dict[str, Any], svg: str, existing: str
) -> None:
    (tmp_path / existing).write_text("keep me")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_walker(tmp_path, payload, svg, force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]
    assert (tmp_path / existing).read_text() == "keep me"


def test_force_replaces_every_file(tmp_path: Path, payload: dict[str, Any], svg: str) -> None:
    for name in WALKER_FILES:
        (tmp_path / name).write_text("old")
    written = write_walker(tmp_path, payload, svg, force=True)
    assert all(p.read_text() != "old" for p in written)


def test_bad_svg_writes_nothing(tmp_path: Path, payload: dict[str, Any]) -> None:
    with pytest.raises(RagftError):
        write_walker(tmp_path, payload, "<svg><script/></svg>", force=True)
    assert list(tmp_path.iterdir()) == []


def test_walker_script_uses_no_markup_sinks() -> None:
    """Payload text reaches the page through textContent only: no innerHTML and friends."""
    code = walker_script()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "srcdoc"):
        assert sink not in code, sink

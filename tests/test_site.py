"""The Quarto site: its configuration, the pre-render step and the notebook filter.

Without Quarto these check the files themselves (every notebook listed, every named file there,
the pre-render step working, widget outputs kept off the site). With a ``quarto`` binary the
``quarto``-marked tests render the whole site into a temporary copy and open every page in
offline Chromium.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import ROOT, Offline, load_script
from ragft.diagram.dot import text_alternative
from ragft.engine.decision import answers_key, decide, parse_answers, path_to
from ragft.tree.model import Tree
from ragft.web import links
from ragft.web.page import WALKER_FILES

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The output types that make Quarto add require.js, jQuery and the widget manager from CDNs
# (quarto-cli src/core/jupyter/widgets.ts, extractJupyterWidgetDependencies).
SCRIPTED = (WIDGET_VIEW, "text/html", "application/javascript")


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def sidebar_files(items: list[Any]) -> Iterator[str]:
    """Every file a sidebar or menu lists, in order, sections flattened."""
    for item in items:
        if isinstance(item, str):
            yield item
        elif "contents" in item:
            yield from sidebar_files(item["contents"])
        elif "menu" in item:
            yield from sidebar_files(item["menu"])
        elif "href" in item and not item["href"].startswith("http"):
            yield item["href"]


def load_filter() -> Any:
    return load_script(ROOT / "site" / "strip_widgets.py")


# ---- _quarto.yml -------------------------------------------------------------------------

def test_quarto_config_is_a_website_with_the_required_settings(config: dict[str, Any]) -> None:
    assert config["project"]["type"] == "website"
    assert config["quarto-required"] == ">=1.8"
    assert config["lang"] == "en"
    assert config["execute"]["enabled"] is False
    assert config["website"]["search"] is not False
    html_format = config["format"]["html"]
    assert set(html_format["theme"]) == {"light", "dark"}
    assert html_format["html-math-method"] != "mathjax"
    for name in ("tree.json", "tree.svg", *WALKER_FILES):  # all that `ragft export` writes
        assert f"site-data/{name}" in config["project"]["resources"], name


def sidebars(config: dict[str, Any]) -> list[dict[str, Any]]:
    found = config["website"]["sidebar"]
    return [found] if isinstance(found, dict) else list(found)


def sidebar_pages(config: dict[str, Any]) -> list[str]:
    return [f for s in sidebars(config) for f in sidebar_files(s["contents"])]


@pytest.mark.parametrize("where", ["render", "sidebar"])
def test_every_notebook_is_listed_in_order(config: dict[str, Any], where: str) -> None:
    assert len(NOTEBOOKS) > 0
    listed = config["project"]["render"] if where == "render" else sidebar_pages(config)
    notebooks = [f for f in listed if f.endswith(".ipynb")]
    assert notebooks == [f"notebooks/{p.name}" for p in NOTEBOOKS]


def test_every_page_is_rendered_and_reachable_from_the_navbar(config: dict[str, Any]) -> None:
    rendered = config["project"]["render"]
    navbar = list(sidebar_files(config["website"]["navbar"]["left"]))
    assert sorted(rendered) == sorted(set(navbar) | set(sidebar_pages(config)))
    for page in ("index.qmd", "walk.qmd", "facilitators.qmd"):
        assert page in navbar
    assert f"notebooks/{NOTEBOOKS[0].name}" in navbar  # the Notebooks section opens the first


def test_every_file_the_config_names_exists(config: dict[str, Any]) -> None:
    named = list(config["project"]["render"])
    named += sidebar_pages(config)
    named += sidebar_files(config["website"]["navbar"]["left"])
    named += [config["project"]["pre-render"]]
    for theme in config["format"]["html"]["theme"].values():
        named += [t for t in theme if t.endswith(".scss")]
    missing = sorted({n for n in named if not (ROOT / n).is_file()})
    assert missing == [], f"_quarto.yml names files that do not exist: {missing}"
    # Quarto runs an ipynb filter from the notebook's folder.
    for entry in config["ipynb-filters"]:
        assert (ROOT / "notebooks" / entry).resolve().is_file(), entry


def test_themes_load_no_web_font(config: dict[str, Any]) -> None:
    for mode, layers in config["format"]["html"]["theme"].items():
        scss = [ROOT / layer for layer in layers if layer.endswith(".scss")]
        assert scss, f"the {mode} theme has no layer that turns off the Bootswatch web font"
        defaults = "".join(p.read_text().split("/*-- scss:rules --*/")[0] for p in scss)
        assert re.search(r"^\$web-font-path:\s*false;", defaults, re.M), mode
        assert "http" not in "".join(p.read_text() for p in scss)


# ---- pre-render --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def prerendered(tmp_path_factory: pytest.TempPathFactory, config: dict[str, Any]) -> Path:
    """Run the configured pre-render script the way Quarto does: a Python script, project dir."""
    folder = tmp_path_factory.mktemp("prerender") / "site-data"
    script = ROOT / config["project"]["pre-render"]
    subprocess.run([sys.executable, str(script), str(folder)], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    return folder


def test_prerender_writes_the_site_data(prerendered: Path, tree: Tree) -> None:
    for name in ("tree.json", "tree.svg", *WALKER_FILES):
        assert (prerendered / name).is_file(), name
    assert not list(prerendered.glob("_*")), "fragments belong in site/_includes/, committed"
    data = json.loads((prerendered / "tree.json").read_text(encoding="utf-8"))
    assert [g["id"] for g in data["gates"]] == list(tree.gate_ids)


INCLUDES = ROOT / "site" / "_includes"


def test_pages_link_what_prerender_writes(prerendered: Path) -> None:
    pages = [ROOT / "index.qmd", ROOT / "walk.qmd", *INCLUDES.glob("*.md")]
    linked = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for name in re.findall(r'(?:src|href|data-tree|data-svg)="site-data/([^"]+)"', text):
            file = name.partition("#")[0]  # a walker link keeps its answers after the '#'
            assert (prerendered / file).is_file(), f"{page.name} links {name}"
            linked += 1
    assert linked


def test_home_page_figure_has_the_text_alternative(tree: Tree) -> None:
    figure = (INCLUDES / "_tree-figure.md").read_text(encoding="utf-8")
    alt = re.search(r'<svg role="img" focusable="false" aria-label="([^"]+)"', figure)
    assert alt
    lines = text_alternative(tree).splitlines()
    assert html.unescape(alt.group(1)).startswith(lines[0])
    text = html.unescape(re.sub(r"<[^>]+>", "", figure))
    for line in lines[1:]:
        assert line.removeprefix("- ") in text


def test_watch_list_links_open_the_walker_at_each_exit(tree: Tree) -> None:
    watch = (INCLUDES / "_watch.md").read_text(encoding="utf-8")
    kinds = [k for k in tree.kinds if k.watch]
    assert len(kinds) == 3
    for kind in kinds:
        assert f"<dt>{html.escape(kind.label)}</dt>" in watch
    links = re.findall(r'href="walk.html#([^"]+)"', watch)
    reached = {decide(parse_answers(html.unescape(h).split("&"), tree), tree).exit for h in links}
    assert reached == {e.id for e in tree.exits if e.kind in {k.id for k in kinds}}


# ---- the ipynb filter (issue 6) ----------------------------------------------------------

def scripted_outputs(nb: dict[str, Any]) -> list[str]:
    """What would make Quarto add CDN scripts to this notebook's page."""
    found = [f"cell {i}: {kind}"
             for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "code"
             for out in cell.get("outputs", []) for kind in out.get("data", {})
             if kind in SCRIPTED]
    if "widgets" in nb.get("metadata", {}):
        found.append("metadata.widgets")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_filter_keeps_widgets_and_their_scripts_off_the_site(
    config: dict[str, Any], notebook: Path
) -> None:
    (entry,) = config["ipynb-filters"]
    raw = notebook.read_text(encoding="utf-8")
    # As Quarto runs it: the notebook on stdin, from the notebook's folder.
    result = subprocess.run([sys.executable, entry], input=raw, cwd=notebook.parent,
                            capture_output=True, text=True, check=True)
    before, after = json.loads(raw), json.loads(result.stdout)
    assert scripted_outputs(after) == []
    # Site-only notes are the filter's additions: one under the first text, one per widget.
    notes = [c for c in after["cells"] if "site-only" in c.get("metadata", {}).get("tags", [])]
    widgets = [c for c in before["cells"] if c["cell_type"] == "code"
               and any(WIDGET_VIEW in o.get("data", {}) for o in c.get("outputs", []))]
    assert len(notes) == 1 + len(widgets)
    # The first note links this notebook where it runs: in the browser (hidden until the
    # in-browser course is added) and on Binder.
    lite = f"[[run it in your browser](../lite/lab/index.html?path={notebook.name})"
    assert lite in notes[0]["source"]
    assert '{.ragft-run-lite hidden="hidden"}' in notes[0]["source"]
    binder = links.binder_url(f"notebooks/{notebook.name}")
    assert f"[open it on Binder]({binder})" in notes[0]["source"]
    after = {**after, "cells": [c for c in after["cells"] if c not in notes]}
    assert len(after["cells"]) == len(before["cells"])
    # Links to the published site become relative (the filter's own rule, tested with it);
    # nothing else in the text changes.
    site = config["website"]["site-url"].rstrip("/") + "/"
    relinked = load_filter().relative_links(before, site, "../")
    for old, new in zip(relinked["cells"], after["cells"], strict=True):
        assert new["source"] == old["source"]
        assert not re.search(r"(\]\(|href=\")" + re.escape(site), "".join(new["source"]))
        if old["cell_type"] != "code":
            assert new == old
            continue
        kept = [o for o in old.get("outputs", []) if WIDGET_VIEW not in o.get("data", {})]
        images = [k for o in kept for k in o.get("data", {}) if k.startswith("image/")]
        assert [k for o in new["outputs"] for k in o.get("data", {})
                if k.startswith("image/")] == images
        assert len(new["outputs"]) == len(kept)


def test_a_notebook_is_named_by_its_bytes(tmp_path: Path) -> None:
    name = load_filter().notebook_name
    for notebook in NOTEBOOKS:
        assert name(notebook.read_bytes(), notebook.parent) == notebook.name
    (tmp_path / "a.ipynb").write_bytes(b"{}")
    assert name(b"{} ", tmp_path) is None  # same start, other bytes
    assert name(b"{}", tmp_path / "none") is None


LITE_PAGES = {  # a notebook page's note as Pandoc writes it, and as other writers might
    "pandoc": '<span\nclass="ragft-run-lite" hidden="hidden"><a\nhref="../lite/lab/index.html">',
    "empty": '<span class="ragft-run-lite" hidden=""><a href="x">',
    "bare-first": '<span hidden class="ragft-run-lite"><a href="x">',
}


def test_the_lite_build_shows_the_hidden_run_links(tmp_path: Path) -> None:
    lite_build = load_script(ROOT / "tools" / "lite_build.py")
    pages = tmp_path / "notebooks"
    pages.mkdir()
    other = '<span class="ragft-other" hidden="hidden">kept hidden</span>'
    for kind, span in LITE_PAGES.items():
        (pages / f"{kind}.html").write_text(f"<p>{span}run</a></span> {other}</p>", "utf-8")
    (tmp_path / "index.html").write_text(LITE_PAGES["empty"], "utf-8")
    changed = lite_build.show_run_links(tmp_path)
    assert sorted(p.name for p in changed) == sorted(f"{k}.html" for k in LITE_PAGES)
    for page in changed:
        text = page.read_text("utf-8")
        assert "ragft-run-lite" in text
        assert other in text
        assert text.count("hidden") == other.count("hidden"), page.name
    assert (tmp_path / "index.html").read_text("utf-8") == LITE_PAGES["empty"]  # not a notebook
    assert lite_build.show_run_links(tmp_path) == []  # a second run changes nothing
    # The filter links where the build puts the course: lite/ in the site.
    assert load_filter().LITE_LAB.split("/")[0] == "lite"
    assert "_site/lite" in lite_build.__doc__


def test_filter_rules_on_each_kind_of_output() -> None:
    strip = load_filter().strip
    nb = {"metadata": {"widgets": {"state": {}}, "kernelspec": {"name": "python3"}}, "cells": [
        {"cell_type": "markdown", "source": ["# Title"], "metadata": {}},
        {"cell_type": "code", "source": [], "metadata": {}, "outputs": [
            {"output_type": "display_data", "data": {WIDGET_VIEW: {}, "text/plain": ["W()"]}},
            {"output_type": "display_data", "data": {"text/html": ["<b>x</b>"]}},
            {"output_type": "display_data",
             "data": {"text/html": "<i>y</i>", "text/markdown": "*y*"}},
            {"output_type": "display_data", "data": {"application/javascript": "alert(1)"}},
            {"output_type": "stream", "name": "stdout", "text": ["hello\n"]},
        ]},
    ]}
    out = strip(nb)
    assert out["metadata"] == {"kernelspec": {"name": "python3"}}
    assert out["cells"][0] == nb["cells"][0]
    assert out["cells"][1]["metadata"]["tags"] == ["site-only"]  # under the page's first text
    assert "make guide" in out["cells"][1]["source"]  # outside a project: no site, no Binder
    assert out["cells"][3]["metadata"]["tags"] == ["site-only"]  # where the widget was
    assert "not live" in out["cells"][3]["source"]
    outputs = out["cells"][2]["outputs"]
    assert outputs == [
        {"output_type": "display_data", "data": {"text/markdown": "```{=html}\n<b>x</b>\n```\n"}},
        {"output_type": "display_data", "data": {"text/markdown": "*y*"}},
        {"output_type": "stream", "name": "stdout", "text": ["hello\n"]},
    ]
    assert scripted_outputs(out) == []
    assert WIDGET_VIEW in nb["cells"][1]["outputs"][0]["data"]  # the input is left alone


# A link into the walker: relative (pages) or by the published site's address (notebooks, so
# that it also works in Jupyter and on Binder).
SITE_URL = yaml.safe_load(
    (ROOT / "_quarto.yml").read_text(encoding="utf-8"))["website"]["site-url"]
WALKER_LINK = re.compile(r"\]\((?:\.\./|" + re.escape(SITE_URL.rstrip("/") + "/")
                         + r")?walk\.(?:html|qmd)(#[^)\s]*)?\)")
PAGES = sorted(ROOT.glob("*.qmd")) + NOTEBOOKS


def page_texts(path: Path) -> Iterator[str]:
    """The Markdown of a page: a .qmd file, or a notebook's cells and Markdown outputs."""
    if path.suffix == ".qmd":
        yield path.read_text(encoding="utf-8")
        return
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        yield "".join(cell["source"])
        for out in cell.get("outputs", []):
            yield "".join(out.get("data", {}).get("text/markdown", ""))


def walker_fragments(path: Path) -> list[str]:
    """The answers part (``gate=answer&...``, maybe empty) of every walker link on a page."""
    return [unquote(fragment.lstrip("#")) for text in page_texts(path)
            for fragment in WALKER_LINK.findall(text)]


LINKED = [page for page in PAGES if walker_fragments(page)]


def test_every_notebook_links_into_the_walker() -> None:
    assert NOTEBOOKS
    assert [nb for nb in NOTEBOOKS if nb not in LINKED] == []


@pytest.mark.parametrize("page", LINKED, ids=lambda p: p.name)
def test_links_into_the_walker_are_valid_walks(page: Path, tree: Tree) -> None:
    """A link that opens the walker at a gate must not land on its "could not be used" notice."""
    for fragment in walker_fragments(page):
        parts = [p for p in fragment.split("&") if p]
        answers = parse_answers(parts, tree)  # raises on an id the walker would refuse
        path = [(s.gate, s.answer) for s in decide(answers, tree).path]
        assert list(answers.items()) == path, fragment


# A gate notebook asks its gates with these calls; the order of first use is the teaching order.
GATE_CALL = re.compile(r"""\b(?:GateQuestion|show\.gate_intro)\(["']([a-z_]+)["']\)""")


def taught_gates(path: Path) -> list[str]:
    """The gates a notebook teaches, in the order it introduces them."""
    found: list[str] = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            found += [g for g in GATE_CALL.findall("".join(cell["source"])) if g not in found]
    return found


GATE_NOTEBOOKS = [nb for nb in NOTEBOOKS if taught_gates(nb)]


def test_every_gate_has_a_notebook_that_teaches_it(tree: Tree) -> None:
    taught = [g for nb in GATE_NOTEBOOKS for g in taught_gates(nb)]
    assert sorted(taught) == sorted(tree.gate_ids), "each gate taught by exactly one notebook"


@pytest.mark.parametrize("page", GATE_NOTEBOOKS, ids=lambda p: p.name)
def test_gate_notebooks_open_the_walker_exactly_at_their_gates(page: Path, tree: Tree) -> None:
    """Every walker link of a gate notebook lands at a gate it teaches, and the note beside
    each gate's question opens the walker at that very gate (the path the engine gives)."""
    gates = taught_gates(page)
    at_gate = {answers_key(path_to(g, tree)): g for g in gates}
    fragments = walker_fragments(page)
    assert fragments
    for fragment in fragments:
        assert fragment in at_gate, f"{page.name}: #{fragment} opens at none of {gates}"
    cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
    asked = 0
    for before, cell in itertools.pairwise(cells):
        question = re.search(r"""\bGateQuestion\(["']([a-z_]+)["']\)""", "".join(cell["source"]))
        if cell["cell_type"] != "code" or not question:
            continue
        asked += 1
        note = [unquote(f.lstrip("#")) for f in WALKER_LINK.findall("".join(before["source"]))]
        assert note == [answers_key(path_to(question.group(1), tree))], (page.name, note)
    assert asked == len(gates), f"{page.name}: one live question per gate it teaches"


def test_pages_link_into_the_walker_at_every_gate(tree: Tree) -> None:
    opened = set()
    for page in LINKED:
        for fragment in walker_fragments(page):
            parts = [p for p in fragment.split("&") if p]
            decision = decide(parse_answers(parts, tree), tree)
            opened.add(decision.next_gate or decision.exit)
    assert set(tree.gate_ids) <= opened


# ---- pages and workflows ---------------------------------------------------------------------

BINDER_START = ("https://mybinder.org/v2/gh/ragft/ragft/HEAD"
                "?urlpath=lab/tree/notebooks/00_start_here.ipynb")
BADGE_ALT = "Launch the guide on Binder"
BADGE = ROOT / "site" / "binder-badge.svg"
MARKDOWN_IMAGE_LINK = re.compile(r"\[!\[([^\]]*)\]\(([^)\s]+)\)\]\(([^)\s]+)\)")


def test_index_page_points_to_every_way_in() -> None:
    text = (ROOT / "index.qmd").read_text(encoding="utf-8")
    assert "(https://mybinder.org/v2/gh/ragft/ragft/HEAD)" in text  # and a badge, below
    assert "(walk.qmd)" in text
    assert "(notebooks/00_start_here.ipynb)" in text
    assert "{{< include site/_includes/_tree-figure.md >}}" in text
    assert "{{< include site/_includes/_watch.md >}}" in text
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", text)


def test_index_page_has_a_local_binder_badge(config: dict[str, Any]) -> None:
    text = (ROOT / "index.qmd").read_text(encoding="utf-8")
    badges = [m.groups() for m in MARKDOWN_IMAGE_LINK.finditer(text) if "binder" in m.group(2)]
    assert badges == [(BADGE_ALT, "site/binder-badge.svg", BINDER_START)]
    # It opens the first notebook, which exists; _quarto.yml also names the badge as a resource.
    assert (ROOT / BINDER_START.split("urlpath=lab/tree/")[1]).is_file()
    assert "site/binder-badge.svg" in config["project"]["resources"]


def test_binder_badge_is_our_own_accessible_svg_with_nothing_remote() -> None:
    import xml.etree.ElementTree as ET

    raw = BADGE.read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    assert root.get("role") == "img"
    title = root.find(f"{svg}title")
    assert title is not None
    assert title.text == BADGE_ALT
    assert root.get("aria-labelledby") == title.get("id")
    words = [t.text for t in root.iter(f"{svg}text")]
    assert words == ["launch", "binder"]
    # Nothing that loads from elsewhere: no image, link, style sheet, font or script.
    for node in root.iter():
        tag = node.tag.rsplit("}", 1)[-1]
        assert tag not in ("image", "a", "script", "style", "foreignObject", "use"), tag
        for name, value in node.attrib.items():
            assert not name.rsplit("}", 1)[-1].endswith("href"), name
            assert "url(" not in value, (name, value)
            assert "//" not in value, (name, value)
    assert "@import" not in raw
    assert "base64" not in raw  # no embedded artwork (for instance a copied logo)


@pytest.mark.browser
def test_binder_badge_draws_its_two_words(offline: Offline, serve: Any) -> None:
    page = offline.new_page()
    page.goto(serve(BADGE.parent) + BADGE.name)
    boxes = page.evaluate("""() => [...document.querySelectorAll('text')].map((t) => {
      const b = t.getBBox(); return [b.x, b.x + b.width]; })""")
    width = float(page.evaluate("() => document.documentElement.viewBox.baseVal.width"))
    (a_left, a_right), (b_left, b_right) = boxes
    # Each word stays inside the badge and the two do not overlap, whatever the local font.
    assert 0 <= a_left < a_right <= b_left < b_right <= width
    assert offline.console_errors == []


def test_walk_page_loads_the_walker_from_the_site() -> None:
    text = (ROOT / "walk.qmd").read_text(encoding="utf-8")
    for needed in ('src="site-data/walker.js"', 'href="site-data/walker.css"',
                   'data-tree="site-data/walker.json"', 'data-svg="site-data/walker.svg"',
                   'id="ragft-walker"'):
        assert needed in text
    assert not re.search(r"(src|href)=\"https?:", text)


def workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_site_workflow_renders_with_quarto_actions_and_deploys_to_pages() -> None:
    jobs = workflow("site.yml")["jobs"]
    steps = [s for job in jobs.values() for s in job["steps"]]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    for action in ("quarto-dev/quarto-actions/setup", "quarto-dev/quarto-actions/render",
                   "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, action
    install = next(i for i, s in enumerate(steps) if "pip install" in s.get("run", ""))
    assert install < uses.index("quarto-dev/quarto-actions/render")


def test_site_workflow_grants_pages_rights_to_the_deploy_job_only() -> None:
    data = workflow("site.yml")
    jobs = data["jobs"]
    assert data.get("permissions", {"contents": "read"}) == {"contents": "read"}
    deploys = [name for name, job in jobs.items()
               if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"])]
    assert deploys == ["deploy"]
    for name, job in jobs.items():
        wanted = ({"pages": "write", "id-token": "write"} if name in deploys
                  else {"contents": "read"})
        assert job.get("permissions") == wanted, name


def test_site_workflow_never_cancels_a_pages_deployment() -> None:
    """A deployment cut off half way can leave Pages broken (GitHub's Pages starter workflow)."""
    data = workflow("site.yml")
    deploy = data["jobs"]["deploy"]
    group = deploy.get("concurrency") or data.get("concurrency")
    assert isinstance(group, dict)
    assert group["cancel-in-progress"] is False
    # A run-wide group may cancel pull-request builds, but never a run that deploys.
    outer = data.get("concurrency")
    if isinstance(outer, dict) and outer is not group:
        cancel = outer.get("cancel-in-progress", False)
        assert cancel is False or cancel == "${{ github.event_name == 'pull_request' }}", cancel
    assert deploy["if"] == "github.event_name != 'pull_request'"
    assert deploy["environment"]["name"] == "github-pages"


@pytest.mark.parametrize(("target", "command"), [("site", "render"), ("preview", "preview")])
def test_make_site_runs_quarto_with_the_projects_python(target: str, command: str) -> None:
    """Quarto runs the pre-render step with QUARTO_PYTHON, else the first python3 on PATH:
    `make site` names the venv's both ways, so it works without activating anything."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    result = subprocess.run(["make", "-n", "-s", "-o", "/env/.guide", target, "VENV=/env",
                             "QUARTO=quarto-x"], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    recipe = result.stdout.splitlines()
    assert 'PATH="/env/bin:$PATH" QUARTO_PYTHON="/env/bin/python" quarto-x ' + command in recipe
    assert any("command -v quarto-x" in line for line in recipe), "no check that Quarto is there"


def test_ci_workflow_runs_the_ci_script() -> None:
    steps = [s for job in workflow("ci.yml")["jobs"].values() for s in job["steps"]]
    assert any("bash .ci/run" in s.get("run", "") for s in steps)


# ---- with Quarto ---------------------------------------------------------------------------

# rendered_site (conftest.py): `make site` in a fresh clone, once per test session.

@pytest.mark.quarto
def test_quarto_render_makes_a_page_per_notebook_and_the_walker(rendered_site: Path) -> None:
    for page in ["index.html", "walk.html", "facilitators.html"] + [
            f"notebooks/{p.stem}.html" for p in NOTEBOOKS]:
        assert (rendered_site / page).is_file(), page
    for name in ("tree.json", "tree.svg", *WALKER_FILES):
        assert (rendered_site / "site-data" / name).is_file(), name
    # Each notebook page links itself in the in-browser course, hidden until `make lite`.
    lite_build = load_script(ROOT / "tools" / "lite_build.py")
    for notebook in NOTEBOOKS:
        text = (rendered_site / "notebooks" / f"{notebook.stem}.html").read_text("utf-8")
        spans = lite_build.LITE_LINK.findall(text)
        assert len(spans) == 1, notebook.stem
        assert lite_build.HIDDEN.search(spans[0]), notebook.stem
        assert f'href="../lite/lab/index.html?path={notebook.name}"' in text, notebook.stem
    assert (rendered_site / "site" / "binder-badge.svg").read_bytes() == BADGE.read_bytes()
    strays = [p.relative_to(rendered_site).as_posix() for p in rendered_site.rglob("_*")]
    assert strays == [], f"internal fragments published: {strays}"
    home = (rendered_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img[^>]+src="site/binder-badge\.svg"[^>]+alt="' + BADGE_ALT, home) or \
        re.search(r'<img[^>]+alt="' + BADGE_ALT + r'"[^>]+src="site/binder-badge\.svg"', home)


EXTERNAL = re.compile(
    r"<script[^>]+src=\"(https?:)?//|<link[^>]+href=\"(https?:)?//[^\"]+\"[^>]*stylesheet"
    r"|<link[^>]+stylesheet[^>]*href=\"(https?:)?//|@import\s+url\(\s*[\"']?(https?:)?//"
    r"|url\(\s*[\"']?(https?:)?//[^)]*\.(woff2?|ttf|otf|eot)", re.IGNORECASE)


@pytest.mark.quarto
def test_no_page_loads_widgets_or_anything_from_another_origin(rendered_site: Path) -> None:
    problems = []
    for path in sorted(rendered_site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(rendered_site)
        if "widget-view+json" in text or "widget-state+json" in text or "html-manager" in text:
            problems.append(f"{where}: widget script or state")
        problems += [f"{where}: {m.group(0)[:80]}" for m in EXTERNAL.finditer(text)]
    assert problems == []


@pytest.mark.quarto
@pytest.mark.browser
def test_every_page_opens_offline_without_errors(
    rendered_site: Path, offline: Offline, serve: Any
) -> None:
    base = serve(rendered_site)
    for path in sorted(rendered_site.rglob("*.html")):
        if "site_libs" in path.parts:
            continue
        page = offline.new_page()
        page.goto(base + path.relative_to(rendered_site).as_posix(), wait_until="load")
        page.close()
    page = offline.new_page()
    page.goto(base + "walk.html#prompting=yes&context=no&knowledge=changing")
    page.wait_for_selector("#ragft-walker[data-ready]")
    assert page.get_attribute("[data-exit]", "data-exit") == "rag_dynamic"
    assert urlsplit(page.url).fragment == "prompting=yes&context=no&knowledge=changing"
    assert offline.console_errors == []

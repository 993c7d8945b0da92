"""Quarto's reading order, modelled without Quarto, on a fresh copy of the tracked files.

``quarto render`` in a fresh clone reads, in this order (quarto-cli 1.11,
``src/command/render/project.ts``, ``renderProject``):

1. the project context: ``_quarto.yml``, its ``metadata-files``, the render list, and every
   ``.qmd`` page with its ``{{< include >}}`` files expanded (``src/execute/engine.ts``,
   ``fileExecutionEngine`` -> ``resolveFullMarkdownForFile`` -> ``expandIncludes``); a missing
   include stops the render here, before any script runs (quarto-cli#12491);
2. the ``pre-render`` script, then the context again (``projectContextForDirectory``), whose
   ``resources:`` globs now see what the script wrote (``src/project/project-resources.ts``);
3. each page: a notebook through the ``ipynb-filters`` script (run from its folder), its
   includes, images and the theme's SCSS layers; resources are copied into ``_site`` last.

So every file of steps 1 and 3 that the script does not make must be tracked. These tests copy
exactly the files git tracks (what a clone holds) into a temporary folder, check step 1 before
running the pre-render script there, and the rest after it. They fail on commit 1da2a49, whose
home page included files only pre-render made.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

INCLUDE = re.compile(r"\{\{<\s*include\s+([^\s>]+)\s*>\}\}")
# Markdown images and HTML src= attributes: what a page loads as it is shown.
IMAGE = re.compile(r"!\[[^\]]*\]\(<?([^)\s>]+)>?[^)]*\)|\bsrc=\"([^\"]+)\"")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(<?([^)\s>]+)>?[^)]*\)|\bhref=\"([^\"]+)\"")


def tracked_copy(source: Path, target: Path) -> Path:
    """The files git tracks in ``source``, as they are in its work tree, copied to ``target``:
    what a fresh clone holds once they are committed, and nothing generated or ignored."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=source, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, names):
        if (source / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)
    return target


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no tracked files to copy")
    return tracked_copy(ROOT, tmp_path_factory.mktemp("clone") / "ragft")


@pytest.fixture(scope="module")
def config(clone: Path) -> dict[str, Any]:
    data = yaml.safe_load((clone / "_quarto.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def page_markdown(path: Path) -> Iterator[str]:
    """The Markdown Quarto reads from a page: a .qmd file, or a notebook's Markdown cells."""
    if path.suffix == ".ipynb":
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] in ("markdown", "raw"):
                yield "".join(cell["source"])
    else:
        yield path.read_text(encoding="utf-8")


def front_matter(path: Path) -> dict[str, Any]:
    text = next(page_markdown(path), "")
    match = re.match(r"\A---\n(.*?)\n---", text, re.DOTALL)
    data = yaml.safe_load(match.group(1)) if match else None
    return data if isinstance(data, dict) else {}


def includes_of(path: Path, project: Path, seen: set[Path] | None = None) -> Iterator[Path]:
    """Every file ``path`` includes, and what those include in turn (Quarto's resolution:
    relative to the including file, or to the project with a leading slash)."""
    seen = set() if seen is None else seen
    for text in page_markdown(path):
        for target in INCLUDE.findall(text):
            found = project / target.lstrip("/") if target.startswith("/") else path.parent / target
            yield found
            if found.is_file() and found not in seen:
                seen.add(found)
                yield from includes_of(found, project, seen)


def local(target: str) -> bool:
    return not re.match(r"[a-z][a-z0-9+.-]*:|#|//", target) and bool(target)


def loaded_by_context(clone: Path, config: dict[str, Any]) -> dict[str, Path]:
    """What -> file, for everything step 1 reads (before the pre-render script runs)."""
    project = config["project"]
    needed = {"_quarto.yml": clone / "_quarto.yml",
              "pre-render script": clone / project["pre-render"]}
    for meta in config.get("metadata-files", []):
        needed[f"metadata-files: {meta}"] = clone / meta
    for page in project["render"]:
        needed[f"render: {page}"] = clone / page
        if (clone / page).suffix == ".qmd":
            for meta in front_matter(clone / page).get("metadata-files", []):
                needed[f"{page}: metadata-files {meta}"] = clone / page / ".." / meta
            for inc in includes_of(clone / page, clone):
                needed[f"{page}: include {inc.relative_to(clone)}"] = inc
    return needed


def loaded_by_pages(clone: Path, config: dict[str, Any]) -> dict[str, Path]:
    """What -> file, for what step 3 reads that no script may make: notebook includes, the
    theme's layers, the ipynb filter, and the images pages show (except pre-render's)."""
    needed: dict[str, Path] = {}
    for page in config["project"]["render"]:
        path = clone / page
        for inc in includes_of(path, clone):
            needed[f"{page}: include {inc.relative_to(clone)}"] = inc
        for text in page_markdown(path):
            for groups in IMAGE.findall(text):
                target = next(g for g in groups if g)
                if local(target) and not target.startswith(generated_folders(config)):
                    needed[f"{page}: image {target}"] = path.parent / target.split("#")[0]
        for entry in config.get("ipynb-filters", []) if path.suffix == ".ipynb" else []:
            needed[f"{page}: ipynb filter {entry}"] = path.parent / entry
    for mode, layers in config["format"]["html"]["theme"].items():
        for layer in (x for x in layers if x.endswith(".scss")):
            needed[f"{mode} theme: {layer}"] = clone / layer
    return needed


def generated_folders(config: dict[str, Any]) -> tuple[str, ...]:
    """The folders whose files only the pre-render script makes (every resource outside them
    must be tracked)."""
    folders = {r.split("/")[0] + "/" for r in config["project"].get("resources", [])
               if "/" in r and r.split("/")[0] + "/" in ignored(ROOT)}
    return tuple(sorted(folders))


def ignored(root: Path) -> set[str]:
    lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    return {line.strip().lstrip("/") for line in lines if line.strip().endswith("/")}


def missing(needed: dict[str, Path]) -> list[str]:
    return sorted(what for what, path in needed.items() if not path.resolve().is_file())


@pytest.fixture(scope="module")
def after_prerender(clone: Path, config: dict[str, Any]) -> Path:
    """The clone after its pre-render script ran the way Quarto runs it (project folder)."""
    step_one = missing(loaded_by_context(clone, config))
    if step_one:
        pytest.fail(f"quarto render would stop before pre-render: missing {step_one}")
    result = subprocess.run([sys.executable, config["project"]["pre-render"]], cwd=clone,
                            capture_output=True, text=True,
                            env={**os.environ, "QUARTO_PROJECT_RENDER_ALL": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    return clone


def test_every_file_quarto_reads_before_pre_render_is_tracked(
    clone: Path, config: dict[str, Any]
) -> None:
    """Step 1: the failure a fresh clone had ("Include directive failed")."""
    needed = loaded_by_context(clone, config)
    assert any(": include " in what for what in needed), "the model found no include at all"
    assert missing(needed) == []


def test_every_file_pages_read_that_pre_render_does_not_make_is_tracked(
    clone: Path, config: dict[str, Any]
) -> None:
    """Step 3, checked before the script runs: only the listed generated folders may wait."""
    needed = loaded_by_pages(clone, config)
    assert any("ipynb filter" in what for what in needed)
    assert missing(needed) == []


def test_pre_render_makes_every_listed_resource_and_changes_no_tracked_file(
    after_prerender: Path, config: dict[str, Any]
) -> None:
    resources = config["project"]["resources"]
    absent = [r for r in resources if not glob.glob(str(after_prerender / r))]
    assert absent == [], f"resources that neither git nor pre-render provides: {absent}"
    # A stale committed include would be rewritten here: the clone must stay as git has it.
    copy = tracked_copy(ROOT, after_prerender.parent / "pristine")
    changed = [p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()
               and p.read_bytes() != (after_prerender / p.relative_to(copy)).read_bytes()]
    assert changed == [], f"pre-render rewrote tracked files (run site/prerender.py): {changed}"


def test_pages_link_only_files_that_exist_after_pre_render(
    after_prerender: Path, config: dict[str, Any]
) -> None:
    broken = []
    for page in config["project"]["render"]:
        path = after_prerender / page
        for text in page_markdown(path):
            for groups in LINK.findall(text) + IMAGE.findall(text):
                target = next(g for g in groups if g).split("#")[0].split("?")[0]
                if local(target) and not (path.parent / target).exists():
                    broken.append(f"{page}: {target}")
    assert broken == []


def test_no_internal_fragment_is_published(after_prerender: Path, config: dict[str, Any]) -> None:
    """Quarto renders no file or folder whose name starts with ``_``, but ``resources:``
    copies whatever its globs match: none may match an include or a hidden file."""
    published = [Path(p).relative_to(after_prerender).as_posix()
                 for pattern in config["project"]["resources"]
                 for p in glob.glob(str(after_prerender / pattern), recursive=True)]
    published += list(config["project"]["render"])
    strays = [p for p in published if any(part.startswith(("_", ".")) for part in p.split("/"))]
    assert strays == []
    includes = {inc.resolve() for page in config["project"]["render"]
                for inc in includes_of(after_prerender / page, after_prerender)}
    assert all(any(part.startswith("_") for part in inc.relative_to(after_prerender.resolve())
                   .parts) for inc in includes), "an include outside a _ folder or _ file name"


# ---- the navbar ----------------------------------------------------------------------------

def sidebar_hrefs(items: list[Any]) -> Iterator[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            if "href" in item:
                yield item["href"]
            yield from sidebar_hrefs(item.get("contents", []))


def sidebar_for(page: str, website: dict[str, Any]) -> list[str]:
    """Quarto's choice (website-shared.ts, sidebarForHref): one sidebar without an id applies
    to every page; otherwise the sidebar that lists the page, or none."""
    sidebars = website.get("sidebar") or []
    sidebars = [sidebars] if isinstance(sidebars, dict) else sidebars
    if len(sidebars) == 1 and "id" not in sidebars[0]:
        return list(sidebar_hrefs(sidebars[0]["contents"]))
    for sidebar in sidebars:
        hrefs = list(sidebar_hrefs(sidebar["contents"]))
        if page in hrefs:
            return hrefs
    return []


def active_nav_item(page: str, website: dict[str, Any]) -> str | None:
    """The navbar link Quarto marks active on ``page`` (website-navigation.ts, "latch active
    nav link"): the first whose target is the page or is listed in the page's sidebar."""
    sidebar = sidebar_for(page, website)
    for item in website["navbar"]["left"] + website["navbar"].get("right", []):
        href = item.get("href", "") if isinstance(item, dict) else item
        if href == page or href in sidebar:
            return str(item.get("text", href)) if isinstance(item, dict) else href
    return None


def test_the_navbar_marks_the_section_of_each_page(config: dict[str, Any]) -> None:
    website = config["website"]
    items = {i["href"]: i["text"] for i in website["navbar"]["left"] if "href" in i}
    for page in config["project"]["render"]:
        sidebar = sidebar_for(page, website)
        # The page's own link, or else the section whose sidebar lists the page.
        own = items.get(page) or next((items[h] for h in items if h in sidebar), None)
        assert own is not None, f"{page} belongs to no navbar section"
        assert active_nav_item(page, website) == own, page

"""The fixes to the pinned JupyterLite build (tools/lite_fixes), checked on the files the build
copies, as it meets them: each applies once, changes nothing else and leaves valid JavaScript.
The browser test (tests/test_lite.py) shows what they are for: a saved walk shows again after a
reload, and the next save keeps it."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, load_script, missing

fixes = load_script(ROOT / "tools" / "lite_fixes.py")
FIXES = {fix.name: fix for fix in fixes.FIXES}
LITE_ENV = ROOT / ".venv-lite"


def _files(fix: Any) -> dict[str, str]:
    """The build's files in ``fix.folder`` (name: text), from where the build copies them."""
    site = sorted(LITE_ENV.glob("lib/python*/site-packages"))
    if not site:
        missing("the build environment .venv-lite is missing (make .venv-lite/.installed)")
    if fix.folder == "build":  # JupyterLab's build, packed in jupyterlite-core
        app = sorted((site[-1] / "jupyterlite_core").glob("jupyterlite-app-*.tgz"))[-1]
        with tarfile.open(app) as tgz:
            return {Path(m.name).name: tgz.extractfile(m).read().decode()  # type: ignore[union-attr]
                    for m in tgz.getmembers()
                    if m.name.startswith("package/build/") and m.name.endswith(".js")}
    folder = LITE_ENV / "share" / "jupyter" / "labextensions" / fix.folder.split("/", 1)[1]
    return {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.js")}


def _holder(fix: Any) -> str:
    held = [text for text in _files(fix).values() if fix.holds in text]
    assert len(held) == 1, f"{fix.name}: {len(held)} files hold {fix.holds!r}"
    return held[0]


@pytest.mark.parametrize("name", FIXES)
def test_each_fix_applies_once_and_leaves_valid_javascript(name: str, tmp_path: Path) -> None:
    fix = FIXES[name]
    text = _holder(fix)
    assert fix.done not in text, f"{name}: the pinned release has it already: drop the fix"
    patched = fixes.patch_text(fix, text)
    assert patched.count(fix.done) == 1
    match = fix.anchor.search(text)
    assert patched == text[:match.start()] + fix.replace(match) + text[match.end():]
    assert fixes.patch_text(fix, patched) == patched  # a second build changes nothing
    node = shutil.which("node")
    if node is None:
        missing("node is not installed (apt-get install nodejs)")
    js = tmp_path / "bundle.js"
    js.write_text(patched, encoding="utf-8")
    checked = subprocess.run([node, "--check", str(js)], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stderr[-2000:]


def test_the_build_is_fixed_in_place_once(tmp_path: Path) -> None:
    for fix in fixes.FIXES:
        folder = tmp_path / fix.folder
        folder.mkdir(parents=True)
        for file, text in _files(fix).items():
            (folder / file).write_text(text, encoding="utf-8")
    before = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.js")}
    changed = fixes.apply(tmp_path)
    assert len(changed) == len(fixes.FIXES)
    after = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.js")}
    assert sorted(p for p in before if before[p] != after[p]) == sorted(changed)
    assert fixes.apply(tmp_path) == changed
    assert {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.js")} == after


@pytest.mark.parametrize("name", FIXES)
def test_a_release_it_was_not_written_for_stops_the_build(name: str, tmp_path: Path) -> None:
    fix = FIXES[name]
    with pytest.raises(SystemExit, match=rf"fix '{name}': expected one match of its anchor in "
                                         r"the file, found 0, check lite_fixes against"):
        fixes.patch_text(fix, fix.holds + " changed")
    with pytest.raises(SystemExit, match=rf"fix '{fixes.FIXES[0].name}': expected one file in "
                                         r"the build that holds .*, found 0"):
        fixes.apply(tmp_path)

"""tools/binder_ref.py: one command points every launch link at a workshop's tag, and back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, load_script
from ragft.web import links

TOOL = load_script(ROOT / "tools" / "binder_ref.py")
URL = re.compile(r"https://mybinder\.org/v2/gh/[^\s\"'<>()\[\]\\]*")


def _copy(target: Path) -> list[Path]:
    files = sorted({p for g in TOOL.GLOBS for p in ROOT.glob(g) if p.is_file()})
    for path in [*files, ROOT / TOOL.LINKS]:
        (target / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / path.relative_to(ROOT))
    return [target / p.relative_to(ROOT) for p in files]


def test_a_workshop_tag_rewrites_every_link_and_head_restores_them(tmp_path: Path) -> None:
    files = _copy(tmp_path)
    before = {p: p.read_bytes() for p in [*files, tmp_path / TOOL.LINKS]}
    urls = [u for p in files for u in URL.findall(p.read_text(encoding="utf-8"))]
    assert urls, "the guide's files carry launch links"
    changed = TOOL.set_ref(tmp_path, "workshop-2026-03")
    assert tmp_path / TOOL.LINKS in changed
    assert 'BINDER_REF = "workshop-2026-03"' in (tmp_path / TOOL.LINKS).read_text("utf-8")
    tag = f"https://mybinder.org/v2/gh/{links.REPOSITORY}/workshop-2026-03"
    after = [u for p in files for u in URL.findall(p.read_text(encoding="utf-8"))]
    assert len(after) == len(urls)
    assert all(u == tag or u.startswith((tag + "?", tag + "/")) for u in after), after[:5]
    TOOL.set_ref(tmp_path, links.BINDER_REF)
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.parametrize("ref", ["a b", "../x", "-x", ""])
def test_a_bad_ref_is_refused(capsys: pytest.CaptureFixture[str], ref: str) -> None:
    with pytest.raises(SystemExit) as stop:
        TOOL.main([ref])
    assert stop.value.code == 2
    assert "bad ref" in capsys.readouterr().err or ref.startswith("-")

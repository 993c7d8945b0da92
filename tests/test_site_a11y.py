"""axe-core's WCAG 2.1 A/AA rules find nothing on any page of the rendered site.

Every page Quarto made (the notebooks, the home page, the walk page, the facilitators' guide and
the standalone walker) is opened offline in Chromium, in the light and the dark theme (the site
follows the reader's colour scheme: ``respect-user-color-scheme``), on a desktop and a phone
screen, where stored outputs and tables scroll sideways and the sidebar becomes a breadcrumb
bar. The render is ``make site`` in a fresh clone (``rendered_site`` in conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import Offline, run_axe

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "site_libs" not in p.parts)


@pytest.mark.quarto
@pytest.mark.browser
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(
    rendered_site: Path, offline: Offline, serve: Any, axe_js: Path, scheme: str, screen: str
) -> None:
    base = serve(rendered_site)
    pages = site_pages(rendered_site)
    assert len(pages) >= 14, pages  # 13 rendered pages and the standalone walker
    found = {}
    for name in pages:
        page = offline.new_page()
        page.set_viewport_size(SCREENS[screen])
        page.emulate_media(color_scheme=scheme)
        page.goto(base + name, wait_until="load")
        assert page.evaluate("() => document.body.classList.contains('quarto-dark')") == (
            scheme == "dark") or "site-data/" in name, f"{name}: not in the {scheme} theme"
        violations = run_axe(page, axe_js)
        if violations:
            found[name] = [(v["id"], [n["html"][:100] for n in v["nodes"]]) for v in violations]
        page.close()
    assert found == {}

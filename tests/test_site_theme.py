"""The colours the site and the walker set reach WCAG 2.1 AA contrast (4.5:1 for text).

Quarto is not needed: the theme's colours are read from the SCSS layers named in
``_quarto.yml`` and the walker's from ``walker.css``, and their contrast is computed with WCAG's
relative-luminance formula. axe-core checks the walker pages in a browser
(tests/test_walker_browser.py); the rendered site is checked where Quarto exists.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from conftest import ROOT

AA = 4.5
HEX = re.compile(r"^\$([a-z0-9-]+):\s*(#[0-9a-fA-F]{6});", re.MULTILINE)
# Background variables of a theme; every other colour set beside them is text on them.
BACKGROUNDS = ("body-bg", "light", "code-bg", "code-block-bg")


def luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def theme_colours(mode: str) -> dict[str, str]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    colours: dict[str, str] = {}
    for layer in config["format"]["html"]["theme"][mode]:
        if layer.endswith(".scss"):
            text = (ROOT / layer).read_text(encoding="utf-8")
            defaults = text.split("/*-- scss:rules --*/")[0]
            colours.update({k: v.lower() for k, v in HEX.findall(defaults)})
    return colours


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_theme_text_colours_reach_aa_on_every_background(mode: str) -> None:
    colours = theme_colours(mode)
    backgrounds = {k: v for k, v in colours.items() if k in BACKGROUNDS}
    texts = {k: v for k, v in colours.items() if k not in BACKGROUNDS}
    assert "body-bg" in backgrounds
    for name in ("body-color", "body-secondary", "text-muted"):
        assert name in texts, f"the {mode} theme does not set ${name}"
    low = [f"${t} on ${b}: {contrast(fg, bg):.2f}:1"
           for t, fg in texts.items() for b, bg in backgrounds.items() if contrast(fg, bg) < AA]
    assert low == []


def test_light_and_dark_themes_differ() -> None:
    """The check can fail: the two modes really are set apart."""
    assert theme_colours("light")["body-bg"] != theme_colours("dark")["body-bg"]


PAIR = re.compile(r"--ragft-([a-z-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)")


def walker_palette() -> dict[str, tuple[str, str]]:
    css = (ROOT / "ragft" / "web" / "walker.css").read_text(encoding="utf-8")
    return {name: (light, dark) for name, light, dark in PAIR.findall(css)}


# text -> the backgrounds it is drawn on (in the walker, and on the diagram's boxes)
WALKER_TEXT = {
    "fg": ["bg", "soft", "node-fill", "current"],
    "muted": ["bg", "soft"],
    "accent": ["bg", "soft"],
    "on-accent": ["accent"],
    "notice-fg": ["notice-bg"],
}


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_walker_palette_reaches_aa(mode: str) -> None:
    palette = {k: v[0 if mode == "light" else 1] for k, v in walker_palette().items()}
    # On the site the walker shows the page's background instead of its own.
    page = theme_colours(mode)["body-bg"]
    low = []
    for text, grounds in WALKER_TEXT.items():
        for ground in grounds:
            ratio = contrast(palette[text], palette[ground])
            if ratio < AA:
                low.append(f"--ragft-{text} on --ragft-{ground}: {ratio:.2f}:1")
        if "bg" in grounds and contrast(palette[text], page) < AA:
            low.append(f"--ragft-{text} on the site's page: {contrast(palette[text], page):.2f}:1")
    assert low == []

"""The run sheet in facilitators.qmd: objectives and key points per session, a half-day agenda
with breaks and a slot per notebook, and the set-up, message, helpers, problems, feedback and
accessibility sections a workshop needs."""

from __future__ import annotations

import re

import pytest
from test_facilitators import section

from conftest import ROOT

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("0[0-7]_*.ipynb"))


def _rows(anchor: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("|")[1:-1]]
            for line in section(anchor).splitlines() if re.match(r"\| \d+ \|", line)]


def test_half_day_adds_up_with_two_breaks_and_a_slot_per_notebook() -> None:
    rows = _rows("half-day")
    assert sum(int(r[0]) for r in rows) == 180
    assert [r[1] for r in rows].count("Break.") == 2
    for notebook in NOTEBOOKS:
        slots = [r for r in rows if f"notebooks/{notebook}" in r[2]]
        assert slots, f"the half-day agenda has no slot for {notebook}"


@pytest.mark.parametrize("anchor", ["agenda-60", "agenda-90", "half-day"])
def test_each_session_states_objectives_and_key_points(anchor: str) -> None:
    text = section(anchor)
    assert "- **Objectives:**" in text
    assert "- **Key points:**" in text


@pytest.mark.parametrize(("anchor", "needles"), [
    ("setup-check", ["Binder", "IPython.core.display.SVG", "walker.html", "projector"]),
    ("pre-workshop", ["laptop", "mybinder.org", "printed"]),
    ("helpers", ["Room helper", "Technical helper", "Note-taker"]),
    ("problems", ["`make`", "tools/guide_setup.py", "IPython.core.display.SVG", "walker.html"]),
    ("feedback", ["unsure"]),
    ("accessibility", ["zoom", "text version", "phone", "colour"]),
])
def test_the_run_sheet_has_each_part(anchor: str, needles: list[str]) -> None:
    text = section(anchor)
    for needle in needles:
        assert needle in text, f"{anchor}: {needle!r}"


def test_binder_advice_allows_for_the_federation_and_a_pinned_ref() -> None:
    before = re.search(r"^## Before the session\n(.*?)^## ", (ROOT / "facilitators.qmd").read_text(
        encoding="utf-8"), re.S | re.M)
    assert before
    text = before.group(1)
    assert "federation" in text
    assert "tools/binder_ref.py" in text
    assert "BINDER_REF" in text

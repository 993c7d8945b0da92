"""The evidence chart as SVG, for where matplotlib is absent (the in-browser course).

The same two panels as :func:`ragft.guide.charts.evidence_chart`: the gains that stack, and
answer similarity before and after fine-tuning; the same words and colours.
"""

from __future__ import annotations

from collections.abc import Mapping

from IPython.display import SVG

from ..present.guide_words import WORDS
from ..present.html import esc

INK, MUTED = "#1F2328", "#8C8C8C"
_PANEL_W, _H, _BASE, _TOP = 380, 300, 250, 60  # each panel's width; the bars' bottom and top
# The whole chart as one template; a white ground, as the matplotlib PNG has.
_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-label="{label}" font-family="sans-serif" fill="{ink}">'
        '<rect width="100%" height="100%" fill="#fff"/>{body}</svg>')


def _bar(x: float, value: float, bottom: float, top: float, colour: str) -> str:
    scale = (_BASE - _TOP) / top
    y = _BASE - (bottom + value) * scale
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="90" height="{value * scale:.1f}" '
            f'fill="{colour}"/>')


def _text(x: float, y: float, text: str, size: int = 12, anchor: str = "middle") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">'
            f"{esc(text)}</text>")


def evidence_svg(title: str, figures: tuple[float, float, float, float],
                 colours: Mapping[str, str]) -> SVG:
    """Fine-tuning's gain and RAG on top (left); similarity before and after (right)."""
    ft, rag, before, tuned = figures
    tune, retrieve = colours.get("fine_tune", INK), colours.get("rag", INK)
    gain_top = (ft + rag) * 1.3
    parts = [_text(_PANEL_W, 20, title, 14),
             _text(_PANEL_W / 2, 46, WORDS["gains_stack"]),
             _text(_PANEL_W * 1.5, 46, WORDS["other_regions"])]
    for i, label in enumerate([WORDS["fine_tuning"], WORDS["fine_tuning_then_rag"]]):
        x = 70 + i * 150
        parts += [_bar(x, ft, 0, gain_top, tune), _text(x + 45, _BASE + 18, label)]
    parts.append(_bar(220, rag, ft, gain_top, retrieve))
    scale = (_BASE - _TOP) / gain_top
    parts += [_text(115, _BASE - ft * scale - 6, WORDS["over"].format(points=ft)),
              _text(265, _BASE - (ft + rag) * scale - 6,
                    WORDS["over_then"].format(points=ft, more=rag))]
    for i, (label, value, colour) in enumerate(
            [(WORDS["before_fine_tuning"], before, MUTED), (WORDS["fine_tuned"], tuned, tune)]):
        x = _PANEL_W + 70 + i * 150
        parts += [_bar(x, value, 0, 100, colour), _text(x + 45, _BASE + 18, label),
                  _text(x + 45, _BASE - value * (_BASE - _TOP) / 100 - 6, f"{value:g}%")]
    parts += [_text(20, _H - 10, WORDS["gain_axis"], 11, "start"),
              _text(_PANEL_W + 20, _H - 10, WORDS["similarity_axis"], 11, "start")]
    body = "".join(parts)
    svg = _SVG.format(w=2 * _PANEL_W, h=_H, label=esc(title), ink=INK, body=body)
    return SVG(data=svg)  # type: ignore[no-untyped-call]

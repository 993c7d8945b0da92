"""Where a folder's decision records ended, as text for a terminal and as an SVG chart.

Both show every exit of the tree in its order (zeros included, so an empty bar is a finding
too), then the totals per kind of exit; ``ragft tally`` prints the text and writes the SVG. The
SVG needs no kernel and no network: it opens in any browser and projects as it is.

Example:
    >>> from collections import Counter
    >>> from ragft.tree.loader import default_tree
    >>> text = tally_text(Counter({"rag_dynamic": 2}), default_tree())
    >>> text.splitlines()[0]
    'Where 2 decision records ended'
    >>> "rag_dynamic" in text and tally_svg(Counter(), default_tree()).startswith("<svg")
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..tree.model import Tree
from .html import esc

__all__ = ["tally_svg", "tally_text"]

WORDS: Final = {
    "by_exit": "By recommendation",
    "by_kind": "By kind of recommendation",
    "left_out": "Left out, not decision records of this tree:",
    "none": "No decision records in this folder yet.",
}
BAR: Final = "█"
INK = "#1F2328"
BAR_WIDTH = 30  # the longest bar, in characters
ROW, LABEL_W, CHART_W, PAD = 26, 420, 300, 16


def _title(total: int) -> str:
    from .guide_words import WORDS as GUIDE

    return GUIDE["records_ended_one" if total == 1 else "records_ended_many"].format(total=total)


def _kinds(counts: Mapping[str, int], tree: Tree) -> list[tuple[str, str, int]]:
    """``(kind id, label, count)`` for every kind an exit of the tree has, in tree order."""
    used = [k for k in tree.kinds if any(e.kind == k.id for e in tree.exits)]
    return [(k.id, k.label, sum(counts.get(e.id, 0) for e in tree.exits if e.kind == k.id))
            for k in used]


def _top(counts: Mapping[str, int], tree: Tree) -> int:
    """The longest bar's count: exits and kinds share one scale."""
    return max([*counts.values(), *(n for _, _, n in _kinds(counts, tree)), 1])


def tally_text(counts: Mapping[str, int], tree: Tree,
               skipped: list[tuple[str, str]] | None = None) -> str:
    """The tally as plain text: a bar of ``█`` per exit and per kind, then the files left out."""
    total = sum(counts.values())
    top = _top(counts, tree)
    ids = [e.id for e in tree.exits]
    width = max(len(i) for i in ids)

    def bar(n: int) -> str:
        return (BAR * round(n * BAR_WIDTH / top)).ljust(BAR_WIDTH)

    lines = [_title(total), ""]
    if not total:
        lines += [WORDS["none"], ""]
    lines.append(f"{WORDS['by_exit']}:")
    for e in tree.exits:
        n = counts.get(e.id, 0)
        lines.append(f"  {e.id.ljust(width)}  {bar(n)} {n:>3}  {e.title}")
    lines += ["", f"{WORDS['by_kind']}:"]
    kinds = _kinds(counts, tree)
    kind_width = max(len(label) for _, label, _ in kinds)
    for _, label, n in kinds:
        lines.append(f"  {label.ljust(kind_width)}  {bar(n)} {n:>3}")
    if skipped:
        lines += ["", WORDS["left_out"], *(f"  {name}: {why}" for name, why in skipped)]
    return "\n".join(lines) + "\n"


def tally_svg(counts: Mapping[str, int], tree: Tree,
              skipped: list[tuple[str, str]] | None = None) -> str:
    """The tally as a self-contained SVG: one bar per exit in its kind's colour, then one per
    kind; the files left out are named under the chart."""
    total = sum(counts.values())
    top = _top(counts, tree)
    colors = {k.id: k.color for k in tree.kinds}
    rows: list[str] = []
    y = PAD + 34

    def heading(text: str) -> None:
        nonlocal y
        rows.append(f'<text x="{PAD}" y="{y}" font-weight="bold">{esc(text)}</text>')
        y += ROW - 4

    def row(label: str, n: int, color: str) -> None:
        nonlocal y
        w = round(n * CHART_W / top)
        rows.append(
            f'<g><title>{esc(label)}: {n}</title>'
            f'<text x="{PAD + LABEL_W - 8}" y="{y + 15}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{PAD + LABEL_W}" y="{y + 3}" width="{w}" height="{ROW - 8}" '
            f'fill="{esc(color)}"/>'
            f'<text x="{PAD + LABEL_W + w + 6}" y="{y + 15}">{n}</text></g>')
        y += ROW

    heading(WORDS["by_exit"])
    for e in tree.exits:
        row(f"{e.title} ({e.id})", counts.get(e.id, 0), colors.get(e.kind, INK))
    y += 10
    heading(WORDS["by_kind"])
    for kind_id, label, n in _kinds(counts, tree):
        row(label, n, colors.get(kind_id, INK))
    if skipped:
        y += 10
        heading(WORDS["left_out"])
        for name, why in skipped:
            rows.append(f'<text x="{PAD}" y="{y + 12}" font-size="12">'
                        f'{esc(name)}: {esc(why)}</text>')
            y += ROW - 6
    width, height = PAD * 2 + LABEL_W + CHART_W + 40, y + PAD
    title = esc(_title(total))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="tally-title" '
            f'font-family="sans-serif" font-size="14" fill="{INK}">'
            f'<title id="tally-title">{title}</title>'
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
            f'<text x="{PAD}" y="{PAD + 14}" font-size="18" font-weight="bold">{title}</text>'
            + "".join(rows) + "</svg>\n")

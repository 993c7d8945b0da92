"""The notebooks' charts, drawn with matplotlib from the tree's figures.

In the in-browser course (Pyodide has no matplotlib on the registries the build uses) the same
function draws the same bars as a small SVG of its own (:mod:`ragft.guide._bars`).

Charts come back as PNG (:class:`IPython.display.Image`): nbval does not compare PNG bytes, and
its ``text/plain`` stand-in is the same on every run, unlike a figure's ``<Figure size ...>``
text. The figures are drawn without pyplot, so no global state and no inline backend is involved.

Example:
    >>> from ragft.guide.charts import evidence_chart
    >>> evidence_chart().data[:4]
    b'\\x89PNG'
"""

from __future__ import annotations

import importlib.util
import io
from typing import Any

from IPython.display import Image

from ..errors import UnknownIdError
from ..present.guide_words import WORDS
from ..tree.loader import default_tree
from ..tree.model import Tree
from . import _bars

__all__ = ["evidence_chart"]

INK = "#1F2328"
MUTED = "#8C8C8C"
DPI = 100
LEGEND_AT = 2  # matplotlib's code for the upper left corner


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure  # imported late: matplotlib is slow to load

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return fig


def _png(fig: Any) -> Image:
    buf = io.BytesIO()
    # No "Software" stamp, so the bytes do not change with the matplotlib version alone.
    fig.savefig(buf, format="png", metadata={"Software": None})
    return Image(data=buf.getvalue(), format="png")  # type: ignore[no-untyped-call]


def evidence_chart(tree: Tree | None = None, evidence_id: str = "agriculture") -> Any:
    """The agriculture study's figures, as the paper reports them.

    Left, accuracy: fine-tuning's gain, then RAG added on top of the fine-tuned model (the
    gains stack). Right, answer similarity before and after fine-tuning, in the experiment
    where the model drew on knowledge from other regions.

    Raises:
        UnknownIdError: the tree has no evidence ``evidence_id``.
    """
    tree = tree if tree is not None else default_tree()
    by_id = {e.id: e for e in tree.evidence}
    if evidence_id not in by_id:
        raise UnknownIdError(evidence_id, "evidence", by_id)
    item = by_id[evidence_id]
    fig_ = dict(item.figures)
    ft, rag = fig_["fine_tuning_gain_points"], fig_["rag_added_points"]
    before, tuned = fig_["similarity_before_percent"], fig_["similarity_fine_tuned_percent"]
    colors = {k.id: k.color for k in tree.kinds}
    src = tree.source(item.source)
    title = WORDS["one_domain"].format(author=src.author, year=src.year)
    if importlib.util.find_spec("matplotlib") is None:
        return _bars.evidence_svg(title, (ft, rag, before, tuned), colors)

    fig = _figure(8, 3.4)
    gains, sim = fig.subplots(1, 2)
    labels = [WORDS["fine_tuning"], WORDS["fine_tuning_then_rag"]]
    gains.bar(labels, [ft, ft], color=colors.get("fine_tune", INK), label=WORDS["fine_tuning"])
    gains.bar(labels[1:], [rag], bottom=[ft], color=colors.get("rag", INK),
              label=WORDS["rag_on_top"])
    gains.set_ylabel(WORDS["gain_axis"])
    gains.set_title(WORDS["gains_stack"], color=INK)
    # The paper reports "over 6" points for fine-tuning and about 5 more for RAG on top.
    gains.text(0, ft + 0.2, WORDS["over"].format(points=ft), ha="center", color=INK)
    gains.text(1, ft + rag + 0.2, WORDS["over_then"].format(points=ft, more=rag), ha="center",
               color=INK)
    gains.set_ylim(0, (ft + rag) * 1.3)
    gains.legend(loc=LEGEND_AT, fontsize=8, frameon=False)

    sim.bar([WORDS["before_fine_tuning"], WORDS["fine_tuned"]], [before, tuned],
            color=[MUTED, colors.get("fine_tune", INK)])
    sim.set_ylabel(WORDS["similarity_axis"])
    sim.set_title(WORDS["other_regions"], color=INK)
    sim.set_ylim(0, 100)
    for x, value in enumerate([before, tuned]):
        sim.text(x, value + 2, f"{value:g}%", ha="center", color=INK)
    fig.suptitle(title, fontsize=10, color=INK)
    return _png(fig)

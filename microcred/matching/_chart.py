"""The coverage heatmap of a match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import number, t
from ..settings import screen_language
from ._match import MatchResult

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def plot_heatmap(
    result: MatchResult, lang: str | None = None, max_needs: int = 30, max_outcomes: int = 25
) -> Figure:
    """A heatmap of the coverage matrix: needs down, outcomes across, darker = better match.
    Long lists show their first ``max_needs`` x ``max_outcomes`` cells and say so in the title."""
    from ..charts import new_figure, short_label

    lang = screen_language(ui=lang)
    needs = result.needs[:max_needs]
    outcomes = result.outcomes[:max_outcomes]
    rows = [[result.score(i, j) for j in range(len(outcomes))] for i in range(len(needs))]
    width = 2.8 + 0.42 * max(len(outcomes), 1)
    height = 1.4 + 0.32 * max(len(needs), 1)
    fig = new_figure(min(width, 14), min(height, 14))
    ax = fig.add_subplot()
    title = t("matching.chart.title", lang)
    if len(result.needs) > len(needs) or len(result.outcomes) > len(outcomes):
        title += " " + t("matching.chart.partial", lang, needs=len(needs),
                         all_needs=len(result.needs), outcomes=len(outcomes),
                         all_outcomes=len(result.outcomes))
    ax.set_title(title, fontsize=10)
    if not needs or not outcomes:
        ax.text(0.5, 0.5, t("matching.chart.empty", lang), ha="center", va="center")
        ax.set_axis_off()
        return fig
    image = ax.imshow(rows, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    # An id is the participant's text too: 20,000 characters made a figure no memory could draw.
    ax.set_xticks(range(len(outcomes)), [short_label(o.id, 12) for o in outcomes], rotation=60,
                  ha="right", fontsize=8)
    ax.set_yticks(range(len(needs)), [short_label(n.text, 42) for n in needs], fontsize=8)
    if len(needs) * len(outcomes) <= 400:
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value > 0:
                    colour = "white" if value >= 0.6 else "black"
                    ax.text(j, i, number(value, lang, ".2f").lstrip("0"), ha="center", va="center",
                            fontsize=7, color=colour)
    for i in range(len(needs)):  # a marker, not only colour, for needs nobody covers
        if result.status(i) == "uncovered":
            ax.text(len(outcomes) - 0.5, i, " ✗", va="center", ha="left", fontsize=8,
                    color="#9b1c1c")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.06)
    from matplotlib.ticker import FuncFormatter

    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, lang, ".1f")))
    bar.set_label(t("matching.chart.score", lang), fontsize=8)
    ax.set_xlabel(t("matching.chart.outcomes", lang), fontsize=9)
    fig.tight_layout()
    return fig

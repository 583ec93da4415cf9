"""Charts of the self-assessment (matplotlib ``Figure`` objects, never pyplot).

Each function returns a figure with one axes; ``microcred.charts.to_png`` / ``to_data_uri`` turn
it into an image for a widget or a self-contained report.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, cast

from ..charts import PALETTE, new_figure, short_label
from ..i18n import number, t
from ..settings import screen_language
from .analysis import CohortSummary, Comparison, profile
from .assessment import SelfAssessment
from .instrument import SCALE_MAX, SCALE_MIN, instrument, pick

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

# One colour per scale point, from "not in place" (orange) to "established" (dark blue):
# Okabe-Ito colours, told apart with colour-vision deficiencies; grey for "not answered".
LEVEL_COLOURS = ["#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#0072B2"]
UNANSWERED = "#BBBBBB"


def principle_labels(lang: str, width: int = 14) -> list[str]:
    """Labels such as "1 Quality", "2 Transparency", wrapped to ``width`` characters."""
    return [
        textwrap.fill(f"{p.number} {pick(p.name, lang)}", width)
        for p in instrument().principles
    ]


def plot_radar(
    assessment: SelfAssessment, lang: str | None = None, earlier: SelfAssessment | None = None
) -> Figure:
    """A radar (spider) chart of the mean score per principle; ``earlier`` is drawn dashed
    underneath for comparison. Unanswered principles sit at 0 and are named in the subtitle."""
    lang = screen_language(ui=lang)
    fig = new_figure(5.6, 5.6)
    ax = cast("PolarAxes", fig.add_subplot(projection="polar"))
    n = len(instrument().principles)
    angles = [2 * math.pi * i / n for i in range(n)]
    closed = [*angles, angles[0]]

    def draw(a: SelfAssessment, colour: str, style: str, label: str) -> None:
        values = [s.mean or 0.0 for s in profile(a).values()]
        ax.plot(closed, [*values, values[0]], style, color=colour, linewidth=2, label=label)
        ax.fill(closed, [*values, values[0]], color=colour, alpha=0.15)

    if earlier is not None:
        draw(earlier, PALETTE[1], "--", short_label(earlier.assessed_on or t("qa.chart.earlier", lang)))
    draw(assessment, PALETTE[0], "-", short_label(assessment.assessed_on or t("qa.chart.now", lang)))
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles)
    ax.set_xticklabels(principle_labels(lang), fontsize=8)
    ax.set_ylim(SCALE_MIN, SCALE_MAX)
    ax.set_yticks(range(SCALE_MIN + 1, SCALE_MAX + 1))
    ax.tick_params(axis="y", labelsize=7)
    prof = profile(assessment)
    missing = [str(p.number) for p in instrument().principles if prof[p.id].mean is None]
    title = t("qa.chart.radar-title", lang)
    if missing:
        title += "\n" + t("qa.chart.not-answered", lang, principles=", ".join(missing))
    ax.set_title(title, fontsize=10, pad=18)
    if earlier is not None:
        ax.legend(loc="lower right", bbox_to_anchor=(1.15, -0.12), fontsize=8, frameon=False)
    return fig


def plot_bars(assessment: SelfAssessment, lang: str = "en") -> Figure:
    """Horizontal bars of the mean score per principle, with how many criteria were answered."""
    fig = new_figure(6.4, 4.2)
    ax = fig.add_subplot()
    scores = list(profile(assessment).values())
    labels = principle_labels(lang, width=40)
    y = list(range(len(scores)))[::-1]
    means = [s.mean or 0.0 for s in scores]
    colours = [_colour(s.mean) for s in scores]
    ax.barh(y, means, color=colours, edgecolor="#333333", linewidth=0.5)
    for yi, s in zip(y, scores):
        text = number(s.mean, lang, ".1f") if s.mean is not None else "–"
        ax.text((s.mean or 0.0) + 0.05, yi, f"{text}  ({s.answered}/{s.total})",
                va="center", fontsize=8)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xlim(SCALE_MIN, SCALE_MAX + 0.8)
    ax.set_xticks(range(SCALE_MIN, SCALE_MAX + 1))
    ax.set_xlabel(t("qa.chart.mean-score", lang))
    ax.set_title(t("qa.chart.bars-title", lang), fontsize=10)
    fig.tight_layout()
    return fig


def plot_comparison(comparison: Comparison, lang: str = "en") -> Figure:
    """Paired bars per principle, earlier and later, with the change written beside them."""
    fig = new_figure(6.6, 4.8)
    ax = fig.add_subplot()
    changes = list(comparison.principles.values())
    y = [float(i) for i in range(len(changes))][::-1]
    h = 0.38
    before = [c.before or 0.0 for c in changes]
    after = [c.after or 0.0 for c in changes]
    ax.barh([v + h / 2 for v in y], before, height=h, color=PALETTE[1], hatch="//",
            label=short_label(comparison.earlier.assessed_on or t("qa.chart.earlier", lang)))
    ax.barh([v - h / 2 for v in y], after, height=h, color=PALETTE[0],
            label=short_label(comparison.later.assessed_on or t("qa.chart.now", lang)))
    for yi, c in zip(y, changes):
        if c.delta is not None:
            ax.text(SCALE_MAX + 0.05, yi, number(c.delta, lang, "+.1f"), va="center", fontsize=8)
    ax.set_yticks(y)
    ax.set_yticklabels(principle_labels(lang, width=40), fontsize=8)
    ax.set_xlim(SCALE_MIN, SCALE_MAX + 0.5)
    ax.set_xticks(range(SCALE_MIN, SCALE_MAX + 1))
    ax.set_xlabel(t("qa.chart.mean-score", lang))
    ax.set_title(t("qa.chart.comparison-title", lang), fontsize=10)
    fig.legend(loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def plot_cohort(summary: CohortSummary, lang: str = "en") -> Figure:
    """Stacked bars per criterion: how many in the group gave each score. Refuses (ValueError)
    a summary whose group is too small to show."""
    if summary.suppressed:
        raise ValueError("the group is smaller than the threshold: nothing may be shown")
    criteria = instrument().criteria
    fig = new_figure(7.0, 0.28 * len(criteria) + 1.6)
    ax = fig.add_subplot()
    y = list(range(len(criteria)))[::-1]
    left = [0] * len(criteria)
    inst = instrument()
    for value in range(SCALE_MIN, SCALE_MAX + 1):
        counts = [summary.distribution.get(c.id, (0,) * 5)[value - SCALE_MIN] for c in criteria]
        ax.barh(y, counts, left=left, color=LEVEL_COLOURS[value - SCALE_MIN],
                edgecolor="white", linewidth=0.5,
                label=f"{value} {pick(inst.level(value).label, lang)}")
        left = [a + b for a, b in zip(left, counts)]
    rest = [summary.unanswered.get(c.id, 0) if c.id in summary.distribution
            else summary.count for c in criteria]
    ax.barh(y, rest, left=left, color=UNANSWERED, edgecolor="white", linewidth=0.5,
            label=t("qa.chart.unanswered-or-hidden", lang))
    ax.set_yticks(y)
    ax.set_yticklabels([c.code for c in criteria], fontsize=8)
    ax.set_xlim(0, summary.count)
    ax.set_xlabel(t("qa.chart.assessments", lang))
    ax.set_title(t("qa.chart.cohort-title", lang, count=summary.count), fontsize=10)
    fig.legend(loc="lower center", ncol=3, fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def _colour(mean: float | None) -> str:
    if mean is None:
        return UNANSWERED
    return LEVEL_COLOURS[min(round(mean), SCALE_MAX) - SCALE_MIN]

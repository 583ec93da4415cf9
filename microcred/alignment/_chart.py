"""The alignment heatmap: which activities and tasks serve each outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import t
from ..lexicon import bloom_rank
from ..settings import screen_language
from ._model import Alignment, AlignmentReport, AssessmentTask, LearningActivity, check_alignment

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def plot_alignment(alignment: Alignment, lang: str | None = None,
                   report: AlignmentReport | None = None) -> Figure:
    """A heatmap of the matrix: outcomes as rows; learning activities (shaded by hours) and
    assessment tasks (labelled with their Bloom level, "!" when below the outcome's) as columns.
    An empty matrix gives a figure that says what to add."""
    from ..charts import new_figure, short_label

    lang = screen_language(ui=lang)
    report = report or check_alignment(alignment, lang)
    outcomes = alignment.outcomes
    groups: list[tuple[tuple[LearningActivity | AssessmentTask, ...], str, str]] = [
              (alignment.activities, "Blues", "alignment.chart.activities"),
              (alignment.assessments, "Oranges", "alignment.chart.assessments")]
    groups = [g for g in groups if g[0]]
    if not outcomes or not groups:
        fig = new_figure(6, 1.6)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, t("alignment.chart.empty", lang), ha="center", va="center",
                wrap=True, fontsize=10)
        return fig
    columns = sum(len(items) for items, _, _ in groups)
    fig = new_figure(min(2.5 + 0.7 * columns, 12), 1.3 + 0.45 * len(outcomes))
    grid = fig.add_gridspec(1, len(groups), width_ratios=[len(g[0]) for g in groups],
                            wspace=0.08)
    row_labels = []
    for o in outcomes:
        level = report.outcome_levels.get(o.id)
        mark = "" if report.assessed_by.get(o.id) else " ✗"
        row_labels.append(f"{short_label(o.id, 12)} · {t(f'alignment.level.{level}', lang) if level else '?'}"
                          f"{mark}")
    for g, (items, cmap, title) in enumerate(groups):
        ax = fig.add_subplot(grid[0, g])
        values, texts = _cells(items, outcomes, report, lang)
        top = max((v for row in values for v in row), default=1.0) or 1.0
        ax.imshow(values, cmap=cmap, vmin=0, vmax=top * 2.2, aspect="auto")
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                if text:
                    ax.text(c, r, text, ha="center", va="center", fontsize=8, color="#000000")
        ax.set_xticks(range(len(items)), [short_label(i.id, 12) for i in items], fontsize=8)
        ax.set_yticks(range(len(outcomes)), row_labels if g == 0 else [""] * len(outcomes),
                      fontsize=8)
        ax.tick_params(length=0)
        ax.set_title(t(title, lang), fontsize=9)
        ax.set_xticks([x - 0.5 for x in range(1, len(items))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(outcomes))], minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5)
        ax.tick_params(which="minor", length=0)
    fig.subplots_adjust(left=0.22, right=0.98, top=0.82, bottom=0.18)
    return fig


def _cells(items, outcomes, report: AlignmentReport, lang: str):
    """Cell values (for shading) and texts (hours, or the task's level) of one block."""
    values, texts = [], []
    for o in outcomes:
        row_v, row_t = [], []
        for item in items:
            if o.id not in item.outcomes:
                row_v.append(0.0)
                row_t.append("")
            elif isinstance(item, LearningActivity):
                share = (item.hours or 0) / max(len(item.outcomes), 1)
                row_v.append(share if item.hours else 1.0)
                row_t.append(f"{share:g} h" if item.hours else "✓")
            else:
                level = report.task_levels.get(item.id)
                wanted = report.outcome_levels.get(o.id)
                low = bool(level and wanted and bloom_rank(level) < bloom_rank(wanted))
                row_v.append(1.0)
                name = t(f"alignment.level.{level}", lang) if level else "?"
                row_t.append(f"{name} !" if low else name)
        values.append(row_v)
        texts.append(row_t)
    return values, texts

"""The pathway diagram: credentials in layers by prerequisite depth."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from ..i18n import t
from ..settings import screen_language
from ._model import Pathway, _fmt, _prereqs, check_pathway, learner_plan

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_ARROW = {"arrowstyle": "-|>", "color": "#333333", "lw": 1.1}
_CYCLE_ARROW = {"arrowstyle": "-|>", "color": "#9b1c1c", "lw": 1.2, "linestyle": "--"}


def plot_pathway(pathway: Pathway, lang: str | None = None,
                 completed: list[str] | tuple[str, ...] | None = None) -> Figure:
    """The credentials in layers by prerequisite depth (left to right), arrows from each
    prerequisite, the target on the right. Completed credentials are green and ticked,
    those the learner can take now are marked "next"; cycle arrows are red and dashed."""
    from matplotlib.patches import FancyBboxPatch

    from ..charts import PALETTE, new_figure

    lang = screen_language(ui=lang)
    report = check_pathway(pathway, lang)
    known = pathway.by_id()
    plan = learner_plan(pathway, completed)
    if not known:
        fig = new_figure(6, 1.4)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, t("pathways.chart.empty", lang), ha="center", va="center")
        return fig
    layers: dict[int, list[str]] = {}
    for cid in report.order:
        layers.setdefault(report.depth.get(cid, 0), []).append(cid)
    ncols = max(layers) + 1
    nrows = max(len(v) for v in layers.values())
    fig = new_figure(min(2.4 * ncols + 0.6, 14), min(1.15 * nrows + 1.2, 10))
    ax = fig.add_subplot()
    ax.axis("off")
    pos: dict[str, tuple[float, float]] = {}
    for col, ids in layers.items():
        for row, cid in enumerate(ids):
            pos[cid] = (col * 1.5, (len(ids) - 1) / 2 - row)
    w, h = 1.1, 0.78
    in_cycle = {c for cycle in report.cycles for c in cycle}
    cycle_edges = {(cycle[i + 1], cycle[i]) for cycle in report.cycles
                   for i in range(len(cycle) - 1)}
    for cid, (x, y) in pos.items():
        cred = known[cid]
        if cid in plan.completed:
            face, status = "#d7f0dd", "✓ " + t("pathways.chart.done", lang)
        elif cid in plan.available_now and cid not in in_cycle:
            face, status = "#dcebf7", "→ " + t("pathways.chart.next", lang)
        else:
            face, status = "#ffffff", ""
        edge = "#9b1c1c" if cid in in_cycle else PALETTE[0]
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                    boxstyle="round,pad=0.02,rounding_size=0.08",
                                    facecolor=face, edgecolor=edge,
                                    linewidth=2.6 if cid == pathway.this else 1.2))
        title = textwrap.shorten(cred.title, 44, placeholder="…") if cred.title else ""
        lines = [f"{cid} · {_fmt(cred.credits)} {t('pathways.chart.credits', lang)}"]
        lines += textwrap.wrap(title, 22)[:2]
        if cid == pathway.this:
            lines.append("◆ " + t("pathways.chart.this", lang))
        if status:
            lines.append(status)
        ax.text(x, y, "\n".join(lines), ha="center", va="center", fontsize=7.5)
    for cid, (x, y) in pos.items():
        for pre in _prereqs(known, cid):
            px, py = pos[pre]
            if pre == cid:  # a credential that requires itself: a small loop under it
                ax.annotate("", xy=(x - w / 4, y - h / 2), xytext=(x + w / 4, y - h / 2),
                            arrowprops={**_CYCLE_ARROW, "connectionstyle": "arc3,rad=-1.2"})
                continue
            if (pre, cid) in cycle_edges and px >= x:  # the edge that closes a cycle: loop back
                ax.annotate("", xy=(x, y - h / 2), xytext=(px, py - h / 2),
                            arrowprops={**_CYCLE_ARROW, "connectionstyle": "arc3,rad=-0.4"})
                continue
            style = _CYCLE_ARROW if (pre, cid) in cycle_edges else _ARROW
            ax.annotate("", xy=(x - w / 2, y), xytext=(px + w / 2, py), arrowprops=style)
    right = (ncols - 1) * 1.5
    if pathway.target:  # the larger whole: a frame around the credentials that stack into it
        ax.add_patch(FancyBboxPatch((-w / 2 - 0.15, -nrows / 2 - 0.05), right + w + 0.3,
                                    nrows + 0.35, boxstyle="round,pad=0.02,rounding_size=0.12",
                                    facecolor="#fff7e3", edgecolor=PALETTE[4], linewidth=1.4,
                                    zorder=0))
        goal = t("pathways.chart.target-label", lang,
                 title=textwrap.shorten(pathway.target.title or "", 70, placeholder="…"),
                 credits=_fmt(plan.target_credits))
        required = pathway.target.required
        if required:
            goal += "  ·  " + t("pathways.chart.required", lang, ids=", ".join(required))
        ax.text(right / 2, nrows / 2 + 0.12, goal, ha="center", va="center", fontsize=8,
                fontweight="bold")
    ax.set_xlim(-0.8, right + 0.8)
    ax.set_ylim(-(nrows / 2) - (0.5 if report.cycles else 0.15), nrows / 2 + 0.35)
    summary = t("pathways.chart.title", lang, total=_fmt(report.total_credits),
                needed=_fmt(plan.needed_credits))
    ax.set_title(summary, fontsize=9)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.9, bottom=0.02)
    return fig

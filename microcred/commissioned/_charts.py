"""The charts of commissioned education: the price calculation and the self-check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import t
from ._pricing import Pricing
from ._self_check import SelfCheckResult

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def plot_pricing(pricing: Pricing, lang: str = "en") -> Figure:
    """Left: what the cost is made of. Right: cost and income by group size, with break-even."""
    from ..charts import PALETTE, new_figure, short_label

    m = pricing.model
    fig = new_figure(9, 3.4)
    left, right = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    labels = [short_label(name) for name in pricing.staff_costs] + [
        t("commissioned.chart.fixed", lang),
        t("commissioned.chart.per-participant", lang),
        t("commissioned.chart.overheads", lang),
        t("commissioned.chart.margin", lang),
    ]
    values = list(pricing.staff_costs.values()) + [
        m.fixed_costs,
        m.per_participant_costs * max(m.participants, 0),
        pricing.overheads,
        pricing.contract_price - pricing.total_cost,
    ]
    colours = [PALETTE[0]] * len(pricing.staff_costs) + [PALETTE[4], PALETTE[5], PALETTE[1],
                                                         PALETTE[2]]
    left.barh(labels[::-1], values[::-1], color=colours[::-1])
    left.set_xlabel(short_label(m.currency))
    left.set_title(t("commissioned.chart.breakdown", lang), fontsize=10)
    left.tick_params(axis="y", labelsize=8)

    top = max(m.participants, pricing.break_even or 0, 5)
    xs = list(range(int(top * 1.5) + 2))
    right.plot(xs, [pricing.cost_at(x) for x in xs], color=PALETTE[1], linestyle="-",
               label=t("commissioned.chart.cost", lang))
    if pricing.price_per_participant:
        right.plot(xs, [pricing.revenue(x) for x in xs], color=PALETTE[0], linestyle="--",
                   label=t("commissioned.chart.income", lang))
    if pricing.break_even is not None:
        right.axvline(pricing.break_even, color=PALETTE[6], linestyle=":", linewidth=1)
        right.annotate(t("commissioned.chart.break-even", lang, n=pricing.break_even),
                       (pricing.break_even, pricing.cost_at(pricing.break_even)),
                       textcoords="offset points", xytext=(6, -14), fontsize=8)
    if m.participants > 0:
        right.axvline(m.participants, color=PALETTE[2], linestyle="-.", linewidth=1,
                      label=t("commissioned.chart.planned", lang, n=m.participants))
    right.set_xlabel(t("commissioned.chart.participants", lang))
    right.set_ylabel(short_label(m.currency))
    right.set_title(t("commissioned.chart.by-size", lang), fontsize=10)
    right.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig


def plot_self_check(result: SelfCheckResult, lang: str = "en") -> Figure:
    """One bar per part of the model: share of the maximum, with the value written on it."""
    from ..charts import PALETTE, new_figure

    fig = new_figure(6.5, 2.4)
    ax = fig.add_subplot()
    titles = [p.title for p in result.parts][::-1]
    values = [(p.score or 0.0) * 100 for p in result.parts][::-1]
    ax.barh(titles, values, color=PALETTE[0])
    for y, p in enumerate(result.parts[::-1]):
        text = "–" if p.score is None else f"{p.score * 100:.0f} %"
        ax.text(min((p.score or 0) * 100 + 2, 92), y, text, va="center", fontsize=9)
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("commissioned.chart.share", lang))
    ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    return fig



"""The Bloom profile of a set of outcomes and its bar chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..i18n import t
from ..lexicon import LEVELS
from ..settings import screen_language
from ._model import OutcomeAnalysis

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def bloom_profile(results: Iterable[OutcomeAnalysis]) -> dict[str, int]:
    """How many outcomes sit at each Bloom level (outcomes without a level are left out)."""
    counts = Counter(r.bloom_level for r in results if r.bloom_level)
    return {level: counts.get(level, 0) for level in LEVELS}


def plot_bloom(results: Iterable[OutcomeAnalysis], lang: str | None = None) -> Figure:
    """A bar chart of the Bloom levels of a set of outcomes."""
    from matplotlib.ticker import MaxNLocator

    from ..charts import PALETTE, new_figure

    lang = screen_language(ui=lang)
    profile = bloom_profile(results)
    fig = new_figure(6, 2.8)
    ax = fig.add_subplot()
    labels = [t(f"outcomes.level.{level}", lang) for level in LEVELS]
    counts = list(profile.values())
    ax.bar(labels, counts, color=PALETTE[: len(LEVELS)])
    ax.set_ylabel(t("outcomes.chart.count", lang))
    ax.set_title(t("outcomes.chart.title", lang))
    # Counts: from 0, whole numbers, and a scale up to 1 at least when there is no outcome yet.
    ax.set_ylim(0, max(1, max(counts, default=0)) * 1.1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    # Level names are long in every language ("rememberunderstand" ran together): tilt them.
    ax.tick_params(axis="x", labelsize=9)
    for label in ax.get_xticklabels():
        label.set(rotation=25, ha="right", rotation_mode="anchor")
    fig.tight_layout()
    return fig

"""Small helpers every chart in the kit shares: a pyplot-free figure, a palette, PNG output.

Figures are built with ``matplotlib.figure.Figure`` directly (no pyplot), so charts work the same
in a notebook, a headless test or a report, and no global figure state leaks between them.
"""

from __future__ import annotations

import base64
import io
import unicodedata
from typing import TYPE_CHECKING

from .i18n import t
from .settings import screen_language

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe-Ito colours: distinguishable with colour-vision deficiencies, dark enough on white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]


LABEL_CHARS = 40  # the most of a participant's text that a chart shows in one label

# The text alternative of each tool's chart (the widgets show the same under their charts).
ALT_TEXTS = {"outcomes": "outcomes.coach.chart-alt", "matching": "matching.widget.chart-alt",
             "workload": "workload.chart.alt", "alignment": "alignment.chart.alt",
             "pathway": "pathways.chart.alt"}


def short_label(text: object, width: int = LABEL_CHARS) -> str:
    """Free text made safe for a chart label: one line, at most ``width`` characters, no control
    characters (no font draws them: matplotlib warns and shows a box), and ``$`` escaped
    (matplotlib would read text between two ``$`` as a formula). A megabyte of text in a legend
    would otherwise take gigabytes to draw."""
    words = " ".join(str(text)[: width * 4].split())  # line breaks and tabs become spaces
    one_line = "".join(c for c in words if unicodedata.category(c) != "Cc")
    if len(one_line) > width:
        one_line = one_line[: width - 1] + "…"
    return one_line.replace("$", r"\$")


def new_figure(width: float = 6.0, height: float = 3.5) -> Figure:
    """An empty figure of the given size in inches. matplotlib is imported here, at the first
    chart, not with the modules that can draw one (a quarter of a second of CPU that a design
    check, a CLI command or a grading kernel drawing nothing spent at start)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout=None)


def to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (for an ipywidgets Image or a file)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return buf.getvalue()


def to_data_uri(fig: Figure, dpi: int = 100) -> str:
    """The figure as a ``data:`` URI, for self-contained HTML reports."""
    return "data:image/png;base64," + base64.b64encode(to_png(fig, dpi)).decode("ascii")


def alt_text(chart: str, lang: str | None = None) -> str:
    """What the chart of a tool (a key of ``ALT_TEXTS``) shows, in words for screen readers, in
    ``lang`` (None: the screen language)."""
    return t(ALT_TEXTS[chart], screen_language(ui=lang))

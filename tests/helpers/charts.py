"""Checks for a widget's chart: an <img> with its alt text in an ipywidgets.HTML
(`microcred.widgets._html.chart_img`), never an ipywidgets.Image without a text alternative."""

from __future__ import annotations

import html
import re

import ipywidgets as w

_IMG = re.compile(r'^<img src="(data:image/png;base64,[^"]+)" alt="([^"]*)"')


def chart_parts(chart: w.Widget) -> tuple[str, str]:
    """(data URI, alt text) of a chart widget; fails unless it is an <img> with alt text."""
    assert isinstance(chart, w.HTML), f"a chart is a w.HTML with an <img>, not {type(chart)}"
    m = _IMG.match(chart.value)
    assert m, f"not a chart_img: {chart.value[:120]!r}"
    src, alt = m.group(1), html.unescape(m.group(2))
    assert alt.strip(), "the chart has no alt text"
    return src, alt

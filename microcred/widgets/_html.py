"""Small HTML pieces shared by the widgets: escaped text, finding lists, badges.

Colours meet WCAG AA contrast on white; meaning never rests on colour alone (words say it too).
"""

from __future__ import annotations

import base64
from html import escape

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionWidget

from ..findings import Finding
from ..i18n import t

COLOURS = {"error": "#9b1c1c", "warning": "#7a4a00", "ok": "#1b5e20"}


def _no_null_tooltip(widget: w.Widget, previous=w.Widget._widget_construction_callback) -> None:
    """An empty tooltip for a labelled control made without one: ipywidgets 8 copies the
    tooltip into its description label's title, so a missing one (None) showed "null" on hover
    over every label (DescriptionView.updateTooltip; ipywidgets PR #3921 is open). Runs as each
    widget is made, before its state reaches the page (every tool imports this module)."""
    if isinstance(widget, DescriptionWidget) and widget.tooltip is None:
        widget.tooltip = ""
    if callable(previous):
        previous(widget)


w.Widget.on_widget_constructed(_no_null_tooltip)

# The style of a control whose visible name is shown elsewhere (a label above it, a column
# heading): its `description` still names it for screen readers (ipywidgets links it to the
# control as a <label>), but the label takes no room beside the control.
NAME_SHOWN_ELSEWHERE = {"description_width": "0px"}


def findings_list(findings: list[Finding] | tuple[Finding, ...], lang: str) -> str:
    """An HTML list of findings with severity words, messages and suggestions."""
    if not findings:
        return f'<p style="color:{COLOURS["ok"]};margin:2px 0">✓ {escape(t("common.ok", lang))}</p>'
    items = []
    for f in findings:
        colour = COLOURS.get(f.severity, "#000")
        label = escape(t(f"common.{f.severity}", lang))
        advice = f"<br><span>→ {escape(f.suggestion)}</span>" if f.suggestion else ""
        items.append(
            f'<li class="mc-{f.severity}" data-code="{escape(f.code)}">'
            f'<strong style="color:{colour}">{label}:</strong> {escape(f.message)}{advice}</li>'
        )
    return '<ul style="margin:2px 0 2px 1em;padding-left:1em">' + "".join(items) + "</ul>"


def badge(text: str, colour: str = "#0b4f8a") -> str:
    """A small label with white text (contrast above 7:1 for the default colour)."""
    return (
        f'<span style="background:{colour};color:#fff;border-radius:3px;padding:0 5px;'
        f'font-size:90%">{escape(text)}</span>'
    )


def chart_img(data_uri: str, alt: str, max_width: str = "100%") -> str:
    """A chart as an <img> with its text alternative, for an ipywidgets.HTML.

    ipywidgets.Image cannot carry alt text (and its `tooltip` breaks the view in ipywidgets 8.1),
    so an Image chart is a nameless picture to screen readers (axe-core: image-alt, critical).
    """
    return (
        f'<img src="{escape(data_uri)}" alt="{escape(alt)}" '
        f'style="max-width:min(100%, {escape(max_width)});height:auto">'
    )


def download_link(text: str, filename: str, label: str, mime: str = "text/plain") -> str:
    """A link that downloads ``text`` as ``filename`` from the browser: no file is written in
    the participant's folder and no command is needed."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (f'<a class="mc-download" download="{escape(filename)}" '
            f'href="data:{escape(mime)};charset=utf-8;base64,{data}">⬇ {escape(label)}</a>')

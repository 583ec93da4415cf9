"""No label of ours shows "null" on hover: ipywidgets 8 puts a control's tooltip into its
description label's title, and a control made without one had None there (title="null")."""

from __future__ import annotations

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionWidget

from microcred import widgets as W


def _described(widget: w.Widget) -> list[DescriptionWidget]:
    found, todo = [], [widget]
    while todo:
        item = todo.pop()
        if isinstance(item, DescriptionWidget):
            found.append(item)
        todo.extend(getattr(item, "children", ()) or ())
    return found


def test_a_labelled_control_without_a_tooltip_sends_an_empty_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    calculator = W.workload_calculator(ui="fi")
    controls = _described(calculator)
    assert len(controls) > 5
    assert [c.description for c in controls if c.get_state()["tooltip"] is None] == []
    assert w.Text(description="Nimi").get_state()["tooltip"] == ""
    kept = w.Button(description="Palauta", tooltip="Palauta tehtävä")
    assert kept.tooltip == "Palauta tehtävä"  # a tooltip given is kept

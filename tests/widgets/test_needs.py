"""The needs canvas and matcher widgets, driven headless by value changes."""

from __future__ import annotations

from microcred.needs import read_yaml, sample_canvas
from microcred.widgets import needs_canvas, needs_matcher
from tests.helpers.charts import chart_parts


def test_canvas_feedback_and_progress_follow_typing():
    widget = needs_canvas()
    assert widget.progress.value == 0 and "no-organisation" in widget.feedback.value
    widget.organisation.value = "Northbay"
    widget.needs.value = "Data protection | high | now | audit\nMentoring | low"
    assert "no-organisation" not in widget.feedback.value
    assert widget.progress.value > 0
    assert [n.priority for n in widget.canvas.needs] == ["high", "low"]


def test_sample_canvas_round_trips_through_the_fields(tmp_path):
    widget = needs_canvas(sample=True, path=str(tmp_path / "mine.yaml"))
    assert widget.canvas == sample_canvas()
    saved = widget.save()
    assert read_yaml(saved.read_text(encoding="utf-8")) == sample_canvas()
    assert "mine.yaml" in widget.status.value


def test_guide_button_renders_the_guide():
    widget = needs_canvas(sample=True, ui="fi")
    text = widget.show_guide()
    assert "Haastattelukysymykset" in text and len(widget.guide.outputs) == 1


def test_guide_gaps_are_plain_list_items_not_nameless_check_boxes():
    text = needs_canvas().show_guide()  # an empty canvas: every gap is a question
    assert "- What budget is there" in text and "[ ]" not in text


def test_typed_html_is_escaped():
    widget = needs_canvas()
    widget.organisation.value = "<img src=x onerror=alert(1)>"
    assert "<img" not in widget.yaml.value


def test_matcher_table_chart_and_threshold():
    widget = needs_matcher("Data protection in client records\nBudgeting",
                           "Data protection:\nThe participant can apply data protection rules "
                           "when recording client information.")
    assert widget.result.coverage == 0.5
    assert "not covered" in widget.table.value
    chart, alt = chart_parts(widget.chart)
    assert alt.startswith("Heatmap: one row per need")
    assert widget.result.outcomes[0].group == "Data protection"
    widget.threshold.value = 1.0
    widget.needs.value = "<b>x</b>"
    assert "<b>x</b>" not in widget.table.value
    assert chart_parts(widget.chart)[0] != chart  # redrawn

"""The needs canvas and matcher widgets, driven headless by value changes."""

from __future__ import annotations

from dataclasses import replace

from microcred import design
from microcred.i18n import t
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


def test_the_example_canvas_opens_in_the_screen_language():
    """A Finnish or Swedish screen opens the course's example in its own language: the same
    organisation, needs and figures, its texts translated, and it passes the checks as the
    English one does; the need lines name priority and urgency in the screen language and are
    read back as the same codes."""
    english = sample_canvas()
    for ui in ("fi", "sv"):
        canvas = sample_canvas(ui)
        assert canvas.language == ui and canvas.organisation != english.organisation
        assert [(n.id, n.priority, n.urgency) for n in canvas.needs] == [
            (n.id, n.priority, n.urgency) for n in english.needs]
        widget = needs_canvas(ui=ui, sample=True)
        assert widget.canvas == canvas  # read back from the fields
        first = widget.needs.value.splitlines()[0].split(" | ")
        assert first[1:3] == [t("needs.priority.high", ui), t("needs.urgency.now", ui)]
        assert "data-code" not in widget.feedback.value and widget.progress.value == 1.0


def test_sample_canvas_round_trips_through_the_fields_into_the_design_file(tmp_path):
    mine = tmp_path / "mine.yaml"
    widget = needs_canvas(sample=True, design_file=str(mine))
    assert widget.canvas == sample_canvas()
    assert not widget.design_bar.save()  # the example is not the participant's work
    assert "example" in widget.design_bar.status.value and not mine.exists()
    widget.sector.value = "home care"
    assert widget.design_bar.save() and "mine.yaml" in widget.design_bar.status.value
    assert read_yaml(mine.read_text(encoding="utf-8")) == replace(sample_canvas(),
                                                                  sector="home care")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]  # no file of its own


def test_an_urgency_in_own_words_is_shown_as_read_never_silently(tmp_path):
    """Regression (issue 14): "6 kk" and "puolen vuoden sisällä" were stored as "now" without
    a word. The canvas shows how each need was read, in the participant's language."""
    widget = needs_canvas(ui="fi", design_file=str(tmp_path / "mine.yaml"))
    widget.needs.value = ("Lääkehoito | korkea | 6 kk | haastattelut\n"
                          "Tietosuoja | puolen vuoden sisällä\nKirjaaminen | pian")
    assert [n.urgency for n in widget.canvas.needs] == ["now", "now", "year"]
    shown = widget.read_as.value
    assert shown.count("heti (puolen vuoden sisällä)") == 2 and "vuoden sisällä" in shown
    assert "korkea" in shown and "ei prioriteettia" in shown


def test_a_budget_that_is_not_a_number_is_an_input_error_and_is_not_saved(tmp_path):
    mine = tmp_path / "mine.yaml"
    widget = needs_canvas(design_file=str(mine))
    widget.organisation.value = "Northbay"
    widget.budget.value = "a few thousand"
    assert "not a number" in widget.feedback.value
    assert not widget.design_bar.save() and not mine.exists()
    widget.budget.value = "10 000"
    assert widget.design_bar.save()
    assert design.read_section(mine, "needs")["constraints"]["budget"] == 10000


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

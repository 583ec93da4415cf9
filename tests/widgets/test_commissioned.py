"""The price calculator and the self-check widgets, driven headless."""

from __future__ import annotations

from microcred.widgets import development_self_check, price_calculator
from tests.helpers.charts import chart_parts


def test_calculator_updates_and_reports_odd_input():
    widget = price_calculator()
    assert widget.result.break_even == 19 and "Break-even" in widget.table.value
    chart, alt = chart_parts(widget.chart)
    assert alt.startswith("Left: bars for each cost component.")
    widget.participants.value = 0
    assert "no-participants" in widget.feedback.value and "not available" in widget.table.value
    widget.roles.value = "teacher; 10; -80\nnot a role"
    assert "negative-rate" in widget.feedback.value and "unreadable-role" in widget.feedback.value
    assert chart_parts(widget.chart)[0] != chart  # redrawn


def test_price_given_by_hand_changes_break_even():
    widget = price_calculator()
    widget.price_per_participant.value = "2000"
    assert widget.result.break_even < 19
    widget.price_per_participant.value = "abc"  # ignored, price computed again
    assert widget.result.break_even == 19


def test_self_check_widget_scores_and_suggests():
    widget = development_self_check({"O1": 3}, ui="sv")
    assert "Totalt: 100 %" in widget.summary.value
    chart, alt = chart_parts(widget.chart)
    assert alt.startswith("Stapeldiagram") and "100 %" in alt and "–" in alt
    assert widget.answers["D1"].description.startswith("Ditt svar på D1 ")  # a name
    widget.answers["D1"].value = 0
    assert "D1" in widget.summary.value and widget.result.weakest.id == "dialogue"
    new_chart, new_alt = chart_parts(widget.chart)  # redrawn, and the alt text says the new score
    assert new_chart != chart and new_alt != alt and "0 %" in new_alt


def test_calculator_checks_the_channel_a_participant_chooses():
    """Choosing Swedish commissioned education and an individual payer shows the rule."""
    widget = price_calculator()
    assert "buyer-not-allowed" not in widget.feedback.value
    widget.channel.value = "se-commissioned"
    widget.buyer.value = "individual"
    assert "buyer-not-allowed" in widget.feedback.value and "2002:760" in widget.feedback.value
    widget.channel.value = "fi-open"
    widget.buyer.value = "organisation"
    widget.credits.value = 5
    widget.price_per_participant.value = "300"
    assert "fee-above-cap" in widget.feedback.value and "225 EUR" in widget.feedback.value


def test_a_loaded_section_shows_and_gives_back_the_same_numbers():
    """A price of 1.5 million shows as 1500000 (it showed as "1.5e+06" and read back as 1.5)."""
    widget = price_calculator(design_file=None)
    section = {"roles": [{"role": "opettaja", "hours": 12.5, "rate": 85}], "overhead_pct": 40,
               "fixed_costs": 600, "per_participant_costs": 40, "participants": 20,
               "margin_pct": 10, "price_per_participant": 1_500_000, "currency": "EUR",
               "title": "Kurssi", "channel": "fi-open", "buyer": "organisation", "credits": 5}
    widget.set_model(section)
    assert widget.price_per_participant.value == "1500000" and widget.input_error == ""
    assert widget.model.to_dict() == {**section, "roles": [{"role": "opettaja", "hours": 12.5,
                                                           "rate": 85}]}
    widget.price_per_participant.value = "<i>paljon</i>"
    assert widget.input_error and "&lt;i&gt;paljon&lt;/i&gt;" in widget.feedback.value


def test_a_figure_too_large_blocks_saving(tmp_path):
    widget = price_calculator(design_file=str(tmp_path / "mine.yaml"))
    widget.fixed_costs.value = 5e12
    assert "Fixed costs: 5,000,000,000,000 is more than" in widget.feedback.value
    assert not widget.design_bar.save() and not (tmp_path / "mine.yaml").exists()
    widget.fixed_costs.value = 700
    assert widget.input_error == "" and widget.design_bar.save()

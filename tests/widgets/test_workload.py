"""The workload calculator widget, driven headless by value changes as a participant would."""

from __future__ import annotations

from microcred.widgets import workload_calculator
from microcred.workload import Activity, Workload
from tests.helpers.charts import chart_parts


def test_example_opens_without_problems_and_with_a_chart():
    """The default example is sound: 81 h = 3 op over 8 weeks."""
    calc = workload_calculator()
    assert "Total 81 h = 3.0 credits" in calc.summary.value
    assert "No problems found" in calc.feedback.value
    _src, alt = chart_parts(calc.chart)
    assert alt.startswith("Bar chart: the hours of the activities stacked by kind")
    # Every control of the table is named (the column headings are not linked to them).
    row = calc.rows[0]
    assert (row.name.description, row.kind.description, row.hours.description) == (
        "Activity", "Kind", "Hours")


def test_the_example_opens_in_the_screen_language():
    """A Finnish or Swedish screen opens with the example's activities named in its language,
    with the figures the English one has: 3,0 op as Finnish writes it."""
    english = [row.name.value for row in workload_calculator(ui="en").rows]
    for ui, first, summary in (("fi", "Webinaarit", "81 h = 3,0 op"),
                               ("sv", "Webbinarier", "81 h = 3,0 sp")):
        calc = workload_calculator(ui=ui)
        names = [row.name.value for row in calc.rows]
        assert names[0] == first and not set(names) & set(english)
        assert summary in calc.summary.value


def test_typing_hours_updates_totals_findings_and_chart():
    """More hours than the claimed credits allow: the mismatch appears at once."""
    calc = workload_calculator()
    first, _alt = chart_parts(calc.chart)
    calc.rows[1].hours.value = 140
    assert "Total 181 h" in calc.summary.value
    assert 'data-code="credits-mismatch"' in calc.feedback.value
    assert chart_parts(calc.chart)[0] != first  # redrawn


def test_convention_selector_changes_the_credits_and_units():
    """Sweden: 81 h is about 3 hp at 40 h per 1.5 hp."""
    calc = workload_calculator()
    calc.convention.value = "se"
    assert "3.0 hp under Sweden" in calc.summary.value


def test_add_and_remove_activities():
    """A new row starts empty (zero hours warned); removing it clears the warning."""
    calc = workload_calculator()
    calc.add.click()
    assert len(calc.rows) == 5 and 'data-code="zero-hours"' in calc.feedback.value
    calc.rows[-1].remove.click()
    assert len(calc.rows) == 4 and "zero-hours" not in calc.feedback.value


def test_negative_hours_and_too_few_weeks_are_reported():
    """A typo and an impossible schedule, both explained."""
    calc = workload_calculator()
    calc.rows[0].hours.value = -10
    calc.weeks.value = 1
    assert 'data-code="negative-hours"' in calc.feedback.value
    assert 'data-code="over-full-time"' in calc.feedback.value


def test_zero_credits_and_weeks_mean_not_stated():
    """Leaving credits at 0 shows what the hours give, with no mismatch."""
    calc = workload_calculator()
    calc.credits.value = 0
    calc.weeks.value = 0
    assert calc.workload.credits is None and calc.workload.weeks is None
    assert "No problems found" in calc.feedback.value


def test_unknown_kind_and_convention_from_a_file_stay_visible():
    """Odd values read from a design file are shown and reported, not silently replaced."""
    calc = workload_calculator({"workload": {"convention": "us", "activities": [
        {"name": "Lab", "kind": "laboratory", "hours": 5}]}}, ui="fi")
    assert calc.convention.value == "us" and calc.rows[0].kind.value == "laboratory"
    assert 'data-code="unknown-convention"' in calc.feedback.value
    assert "Tuntematon" in calc.feedback.value


def test_user_text_is_escaped():
    """An activity name with markup never reaches the page as markup."""
    calc = workload_calculator(Workload((Activity("<img src=x onerror=alert(1)>", "contact", 0),)))
    assert "<img" not in calc.feedback.value and "&lt;img" in calc.feedback.value

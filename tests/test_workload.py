"""The workload calculator: hours by kind -> credits under a convention, checks, weekly load."""

from __future__ import annotations

import pytest
import yaml

from microcred.numbers import parse_number
from microcred.workload import (
    KINDS,
    Activity,
    Workload,
    check_workload,
    plot_workload,
)
from tests.helpers.paths import REPO

DESIGN = REPO / "tests" / "data" / "design" / "microcredential.yaml"


def workload(*hours: float, **kw) -> Workload:
    kinds = list(KINDS)
    acts = tuple(Activity(f"a{n}", kinds[n % 4], h) for n, h in enumerate(hours))
    return Workload(acts, **kw)


def test_hours_add_up_by_kind_and_convert_to_finnish_credits():
    """81 h is 3 op at 27 h per credit; hours are grouped by kind in a fixed order."""
    w = Workload((Activity("Webinars", "contact", 10), Activity("Reading", "independent", 40),
                  Activity("Portfolio", "assessment", 7), Activity("Work task", "work-based", 24)),
                 convention="fi", credits=3)
    r = check_workload(w)
    assert r.total_hours == 81
    assert r.hours_by_kind == {"contact": 10, "independent": 40, "assessment": 7,
                               "work-based": 24}
    assert r.credits == pytest.approx(3.0)
    assert r.ok and r.findings == ()


@pytest.mark.parametrize("convention, hours, credits", [
    ("fi", 27 * 5, 5), ("se", 40, 1.5), ("ects", 55, 2),
])
def test_each_convention_accepts_its_own_rate(convention, hours, credits):
    """Finland 27 h per credit, Sweden 40 h per 1.5 hp, ECTS 25-30 h per credit."""
    r = check_workload(workload(hours / 2, hours / 2, convention=convention, credits=credits))
    assert "credits-mismatch" not in r.codes


def test_claimed_credits_that_do_not_match_the_hours_are_an_error():
    """5 credits claimed for 100 h under fi (5 op = 130-140 h) names both figures."""
    r = check_workload(workload(50, 40, 5, 5, convention="fi", credits=5))
    assert "credits-mismatch" in r.codes and not r.ok
    msg = next(f.message for f in r.findings if f.code == "credits-mismatch")
    assert "130-140" in msg and "100 hours" in msg
    assert r.claimed_hours == (130, 140)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_figures_in_a_finnish_or_swedish_message_use_the_decimal_comma(lang):
    """2.5 credits claimed for 40.5 h: the message writes 2,5 and 40,5 (numbers.format_number)."""
    r = check_workload(workload(20.5, 20, convention="fi", credits=2.5), lang)
    msg = next(f.message for f in r.findings if f.code == "credits-mismatch")
    assert "2,5" in msg and "40,5" in msg and "2.5" not in msg and "40.5" not in msg


def test_negative_hours_are_an_error_and_left_out_of_the_total():
    """A typo such as -5 h must not reduce the total silently."""
    w = Workload((Activity("Reading", "independent", 20), Activity("Oops", "contact", -5)))
    r = check_workload(w)
    assert r.total_hours == 20
    assert "negative-hours" in r.codes and not r.ok


def test_zero_hours_is_a_warning():
    """An activity without hours is probably unfinished, not wrong."""
    r = check_workload(Workload((Activity("Reading", "independent", 20),
                                 Activity("Later", "assessment", 0))))
    assert "zero-hours" in r.codes and r.ok


def test_unknown_convention_is_a_finding_naming_the_known_ones():
    """The calculator explains, in the message language, which conventions exist."""
    r = check_workload(workload(10, 10, 5, convention="us", credits=1), "fi")
    f = next(f for f in r.findings if f.code == "unknown-convention")
    assert f.severity == "error" and "fi, se, ects" in f.suggestion
    assert r.credits is None
    assert "Tuntematon" in f.message


def test_unknown_kind_is_an_error_but_its_hours_still_count():
    """The time is real even when its kind is mistyped."""
    r = check_workload(Workload((Activity("Lab", "laboratory", 12),)))
    assert "unknown-kind" in r.codes
    assert r.total_hours == 12 and sum(r.hours_by_kind.values()) == 0


def test_no_activities_and_no_assessment_time():
    """An empty workload is an error; a workload with no assessment time earns a warning."""
    assert check_workload(Workload()).codes == ["no-activities"]
    r = check_workload(Workload((Activity("Reading", "independent", 20),)))
    assert r.codes == ["no-assessment"]


def test_weekly_load_and_the_full_time_warning():
    """81 h over 8 weeks is about 10 h a week; over 1 week it is above full time (40 h)."""
    assert check_workload(workload(40, 41, weeks=8)).weekly_hours == pytest.approx(10.125)
    r = check_workload(workload(40, 41, weeks=1))
    f = next(f for f in r.findings if f.code == "over-full-time")
    assert f.severity == "warning" and "81.0" in f.message and "at least 3 weeks" in f.suggestion


@pytest.mark.parametrize("field, code", [("credits", "bad-credits"), ("weeks", "bad-weeks")])
@pytest.mark.parametrize("value", [0, -2])
def test_zero_or_negative_credits_and_weeks_are_errors(field, code, value):
    """Credits and weeks must be positive when they are given."""
    r = check_workload(workload(10, 10, 7, **{field: value}))
    assert code in r.codes and not r.ok


def test_round_trip_through_the_yaml_section():
    """from_dict(to_dict()) gives the same workload; numbers as text are read."""
    w = Workload.from_dict({"convention": "SE", "credits": "1,5 hp", "weeks": "1",
                            "activities": [{"name": "Week", "kind": "Independent",
                                            "hours": "40 h"}]})
    assert w == Workload((Activity("Week", "independent", 40),), "se", 1.5, 1)
    again = Workload.from_dict(yaml.safe_load(yaml.safe_dump(w.to_dict())))
    assert again == w


def test_design_file_section_is_read():
    """The shared fixture design file has a workload of 81 h = 3 op over 8 weeks."""
    w = Workload.from_design(yaml.safe_load(DESIGN.read_text(encoding="utf-8")))
    r = check_workload(w)
    assert r.total_hours == 81 and r.ok and w.convention == "fi"


@pytest.mark.parametrize("data, match", [
    ("just text", "mapping"),
    ({"activities": "reading"}, "list"),
    ({"activities": ["reading"]}, "activity 1"),
    ({"activities": [{"name": "R", "hours": "many"}]}, "hours must be a number"),
    ({"credits": "three"}, "'credits' must be a number"),
])
def test_malformed_sections_raise_a_clear_value_error(data, match):
    """Structural mistakes are refused with a message that says what to fix."""
    with pytest.raises(ValueError, match=match):
        Workload.from_dict(data)


@pytest.mark.parametrize("text, number", [
    ("12", 12), ("12,5", 12.5), ("12.5 h", 12.5), ("3 op", 3), ("1 600 h", 1600),
    ("−4", -4), (7, 7), ("none", None), (True, None), (float("nan"), None), (None, None),
])
def test_parse_number(text, number):
    """Numbers written by people, in English, Finnish or Swedish style."""
    assert parse_number(text) == number


def test_chart_stacks_kinds_and_shows_the_claimed_band():
    """One bar segment per kind with hours, and a band for the claimed credits."""
    fig = plot_workload(workload(10, 40, 7, 24, convention="fi", credits=3))
    ax = fig.axes[0]
    assert len(ax.patches) == 4 + 1  # four segments and the band
    labels = ax.get_legend_handles_labels()[1]
    assert any("contact teaching" in label for label in labels)
    assert "≈ 3.0" in ax.get_title()


def test_chart_of_an_empty_or_broken_workload_still_draws():
    """No activities or an unknown convention give a figure, not an exception."""
    empty = plot_workload(Workload()).axes[0]
    assert len(empty.patches) == 0 and "0 h" in empty.get_title()
    assert empty.get_xlim()[0] == 0 and empty.get_xlim()[1] > 0
    unknown = plot_workload(workload(5, convention="xx", credits=1)).axes[0]
    assert len(unknown.patches) == 1  # the 5 h bar; no band, since the convention is unknown
    assert unknown.patches[0].get_width() == 5
    assert unknown.get_legend_handles_labels()[1] == ["contact teaching (5 h)"]
    assert "≈" not in unknown.get_title()

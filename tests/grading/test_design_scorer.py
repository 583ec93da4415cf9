"""Scores of the design assignment: partial credit, numbers only, nothing on stderr."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from microcred.grading.design_scorer import parse_convention, score_alignment, score_workload

HOURS = {"contact": "10", "independent": "40 h", "work-based": "24", "assessment": "7"}
OUTCOMES = [
    "The participant can analyse the learning needs of adult learners.",
    "Osallistuja osaa suunnitella verkkokurssin.",
    "Deltagaren kan värdera en kurs mot tillgänglighetskriterier.",
]
TASKS = [
    "A needs report in which the participant analyses interviews.",
    "Osallistuja suunnittelee verkkokurssin ja esittelee sen portfoliossa.",
    "Deltagaren granskar kritiskt en kurs i en kollegial granskning.",
]


def test_right_workload_gets_full_points(capsys):
    """81 h, 3 op in Finland, 8 weeks: every part right."""
    assert score_workload(HOURS, "81", "Suomi", "3 op", "8 viikkoa", points=5) == 5
    out = capsys.readouterr()
    assert "Score: 5 / 5" in out.out and out.err == ""


@pytest.mark.parametrize("total, convention, credits, weeks, expected", [
    ("80", "fi", "3", "8", 4),  # wrong sum: loses the total part (1 of 5)
    ("81", "fi", "4", "8", 3.5),  # credits far off: only the convention's quarter of 2 points
    ("81", "fi", "2,5", "8", 4.3),  # credits close (3.0 by the hours): 0.4 of the rest
    ("81", "Mars", "3", "8", 4.5),  # convention not recognised, credits checked as ECTS
    ("81", "fi", "3", "1", 4.5),  # 81 h in one week: above full time
    ("81", "fi", "3", ANSWER_STUB, 4),  # weeks not answered
])
def test_partial_credit_per_part(total, convention, credits, weeks, expected):
    """Each part of the arithmetic earns its own share."""
    assert score_workload(HOURS, total, convention, credits, weeks, points=5) == expected


def test_missing_hours_and_zero_hours():
    """"0" is an answer; a missing kind loses its share of the hours part."""
    hours = {**HOURS, "work-based": "0"}
    assert score_workload(hours, "57", "fi", "2", "8", points=5) == 4.3  # 57 h = 2.1 op: close
    hours = {**HOURS, "work-based": ANSWER_STUB}
    assert score_workload(hours, "57", "ects", "2", "8", points=5) == 4.75


def test_unanswered_and_odd_workload_answers_never_raise(capsys):
    """Stubs, None, lists, huge and negative numbers: a number back, nothing on stderr."""
    stubs = dict.fromkeys(HOURS, ANSWER_STUB)
    assert score_workload(stubs, ANSWER_STUB, ANSWER_STUB, ANSWER_STUB, ANSWER_STUB) == 0
    assert score_workload(None, None, None, None, None) == 0
    assert score_workload({"contact": ["x"], "independent": "-5"}, {}, 3, "1e400", "0") >= 0
    assert score_workload(dict.fromkeys(HOURS, "9" * 400), "1", "fi", "1", "1") >= 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("answer, code", [
    ("Finland", "fi"), ("suomi, op", "fi"), ("Sverige (hp)", "se"), ("SE", "se"),
    ("ECTS", "ects"), ("the moon", None), (ANSWER_STUB, None), (3, None),
])
def test_parse_convention(answer, code):
    """Country names and units in three languages."""
    assert parse_convention(answer) == code


def test_aligned_tasks_in_three_languages_get_full_points(capsys):
    """Every outcome assessed by a task at its level."""
    assert score_alignment(OUTCOMES, TASKS, ["1", "2", "3"], points=5) == 5
    out = capsys.readouterr().out
    assert "Outcome 1 (analyse): assessed by task 1." in out and "Score: 5 / 5" in out


def test_coverage_levels_and_stray_tasks_earn_partial_credit():
    """One outcome unassessed, one task too low, one task pointing nowhere."""
    low = [TASKS[0], "A quiz where the participant lists the steps.", TASKS[2]]
    assert score_alignment(OUTCOMES, low, ["1", "2", "9"], points=5) == pytest.approx(
        round(5 * (0.5 * 2 / 3 + 0.3 * 1 / 3 + 0.2 * 2 / 3), 2))


def test_two_outcomes_are_enough_and_fewer_count_as_missing():
    """The minimum is two outcomes: a single one counts as half the outcomes asked for."""
    assert score_alignment(OUTCOMES[:2] + [ANSWER_STUB], TASKS[:2] + [ANSWER_STUB],
                           ["1", "2", ANSWER_STUB]) == 5
    assert score_alignment([OUTCOMES[0], ANSWER_STUB, ANSWER_STUB], TASKS[:1], ["1"]) == 3


def test_unanswered_and_odd_alignment_answers_never_raise(capsys):
    """Stubs, non-strings and nonsense give a number and nothing on stderr."""
    assert score_alignment([ANSWER_STUB] * 3, [ANSWER_STUB] * 3, [ANSWER_STUB] * 3) == 0
    assert score_alignment(OUTCOMES, [ANSWER_STUB] * 3, ["1", "2", "3"]) == 0
    assert score_alignment(None, None, None) == 0
    assert score_alignment(OUTCOMES, [42, None, "🎓" * 3000], [True, [1, 2], "LO1 ja LO3"]) >= 0
    assert capsys.readouterr().err == ""


def test_a_repeated_outcome_counts_once_and_tasks_copying_outcomes_earn_nothing(capsys):
    """Issue 15: the same outcome five times, assessed by tasks that copy it."""
    five = [OUTCOMES[0]] * 5
    assert score_alignment(five, five, ["1", "2", "3", "4", "5"], points=5) == 0
    out = capsys.readouterr().out
    assert "repeats outcome 1: it counts once" in out and "copy of an outcome" in out
    honest_one = score_alignment(OUTCOMES[:1], TASKS[:1], ["1"], points=5)
    assert score_alignment(five, TASKS[:1], ["1"], points=5) == honest_one < 5
    assert score_alignment(["a a a a a"] * 3, ["b b b b"] * 3, ["1", "2", "3"], points=5) == 0

"""Scores of the needs assignment: partial credit, numbers only, nothing on stderr."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from microcred.grading.needs_scorer import canvas_from_answers, score_canvas, score_coverage

FIELDS = {
    "organisation": "Northbay home care",
    "sector": "social and health care",
    "stakeholders": "head of home care; practical nurses; team leaders",
    "target_group": "Practical nurses in home care, about 60",
    "study_time": "working hours, two half-days a month",
    "study_place": "blended",
    "budget": "about 18 000 EUR",
}
NEEDS = [
    "Safe medication management in home care | high | now | interviews",
    "Data protection when recording client information | medium | audit 2024",
    "Use of remote-care technology in client visits | high | year | strategy",
]
OUTCOMES = [
    "The participant can implement safe medication management in home care.",
    "The participant can apply data protection rules when recording client information.",
    "The participant can use remote-care technology in client visits.",
]


def test_complete_canvas_gets_full_points(capsys):
    assert score_canvas(FIELDS, NEEDS + [ANSWER_STUB], points=4) == 4
    out = capsys.readouterr()
    assert "Score: 4 / 4" in out.out and out.err == ""


def test_budget_and_list_answers_are_read():
    canvas = canvas_from_answers(FIELDS, NEEDS)
    assert canvas.constraints.budget == 18000
    assert len(canvas.stakeholders) == 3 and canvas.needs[1].evidence == "audit 2024"


def test_partial_canvas_gets_partial_credit():
    fields = {**FIELDS, "stakeholders": "HR", "budget": ANSWER_STUB, "sector": ""}
    needs = [NEEDS[0], "Mentoring new staff", ANSWER_STUB]  # one need without evidence
    score = score_canvas(fields, needs, points=6)
    # organisation 0.5, stakeholders 0.5, needs 2/3, evidence 0.5, target 1, constraints 2/3
    assert score == round(6 * (0.5 + 0.5 + 2 / 3 + 0.5 + 1 + 2 / 3) / 6, 2)


def test_coverage_full_when_every_need_is_covered(capsys):
    assert score_coverage(NEEDS, OUTCOMES, points=4) == 4
    assert "covered" in capsys.readouterr().out


def test_coverage_partial_for_uncovered_needs_and_few_outcomes(capsys):
    needs = NEEDS + ["Budgeting for a team"]
    full = score_coverage(needs, OUTCOMES, points=4)
    assert 2 < full < 4
    fewer = score_coverage(needs, OUTCOMES[:1], points=4)
    assert fewer < full
    out = capsys.readouterr().out
    assert "2 more outcome(s) expected" in out and "not covered" in out


def test_cross_language_answers_count():
    needs = ["Tietosuoja asiakastietojen kirjaamisessa | korkea | heti | auditointi"] + NEEDS[:2]
    assert score_coverage(needs, OUTCOMES, points=3) == 3


@pytest.mark.parametrize("odd", [None, 42, ["x"], "🎓" * 5000, "<script>x</script>", ""])
def test_unanswered_and_odd_answers_never_raise(odd, capsys):
    assert score_canvas({"organisation": odd}, [odd, ANSWER_STUB]) >= 0
    assert score_canvas(odd, [ANSWER_STUB]) == 0  # not even a mapping
    assert score_canvas(odd, odd) >= 0
    assert 0 <= score_coverage([odd] * 3, [odd] * 3) <= 4
    assert score_coverage([ANSWER_STUB] * 5, [ANSWER_STUB] * 4) == 0
    assert capsys.readouterr().err == ""


def test_need_texts_copied_as_outcomes_earn_nothing(capsys):
    """Issue 15: the needs themselves, pasted as outcomes, scored 4/4."""
    copies = [n.split("|")[0].strip().upper() + "!" for n in NEEDS]  # case and marks changed
    assert score_coverage(NEEDS, copies, points=4) == 0
    assert "copies the need" in capsys.readouterr().out


def test_an_outcome_repeated_counts_once_and_filler_not_at_all(capsys):
    repeated = score_coverage(NEEDS, [OUTCOMES[0]] * 5, points=4)
    assert repeated == score_coverage(NEEDS, OUTCOMES[:1], points=4) < 2
    assert score_coverage(NEEDS, ["a a a a a"] * 3, points=4) == 0
    assert "counts once" in capsys.readouterr().out

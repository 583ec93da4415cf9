"""Scores of the outcomes assignment: partial credit, numbers only, nothing on stderr."""

from __future__ import annotations

from microcred.grading import ANSWER_STUB, is_unanswered
from microcred.grading.outcomes import score_outcomes

GOOD = [
    "The participant can analyse the competence needs of a client organisation.",
    "Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
    "Deltagaren kan jämföra två modeller för kvalitetssäkring.",
]


def test_three_clean_outcomes_get_full_points(capsys):
    assert score_outcomes(GOOD + [ANSWER_STUB, ANSWER_STUB], points=5) == 5
    out = capsys.readouterr()
    assert "Score: 5 / 5" in out.out and out.err == ""


def test_weak_outcomes_get_partial_credit():
    weak = [GOOD[0], "Understand quality.", "Design and evaluate a pilot."]
    assert score_outcomes(weak, points=5) == round(5 * 1.5 / 3, 2)


def test_too_few_outcomes_count_as_missing():
    assert score_outcomes([GOOD[0], ANSWER_STUB, "", "  "], points=6) == 2


def test_unanswered_and_odd_answers_never_raise(capsys):
    assert score_outcomes([ANSWER_STUB] * 5) == 0
    assert score_outcomes([None, 42, ["list"], "🎓" * 5000, "<script>x</script>"]) == 0
    assert capsys.readouterr().err == ""


def test_is_unanswered():
    assert is_unanswered(ANSWER_STUB) and is_unanswered("  ") and is_unanswered(3)
    assert not is_unanswered("Define ECTS.")

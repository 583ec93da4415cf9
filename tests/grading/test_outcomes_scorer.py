"""Scores of the outcomes assignment: partial credit, numbers only, nothing on stderr."""

from __future__ import annotations

from microcred.grading import ANSWER_STUB, is_unanswered
from microcred.grading.outcomes_scorer import score_outcomes

GOOD = [
    "The participant can analyse the training needs of a client organisation from interviews.",
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


def test_a_verb_without_an_object_earns_nothing(capsys):
    """Issue 15: "Analyse." names a kind of thinking, not an outcome that can be assessed."""
    bare = ["Analyse.", "Create.", "Evaluate.", "Osallistuja osaa analysoida.", "Deltagaren kan analysera."]
    assert score_outcomes(bare, points=5) == 0
    assert "what?" in capsys.readouterr().out


def test_the_same_outcome_counts_once():
    same = [GOOD[0]] * 5
    assert score_outcomes(same, points=5) == 1  # one good outcome of the three asked for: 5/3
    assert score_outcomes([GOOD[0], GOOD[0].upper(), GOOD[0] + "  ", GOOD[1], GOOD[2]],
                          points=5) == 3


def test_copies_of_the_course_example_earn_nothing(capsys):
    from microcred.i18n import t

    copies = [t("outcomes.coach.placeholder", lang) for lang in ("en", "fi", "sv")]
    assert score_outcomes(copies, points=5) == 0
    assert "example given in the course" in capsys.readouterr().out
    assert score_outcomes(copies[:1] + GOOD, points=4) == 3

"""Scores of the qa assignment: partial credit, numbers only, nothing on stderr, never a crash."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from microcred.grading.qa_scorer import principle_scores, score_plan, score_profile

GOOD = {
    "quality": "3", "transparency": "3", "relevance": "3", "valid_assessment": "2",
    "learning_pathways": "2", "recognition": "2", "portable": "1", "learner_centred": "3",
    "authentic": "1", "information_guidance": "2",
}
ACTION = ("Agree with study services which digital credential format we issue and test it "
          "with two learners from the spring group.")


def test_a_complete_varied_profile_gets_full_points(capsys):
    assert score_profile("Technology in home rehabilitation", GOOD, points=3) == 3
    out = capsys.readouterr()
    assert "7 Portable" in out.out and "Score: 3 / 3" in out.out and out.err == ""


def test_missing_and_invalid_scores_cost_their_share_with_a_reason(capsys):
    answers = dict(GOOD, quality="five", relevance=ANSWER_STUB, portable=7, authentic="3.5")
    assert score_profile(ANSWER_STUB, answers, points=3) == pytest.approx(1.2)  # 6 of 10, no name
    out = capsys.readouterr().out
    assert '"five" is not a score' in out and "not answered" in out and '"7" is not a score' in out
    assert "write its name" in out


def test_a_flat_profile_loses_the_variation_point(capsys):
    flat = {key: "4" for key in GOOD}
    assert score_profile("X", flat, points=3) == 2.5
    assert "same score" in capsys.readouterr().out


def test_scores_may_be_typed_as_numbers_and_keys_as_names():
    parsed = principle_scores({"Quality": 3, "4": " 2 ", "Äkthet": 1.0, "nonsense": 4})
    assert parsed["quality"] == 3 and parsed["valid-assessment"] == 2 and parsed["authentic"] == 1
    assert parsed["relevance"] is None and len(parsed) == 10


def test_a_consistent_concrete_plan_gets_full_points(capsys):
    assert score_plan(GOOD, "Portable", ACTION, "Responsible teacher", "2025-10-31", points=4) == 4
    out = capsys.readouterr()
    assert "Consistent with your profile" in out.out and out.err == ""


def test_a_plan_for_a_strong_principle_is_not_consistent(capsys):
    score = score_plan(GOOD, "quality", ACTION, "Me", "2025-10-31", points=4)
    assert score == 3
    assert "but Portable, Authentic scored 1" in capsys.readouterr().out


@pytest.mark.parametrize(
    "principle, action, owner, deadline, expected",
    [
        ("7", "Test a badge.", "Me", "week 40", 3.5),  # short action: half of its point
        ("Siirrettävyys", ACTION, ANSWER_STUB, "soon", 3),  # Finnish name; no owner, no date
        ("Digital badges", ACTION, "Me", "31.10.2025", 2),  # not a principle
        (ANSWER_STUB, ANSWER_STUB, ANSWER_STUB, ANSWER_STUB, 0),
    ],
)
def test_plan_partial_credit(principle, action, owner, deadline, expected):
    assert score_plan(GOOD, principle, action, owner, deadline, points=4) == expected


def test_a_plan_without_scores_is_checked_for_what_it_can_be(capsys):
    assert score_plan({}, "portable", ACTION, "Me", "2025", points=4) == 3
    assert "Give your scores first" in capsys.readouterr().out


def test_odd_answers_never_raise_and_never_write_to_stderr(capsys):
    odd = [None, 42, ["list"], {"a": 1}, "🎓" * 5000, "<script>x</script>", float("nan")]
    for value in odd:
        assert score_profile(value, {"quality": value}) >= 0
        assert score_plan({"quality": value}, value, value, value, value) >= 0
    assert score_profile("x", None) >= 0 and score_plan(None, None, None, None, None) == 0
    assert capsys.readouterr().err == ""


def test_a_plan_of_filler_earns_only_the_principle(capsys):
    """Issue 15: a plan of ``a a a a a`` scored full points."""
    filler = "a a a a a a a a a a"
    assert score_plan(GOOD, "Portable", ACTION, "Me", "2025", points=4) == 4
    assert score_plan(GOOD, "Portable", filler, "a a", "2025", points=4) == 2.5
    assert score_plan(GOOD, "a a a a a", "a a a a a", "a a a a a", "a a a a a", points=4) == 0
    assert "action is missing" in capsys.readouterr().out


def test_an_action_that_repeats_another_field_earns_nothing(capsys):
    assert score_plan(GOOD, "Portable", "Portable", "Me", "2025", points=4) == 3
    assert score_plan(GOOD, "Portable", "Responsible teacher", "Responsible teacher", "2025",
                      points=4) == 3
    assert "action is missing" in capsys.readouterr().out

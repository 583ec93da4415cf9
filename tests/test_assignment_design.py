"""The design assignment through the real nbgrader cycle: release, autograde, feedback."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from tests.helpers.course import fill_answers, fill_text

pytestmark = pytest.mark.slow

# In the order of the released stubs: hours, dimensioning, outcomes, tasks with outcome numbers.
# Stubs after the last answer stay as released; "" is an answer erased by the participant.
GOOD = [
    "8", "30", "12", "4",  # contact, independent, work-based, assessment
    "54 h", "Suomi", "2 op", "6",  # total, convention, credits, weeks
    "The participant can analyse the needs of a client organisation.",
    "Osallistuja osaa suunnitella pienen osaamiskokonaisuuden.",
    "",  # outcome 3 left out: two are enough
    "A report in which the participant analyses interviews with a client.", "1",
    "Osallistuja suunnittelee osaamiskokonaisuuden ja esittelee sen.", "2",
]
WEAK = [
    "8", "30", "12", "4",
    "50", "Finland", "5", "1",  # wrong sum, credits far off, 54 h in one week
    "The participant can analyse the needs of a client organisation.",
    "The participant can design a micro-credential.",
    "The participant can evaluate a pilot.",
    "A quiz in which the participant lists the steps of a needs analysis.", "1, 2",
]


def test_release_hides_model_answers_behind_plain_language_stubs(course):
    """17 plain-language stubs, no model answers, the visible tests kept."""
    course.release("design")
    nb = course.released("design", "design")
    sources = "\n".join(c.source for c in nb.cells)
    assert sources.count(ANSWER_STUB) == 17
    assert "NotImplementedError" not in sources and "BEGIN SOLUTION" not in sources
    assert "analyses interviews with three adult learners" not in sources
    assert "score_workload" in sources and "score_alignment" in sources


def test_good_weak_and_blank_submissions_get_sensible_scores_and_feedback(course):
    """Full automatic points for a sound design, partial for a weak one, none for blank."""
    course.release("design")
    good = fill_answers(course.released("design", "design"), GOOD)
    fill_text(good, "rationale", "Part of our degree programme; RPL by portfolio; captions.")
    weak = fill_answers(course.released("design", "design"), WEAK)
    course.submit("good", "design", "design", good)
    course.submit("weak", "design", "design", weak)
    course.submit("blank", "design", "design", course.released("design", "design"))
    course.autograde("design")

    assert course.score("design", "good") == 10  # the manual rationale (4) is not graded yet
    weak_score = course.score("design", "weak")
    assert 2 < weak_score < 6
    assert course.score("design", "blank") == 0

    course.feedback("design")
    html = course.feedback_html("design", "weak", "design")
    assert "the hours add up to 54" in html
    assert "more than full-time study" in html
    assert "NOT assessed" in html and "below the level of outcome" in html

"""The outcomes assignment through the real nbgrader cycle: release, autograde, feedback."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from tests.helpers.course import fill_answers, fill_text

pytestmark = pytest.mark.slow

GOOD = [
    "The participant can analyse the competence needs of a client organisation from interview data.",
    "Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
    "Deltagaren kan jämföra två modeller för kvalitetssäkring.",
    "The participant can design an assessment task for a micro-credential.",
]
WEAK = ["Understand quality assurance.", "The course covers ECTS.", "Plan and run a pilot."]


def test_release_hides_model_answers_behind_plain_language_stubs(course):
    course.release("outcomes")
    nb = course.released("outcomes", "outcomes")
    sources = "\n".join(c.source for c in nb.cells)
    assert sources.count(ANSWER_STUB) == 5
    assert "NotImplementedError" not in sources
    assert "analyse the competence needs" not in sources  # model answer removed
    assert "score_outcomes" in sources  # the visible test stays


def test_good_and_weak_submissions_get_sensible_scores_and_feedback(course):
    course.release("outcomes")
    good = fill_answers(course.released("outcomes", "outcomes"), GOOD)
    fill_text(good, "rationale", "These outcomes follow the needs analysis of our client.")
    weak = fill_answers(course.released("outcomes", "outcomes"), WEAK)
    untouched = course.released("outcomes", "outcomes")
    course.submit("good", "outcomes", "outcomes", good)
    course.submit("weak", "outcomes", "outcomes", weak)
    course.submit("blank", "outcomes", "outcomes", untouched)
    course.autograde("outcomes")

    good_score = course.score("outcomes", "good")
    weak_score = course.score("outcomes", "weak")
    assert good_score == 5  # the manual rationale (3 points) is not graded yet
    assert 0 < weak_score < 2  # only "Plan and run a pilot" earns a half point
    assert course.score("outcomes", "blank") == 0

    course.feedback("outcomes")
    html = course.feedback_html("outcomes", "weak", "outcomes")
    assert "hard to observe or assess" in html  # the coach's advice reaches the participant
    assert "Score:" in html

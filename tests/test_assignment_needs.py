"""The needs assignment through the real nbgrader cycle: release, autograde, feedback."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from tests.helpers.course import fill_answers, fill_text

pytestmark = pytest.mark.slow

CANVAS = [
    "Aurora Hospital District",
    "health care",
    "ward managers; nurses; IT support",
    "Nurses on medical wards, about 120",
    "evenings, six weeks",
    "online",
    "10 000 EUR",
]
NEEDS = [
    "Patient safety in medication | high | now | incident reports",
    "Data protection in patient records | medium | now | audit",
    "Kirjaaminen potilastietojärjestelmään | high | year | interviews",
]
OUTCOMES = [
    "The participant can assess patient safety risks in medication.",
    "The participant can apply data protection rules in patient records.",
    "Osallistuja osaa kirjata hoitotyön potilastietojärjestelmään.",
]
STUBS = 7 + 5 + 4


def test_release_hides_model_answers_behind_plain_language_stubs(course):
    course.release("needs")
    nb = course.released("needs", "needs")
    sources = "\n".join(c.source for c in nb.cells)
    assert sources.count(ANSWER_STUB) == STUBS
    assert "Northbay" not in sources  # model answers removed
    assert "score_canvas" in sources and "score_coverage" in sources  # visible tests stay


def test_good_partial_and_blank_submissions_get_sensible_scores_and_feedback(course):
    course.release("needs")
    # fill_answers fills stubs in order; "" stands for an answer left empty
    good = fill_answers(course.released("needs", "needs"), CANVAS + NEEDS + ["", ""] + OUTCOMES)
    fill_text(good, "reflection", "All three needs are covered; nothing is left over.")
    partial = fill_answers(
        course.released("needs", "needs"),
        ["Aurora", "", "nurses", "", "", "online", ""]
        + ["Patient safety in medication", "Budgeting", "", "", ""]
        + [OUTCOMES[0]],
    )
    course.submit("good", "needs", "needs", good)
    course.submit("partial", "needs", "needs", partial)
    course.submit("blank", "needs", "needs", course.released("needs", "needs"))
    course.autograde("needs")

    assert course.score("needs", "good") == 8  # the manual reflection (4) is not graded yet
    assert 0 < course.score("needs", "partial") < 4
    assert course.score("needs", "blank") == 0

    course.feedback("needs")
    html = course.feedback_html("needs", "partial", "needs")
    assert "not covered" in html and "more outcome(s) expected" in html
    assert "Score:" in html

"""The qa assignment through the real nbgrader cycle: release, autograde, feedback."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from tests.helpers.course import fill_answers, fill_text

pytestmark = pytest.mark.slow

# In the order of the released stubs: the name, ten scores, then the plan (principle, action,
# responsible, deadline).
GOOD = [
    "Riskanalys i säkerhetsarbete (4 hp)",
    "3", "2", "4", "3", "1", "2", "0", "3", "1", "2",
    "Portable",
    ("Agree with study services which digital credential format we issue and test it with two "
     "learners from the autumn group."),
    "Course coordinator with the study services contact",
    "2025-11-30",
]
WEAK = [
    "My course",
    "4", "4", "four", "4", "4", "4", "10", "4", "4", "1",  # two unusable scores
    "Quality",  # the plan targets a strong principle, not the weakest (information, 1)...
    "Improve quality.",  # ...with a vague action, no one responsible and no date
    "",
    "later",
]
REFLECTION = "The self-assessment showed that portability depends on study services, not on us."


def test_release_hides_model_answers_behind_plain_language_stubs(course):
    course.release("qa")
    nb = course.released("qa", "qa")
    sources = "\n".join(c.source for c in nb.cells)
    assert sources.count(ANSWER_STUB) == 15
    assert "NotImplementedError" not in sources
    assert "Technology in home rehabilitation" not in sources  # model answer removed
    assert "score_profile" in sources and "score_plan" in sources  # the visible tests stay


def test_good_weak_and_blank_submissions_get_sensible_scores_and_feedback(course):
    course.release("qa")
    good = fill_answers(course.released("qa", "qa"), GOOD)
    fill_text(good, "reflection", REFLECTION)
    weak = fill_answers(course.released("qa", "qa"), WEAK)
    course.submit("good", "qa", "qa", good)
    course.submit("weak", "qa", "qa", weak)
    course.submit("blank", "qa", "qa", course.released("qa", "qa"))
    course.autograde("qa")

    assert course.score("qa", "good") == 7  # the reflection (4 points) is graded by hand
    weak_score = course.score("qa", "weak")
    assert weak_score == pytest.approx(2.1 + 1.5)  # 8 of 10 scores and a name; a named principle, a short action
    assert course.score("qa", "blank") == 0

    course.feedback("qa")
    html = course.feedback_html("qa", "weak", "qa")
    assert "is not a score" in html  # the parser's reason reaches the participant
    assert "Work on a weaker principle first" in html
    assert "Deadline: give a date" in html and "Responsible: missing" in html
    good_html = course.feedback_html("qa", "good", "qa")
    assert "Consistent with your profile" in good_html

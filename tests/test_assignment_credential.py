"""The credential assignment through the real nbgrader cycle: release, autograde, feedback."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from tests.helpers.course import fill_answers, fill_text

pytestmark = pytest.mark.slow

# The answers in the order of the released stubs: title, awarding body, country; three
# outcomes; credits, hours, convention, EQF level; assessment, participation, QA,
# supervision, integration. SKIP leaves an answer empty (fill_answers cannot put the stub
# itself back: it would replace the same stub again).
SKIP = ""
GOOD = [
    "Riskanalys i säkerhetsarbete", "Högskolan i Exempelvik", "SE",
    "Deltagaren kan genomföra en riskanalys av ett objekt enligt en vedertagen metod.",
    "Deltagaren kan bedöma hotbilden mot en verksamhet utifrån öppna källor.",
    SKIP,
    "4,5", "120", "se", "6",
    "prov, tillämpning av en färdighet", "på plats",
    "Lärosätets kvalitetssystem (ESG del 1) med kursvärdering efter varje omgång.",
    "supervised-with-id", SKIP,
]
WEAK = [
    "Security", SKIP, "Sweden",
    "Understand risks.", SKIP, SKIP,
    "4.5", "40", "se", "9",
    SKIP, "onsite", SKIP,
    "sometimes", SKIP,
]


def test_release_hides_model_answers_behind_plain_language_stubs(course):
    course.release("credential")
    nb = course.released("credential", "credential")
    sources = "\n".join(c.source for c in nb.cells)
    assert sources.count(ANSWER_STUB) == 15
    assert "NotImplementedError" not in sources
    assert "Assistive technology in home rehabilitation" not in sources  # model answer removed
    assert "score_credential" in sources  # the visible test stays
    assert "regional wellbeing services" not in sources  # manual model answer removed


def test_good_and_weak_submissions_get_sensible_scores_and_feedback(course):
    course.release("credential")
    good = fill_answers(course.released("credential", "credential"), GOOD)
    fill_text(good, "quality", "For security staff who must assess risks; EQF 6 because ...")
    weak = fill_answers(course.released("credential", "credential"), WEAK)
    untouched = course.released("credential", "credential")
    course.submit("good", "credential", "credential", good)
    course.submit("weak", "credential", "credential", weak)
    course.submit("blank", "credential", "credential", untouched)
    course.autograde("credential")

    assert course.score("credential", "good") == 9  # the manual part (4 points) is not graded
    # weak: title, country and participation valid (3); outcomes, workload, level present
    # but wrong (1.5); awarding body, assessment and QA missing
    assert course.score("credential", "weak") == 4.5
    assert course.score("credential", "blank") == 0

    course.feedback("credential")
    html = course.feedback_html("credential", "weak", "credential")
    assert "Score: 4.5 / 9" in html
    assert "hard to observe or assess" in html  # the outcome coach's advice
    assert "EQF level 9 does not exist" in html
    assert "Missing: Awarding body" in html
    good_html = course.feedback_html("credential", "good", "credential")
    # A Swedish description with no course language set: the whole feedback is in Swedish.
    assert "Poäng: 9 / 9" in good_html and "Läranderesultat" in good_html

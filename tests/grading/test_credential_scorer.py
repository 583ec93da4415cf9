"""Scores of the credential assignment: a point per mandatory element present and valid."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from microcred.grading.credential_scorer import GRADED, answers_to_description, score_credential

GOOD = {
    "title": "Machine vision for quality inspection",
    "awarding_body": "Northbay University of Technology",
    "country": "FI",
    "outcomes": [
        "The participant can design a camera and lighting set-up for a given inspection task.",
        "The participant can evaluate the accuracy of an inspection system.",
        ANSWER_STUB,
    ],
    "credits": "5",
    "hours": "135",
    "convention": "fi",
    "eqf_level": "7",
    "assessment": "application of a skill, testing",
    "participation": "online",
    "quality_assurance": "The university's internal quality system, externally audited.",
    "supervision": "supervised-no-id",
    "integration": "stand-alone",
}
# which answers make up each graded element
PARTS = {"title": ["title"], "country": ["country"], "awarding_body": ["awarding_body"],
         "outcomes": ["outcomes"], "workload": ["credits", "hours"], "level": ["eqf_level"],
         "assessment": ["assessment"], "participation": ["participation"],
         "quality_assurance": ["quality_assurance"]}


def test_a_complete_description_gets_full_points(capsys):
    assert score_credential(points=9, **GOOD) == 9
    out = capsys.readouterr()
    assert "Score: 9 / 9" in out.out and out.err == ""


@pytest.mark.parametrize("key", GRADED)
def test_each_missing_element_costs_one_ninth(key, capsys):
    answers = dict(GOOD)
    for part in PARTS[key]:
        answers[part] = [ANSWER_STUB] if part == "outcomes" else ANSWER_STUB
    assert score_credential(points=9, **answers) == 8
    assert "[MISS]" in capsys.readouterr().out


@pytest.mark.parametrize("changes,element", [
    ({"hours": "60"}, "workload"),
    ({"eqf_level": "9"}, "level"),
    ({"outcomes": ["Understand machine vision."]}, "outcomes"),
])
def test_an_element_present_but_invalid_gets_half_a_point(changes, element, capsys):
    assert score_credential(points=9, **{**GOOD, **changes}) == 8.5
    out = capsys.readouterr().out
    assert "[HALF]" in out and "-> " in out  # says how to fix it


def test_answers_in_finnish_get_finnish_feedback(capsys):
    answers = {**GOOD, "outcomes": ["Osallistuja ymmärtää konenäön."], "title": "Konenäkö"}
    score_credential(**answers)
    assert "Oppimistulokset" in capsys.readouterr().out


def test_answers_become_a_description():
    desc = answers_to_description(**GOOD)
    assert desc.workload.ects == 5 and desc.level.eqf == 7 and len(desc.outcomes) == 2
    assert desc.assessment == ("application-of-skill", "testing")


def test_unanswered_and_odd_answers_never_raise(capsys):
    assert score_credential() == 0
    assert score_credential(**{k: ANSWER_STUB for k in GOOD}) == 0
    odd = {"title": None, "awarding_body": 42, "country": ["FI"], "outcomes": "not a list",
           "credits": {"x": 1}, "hours": "many", "convention": 7, "eqf_level": "🎓" * 3000,
           "assessment": b"bytes", "participation": "<script>x</script>", "extra": object()}
    score = score_credential(**odd)
    assert isinstance(score, float) and 0 <= score <= 9
    assert capsys.readouterr().err == ""


def test_fields_that_copy_another_field_count_as_not_given(capsys):
    """Issue 15: one text pasted into every field must not earn every element."""
    copied = dict(GOOD, assessment=GOOD["title"], participation=GOOD["title"].upper(),
                  quality_assurance=GOOD["title"] + ".")
    assert score_credential(points=9, **copied) == 6
    assert "counts as not given" in capsys.readouterr().out


def test_outcomes_repeated_or_copied_count_once_or_not_at_all(capsys):
    answers = dict(GOOD, outcomes=[GOOD["title"], "a a a a", GOOD["title"]])
    assert score_credential(points=9, **answers) == 8  # no outcome of its own: outcomes missing
    answers = dict(GOOD, outcomes=[GOOD["outcomes"][0]] * 5)
    assert score_credential(points=9, **answers) == 9
    assert "repeat another one" in capsys.readouterr().out

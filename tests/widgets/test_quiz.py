"""The self-check quiz widget, driven headless: choose answers, press Check, change language."""

from __future__ import annotations

from microcred import quiz
from microcred.widgets import self_check_quiz


def test_checking_gives_feedback_per_question_and_a_summary():
    w = self_check_quiz("commissioned")
    qs = quiz.questions("commissioned")
    w.answer(1, qs[0].answer)
    w.answer(2, qs[1].answer % len(qs[1].options) + 1)  # a wrong one
    w.button.click()
    assert "Right." in w.feedback[0].value
    assert "Not quite" in w.feedback[1].value
    assert "Choose one of the options first." in w.feedback[2].value
    assert "1 of 2 right." in w.result.value  # unanswered questions are not counted


def test_changing_the_language_translates_questions_and_keeps_the_module():
    w = self_check_quiz("europe")
    w.lang.value = "sv"
    assert w.module.value == "europe"
    assert "Självtest: Mikromeriter i Europa" in w.heading.value
    assert w.button.description == "Kontrollera"
    assert w.choices[0].options[0][0] == quiz.questions("europe")[0].option_texts("sv")[0]


def test_choosing_another_module_shows_its_questions_unanswered():
    w = self_check_quiz("outcomes")
    w.answer(1, 1)
    w.module.value = "capstone"
    assert len(w.choices) == len(quiz.questions("capstone"))
    assert all(c.value is None for c in w.choices) and w.result.value == ""


def test_question_texts_are_escaped():
    w = self_check_quiz("outcomes")
    second = w.body.children[3].value  # question 2 quotes an outcome
    assert "&quot;Design a pricing model for a commissioned course&quot;" in second

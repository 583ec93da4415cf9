"""Self-check quizzes: valid questions in three languages, feedback on each answer, and the
static version the book pages show."""

from __future__ import annotations

import pytest

from microcred import course, quiz
from microcred.errors import UserError
from microcred.i18n import LANGUAGES


@pytest.mark.parametrize("module_id", [m.id for m in course.modules()])
def test_every_module_has_a_few_well_formed_questions(module_id):
    """Two to five questions; each with three or more options, one right answer among them,
    and every text in every language; no option appears twice."""
    qs = quiz.questions(module_id)
    assert 2 <= len(qs) <= 5
    assert len({q.id for q in qs}) == len(qs)
    for q in qs:
        assert len(q.options) >= 3 and 1 <= q.answer <= len(q.options), q.id
        for lang in LANGUAGES:
            assert q.texts.get(lang) and q.explains.get(lang), (q.id, lang)
            texts = [o.get(lang) for o in q.options]
            assert all(texts) and len(set(texts)) == len(texts), (q.id, lang)


def test_right_and_wrong_answers_get_different_feedback():
    q = quiz.questions("dimensioning")[0]  # one Finnish credit: 27 hours
    right = quiz.check(q, q.answer, "en")
    assert right.correct and right.text.startswith("Right.") and q.explain("en") in right.text
    wrong_choice = 1 if q.answer != 1 else 2
    wrong = quiz.check(q, wrong_choice, "sv")
    assert not wrong.correct
    assert q.option_texts("sv")[q.answer - 1] in wrong.text and q.explain("sv") in wrong.text


@pytest.mark.parametrize("choice", [None, 0, 99])
def test_no_choice_or_an_impossible_one_asks_to_choose(choice):
    q = quiz.questions("qa")[0]
    fb = quiz.check(q, choice, "fi")
    assert not fb.correct and fb.text == "Valitse ensin yksi vaihtoehdoista."


def test_summary_counts_the_right_answers():
    q = quiz.questions("qa")[1]
    given = [quiz.check(q, q.answer), quiz.check(q, q.answer % len(q.options) + 1)]
    assert quiz.summary(given) == "1 of 2 right."
    assert quiz.summary(given, "fi") == "1/2 oikein."


def test_book_version_shows_options_and_folds_the_answer_away():
    """Every question and option is on the page; each answer sits inside its own dropdown."""
    text = quiz.quiz_markdown("credential")
    qs = quiz.questions("credential")
    assert text.count(":::{dropdown}") == len(qs)
    for q in qs:
        assert q.text("en") in text
        for o in q.option_texts("en"):
            assert f") {o}" in text
    before_first_answer = text.split(":::{dropdown}", 1)[0]
    assert qs[0].explain("en") not in before_first_answer


def test_unknown_module_is_a_user_error():
    with pytest.raises(UserError):
        quiz.questions("no-such-module")

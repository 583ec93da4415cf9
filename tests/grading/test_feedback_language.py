"""Graders' feedback in the participant's language: the frame ("Score", "Outcome 1", "Design
check") and the messages follow one setting, numbers in the reader's convention."""

from __future__ import annotations

from importlib.resources import files

import pytest

from microcred.grading.capstone_scorer import score_design
from microcred.grading.outcomes_scorer import score_outcomes
from microcred.settings import save_screen_language
from tests.helpers.screen_text import english_left

OUTCOMES = ["Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
            "Deltagaren kan jämföra två modeller för kvalitetssäkring.",
            "Understand quality."]
DESIGN = files("microcred").joinpath("examples", "capstone-example.yaml").read_text("utf-8")
# The example design's own names and needs are content (written in English in the example).
CONTENT = ("Digital tools for safe home care", "Northbay home care services (invented example)")


def lines(text: str) -> list[str]:
    """Feedback lines without the quoted outcomes, the example's names and its verbs' lists."""
    out = []
    for line in text.splitlines():
        for quoted in [*OUTCOMES, *CONTENT, '"Understand"']:
            line = line.replace(quoted, "")
        out += [part.strip() for part in line.split(":") if part.strip()]
    return out


@pytest.mark.parametrize(("lang", "score"), [("fi", "Pisteet: 3,33 / 5"),
                                             ("sv", "Poäng: 3,33 / 5")])
def test_outcome_feedback_in_finnish_and_swedish(lang, score, capsys):
    english = score_outcomes(OUTCOMES, points=5, lang="en")
    assert "Score: 3.33 / 5" in capsys.readouterr().out
    assert score_outcomes(OUTCOMES, points=5, lang=lang) == english  # the language scores nothing
    out = capsys.readouterr().out
    assert score in out and "Score" not in out and "Outcome 1" not in out
    assert english_left(lines(out)) == []


def test_outcome_feedback_follows_the_course_setting(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    score_outcomes(OUTCOMES, points=5)
    assert "Score: 3.33 / 5" in capsys.readouterr().out  # no setting: English
    save_screen_language("sv")
    score_outcomes(OUTCOMES, points=5)
    assert "Poäng: 3,33 / 5" in capsys.readouterr().out


@pytest.mark.parametrize(("lang", "title"), [("fi", "Suunnitelman tarkistus"),
                                             ("sv", "Granskning av designen")])
def test_capstone_feedback_in_finnish_and_swedish(lang, title, capsys):
    assert score_design(DESIGN, points=12, lang=lang) == 11.75
    out = capsys.readouterr().out
    assert out.startswith(title) and "11,75 / 12" in out and "point(s)" not in out
    assert english_left(lines(out)) == []
    score_design("", points=12, lang=lang)
    assert english_left(lines(capsys.readouterr().out)) == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_needs_and_credential_feedback_in_finnish_and_swedish(lang, capsys):
    from microcred.grading.credential_scorer import score_credential
    from microcred.grading.needs_scorer import score_canvas, score_coverage
    from tests.grading.test_credential_scorer import GOOD
    from tests.grading.test_needs_scorer import FIELDS, NEEDS
    from tests.grading.test_needs_scorer import OUTCOMES as COVERING

    content = [*FIELDS.values(), *NEEDS, *COVERING, *(str(v) for v in GOOD.values())]
    for grade in (lambda lang: score_canvas(FIELDS, NEEDS, points=4, lang=lang),
                  lambda lang: score_coverage(NEEDS, COVERING[:2], points=4, lang=lang),
                  lambda lang: score_credential(9, lang, **GOOD)):
        english = grade("en")
        english_out = capsys.readouterr().out
        assert grade(lang) == english  # the language scores nothing
        out = capsys.readouterr().out
        assert "Score" in english_out and "Score" not in out
        texts = []
        for line in out.splitlines():
            for quoted in sorted(content, key=len, reverse=True):
                line = line.replace(quoted, "")
            texts += [part.strip() for part in line.split(":") if part.strip()]
        assert english_left(texts) == [], texts


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_qa_feedback_in_finnish_and_swedish(lang, capsys):
    from microcred.grading.qa_scorer import score_plan, score_profile
    from tests.grading.test_qa_scorer import ACTION, GOOD

    content = ["Technology in home rehabilitation", ACTION, "Responsible teacher", "2025-10-31"]
    flat = {key: "2" for key in GOOD}
    for grade in (lambda lang: score_profile("Technology in home rehabilitation", GOOD, 3, lang),
                  lambda lang: score_profile("", {**flat, next(iter(GOOD)): "lots"}, 3, lang),
                  lambda lang: score_plan(GOOD, "quality", "Do it.", "", "soon", 4, lang),
                  lambda lang: score_plan(GOOD, "Portable", ACTION, "Responsible teacher",
                                          "2025-10-31", 4, lang)):
        english = grade("en")
        assert "Score" in capsys.readouterr().out
        assert grade(lang) == english  # the language scores nothing
        out = capsys.readouterr().out
        texts = []
        for line in out.splitlines():
            for quoted in content:
                line = line.replace(quoted, "")
            texts += [part.strip() for part in line.split(":") if part.strip()]
        assert "Score" not in out and english_left(texts) == [], texts


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_workload_and_alignment_feedback_in_finnish_and_swedish(lang, capsys):
    from microcred.grading.design_scorer import score_alignment, score_workload

    hours = {"contact": 20, "independent": "40", "work-based": 0, "assessment": None}
    outcomes = ["Osallistuja osaa analysoida tarpeita.", "Deltagaren kan skapa en plan."]
    for grade in (lambda lang: score_workload(hours, 70, "fi", 2.5, 1, points=5, lang=lang),
                  lambda lang: score_workload({}, "", "", "", "", points=5, lang=lang),
                  lambda lang: score_alignment(outcomes, ["Analyysiraportti"], ["1"], 5,
                                               lang=lang)):
        english = grade("en")
        assert "Score" in capsys.readouterr().out
        assert grade(lang) == english  # the language scores nothing
        out = capsys.readouterr().out
        texts = [part.strip() for line in out.splitlines() for part in line.split(":")
                 if part.strip()]
        assert "Score" not in out and english_left(texts) == [], texts

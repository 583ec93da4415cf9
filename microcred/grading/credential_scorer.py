"""Scoring for the ``credential`` assignment: the participant describes their own
micro-credential in text fields, one (or a few) per mandatory European standard element.

Each of the nine elements a description holds earns 1 when it is present and valid, 0.5 when
it is present but has an error (a workload that does not match the hours, an outcome with a
vague verb, a level out of range ...), and 0 when it is missing. Identification of the learner
and the date of issuing are filled in when a credential is issued, so they are not asked for.
"""

from __future__ import annotations

from typing import Any

from ..credential import Description, element, element_name, from_dict, mandatory, present
from ..credential import validate as validate_description
from ..findings import Finding
from ..i18n import t
from ..outcomes import detect_language
from ..settings import course_language
from ..spreadsheet import number
from . import is_unanswered
from ._answers import copy_of, distinct, is_filler
from ._guard import scorer

#: The elements the assignment grades, in the order of Annex I.
GRADED: tuple[str, ...] = tuple(mandatory("description"))


def answers_to_description(
    title: object = None,
    awarding_body: object = None,
    country: object = None,
    outcomes: list[object] | None = None,
    credits: object = None,
    hours: object = None,
    convention: object = None,
    eqf_level: object = None,
    assessment: object = None,
    participation: object = None,
    quality_assurance: object = None,
    **optional: object,
) -> Description:
    """The description the answers make; unanswered fields count as not given."""

    def given(value: object) -> str | None:
        return None if is_unanswered(value) else str(value).strip()

    if isinstance(outcomes, str):  # one text: one outcome a line
        outcomes = outcomes.splitlines()
    texts = [given(o) for o in (outcomes if isinstance(outcomes, (list, tuple)) else [])]
    outcome_texts = [o for o in texts if o]
    data: dict[str, Any] = {
        "title": given(title),
        "awarding_body": given(awarding_body),
        "country": given(country),
        "outcomes": outcome_texts or None,
        "workload": {"ects": given(credits), "hours": given(hours),
                     "convention": (given(convention) or "ects").lower()},
        "level": given(eqf_level),
        "assessment": given(assessment),
        "participation": given(participation),
        "quality_assurance": given(quality_assurance),
    }
    for key, value in optional.items():
        if key in ("supervision", "integration", "prerequisites", "stackable_towards",
                   "further_information", "summary", "grading", "region"):
            data[key] = given(value)
    sample = " ".join(filter(None, [*outcome_texts, given(title)]))
    data["language"] = detect_language(sample) if sample else "en"
    if data["workload"]["ects"] is None and data["workload"]["hours"] is None:
        data["workload"] = None
    return from_dict({k: v for k, v in data.items() if v is not None})


TEXT_FIELDS = ("title", "assessment", "participation", "quality_assurance")


def own_work(answers: dict[str, Any], lang: str = "en") -> tuple[dict[str, Any], list[str]]:
    """The answers that count, and why others do not: an outcome counts once however often it
    is repeated, a text field or outcome that copies another field counts as not given, and an
    outcome without two different words is not one."""
    answers = dict(answers)
    notes: list[str] = []
    earlier: list[str] = []
    for name in TEXT_FIELDS:
        value = answers.get(name)
        if is_unanswered(value):
            continue
        if (copied := copy_of(str(value), earlier)) is not None:
            notes.append(t("grading.own.field-copy", lang, field=name, text=copied[:60]))
            answers[name] = None
        else:
            earlier.append(str(value))
    outcomes = answers.get("outcomes")
    if isinstance(outcomes, str):
        outcomes = outcomes.splitlines()
    if isinstance(outcomes, (list, tuple)):
        texts = [str(o) for o in outcomes if not is_unanswered(o)]
        kept, repeats = distinct(texts)
        if repeats:
            notes.append(t("grading.own.repeats", lang, n=len(repeats)))
        own = []
        for text in kept:
            if is_filler(text) or copy_of(text, earlier) is not None:
                notes.append(t("grading.own.not-own-outcome", lang, text=text[:60]))
            else:
                own.append(text)
        answers["outcomes"] = own
    return answers, notes


def element_scores(desc: Description, findings: list[Finding]) -> dict[str, float]:
    """1, 0.5 or 0 for each graded element (see the module's docstring)."""
    scores = {}
    for key in GRADED:
        wrong = any(f.element == key and f.severity == "error" for f in findings)
        missing = any(f.element == key and f.code == "missing-element" for f in findings)
        if missing or not (present(desc, key) or wrong):
            scores[key] = 0.0
        else:
            scores[key] = 0.5 if wrong else 1.0
    return scores


@scorer()
def score_credential(points: float = 9, lang: str | None = None, **answers: Any) -> float:
    """Partial credit for a description written in the assignment's text fields.

    Prints, element by element, what was found and how to improve it; returns the score.
    Never raises on an answer, however odd, and never writes to stderr. Feedback in ``lang``
    (else the course's screen-language setting, else the language of the description).
    """
    chosen = lang or course_language()
    answers, repeats = own_work(answers, chosen or "en")
    for note in repeats:
        print(note)
    desc = answers_to_description(**answers)
    lang = chosen or desc.language
    findings = validate_description(desc, lang)
    scores = element_scores(desc, findings)
    marks = {1.0: "ok", 0.5: "half", 0.0: "miss"}
    for key in GRADED:
        print(t("grading.credential.element", lang,
                mark=t(f"grading.credential.{marks[scores[key]]}", lang),
                element=element_name(key, lang), score=number(scores[key], lang)))
        for f in findings:
            if f.element == key and (f.severity == "error" or scores[key] == 1.0):
                print("       " + t("grading.finding", lang,
                                    severity=t(f"common.{f.severity}", lang), message=f.message))
                if f.suggestion:
                    print(f"       -> {f.suggestion}")
    notes = [f for f in findings if f.element not in GRADED and f.code != "no-summary"]
    for f in notes:
        print(t("grading.finding", lang, severity=t("common.note", lang),
                message=f"{f.message} {f.suggestion}".strip()))
    print(t("grading.credential.not-graded", lang, learner=element("learner").name(lang),
            issued=element("issued").name(lang).lower()))
    score = round(points * sum(scores.values()) / len(GRADED), 2)
    print(t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score


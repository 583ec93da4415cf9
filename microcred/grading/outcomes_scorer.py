"""Scoring for the ``outcomes`` assignment: 3-5 outcomes, each judged by the outcome coach.

Only real work earns points: an outcome needs an object ("Analyse." earns nothing, the coach calls
it ``no-object``), the same outcome written twice counts once, and the course's own example
outcome copied as an answer earns nothing.
"""

from __future__ import annotations

import re

from ..i18n import t
from ..lexicon import LANGUAGES
from ..outcomes import OutcomeAnalysis, analyse
from ..settings import screen_language
from ..spreadsheet import number
from . import is_unanswered
from ._guard import scorer


def outcome_quality(result: OutcomeAnalysis) -> float:
    """1 for a clean outcome, 0.5 when it has only warnings, 0 when it has an error; notes (a verb
    in no list, a list split into items) cost nothing."""
    if not result.ok:
        return 0.0
    return 0.5 if result.costly else 1.0


@scorer()
def score_outcomes(answers: list[object], points: float = 5, minimum: int = 3,
                   lang: str | None = None) -> float:
    """Partial credit: the mean quality of the answered outcomes, counting at least ``minimum``
    of them (so two perfect outcomes out of three asked for score 2/3), times ``points``.
    A repeated outcome and a copy of the course's example count as answered with quality 0.
    Feedback in ``lang`` (else the screen-language setting); each outcome is analysed in its
    own language."""
    lang = screen_language(ui=lang)
    answered = [a for a in answers if not is_unanswered(a)]
    results = [analyse(str(a), messages=lang) for a in answered]
    examples = _course_examples()
    seen: dict[str, int] = {}
    total = 0.0
    for n, r in enumerate(results, 1):
        key = _normal(r.text)
        quality = outcome_quality(r)
        note = ""
        if key in examples:
            quality, note = 0.0, t("outcomes.grading.copy", lang, n=n)
        elif key in seen:
            quality = 0.0
            note = t("outcomes.grading.duplicate", lang, n=n, first=seen[key])
        seen.setdefault(key, n)
        total += quality
        level = (t(f"outcomes.level.{r.bloom_level}", lang) if r.bloom_level
                 else t("outcomes.coach.no-level", lang))
        print(t("grading.outcomes.line", lang, n=n, quality=number(quality, lang), level=level))
        if note:
            print(f"   {note}")
        for p in r.problems:
            print("   " + t("grading.finding", lang, severity=t(f"common.{p.severity}", lang),
                            message=f"{p.message} {p.suggestion}".strip()))
    missing = max(minimum - len(results), 0)
    if missing:
        print(t("grading.outcomes.missing", lang, missing=missing, minimum=minimum))
    score = round(points * total / max(len(results), minimum), 2)
    print(t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score


def _course_examples() -> set[str]:
    """The example outcomes the course itself shows (the coach's placeholder, the example of the
    'empty' advice), normalised: copying them is not writing an outcome."""
    texts = set()
    for lang in LANGUAGES:
        texts.add(t("outcomes.coach.placeholder", lang))
        subject = {"en": "The participant can", "fi": "Osallistuja osaa", "sv": "Deltagaren kan"}
        texts.add(f"{subject[lang]} {t('outcomes.example', lang)}")
    return {_normal(text) for text in texts}


def _normal(text: str) -> str:
    """Lower case, words only: "Analyse  the data." and "analyse the data" are the same."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))

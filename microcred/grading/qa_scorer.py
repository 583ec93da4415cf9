"""Scoring for the ``qa`` assignment: a self-assessment per European principle and a development
plan. Completeness and internal consistency are checked here; the reflection is graded by hand.

Scores arrive as participants type them: usually a string between quotes ("3"), sometimes a bare
number. Everything is parsed with ``microcred.qa.parse_score``, the same rule the tool uses.
"""

from __future__ import annotations

import re

from ..i18n import t
from ..qa import SCALE_MAX, SCALE_MIN, instrument, parse_score
from ..qa.instrument import pick
from ..settings import screen_language
from ..spreadsheet import number
from . import ANSWER_STUBS, is_unanswered
from ._answers import copy_of, is_filler
from ._answers import words as word_list
from ._guard import scorer

MIN_ACTION_WORDS = 8  # a concrete action says what, with what or whom: a sentence, not a slogan
_DATE = re.compile(
    r"\b20\d\d\b|\b\d{1,2}\.\s?\d{1,2}\.|\b(week|viikko|vko|vecka|v\.)\s*\d{1,2}\b", re.IGNORECASE
)


def principle_scores(scores: object) -> dict[str, int | None]:
    """Each principle's answer as a score 0-4 (None when unanswered or not a score), keyed by
    principle id. Keys may be ids ("valid-assessment") or variable names ("valid_assessment")."""
    raw = _by_principle(scores)
    return {p.id: _score(raw.get(p.id)) for p in instrument().principles}


def _by_principle(scores: object) -> dict[str, object]:
    """The answers as given, keyed by principle id (unknown keys and non-dicts are ignored)."""
    found = {}
    for key, value in (scores.items() if isinstance(scores, dict) else ()):
        p = instrument().find_principle(key)
        if p is not None:
            found[p.id] = value
    return found


@scorer()
def score_profile(credential: object, scores: dict[str, object], points: float = 3,
                  lang: str | None = None) -> float:
    """Completeness of the self-assessment: the micro-credential named (1/6 of the points), a
    valid score 0-4 for each of the ten principles (4/6), and a profile with some variation
    (1/6: a self-assessment where everything is equal rarely tells you what to do next).
    Feedback in ``lang`` (else the screen-language setting)."""
    lang = screen_language(ui=lang)
    return _score_profile(credential, scores, points, lang)


@scorer()
def score_plan(
    scores: dict[str, object],
    principle: object,
    action: object,
    owner: object,
    deadline: object,
    points: float = 4,
    lang: str | None = None,
) -> float:
    """Consistency of the development plan with the profile: it names a principle (1/4 of the
    points), one of the weakest (1/4), with a concrete action (1/4), someone responsible and a
    date (1/8 each). Feedback in ``lang`` (else the screen-language setting)."""
    lang = screen_language(ui=lang)
    return _score_plan(scores, principle, action, owner, deadline, points, lang)


# --- the checks ------------------------------------------------------------------------------


def _score_profile(credential: object, scores: dict[str, object], points: float,
                   lang: str) -> float:
    inst = instrument()
    raw = _by_principle(scores)
    parsed = principle_scores(scores)
    earned = 0.0
    if is_unanswered(credential):
        print(t("grading.qa.no-credential", lang))
    else:
        earned += 1 / 6
        print(t("grading.qa.credential", lang, name=str(credential).strip()[:120]))
    print("\n" + t("grading.qa.profile", lang))
    for p in inst.principles:
        value = parsed[p.id]
        name = pick(p.name, lang)
        if value is None:
            print(f"  {p.number:>2} {name:<26} {_why_not(raw.get(p.id), lang)}")
        else:
            label = pick(inst.level(value).label, lang)
            print(f"  {p.number:>2} {name:<26} {'#' * value:<4} {value} ({label})")
    valid = [v for v in parsed.values() if v is not None]
    earned += 4 / 6 * len(valid) / len(inst.principles)
    if len(valid) == len(inst.principles) and len(set(valid)) > 1:
        earned += 1 / 6
    elif len(valid) == len(inst.principles):
        print("\n" + t("grading.qa.all-equal", lang, score=valid[0]))
    score = round(points * earned, 2)
    print("\n" + t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score


def _score_plan(scores, principle, action, owner, deadline, points: float, lang: str) -> float:
    inst = instrument()
    parsed = principle_scores(scores)
    known = {pid: v for pid, v in parsed.items() if v is not None}
    earned = 0.0
    target = None if is_unanswered(principle) else inst.find_principle(principle)
    if target is None:
        names = ", ".join(f"{p.number} {pick(p.name, lang)}" for p in inst.principles)
        if is_unanswered(principle):
            print(t("grading.qa.principle-missing", lang, names=names))
        else:
            print(t("grading.qa.principle-unknown", lang, value=str(principle)[:60], names=names))
    else:
        earned += 1 / 4
        print(t("grading.qa.improves", lang, principle=f"{target.number} "
                                                       f"{pick(target.name, lang)}"))
        if not known:
            print("  " + t("grading.qa.scores-first", lang))
        elif target.id not in known:
            print("  " + t("grading.qa.not-scored", lang))
        else:
            lowest = min(known.values())
            weakest = [p for p in inst.principles if known.get(p.id) == lowest]
            if known[target.id] <= lowest + 1:
                earned += 1 / 4
                print("  " + t("grading.qa.consistent", lang, score=known[target.id],
                               lowest=lowest))
            else:
                names = ", ".join(pick(p.name, lang) for p in weakest)
                print("  " + t("grading.qa.not-weakest", lang, score=known[target.id],
                               names=names, lowest=lowest))
    copied = None if is_unanswered(action) else copy_of(str(action), [
        str(x) for x in (principle, owner, deadline) if not is_unanswered(x)] + (
        [pick(target.name, code) for code in ("en", "fi", "sv")] if target else []))
    if is_unanswered(action) or is_filler(action) or copied is not None:
        print(t("grading.qa.no-action", lang))  # filler or a copy of another field is no action
    else:
        words = len(set(word_list(action)))  # different words: "a a a a" is not a plan
        if words >= MIN_ACTION_WORDS:
            earned += 1 / 4
            print(t("grading.qa.action-ok", lang, words=words))
        else:
            earned += 1 / 8
            print(t("grading.qa.action-short", lang, words=words))
    if is_unanswered(owner) or is_filler(owner, minimum=1):
        print(t("grading.qa.no-owner", lang))
    else:
        earned += 1 / 8
        print(t("grading.qa.owner", lang, owner=str(owner).strip()[:80]))
    if is_unanswered(deadline) or not _DATE.search(str(deadline)):
        print(t("grading.qa.no-deadline", lang))
    else:
        earned += 1 / 8
        print(t("grading.qa.deadline", lang, deadline=str(deadline).strip()[:40]))
    score = round(points * earned, 2)
    print("\n" + t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score


def _score(value: object) -> int | None:
    if isinstance(value, str) and value.strip() in ANSWER_STUBS:
        return None
    return parse_score(value)


def _why_not(value: object, lang: str = "en") -> str:
    if value is None or (isinstance(value, str) and is_unanswered(value)):
        return t("grading.qa.not-answered", lang)
    return t("grading.qa.not-a-score", lang, value=str(value)[:30], low=SCALE_MIN, high=SCALE_MAX)

"""Scoring for the ``qa`` assignment: a self-assessment per European principle and a development
plan. Completeness and internal consistency are checked here; the reflection is graded by hand.

Scores arrive as participants type them: usually a string between quotes ("3"), sometimes a bare
number. Everything is parsed with ``microcred.qa.parse_score``, the same rule the tool uses.
"""

from __future__ import annotations

import re

from ..qa import SCALE_MAX, SCALE_MIN, instrument, parse_score
from ..qa.instrument import pick
from . import ANSWER_STUB, is_unanswered

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


def score_profile(credential: object, scores: dict[str, object], points: float = 3) -> float:
    """Completeness of the self-assessment: the micro-credential named (1/6 of the points), a
    valid score 0-4 for each of the ten principles (4/6), and a profile with some variation
    (1/6: a self-assessment where everything is equal rarely tells you what to do next)."""
    try:
        return _score_profile(credential, scores, points)
    except Exception as exc:  # noqa: BLE001 - a grader never fails on an odd answer
        print(f"Could not check the answers ({type(exc).__name__}); please check their format.")
        return 0.0


def score_plan(
    scores: dict[str, object],
    principle: object,
    action: object,
    owner: object,
    deadline: object,
    points: float = 4,
) -> float:
    """Consistency of the development plan with the profile: it names a principle (1/4 of the
    points), one of the weakest (1/4), with a concrete action (1/4), someone responsible and a
    date (1/8 each)."""
    try:
        return _score_plan(scores, principle, action, owner, deadline, points)
    except Exception as exc:  # noqa: BLE001 - a grader never fails on an odd answer
        print(f"Could not check the plan ({type(exc).__name__}); please check its format.")
        return 0.0


# --- the checks ------------------------------------------------------------------------------


def _score_profile(credential: object, scores: dict[str, object], points: float) -> float:
    inst = instrument()
    raw = _by_principle(scores)
    parsed = principle_scores(scores)
    earned = 0.0
    if is_unanswered(credential):
        print("The micro-credential is not named: write its name in `credential`.")
    else:
        earned += 1 / 6
        print(f"Micro-credential: {str(credential).strip()[:120]}")
    print("\nYour profile:")
    for p in inst.principles:
        value = parsed[p.id]
        name = pick(p.name, "en")
        if value is None:
            print(f"  {p.number:>2} {name:<26} {_why_not(raw.get(p.id))}")
        else:
            label = pick(inst.level(value).label, "en")
            print(f"  {p.number:>2} {name:<26} {'#' * value:<4} {value} ({label})")
    valid = [v for v in parsed.values() if v is not None]
    earned += 4 / 6 * len(valid) / len(inst.principles)
    if len(valid) == len(inst.principles) and len(set(valid)) > 1:
        earned += 1 / 6
    elif len(valid) == len(inst.principles):
        print(f"\nEvery principle has the same score ({valid[0]}). Read the anchors of the scale "
              "again: where is your micro-credential weaker or stronger?")
    score = round(points * earned, 2)
    print(f"\nScore: {score:g} / {points:g}")
    return score


def _score_plan(scores, principle, action, owner, deadline, points: float) -> float:
    inst = instrument()
    parsed = principle_scores(scores)
    known = {pid: v for pid, v in parsed.items() if v is not None}
    earned = 0.0
    target = None if is_unanswered(principle) else inst.find_principle(principle)
    if target is None:
        names = ", ".join(f"{p.number} {pick(p.name, 'en')}" for p in inst.principles)
        if is_unanswered(principle):
            print(f"Principle of the plan: missing. Write one of: {names}.")
        else:
            print(f'Principle of the plan: "{str(principle)[:60]}" is not one of the ten '
                  f"principles ({names}).")
    else:
        earned += 1 / 4
        print(f"Your plan improves: {target.number} {pick(target.name, 'en')}.")
        if not known:
            print("  Give your scores first: the plan is checked against them.")
        elif target.id not in known:
            print("  You did not score this principle, so it cannot be compared with the others.")
        else:
            lowest = min(known.values())
            weakest = [p for p in inst.principles if known.get(p.id) == lowest]
            if known[target.id] <= lowest + 1:
                earned += 1 / 4
                print(f"  Consistent with your profile: it scores {known[target.id]}, "
                      f"your lowest score is {lowest}.")
            else:
                names = ", ".join(pick(p.name, "en") for p in weakest)
                print(f"  It scores {known[target.id]}, but {names} scored {lowest}. Work on a "
                      "weaker principle first, or explain in your reflection why this one comes first.")
    if is_unanswered(action):
        print("The action is missing: say what will be done, with whom or with what.")
    else:
        words = len(str(action).split())
        if words >= MIN_ACTION_WORDS:
            earned += 1 / 4
            print(f"Action: concrete enough ({words} words).")
        else:
            earned += 1 / 8
            print(f"Action: only {words} words. Say what exactly will be done, with whom or with "
                  "what, so that someone else could do it.")
    if is_unanswered(owner) or len(str(owner).strip()) < 2:
        print("Responsible: missing. Name a person or a role.")
    else:
        earned += 1 / 8
        print(f"Responsible: {str(owner).strip()[:80]}")
    if is_unanswered(deadline) or not _DATE.search(str(deadline)):
        print("Deadline: give a date, for example 2025-10-31.")
    else:
        earned += 1 / 8
        print(f"Deadline: {str(deadline).strip()[:40]}")
    score = round(points * earned, 2)
    print(f"\nScore: {score:g} / {points:g}")
    return score


def _score(value: object) -> int | None:
    if isinstance(value, str) and value.strip() == ANSWER_STUB:
        return None
    return parse_score(value)


def _why_not(value: object) -> str:
    if value is None or (isinstance(value, str) and is_unanswered(value)):
        return "not answered"
    return f"\"{str(value)[:30]}\" is not a score: write a whole number {SCALE_MIN}-{SCALE_MAX}"

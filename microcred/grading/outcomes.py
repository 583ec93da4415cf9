"""Scoring for the ``outcomes`` assignment: 3-5 outcomes, each judged by the outcome coach."""

from __future__ import annotations

from ..outcomes import OutcomeAnalysis, analyse
from . import is_unanswered


def outcome_quality(result: OutcomeAnalysis) -> float:
    """1 for a clean outcome, 0.5 when it has only warnings, 0 when it has an error; notes (a verb
    in no list, a list split into items) cost nothing."""
    if not result.ok:
        return 0.0
    return 0.5 if result.costly else 1.0


def score_outcomes(answers: list[object], points: float = 5, minimum: int = 3) -> float:
    """Partial credit: the mean quality of the answered outcomes, counting at least ``minimum``
    of them (so two perfect outcomes out of three asked for score 2/3), times ``points``."""
    answered = [a for a in answers if not is_unanswered(a)]
    results = [analyse(str(a)) for a in answered]
    for n, r in enumerate(results, 1):
        quality = outcome_quality(r)
        print(f"Outcome {n}: {quality:g} point(s) of 1 - level: {r.bloom_level or 'none'}")
        for p in r.problems:
            print(f"   {p.severity}: {p.message} {p.suggestion}")
    missing = max(minimum - len(results), 0)
    if missing:
        print(f"{missing} more outcome(s) needed: write at least {minimum}.")
    total = sum(outcome_quality(r) for r in results)
    score = round(points * total / max(len(results), minimum), 2)
    print(f"Score: {score:g} / {points:g}")
    return score

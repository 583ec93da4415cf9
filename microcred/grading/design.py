"""Scoring for the ``design`` assignment: workload arithmetic and alignment coverage.

Participants answer in plain text between quotes, numbers included ("81", "81 h", "3 op",
"27,5"), so the released notebook asks for nothing but words; ``parse_number`` reads them.
The checks are the workload calculator's and the alignment matrix's, so the feedback matches
what participants saw in the practice notebooks.
"""

from __future__ import annotations

import re
from typing import Any

from ..alignment import Alignment, AssessmentTask, Outcome, check_alignment
from ..credits import conventions
from ..lexicon import bloom_rank
from ..numbers import parse_number
from ..workload import KINDS, Activity, Workload, check_workload
from . import is_unanswered

# How the workload points are shared out (fractions of ``points``).
WORKLOAD_PARTS = {"hours": 0.2, "total": 0.2, "credits": 0.4, "weekly": 0.2}
# How the alignment points are shared out.
ALIGNMENT_PARTS = {"coverage": 0.5, "tasks": 0.2, "levels": 0.3}

_CONVENTION_WORDS = {
    "fi": ("fi", "fin", "finland", "suomi", "op", "opintopiste", "opintopisteet", "finsk"),
    "se": ("se", "sv", "swe", "sweden", "sverige", "ruotsi", "hp", "högskolepoäng", "svensk"),
    "ects": ("ects", "eu", "european", "eurooppa", "europa"),
}


def parse_convention(answer: object) -> str | None:
    """fi, se or ects from an answer such as "Finland", "Suomi (op)", "hp" or "ECTS"."""
    if is_unanswered(answer):
        return None
    words = re.findall(r"[^\W\d_]+", str(answer).lower())
    for code, names in _CONVENTION_WORDS.items():
        if any(word in names for word in words):
            return code
    return None


def score_workload(hours: dict[str, object], total_hours: object, convention: object,
                   credits: object, weeks: object, points: float = 5) -> float:
    """Partial credit for dimensioning a micro-credential.

    ``hours`` maps each kind (contact, independent, work-based, assessment) to the answer.
    Parts: hours for every kind (0 is a valid answer), the total added up right, credits that
    match the hours under the chosen convention, a weekly load no higher than full time.
    """
    try:
        return _score_workload(hours, total_hours, convention, credits, weeks, points)
    except Exception as exc:  # noqa: BLE001 - a grader never fails on an odd answer
        print(f"The answers could not be checked ({type(exc).__name__}). Score: 0 / {points:g}")
        return 0.0


def score_alignment(outcomes: list[object], tasks: list[object], serves: list[object],
                    points: float = 5, minimum: int = 2) -> float:
    """Partial credit for aligning assessment tasks with outcomes.

    ``serves[i]`` names the outcome numbers task i assesses ("1, 2"). Parts: the share of
    outcomes assessed (counting at least ``minimum`` outcomes), the share of outcomes assessed
    by a task that reaches the outcome's Bloom level (a task whose level cannot be found counts
    half), and the share of tasks that assess an existing outcome.
    """
    try:
        return _score_alignment(outcomes, tasks, serves, points, minimum)
    except Exception as exc:  # noqa: BLE001 - a grader never fails on an odd answer
        print(f"The answers could not be checked ({type(exc).__name__}). Score: 0 / {points:g}")
        return 0.0


# --- the work ------------------------------------------------------------------------------


def _score_workload(hours: dict[str, object], total_hours: object, convention: object,
                    credits: object, weeks: object, points: float) -> float:
    hours = hours if isinstance(hours, dict) else {}
    parts = dict.fromkeys(WORKLOAD_PARTS, 0.0)
    given = {k: _number(hours.get(k)) for k in KINDS}
    valid = {k: h for k, h in given.items() if h is not None and h >= 0}
    parts["hours"] = len(valid) / len(KINDS)
    for kind in KINDS:
        if (h := given[kind]) is None:
            print(f"Hours for {kind}: not answered (write 0 if there are none).")
        elif h < 0:
            print(f"Hours for {kind}: {h:g} - hours cannot be negative.")
    total = sum(valid.values())
    if total <= 0:
        print("No hours given yet: fill in the hours of each kind of activity.")
        return _total(parts, WORKLOAD_PARTS, points)

    stated = _number(total_hours)
    if stated is None:
        print(f"Total hours: not answered (the hours add up to {total:g}).")
    elif abs(stated - total) <= 0.5:
        parts["total"] = 1.0
        print(f"Total hours: {stated:g} - right.")
    else:
        print(f"Total hours: you wrote {stated:g}, but the hours add up to {total:g}.")

    code = parse_convention(convention)
    claimed = _number(credits)
    duration = _number(weeks)
    if code is None:
        print(f"Convention: not recognised; write one of {', '.join(conventions())} "
              "(Finland, Sweden or ECTS).")
        code = "ects"  # still check the credits, against the widest range
    else:
        parts["credits"] += 0.25
    workload = Workload(
        activities=tuple(Activity(kind, kind, h) for kind, h in valid.items()),
        convention=code,
        credits=claimed if claimed is not None and claimed > 0 else None,
        weeks=duration if duration is not None and duration > 0 else None,
    )
    report = check_workload(workload)
    conv = conventions()[code]
    if claimed is None or claimed <= 0:
        print(f"Credits: not answered; {total:g} h is {conv.credits_for(total):.1f} credits "
              f"under {conv.name['en']}.")
    elif "credits-mismatch" in report.codes:
        near = abs(conv.credits_for(total) - claimed) <= 0.5
        parts["credits"] += 0.4 if near else 0.0
        print(f"Credits: {claimed:g} does not match {total:g} h under {conv.name['en']} "
              f"({conv.min_hours_per_credit:g}-{conv.max_hours_per_credit:g} h per credit)"
              + (" - close." if near else "."))
    else:
        parts["credits"] += 0.75
        print(f"Credits: {claimed:g} match {total:g} h under {conv.name['en']} - right.")

    if duration is None or duration <= 0:
        print("Weeks: not answered; the weekly load cannot be checked.")
    elif "over-full-time" in report.codes:
        parts["weekly"] = 0.5
        print(f"Weekly load: {total / duration:.1f} h a week is more than full-time study "
              f"({conv.full_time_week_hours:g} h); spread the work over more weeks.")
    else:
        parts["weekly"] = 1.0
        print(f"Weekly load: {total / duration:.1f} h a week - feasible.")
    for f in report.findings:
        if f.code in ("no-assessment", "zero-hours"):
            print(f"Note: {f.message} {f.suggestion}")
    return _total(parts, WORKLOAD_PARTS, points)


def _score_alignment(outcomes: list[object], tasks: list[object], serves: list[object],
                     points: float, minimum: int) -> float:
    outcomes = list(outcomes) if isinstance(outcomes, (list, tuple)) else []
    tasks = list(tasks) if isinstance(tasks, (list, tuple)) else []
    serves = list(serves) if isinstance(serves, (list, tuple)) else []
    parts = dict.fromkeys(ALIGNMENT_PARTS, 0.0)
    answered = [Outcome(f"LO{n}", str(text).strip())
                for n, text in enumerate(outcomes, 1) if not is_unanswered(text)]
    task_list = []
    for n, text in enumerate(tasks, 1):
        if is_unanswered(text):
            continue
        numbers = _numbers(serves[n - 1] if n - 1 < len(serves) else None)
        task_list.append(AssessmentTask(f"T{n}", str(text).strip(),
                                        tuple(f"LO{k}" for k in numbers)))
    if not answered:
        print("No outcomes given yet: copy the outcomes of your micro-credential.")
        return _total(parts, ALIGNMENT_PARTS, points)
    if not task_list:
        print("No assessment tasks given yet: describe how each outcome is assessed.")
        return _total(parts, ALIGNMENT_PARTS, points)

    alignment = Alignment(tuple(answered), (), tuple(task_list))
    report = check_alignment(alignment)
    assessed = sum(1 for ids in report.assessed_by.values() if ids)
    parts["coverage"] = assessed / max(len(answered), minimum)
    known = {o.id for o in answered}
    serving = [task for task in task_list if any(i in known for i in task.outcomes)]
    parts["tasks"] = len(serving) / len(task_list)
    level_points = 0.0  # per outcome: the best level reached by a task that assesses it
    for o in answered:
        wanted = report.outcome_levels.get(o.id)
        best = 0.0
        for tid in report.assessed_by.get(o.id, ()):
            level = report.task_levels.get(tid)
            if level is None:
                best = max(best, 0.5)
            elif wanted is None or bloom_rank(level) >= bloom_rank(wanted):
                best = 1.0
        level_points += best
    parts["levels"] = level_points / max(len(answered), minimum)

    for o in answered:
        by = ", ".join(i.replace("T", "task ") for i in report.assessed_by.get(o.id, ()))
        level = report.outcome_levels.get(o.id) or "no level found"
        print(f"Outcome {o.id[2:]} ({level}): " + (f"assessed by {by}." if by else
                                                  "NOT assessed."))
    missing = max(minimum - len(answered), 0)
    if missing:
        print(f"{missing} more outcome(s) needed: align at least {minimum}.")
    for f in report.findings:
        if f.code in ("not-assessed", "no-activities", "not-taught"):
            continue  # said above, or not asked for in this assignment
        print(f"{f.severity}: {f.message} {f.suggestion}")
    return _total(parts, ALIGNMENT_PARTS, points)


def _total(parts: dict[str, float], weights: dict[str, float], points: float) -> float:
    score = round(points * sum(weights[k] * min(max(v, 0.0), 1.0) for k, v in parts.items()), 2)
    print(f"Score: {score:g} / {points:g}")
    return score


def _number(answer: Any) -> float | None:
    if isinstance(answer, str) and is_unanswered(answer):
        return None
    return parse_number(answer)


def _numbers(answer: Any) -> list[int]:
    """Outcome numbers from "1, 2", "LO1 and LO3", [1, 2] or 2."""
    if isinstance(answer, bool) or answer is None:
        return []
    if isinstance(answer, int):
        return [answer]
    if isinstance(answer, (list, tuple)):
        return [n for a in answer for n in _numbers(a)]
    if isinstance(answer, str) and not is_unanswered(answer):
        return list(dict.fromkeys(int(d) for d in re.findall(r"\d+", answer)))[:20]
    return []

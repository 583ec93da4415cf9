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
from ..i18n import number, t
from ..lexicon import bloom_rank
from ..numbers import parse_number
from ..settings import screen_language
from ..workload import KINDS, Activity, Workload, check_workload
from . import is_unanswered
from ._answers import copy_of, is_filler
from ._guard import scorer

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


@scorer()
def score_workload(hours: dict[str, object], total_hours: object, convention: object,
                   credits: object, weeks: object, points: float = 5,
                   lang: str | None = None) -> float:
    """Partial credit for dimensioning a micro-credential.

    ``hours`` maps each kind (contact, independent, work-based, assessment) to the answer.
    Parts: hours for every kind (0 is a valid answer), the total added up right, credits that
    match the hours under the chosen convention, a weekly load no higher than full time.
    Feedback in ``lang`` (else the course's screen-language setting).
    """
    lang = screen_language(ui=lang)
    return _score_workload(hours, total_hours, convention, credits, weeks, points, lang)


@scorer()
def score_alignment(outcomes: list[object], tasks: list[object], serves: list[object],
                    points: float = 5, minimum: int = 2, lang: str | None = None) -> float:
    """Partial credit for aligning assessment tasks with outcomes.

    ``serves[i]`` names the outcome numbers task i assesses ("1, 2"). Parts: the share of
    outcomes assessed (counting at least ``minimum`` outcomes), the share of outcomes assessed
    by a task that reaches the outcome's Bloom level (a task whose level cannot be found counts
    half), and the share of tasks that assess an existing outcome. Feedback in ``lang`` (else
    the course's screen-language setting).
    """
    lang = screen_language(ui=lang)
    return _score_alignment(outcomes, tasks, serves, points, minimum, lang)


# --- the work ------------------------------------------------------------------------------


def _score_workload(hours: dict[str, object], total_hours: object, convention: object,
                    credits: object, weeks: object, points: float, lang: str) -> float:
    hours = hours if isinstance(hours, dict) else {}
    parts = dict.fromkeys(WORKLOAD_PARTS, 0.0)
    given = {k: _number(hours.get(k)) for k in KINDS}
    valid = {k: h for k, h in given.items() if h is not None and h >= 0}
    parts["hours"] = len(valid) / len(KINDS)
    for kind in KINDS:
        name = t(f"workload.kind.{kind}", lang)
        if (h := given[kind]) is None:
            print(t("grading.design.hours-missing", lang, kind=name))
        elif h < 0:
            print(t("grading.design.hours-negative", lang, kind=name, hours=_n(h, lang)))
    total = sum(valid.values())
    if total <= 0:
        print(t("grading.design.no-hours", lang))
        return _total(parts, WORKLOAD_PARTS, points, lang)

    stated = _number(total_hours)
    if stated is None:
        print(t("grading.design.total-missing", lang, total=_n(total, lang)))
    elif abs(stated - total) <= 0.5:
        parts["total"] = 1.0
        print(t("grading.design.total-right", lang, stated=_n(stated, lang)))
    else:
        print(t("grading.design.total-wrong", lang, stated=_n(stated, lang),
                total=_n(total, lang)))

    code = parse_convention(convention)
    claimed = _number(credits)
    duration = _number(weeks)
    if code is None:
        print(t("grading.design.convention-unknown", lang, codes=", ".join(conventions())))
        code = "ects"  # still check the credits, against the widest range
    else:
        parts["credits"] += 0.25
    workload = Workload(
        activities=tuple(Activity(kind, kind, h) for kind, h in valid.items()),
        convention=code,
        credits=claimed if claimed is not None and claimed > 0 else None,
        weeks=duration if duration is not None and duration > 0 else None,
    )
    report = check_workload(workload, lang)
    conv = conventions()[code]
    name = conv.name.get(lang, conv.name["en"])
    if claimed is None or claimed <= 0:
        print(t("grading.design.credits-missing", lang, total=_n(total, lang),
                credits=number(conv.credits_for(total), lang, ".1f"), convention=name))
    elif "credits-mismatch" in report.codes:
        near = abs(conv.credits_for(total) - claimed) <= 0.5
        parts["credits"] += 0.4 if near else 0.0
        print(t("grading.design.credits-close" if near else "grading.design.credits-wrong", lang,
                claimed=_n(claimed, lang), total=_n(total, lang), convention=name,
                low=_n(conv.min_hours_per_credit, lang), high=_n(conv.max_hours_per_credit, lang)))
    else:
        parts["credits"] += 0.75
        print(t("grading.design.credits-right", lang, claimed=_n(claimed, lang),
                total=_n(total, lang), convention=name))

    if duration is None or duration <= 0:
        print(t("grading.design.weeks-missing", lang))
    elif "over-full-time" in report.codes:
        parts["weekly"] = 0.5
        print(t("grading.design.weekly-over", lang, weekly=number(total / duration, lang, ".1f"),
                full=_n(conv.full_time_week_hours, lang)))
    else:
        parts["weekly"] = 1.0
        print(t("grading.design.weekly-ok", lang, weekly=number(total / duration, lang, ".1f")))
    for f in report.findings:
        if f.code in ("no-assessment", "zero-hours"):
            print(t("grading.finding", lang, severity=t("common.note", lang).capitalize(),
                    message=f"{f.message} {f.suggestion}".strip()))
    return _total(parts, WORKLOAD_PARTS, points, lang)


def _score_alignment(outcomes: list[object], tasks: list[object], serves: list[object],
                     points: float, minimum: int, lang: str) -> float:
    outcomes = list(outcomes) if isinstance(outcomes, (list, tuple)) else []
    tasks = list(tasks) if isinstance(tasks, (list, tuple)) else []
    serves = list(serves) if isinstance(serves, (list, tuple)) else []
    parts = dict.fromkeys(ALIGNMENT_PARTS, 0.0)
    answered: list[Outcome] = []
    for n, text in enumerate(outcomes, 1):
        if is_unanswered(text):
            continue
        if is_filler(text):
            print(t("grading.design.outcome-filler", lang, n=n))
        elif (same := copy_of(str(text), [o.text for o in answered])) is not None:
            first = next(o.id[2:] for o in answered if o.text == same)
            print(t("grading.design.outcome-repeat", lang, n=n, first=first))
        else:
            answered.append(Outcome(f"LO{n}", str(text).strip()))
    task_list = []
    for n, text in enumerate(tasks, 1):
        if is_unanswered(text):
            continue
        if is_filler(text) or copy_of(str(text), [o.text for o in answered]) is not None:
            print(t("grading.design.task-not-own", lang, n=n))
            continue
        numbers = _numbers(serves[n - 1] if n - 1 < len(serves) else None)
        task_list.append(AssessmentTask(f"T{n}", str(text).strip(),
                                        tuple(f"LO{k}" for k in numbers)))
    if not answered:
        print(t("grading.design.no-outcomes", lang))
        return _total(parts, ALIGNMENT_PARTS, points, lang)
    if not task_list:
        print(t("grading.design.no-tasks", lang))
        return _total(parts, ALIGNMENT_PARTS, points, lang)

    alignment = Alignment(tuple(answered), (), tuple(task_list))
    report = check_alignment(alignment, lang)
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
        by = ", ".join(t("grading.design.task", lang, n=i[1:])
                       for i in report.assessed_by.get(o.id, ()))
        found = report.outcome_levels.get(o.id)
        level = t(f"outcomes.level.{found}", lang) if found else t("grading.design.no-level",
                                                                   lang)
        print(t("grading.design.assessed-by", lang, n=o.id[2:], level=level, tasks=by) if by
              else t("grading.design.not-assessed", lang, n=o.id[2:], level=level))
    missing = max(minimum - len(answered), 0)
    if missing:
        print(t("grading.design.more-outcomes", lang, missing=missing, minimum=minimum))
    for f in report.findings:
        if f.code in ("not-assessed", "no-activities", "not-taught"):
            continue  # said above, or not asked for in this assignment
        print(t("grading.finding", lang, severity=t(f"common.{f.severity}", lang),
                message=f"{f.message} {f.suggestion}".strip()))
    return _total(parts, ALIGNMENT_PARTS, points, lang)


def _total(parts: dict[str, float], weights: dict[str, float], points: float,
           lang: str = "en") -> float:
    score = round(points * sum(weights[k] * min(max(v, 0.0), 1.0) for k, v in parts.items()), 2)
    print(t("grading.score", lang, score=_n(score, lang), points=_n(points, lang)))
    return score


def _n(value: float, lang: str) -> str:
    """A number as the reader writes it (``2.5`` or ``2,5``), up to four decimals."""
    return number(round(value, 4), lang)


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

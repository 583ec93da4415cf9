"""Language versions of one assignment: ``outcomes``, ``outcomes-fi`` and ``outcomes-sv`` count as one.

The Finnish and Swedish versions of an assignment (``make notebooks`` writes them from the
English source) have the same cells, model answers and points, so the grading report, the grade
export and the course badge count them as one assignment, under the English name. A participant
is expected to hand in one version; when they hand in more than one, the **best** counts (the
highest share of the maximum among the graded or waiting versions): a second hand-in in another
language can only help, as a second hand-in of the same version would, and nothing is counted
twice. A version refused by the vetting counts only when no other version was handed in; a
participant who handed in none is "not submitted" once, not once per version.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..i18n import LANGUAGES

if TYPE_CHECKING:
    from .report import GradingData, Question, Row

SUFFIXES = tuple(f"-{lang}" for lang in LANGUAGES if lang != "en")  # -fi, -sv


def base_name(assignment: str) -> str:
    """The assignment a language version belongs to: ``outcomes-fi`` -> ``outcomes``."""
    for suffix in SUFFIXES:
        if assignment.endswith(suffix) and len(assignment) > len(suffix):
            return assignment[: -len(suffix)]
    return assignment


def base_names(assignments: list[str] | tuple[str, ...]) -> list[str]:
    """``assignments`` with each version replaced by its assignment, once each, in order."""
    return list(dict.fromkeys(base_name(a) for a in assignments))


def merge_versions(data: GradingData) -> GradingData:
    """``data`` with the language versions of each assignment counted as one (see the module);
    the rows keep the version that counts in ``Row.version``. Call it before the questions are
    counted (``report.read_gradebook`` does)."""
    from .report import GradingData

    if all(base_name(a) == a for a in data.assignments):
        return data
    assignments = base_names(data.assignments)
    maxima = {b: max(data.max_scores[a] for a in data.assignments if base_name(a) == b)
              for b in assignments}
    duedates = {}
    for b in assignments:
        dates = [d for a in data.assignments if base_name(a) == b
                 and (d := data.duedates.get(a)) is not None]
        duedates[b] = data.duedates.get(b) or (min(dates) if dates else None)
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in data.rows:
        groups.setdefault((r.student, base_name(r.assignment)), []).append(r)
    rows = [_best(rows, base, maxima[base]) for (_, base), rows in groups.items()]
    rows.sort(key=lambda r: (assignments.index(r.assignment), r.student))
    return GradingData(data.course_id, assignments, maxima, rows,
                       _merge_questions(data.questions), data.vetting, data.people, duedates)


def _best(rows: list[Row], base: str, max_score: float) -> Row:
    """The row that counts among one participant's versions of ``base``."""
    from .report import GRADED, MISSING, PENDING, REFUSED

    handed_in = [r for r in rows if r.status in (GRADED, PENDING)]
    if handed_in:
        best = max(handed_in, key=lambda r: (r.share or 0.0, r.status == GRADED,
                                             r.assignment == base))
    else:
        refused = [r for r in rows if r.status == REFUSED]
        best = refused[0] if refused else replace(rows[0], status=MISSING, max_score=max_score)
    version = best.assignment if best.status != MISSING else ""
    return replace(best, assignment=base, version="" if version == base else version)


def _merge_questions(questions: list[Question]) -> list[Question]:
    """Each question once per assignment (the versions' cells have the same names; their
    notebooks are named after the version); counted later, over the rows that count."""
    merged: dict[tuple[str, str, str], Question] = {}
    for q in questions:
        key = (base_name(q.assignment), base_name(q.notebook), q.name)
        if key not in merged:
            merged[key] = replace(q, assignment=key[0], notebook=key[1])
        else:
            merged[key].max_score = max(merged[key].max_score, q.max_score)
    return list(merged.values())

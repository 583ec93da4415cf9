"""Scoring for the ``needs`` assignment: a needs canvas for the participant's own case, and how
well their learning outcomes cover the needs they listed.

Both functions build the same records the practice tools use (``microcred.needs``,
``microcred.matching``), print the tools' feedback and return partial credit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..i18n import t
from ..matching import DEFAULT_THRESHOLD, match
from ..needs import (
    CompetenceNeed,
    Constraints,
    NeedsCanvas,
    Stakeholder,
    TargetGroup,
    check,
    completeness,
    parse_list,
    parse_need,
)
from ..numbers import parse_number
from ..settings import screen_language
from ..spreadsheet import number
from . import is_unanswered
from ._answers import copy_of, distinct, is_filler
from ._guard import scorer

MIN_NEEDS = 3
MIN_OUTCOMES = 3

def _text(answer: object) -> str:
    return "" if is_unanswered(answer) else str(answer).strip()


def _as_list(x: object) -> list[object]:
    """Answers as a list: a single answer given where a list belongs counts as one."""
    if isinstance(x, (list, tuple)):
        return list(x)
    return [] if x is None else [x]


def _budget(answer: object) -> float | None:
    """The first number in a budget answer ("about 18 000 EUR" -> 18000)."""
    return parse_number(_text(answer))


def canvas_from_answers(fields: Mapping[str, object], needs: Sequence[object]) -> NeedsCanvas:
    """A needs canvas from the assignment's answers (texts; unanswered ones are left empty)."""
    fields = fields if isinstance(fields, Mapping) else {}
    parsed = [parse_need(_text(n)) for n in _as_list(needs) if _text(n)]
    return NeedsCanvas(
        organisation=_text(fields.get("organisation")),
        sector=_text(fields.get("sector")),
        stakeholders=tuple(Stakeholder(s) for s in parse_list(_text(fields.get("stakeholders")))),
        needs=tuple(CompetenceNeed(n.text, n.priority, n.urgency, n.evidence, f"N{i}")
                    for i, n in enumerate(parsed, 1) if n.text),
        target_group=TargetGroup(_text(fields.get("target_group"))),
        constraints=Constraints(time=_text(fields.get("study_time")),
                                place=_text(fields.get("study_place")),
                                budget=_budget(fields.get("budget"))),
    )


@scorer()
def score_canvas(fields: Mapping[str, object], needs: Sequence[object], points: float = 4,
                 lang: str | None = None) -> float:
    """Partial credit for completeness: the mean of the six parts of the canvas (each 0-1),
    times ``points``. Prints each part and the canvas checker's advice, in ``lang`` (else the
    screen-language setting)."""
    lang = screen_language(ui=lang)
    canvas = canvas_from_answers(fields, needs)
    parts = completeness(canvas)
    findings = check(canvas, lang)
    for name, value in parts.items():
        print(f"{t(f'grading.needs.part.{name}', lang)}: {round(value * 100)} %")
    for f in findings:
        print("   " + t("grading.finding", lang, severity=t(f"common.{f.severity}", lang),
                        message=f"{f.message} {f.suggestion}".strip()))
    score = round(points * sum(parts.values()) / len(parts), 2)
    print(t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score


def _own_outcomes(outcomes: list[str], needs: list[str], lang: str) -> list[str]:
    """The outcomes that count: each once, none that copies a need (a need restated is not an
    outcome), none without two different words. Prints what was left out and why."""
    kept, repeats = distinct(outcomes)
    if repeats:
        print(t("grading.own.repeats", lang, n=len(repeats)))
    own = []
    for text in kept:
        if is_filler(text):
            print(t("grading.own.filler", lang, text=text[:60]))
        elif (need := copy_of(text, needs)) is not None:
            print(t("grading.own.copies-need", lang, text=text[:60], need=need[:60]))
        else:
            own.append(text)
    return own


@scorer()
def score_coverage(needs: Sequence[object], outcomes: Sequence[object], points: float = 4,
                   threshold: float = DEFAULT_THRESHOLD, lang: str | None = None) -> float:
    """Partial credit for coverage: each need earns its best match score divided by the
    threshold (at most 1), averaged over the needs (counting at least three); the result is
    scaled down when fewer than three outcomes are given. Prints the table and the gaps, in
    ``lang`` (else the screen-language setting)."""
    lang = screen_language(ui=lang)
    parsed = [parse_need(_text(n)).text for n in _as_list(needs) if _text(n)]
    need_texts, _ = distinct(text for text in parsed if text)
    outcome_texts = _own_outcomes([_text(o) for o in _as_list(outcomes) if _text(o)],
                                  need_texts, lang)
    result = match(need_texts, outcome_texts, threshold=threshold)
    for row in result.rows(lang):
        print(t("grading.needs.row", lang, need=row["need"],
                status=t(f"matching.status.{row['status']}", lang),
                score=number(round(row["score"], 2), lang), best=row["best"] or "-",
                shared=", ".join(row["shared"]) or "-", text=row["text"]))
    for f in result.findings(lang):
        print("   " + t("grading.finding", lang, severity=t(f"common.{f.severity}", lang),
                        message=f.message))
        print(f"      -> {f.suggestion}")
    if len(result.needs) < MIN_NEEDS:
        print(t("grading.needs.more-needs", lang, n=MIN_NEEDS - len(result.needs),
                minimum=MIN_NEEDS))
    if len(result.outcomes) < MIN_OUTCOMES:
        print(t("grading.needs.more-outcomes", lang, n=MIN_OUTCOMES - len(result.outcomes),
                minimum=MIN_OUTCOMES))
    credits = [min(result.best(i)[1] / threshold, 1.0) for i in range(len(result.needs))]
    share = sum(credits) / max(len(result.needs), MIN_NEEDS)
    share *= min(len(result.outcomes), MIN_OUTCOMES) / MIN_OUTCOMES
    score = round(points * share, 2)
    print(t("grading.needs.thesaurus", lang))
    print(t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score

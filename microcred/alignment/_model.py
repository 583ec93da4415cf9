"""Outcomes, learning activities and assessment tasks, read from a design file's sections,
and the checks of constructive alignment."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, HasFindings, as_lines, localised, quoted
from ..i18n import t
from ..lexicon import LANGUAGES, LEVELS, Token, bloom_rank, lexicon
from ..numbers import parse_number
from ..outcomes import analyse, detect_language
from ..reading import expect
from ..settings import screen_language

ERROR_CODES = frozenset(
    {"empty", "no-outcomes", "no-assessments", "not-assessed", "serves-nothing",
     "unknown-outcome", "duplicate-id"}
)
THIN_SHARE = 0.5  # an outcome with less than half an even share of the learning hours is "thin"
_IDS = re.compile(r"[^\s,;]+")


@dataclass(frozen=True)
class Outcome:
    """A learning outcome with the id that activities and assessment tasks refer to."""

    id: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True)
class LearningActivity:
    """Something participants do to reach outcomes; ``hours`` when known."""

    id: str
    name: str
    outcomes: tuple[str, ...] = ()
    hours: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "outcomes": list(self.outcomes)}
        if self.hours is not None:
            data["hours"] = int(self.hours) if float(self.hours).is_integer() else self.hours
        return data


@dataclass(frozen=True)
class AssessmentTask:
    """An assessment task: what the participant does to show the outcomes it serves."""

    id: str
    task: str
    outcomes: tuple[str, ...] = ()
    level: str | None = None  # stated Bloom level; detected from ``task`` when None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "task": self.task, "outcomes": list(self.outcomes)}
        if self.level:
            data["level"] = self.level
        return data


@dataclass(frozen=True)
class Alignment:
    """Outcomes with the activities and assessment tasks that serve them."""

    outcomes: tuple[Outcome, ...] = ()
    activities: tuple[LearningActivity, ...] = ()
    assessments: tuple[AssessmentTask, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, outcomes: Any = None) -> Alignment:
        """Read an ``alignment:`` section and, separately, the ``outcomes:`` list.

        A ValueError says what to fix when the structure is wrong; unknown outcome ids and
        the like are kept for ``check_alignment`` to explain.
        """
        if data is None:
            data = {}
        expect(isinstance(data, dict),
               "the alignment section must be a mapping with 'activities:' and 'assessments:'")
        activities = []
        for n, item in enumerate(_list(data, "activities"), 1):
            hours = item.get("hours")
            number = None if hours in (None, "") else parse_number(hours)
            if hours not in (None, "") and number is None:
                raise ValueError(f"activity {n}: hours must be a number, not {hours!r}")
            activities.append(LearningActivity(
                id=str(item.get("id") or f"A{n}").strip(),
                name=str(item.get("name") or item.get("activity") or "").strip(),
                outcomes=_ids(item.get("outcomes")),
                hours=number,
            ))
        tasks = []
        for n, item in enumerate(_list(data, "assessments"), 1):
            level = item.get("level")
            level = str(level).strip().lower() if level else None
            if level is not None and level not in LEVELS:
                raise ValueError(f"assessment {n}: level must be one of {', '.join(LEVELS)}, "
                                 f"not {item.get('level')!r}")
            tasks.append(AssessmentTask(
                id=str(item.get("id") or f"T{n}").strip(),
                task=str(item.get("task") or item.get("name") or "").strip(),
                outcomes=_ids(item.get("outcomes")),
                level=level,
            ))
        return cls(outcomes_from_list(outcomes), tuple(activities), tuple(tasks))

    @classmethod
    def from_design(cls, doc: dict[str, Any]) -> Alignment:
        """The alignment of a whole design file. Activities without hours take them from the
        ``workload:`` activity of the same name, so the hours are written once."""
        doc = doc or {}
        alignment = cls.from_dict(doc.get("alignment"), doc.get("outcomes"))
        workload = doc.get("workload")
        if not isinstance(workload, dict) or not isinstance(workload.get("activities"), list):
            return alignment
        hours = {
            str(a.get("name", "")).strip().lower(): parse_number(a.get("hours"))
            for a in workload["activities"]
            if isinstance(a, dict)
        }
        filled = tuple(
            a if a.hours is not None or hours.get(a.name.lower()) is None
            else LearningActivity(a.id, a.name, a.outcomes, hours[a.name.lower()])
            for a in alignment.activities
        )
        return cls(alignment.outcomes, filled, alignment.assessments)

    def to_dict(self) -> dict[str, Any]:
        """The ``alignment:`` section (the outcomes go in their own section:
        ``outcomes_to_list``)."""
        return {
            "activities": [a.to_dict() for a in self.activities],
            "assessments": [a.to_dict() for a in self.assessments],
        }

    @property
    def is_empty(self) -> bool:
        return not (self.outcomes or self.activities or self.assessments)


@dataclass(frozen=True)
class AlignmentReport(HasFindings):
    """What the alignment check found."""

    outcome_levels: dict[str, str | None]
    task_levels: dict[str, str | None]
    assessed_by: dict[str, tuple[str, ...]]  # outcome id -> ids of tasks assessing it
    taught_by: dict[str, tuple[str, ...]]  # outcome id -> ids of activities serving it
    hours_per_outcome: dict[str, float]  # learning hours (split evenly over served outcomes)
    findings: tuple[Finding, ...] = field(default=())
    language: str = "en"  # of the messages, and of ``str(report)``

    @property
    def coverage(self) -> float:
        """Share of outcomes assessed by at least one task (0 when there are no outcomes)."""
        if not self.assessed_by:
            return 0.0
        return sum(1 for ids in self.assessed_by.values() if ids) / len(self.assessed_by)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome_levels": dict(self.outcome_levels),
            "task_levels": dict(self.task_levels),
            "assessed_by": {k: list(v) for k, v in self.assessed_by.items()},
            "taught_by": {k: list(v) for k, v in self.taught_by.items()},
            "hours_per_outcome": dict(self.hours_per_outcome),
            "coverage": round(self.coverage, 3),
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
        }

    def __str__(self) -> str:
        """Each outcome with its level and the tasks that assess it, then the findings."""
        lang, lines = self.language, []
        for oid, level in self.outcome_levels.items():
            tasks = ", ".join(self.assessed_by.get(oid, ()))
            level_name = t(f"alignment.level.{level}", lang) if level in LEVELS else "?"
            lines.append(f"{oid} ({level_name}): " + (t("alignment.report.assessed", lang, tasks=tasks)
                                                      if tasks else t("alignment.report.not-assessed", lang)))
        lines += as_lines(self.findings, lang=lang)
        return "\n".join(lines)


def outcomes_from_list(data: Any) -> tuple[Outcome, ...]:
    """The ``outcomes:`` section: a list of ``{id, text}`` (or of plain texts, numbered LO1,
    LO2, ...). A ValueError says what to fix when it is not a list."""
    if data in (None, ""):
        return ()
    expect(isinstance(data, list), "'outcomes' must be a list of {id, text}")
    out = []
    for n, item in enumerate(data, 1):
        if isinstance(item, dict):
            out.append(Outcome(str(item.get("id") or f"LO{n}").strip(),
                               str(item.get("text") or "").strip()))
        elif item is not None:
            out.append(Outcome(f"LO{n}", str(item).strip()))
    return tuple(out)


def outcomes_to_list(outcomes: tuple[Outcome, ...] | list[Outcome]) -> list[dict[str, str]]:
    """The ``outcomes:`` section for ``yaml.safe_dump``."""
    return [o.to_dict() for o in outcomes]


def task_level(text: str, language: str | None = None) -> str | None:
    """The highest Bloom level of any measurable verb in an assessment task description.

    Verbs count in any position and form ("analyses", "analysing", "luetellaan"), which gives
    the task the benefit of the doubt: the check warns only when no verb reaches the outcome's
    level. English past participles ("assessed against criteria", "a written report") say
    what is done *to* the work and are skipped. None when no verb is found.
    """
    text = "" if text is None else str(text)
    if not text.strip():
        return None
    lang = language if language in LANGUAGES else detect_language(text)
    lex = lexicon(lang)
    best: str | None = None
    for tokens in (lex.tokens(text), _present_tense_variants(lex.tokens(text), lang)):
        for i, tok in enumerate(tokens):
            if not tok.is_word:
                continue
            entry = lex.match_at(tokens, i)
            if entry is None or entry.vague:
                continue
            if lex.participle_suffix and _participle(tok) and tok.text not in lex.index:
                continue
            for level in entry.levels or (entry.level,):
                if bloom_rank(level) > bloom_rank(best):
                    best = level
    return best


def check_alignment(alignment: Alignment, lang: str | None = None) -> AlignmentReport:
    """Check the alignment of outcomes, activities and assessment tasks; messages in ``lang``
    (None: the screen language)."""
    lang = screen_language(ui=lang)
    findings: list[Finding] = []
    outcomes = alignment.outcomes
    known = [o.id for o in outcomes]
    outcome_levels = {o.id: analyse(o.text).bloom_level for o in outcomes}
    task_levels = {a.id: a.level or task_level(a.task) for a in alignment.assessments}
    assessed_by: dict[str, tuple[str, ...]] = {
        oid: tuple(a.id for a in alignment.assessments if oid in a.outcomes) for oid in known
    }
    taught_by: dict[str, tuple[str, ...]] = {
        oid: tuple(a.id for a in alignment.activities if oid in a.outcomes) for oid in known
    }
    hours = _hours_per_outcome(alignment)
    if alignment.is_empty:
        findings.append(_finding("empty", lang))
        return AlignmentReport({}, {}, {}, {}, {}, tuple(findings))

    for kind, ids in (("outcome", known), ("activity", [a.id for a in alignment.activities]),
                      ("assessment", [a.id for a in alignment.assessments])):
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            findings.append(_finding("duplicate-id", lang, element=dup, id=dup,
                                     kind=t(f"alignment.kind.{kind}", lang)))
    if not outcomes:
        findings.append(_finding("no-outcomes", lang))
    if not alignment.assessments:
        findings.append(_finding("no-assessments", lang))
    if not alignment.activities:
        findings.append(_finding("no-activities", lang))

    for item, kind in [(a, "activity") for a in alignment.activities] + \
                      [(a, "assessment") for a in alignment.assessments]:
        label = _label(item)
        unknown = [i for i in item.outcomes if i not in known]
        for oid in unknown:
            findings.append(_finding("unknown-outcome", lang, element=item.id, item=label,
                                     id=oid, known=", ".join(known) or "-"))
        if not item.outcomes:
            code = "serves-nothing" if kind == "assessment" else "activity-serves-nothing"
            findings.append(_finding(code, lang, element=item.id, item=label))

    if outcomes and alignment.assessments:
        for o in outcomes:
            if not assessed_by[o.id]:
                findings.append(_finding("not-assessed", lang, element=o.id, id=o.id,
                                         text=quoted(o.text, 50)))
    for task in alignment.assessments:
        served = [i for i in task.outcomes if i in known]
        level = task_levels[task.id]
        if level is None and served:
            findings.append(_finding("task-level-unknown", lang, element=task.id,
                                     item=_label(task)))
            continue
        for oid in served:
            wanted = outcome_levels[oid]
            if wanted and level and bloom_rank(level) < bloom_rank(wanted):
                findings.append(_finding(
                    "level-below-outcome", lang, element=task.id, item=_label(task),
                    level=t(f"alignment.level.{level}", lang), id=oid,
                    wanted=t(f"alignment.level.{wanted}", lang),
                ))

    if outcomes and alignment.activities:
        for o in outcomes:
            if not taught_by[o.id]:
                findings.append(_finding("not-taught", lang, element=o.id, id=o.id))
        total = sum(hours.values())
        if total > 0 and len(outcomes) > 1:
            even = total / len(outcomes)
            for o in outcomes:
                share = hours.get(o.id, 0.0)
                if 0 < share < THIN_SHARE * even:
                    findings.append(_finding("thin-workload", lang, element=o.id, id=o.id,
                                             hours=f"{share:g}", even=f"{even:.0f}"))
    return AlignmentReport(outcome_levels, task_levels, assessed_by, taught_by, hours,
                           tuple(findings), lang)


# --- helpers ---------------------------------------------------------------------------------


def _hours_per_outcome(alignment: Alignment) -> dict[str, float]:
    """Learning hours per outcome, each activity's hours split evenly over the outcomes it
    serves; when no activity has hours, the number of activities instead."""
    known = {o.id for o in alignment.outcomes}
    use_hours = any(a.hours for a in alignment.activities)
    out = dict.fromkeys((o.id for o in alignment.outcomes), 0.0)
    for a in alignment.activities:
        served = [i for i in a.outcomes if i in known]
        if not served:
            continue
        weight = (max(a.hours or 0.0, 0.0) if use_hours else 1.0) / len(served)
        for oid in served:
            out[oid] += weight
    return out


def _present_tense_variants(tokens: list[Token], lang: str) -> list[Token]:
    """Swedish present tense read as an infinitive ("värderar" -> "värdera"), for forms the
    lemmatiser takes for nouns ("värderare"); nothing for other languages."""
    if lang != "sv":
        return []
    return [
        Token(tok.text, tok.text[:-1], tok.start, tok.end)
        if tok.is_word and len(tok.text) > 4 and tok.text.endswith(("ar", "er")) else tok
        for tok in tokens
    ]


def _participle(tok: Token) -> bool:
    """An English past participle: "assessed", and irregular ones such as "written"."""
    return tok.text.endswith("ed") or (tok.text.endswith("en") and tok.lemma != tok.text)


def _list(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    raw = data.get(key) or []
    if not isinstance(raw, list) or not all(isinstance(i, dict) for i in raw):
        raise ValueError(f"'{key}' must be a list of mappings, e.g. "
                         f"- {{id: ..., outcomes: [LO1]}}")
    return raw


def _ids(value: Any) -> tuple[str, ...]:
    """Outcome ids from a list or a text such as "LO1, LO2"."""
    if value in (None, ""):
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(_IDS.findall(str(value)))


def _label(item: LearningActivity | AssessmentTask) -> str:
    text = item.name if isinstance(item, LearningActivity) else item.task
    return f"{item.id} ({quoted(text, 50)})" if text else item.id


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    return localised("alignment", code, lang, ERROR_CODES, element, **fields)

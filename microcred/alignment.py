"""Constructive alignment: outcomes x learning activities x assessment tasks.

Each learning activity and each assessment task names the outcome ids it serves.
``check_alignment`` then asks the questions of constructive alignment (Biggs): is every outcome
assessed? does every assessment task serve an outcome? does the task ask for at least the
cognitive level the outcome promises? and how is the learning time spread over the outcomes?
Bloom levels come from the outcome analyser (``microcred.outcomes.analyse``) for outcomes and
from the verb lexicons for task descriptions, where verbs appear in any position ("a report
analysing ..."); a task may also state its level outright (``level: evaluate``).

The ``outcomes:`` and ``alignment:`` sections of a design file::

    outcomes:
      - {id: LO1, text: "The participant can analyse the competence needs of a client."}
    alignment:
      activities:
        - {id: A1, name: "Webinar on needs analysis", outcomes: [LO1], hours: 6}
      assessments:
        - {id: T1, task: "The participant analyses interview data in a report.", outcomes: [LO1]}
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import Finding, HasFindings, as_lines, localised
from .i18n import t
from .lexicon import LANGUAGES, LEVELS, Token, bloom_rank, lexicon
from .numbers import format_number, parse_number
from .outcomes import analyse, detect_language
from .reading import expect

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "Alignment",
    "AlignmentReport",
    "AssessmentTask",
    "LearningActivity",
    "Outcome",
    "alignment_from_texts",
    "alignment_sections",
    "alignment_texts",
    "check_alignment",
    "hours_from_workload",
    "links_of",
    "outcomes_from_list",
    "outcomes_to_list",
    "parse_lines",
    "plot_alignment",
    "split_hours",
    "task_level",
]

ERROR_CODES = frozenset(
    {"empty", "no-outcomes", "no-assessments", "not-assessed", "serves-nothing",
     "unknown-outcome", "duplicate-id"}
)
THIN_SHARE = 0.5  # an outcome with less than half an even share of the learning hours is "thin"
_IDS = re.compile(r"[^\s,;]+")
_LINE_ID = re.compile(r"^\s*([A-Za-z]{1,5}[-_]?\d{1,3}[a-z]?)\s*[:)]\s*(.*)$")
_HOURS = re.compile(r"[,;(]?\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*h\)?\s*$")


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
        lines = []
        for oid, level in self.outcome_levels.items():
            tasks = ", ".join(self.assessed_by.get(oid, ()))
            lines.append(f"{oid} ({level or '?'}): "
                         + (f"assessed by {tasks}" if tasks else "not assessed"))
        lines += as_lines(self.findings)
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


# --- the editor's text form: one item a line, links as (outcome id, item id) ----------------


def parse_lines(text: str, prefix: str) -> list[tuple[str, str]]:
    """(id, text) for each non-empty line; "LO1: ..." keeps its id, others are numbered
    ``prefix`` + the line's place among the non-empty lines."""
    items = []
    for n, line in enumerate((ln for ln in text.splitlines() if ln.strip()), 1):
        m = _LINE_ID.match(line)
        items.append((m.group(1), m.group(2).strip()) if m else (f"{prefix}{n}", line.strip()))
    return items


def split_hours(text: str) -> tuple[str, float | None]:
    """ "Webinars, 6 h" -> ("Webinars", 6.0), "Project (1 200 h)" -> ("Project", 1200.0);
    no trailing hours -> (text, None)."""
    m = _HOURS.search(text)
    if not m:
        return text, None
    return text[: m.start()].strip(), parse_number(m.group(1))


def alignment_texts(alignment: Alignment) -> tuple[str, str, str]:
    """The editor's three texts (outcomes, activities with their hours, tasks) for an
    alignment; ``alignment_from_texts`` reads them back."""
    outcomes = "\n".join(f"{o.id}: {o.text}" for o in alignment.outcomes)
    activities = "\n".join(
        f"{a.id}: {a.name}"
        + (f", {format_number(a.hours, 'en', grouping=False)} h" if a.hours is not None else "")
        for a in alignment.activities
    )
    tasks = "\n".join(f"{a.id}: {a.task}" for a in alignment.assessments)
    return outcomes, activities, tasks


def links_of(alignment: Alignment) -> set[tuple[str, str]]:
    """(outcome id, activity or task id) for each outcome an item serves: the editor's ticks."""
    return {(oid, item.id) for item in alignment.activities + alignment.assessments
            for oid in item.outcomes}


def alignment_from_texts(outcomes: str, activities: str, tasks: str,
                         links: Collection[tuple[str, str]] = (),
                         levels: Mapping[str, str] | None = None) -> Alignment:
    """The alignment the editor holds: its three texts (``parse_lines``; an activity's hours
    by ``split_hours``), the ``links`` ticked (pairs naming an outcome that is not there are
    left out) and the levels tasks stated (kept by task id)."""
    levels = levels or {}
    read = tuple(Outcome(i, text) for i, text in parse_lines(outcomes, "LO"))

    def served(item_id: str) -> tuple[str, ...]:
        return tuple(o.id for o in read if (o.id, item_id) in links)

    acts = []
    for i, text in parse_lines(activities, "A"):
        name, hours = split_hours(text)
        acts.append(LearningActivity(i, name, served(i), hours))
    assessed = tuple(AssessmentTask(i, text, served(i), levels.get(i))
                     for i, text in parse_lines(tasks, "T"))
    return Alignment(read, tuple(acts), assessed)


def hours_from_workload(doc: Mapping[str, Any]) -> dict[str, float]:
    """The hours that activities without their own take from the ``workload:`` activity of
    the same name (``Alignment.from_design``), by lower-cased name: saving leaves them out
    again (``alignment_sections``), so that the hours are written once, in the workload."""
    own = Alignment.from_dict(doc.get("alignment"), doc.get("outcomes"))
    shown = Alignment.from_design(dict(doc))
    return {a.name.strip().lower(): a.hours for a, b in zip(shown.activities, own.activities)
            if a.hours is not None and b.hours is None}


def alignment_sections(alignment: Alignment, from_workload: Mapping[str, float] | None = None
                       ) -> dict[str, Any]:
    """The ``outcomes:`` and ``alignment:`` sections of an alignment, without the hours an
    activity still takes unchanged from the workload (``hours_from_workload``)."""
    taken = from_workload or {}
    section = alignment.to_dict()
    for activity in section["activities"]:
        hours = activity.get("hours")
        if hours is not None and hours == taken.get(str(activity.get("name", "")).strip().lower()):
            del activity["hours"]
    section.pop("outcomes", None)  # the outcomes have their own section
    return {"outcomes": [{"id": o.id, "text": o.text} for o in alignment.outcomes],
            "alignment": section}


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


def check_alignment(alignment: Alignment, lang: str = "en") -> AlignmentReport:
    """Check the alignment of outcomes, activities and assessment tasks; messages in ``lang``."""
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
                                         text=_short(o.text)))
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
                           tuple(findings))


def plot_alignment(alignment: Alignment, lang: str = "en",
                   report: AlignmentReport | None = None) -> Figure:
    """A heatmap of the matrix: outcomes as rows; learning activities (shaded by hours) and
    assessment tasks (labelled with their Bloom level, "!" when below the outcome's) as columns.
    An empty matrix gives a figure that says what to add."""
    from .charts import new_figure, short_label

    report = report or check_alignment(alignment, lang)
    outcomes = alignment.outcomes
    groups: list[tuple[tuple[LearningActivity | AssessmentTask, ...], str, str]] = [
              (alignment.activities, "Blues", "alignment.chart.activities"),
              (alignment.assessments, "Oranges", "alignment.chart.assessments")]
    groups = [g for g in groups if g[0]]
    if not outcomes or not groups:
        fig = new_figure(6, 1.6)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, t("alignment.chart.empty", lang), ha="center", va="center",
                wrap=True, fontsize=10)
        return fig
    columns = sum(len(items) for items, _, _ in groups)
    fig = new_figure(min(2.5 + 0.7 * columns, 12), 1.3 + 0.45 * len(outcomes))
    grid = fig.add_gridspec(1, len(groups), width_ratios=[len(g[0]) for g in groups],
                            wspace=0.08)
    row_labels = []
    for o in outcomes:
        level = report.outcome_levels.get(o.id)
        mark = "" if report.assessed_by.get(o.id) else " ✗"
        row_labels.append(f"{short_label(o.id, 12)} · {t(f'alignment.level.{level}', lang) if level else '?'}"
                          f"{mark}")
    for g, (items, cmap, title) in enumerate(groups):
        ax = fig.add_subplot(grid[0, g])
        values, texts = _cells(items, outcomes, report, lang)
        top = max((v for row in values for v in row), default=1.0) or 1.0
        ax.imshow(values, cmap=cmap, vmin=0, vmax=top * 2.2, aspect="auto")
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                if text:
                    ax.text(c, r, text, ha="center", va="center", fontsize=8, color="#000000")
        ax.set_xticks(range(len(items)), [short_label(i.id, 12) for i in items], fontsize=8)
        ax.set_yticks(range(len(outcomes)), row_labels if g == 0 else [""] * len(outcomes),
                      fontsize=8)
        ax.tick_params(length=0)
        ax.set_title(t(title, lang), fontsize=9)
        ax.set_xticks([x - 0.5 for x in range(1, len(items))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(outcomes))], minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5)
        ax.tick_params(which="minor", length=0)
    fig.subplots_adjust(left=0.22, right=0.98, top=0.82, bottom=0.18)
    return fig


# --- helpers ---------------------------------------------------------------------------------


def _cells(items, outcomes, report: AlignmentReport, lang: str):
    """Cell values (for shading) and texts (hours, or the task's level) of one block."""
    values, texts = [], []
    for o in outcomes:
        row_v, row_t = [], []
        for item in items:
            if o.id not in item.outcomes:
                row_v.append(0.0)
                row_t.append("")
            elif isinstance(item, LearningActivity):
                share = (item.hours or 0) / max(len(item.outcomes), 1)
                row_v.append(share if item.hours else 1.0)
                row_t.append(f"{share:g} h" if item.hours else "✓")
            else:
                level = report.task_levels.get(item.id)
                wanted = report.outcome_levels.get(o.id)
                low = bool(level and wanted and bloom_rank(level) < bloom_rank(wanted))
                row_v.append(1.0)
                name = t(f"alignment.level.{level}", lang) if level else "?"
                row_t.append(f"{name} !" if low else name)
        values.append(row_v)
        texts.append(row_t)
    return values, texts


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
    return f"{item.id} ({_short(text)})" if text else item.id


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    return localised("alignment", code, lang, ERROR_CODES, element, **fields)

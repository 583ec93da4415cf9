"""The grading report: what the gradebook says about a cohort, as one HTML page and a CSV.

:func:`read_gradebook` reads nbgrader's gradebook (``nbgrader.api.Gradebook``) and the vetting
record (``vetting.json``, see ``vet.py``) into plain dataclasses; :func:`render_html` makes a
self-contained page (charts embedded as ``data:`` URIs, so the file can be mailed or archived)
with the score distribution per assignment and per question, the questions most often failed,
who has not submitted and what the vetting refused; :func:`write_csv` writes the rows a student
register needs: id, name, assignment, score, max, passed.

``passed`` is ``yes`` when the score reaches the pass mark (a share of the maximum, 0.5 unless
told otherwise), ``pending`` while a manually graded answer waits for the trainer, ``refused``
while a submission the vetting refused waits for a decision, and ``no`` otherwise (not
submitted included).
"""

from __future__ import annotations

import datetime as _dt
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..charts import PALETTE, new_figure, to_data_uri
from ..dates import format_datetime
from ._text import num, percent, tr
from .roster import Participant
from .versions import base_name, merge_versions

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

Progress = Callable[[int, int], None]

GRADED, PENDING, MISSING, REFUSED = "graded", "pending", "not submitted", "refused"


@dataclass
class Row:
    """One participant and one assignment: a graded submission, or the lack of one."""

    student: str
    name: str
    assignment: str
    max_score: float
    status: str  # GRADED, PENDING (manual grading to do), MISSING or REFUSED
    score: float | None = None
    seconds_late: float = 0.0
    version: str = ""  # the language version that counts (``outcomes-fi``), when not the assignment
    cells: tuple[tuple[str, str, float | None], ...] = ()  # (notebook, cell, score; None: to grade)

    def passed(self, pass_mark: float) -> str:
        """``yes``, ``no``, ``pending`` (manual grading to do) or ``refused`` (a decision to make)."""
        if self.status == PENDING:
            return "pending"
        if self.status == REFUSED:
            return "refused"
        if self.score is None or self.max_score <= 0:
            return "no"
        return "yes" if self.score >= pass_mark * self.max_score - 1e-9 else "no"

    @property
    def share(self) -> float | None:
        if self.score is None or self.max_score <= 0:
            return None
        return self.score / self.max_score


@dataclass
class Question:
    """How one graded cell went across the submissions of an assignment."""

    assignment: str
    notebook: str
    name: str
    max_score: float
    full: int = 0
    partial: int = 0
    zero: int = 0
    pending: int = 0
    failed: int = 0  # graded below half of the points

    @property
    def graded(self) -> int:
        return self.full + self.partial + self.zero

    @property
    def failed_share(self) -> float:
        return self.failed / self.graded if self.graded else 0.0


@dataclass
class GradingData:
    course_id: str
    assignments: list[str]
    max_scores: dict[str, float]
    rows: list[Row] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    vetting: list[dict] = field(default_factory=list)
    people: dict[str, Participant] = field(default_factory=dict)
    duedates: dict[str, _dt.datetime | None] = field(default_factory=dict)

    def rows_for(self, assignment: str, *statuses: str) -> list[Row]:
        return [r for r in self.rows if r.assignment == assignment
                and (not statuses or r.status in statuses)]

    def most_failed(self, n: int = 10) -> list[Question]:
        hit = [q for q in self.questions if q.failed]
        return sorted(hit, key=lambda q: (-q.failed_share, -q.failed, q.assignment, q.name))[:n]


def read_gradebook(db_url: str, vetting: list[dict] | None = None,
                   progress: Progress | None = None, course: Path | None = None,
                   one_per_language: bool = True) -> GradingData:
    """Everything the report shows, read from the gradebook at ``db_url``.

    ``vetting`` is the saved vetting record: refused submissions show as refused rather than
    as not submitted. ``progress(done, total)`` is called after each submission read.
    ``course`` is the course folder, whose ``nbgrader_config.py`` names the course.
    ``one_per_language``: the language versions of an assignment (``outcomes-fi``) count as
    the assignment itself, the best version handed in (``versions.merge_versions``).
    """
    from .roster import open_gradebook

    vetting = list(vetting or [])
    with open_gradebook(db_url, course=course) as gb:
        people = {s.id: Participant(s.id, s.first_name or "", s.last_name or "", (s.email or "").strip())
                  for s in gb.students}
        students = {sid: p.name for sid, p in people.items()}
        assignments = sorted(gb.assignments, key=lambda a: (a.duedate or _dt.datetime.max, a.name))
        data = GradingData(gb.course_id,
                           [a.name for a in assignments],
                           {a.name: float(a.max_score or 0) for a in assignments}, vetting=vetting,
                           people=people, duedates={a.name: a.duedate for a in assignments})
        total = sum(len(a.submissions) for a in assignments)
        done = 0
        for a in assignments:
            questions: dict[tuple[str, str], Question] = {}
            for nb in a.notebooks:
                for cell in nb.grade_cells:
                    questions[(nb.name, cell.name)] = Question(a.name, nb.name, cell.name,
                                                               float(cell.max_score or 0))
            handed_in = set()
            for sub in a.submissions:
                handed_in.add(sub.student.id)
                data.rows.append(Row(
                    sub.student.id, students.get(sub.student.id, ""), a.name,
                    float(sub.max_score or 0), PENDING if sub.needs_manual_grade else GRADED,
                    float(sub.score or 0), float(sub.total_seconds_late or 0),
                    cells=tuple((snb.name, g.name, None if g.needs_manual_grade
                                 else float(g.score or 0)) for snb in sub.notebooks
                                for g in snb.grades)))
                done += 1
                if progress:
                    progress(done, total)
            refused = {e["student"] for e in vetting
                       if e.get("assignment") == a.name and e.get("status") == "refused"}
            for sid in sorted((set(students) | refused) - handed_in):
                data.rows.append(Row(sid, students.get(sid, ""), a.name, data.max_scores[a.name],
                                     REFUSED if sid in refused else MISSING))
            data.questions.extend(questions.values())
    data.rows.sort(key=lambda r: (data.assignments.index(r.assignment), r.student))
    if one_per_language:
        data = merge_versions(data)
    _count_questions(data)
    return data


def _count_questions(data: GradingData) -> None:
    """Each question's full, partial, zero and pending counts over the rows that count (of a
    participant who handed in two language versions, only the one counted)."""
    questions = {(q.assignment, base_name(q.notebook), q.name): q for q in data.questions}
    for r in data.rows:
        for notebook, name, score in r.cells:
            q = questions.get((r.assignment, base_name(notebook), name))
            if q is not None:
                _count(q, score)


def _count(q: Question, score: float | None) -> None:
    if score is None:
        q.pending += 1
        return
    if q.max_score > 0 and score >= q.max_score - 1e-9:
        q.full += 1
    elif score > 0:
        q.partial += 1
    else:
        q.zero += 1
    if q.max_score > 0 and score < q.max_score / 2:
        q.failed += 1


# --- charts --------------------------------------------------------------------------------


def plot_score_distribution(data: GradingData, assignment: str, pass_mark: float = 0.5,
                            lang: str = "en") -> Figure:
    """Histogram of the graded submissions' scores (share of the maximum) for one assignment."""
    shares = [r.share * 100 for r in data.rows_for(assignment, GRADED, PENDING)
              if r.share is not None]
    fig = new_figure(6, 3)
    ax = fig.add_subplot()
    ax.hist(shares, bins=[i * 10 for i in range(11)], color=PALETTE[0], edgecolor="white")
    ax.axvline(pass_mark * 100, color=PALETTE[1], linestyle="--",
               label=tr("chart.pass-mark", lang))
    ax.set_xlim(0, 100)
    ax.set_xlabel(tr("chart.score-axis", lang))
    ax.set_ylabel(tr("chart.submissions", lang))
    cast("MaxNLocator", ax.yaxis.get_major_locator()).set_params(integer=True)
    ax.set_title(tr("chart.distribution-title", lang, name=assignment, n=len(shares)))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


def plot_question_scores(data: GradingData, assignment: str, lang: str = "en") -> Figure:
    """One bar per question: how many submissions got full, partial, zero or pending points."""
    qs = [q for q in data.questions if q.assignment == assignment]
    fig = new_figure(6, 0.6 + 0.45 * max(len(qs), 1))
    ax = fig.add_subplot()
    labels = [tr("chart.question-label", lang, name=q.name, points=num(q.max_score, lang))
              for q in qs]
    left = [0] * len(qs)
    parts = [("full", PALETTE[2]), ("partial", PALETTE[4]), ("zero", PALETTE[1]),
             ("pending", "#BBBBBB")]
    for attr, colour in parts:
        label = tr(f"chart.{attr}", lang)
        values = [getattr(q, attr) for q in qs]
        ax.barh(labels, values, left=left, color=colour, label=label, edgecolor="white")
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlabel(tr("chart.submissions", lang))
    cast("MaxNLocator", ax.xaxis.get_major_locator()).set_params(integer=True)
    ax.set_title(tr("chart.questions-title", lang, name=assignment))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45 / fig.get_figheight() - 0.12),
              ncol=4, frameon=False, fontsize=8)
    return fig


# --- outputs -------------------------------------------------------------------------------


def render_html(data: GradingData, pass_mark: float = 0.5, title: str | None = None,
                lang: str = "en") -> str:
    """The self-contained HTML report, in ``lang``."""
    from ..render import render

    sections = []
    for a in data.assignments:
        rows = data.rows_for(a)
        graded = [r for r in rows if r.status in (GRADED, PENDING)]
        shares = sorted(r.share for r in graded if r.share is not None)
        sections.append({
            "name": a,
            "max_score": data.max_scores[a],
            "graded": len(graded),
            "pending": sum(r.status == PENDING for r in rows),
            "missing": [r for r in rows if r.status == MISSING],
            "refused": [r for r in rows if r.status == REFUSED],
            "late": [r for r in graded if r.seconds_late > 0],
            "passed": sum(r.passed(pass_mark) == "yes" for r in rows),
            "median": statistics.median(shares) if shares else None,  # a share
            "questions": [q for q in data.questions if q.assignment == a],
            "distribution": to_data_uri(plot_score_distribution(data, a, pass_mark, lang)),
            "distribution_alt": _distribution_alt(a, shares, lang),
            "per_question": to_data_uri(plot_question_scores(data, a, lang)),
            "per_question_alt": _questions_alt(a, [q for q in data.questions
                                                   if q.assignment == a], lang),
        })
    vetting = [e for e in data.vetting if e.get("status") in ("refused", "warnings")]
    return render(
        "grading_report.html", title=title or tr("report.title", lang), course_id=data.course_id,
        sections=sections, most_failed=data.most_failed(), rows=data.rows, vetting=vetting,
        pass_mark=pass_mark, generated=format_datetime(_dt.datetime.now(), lang), lang=lang,
        late_text=lambda seconds: late_text(seconds, lang),
        tr=lambda key, **fields: tr(key, lang, **fields),
        num=lambda value: num(value, lang), percent=lambda share: percent(share, lang),
    )


def _distribution_alt(assignment: str, shares: list[float], lang: str = "en") -> str:
    if not shares:
        return tr("chart.no-graded", lang, name=assignment)
    return tr("chart.distribution-alt", lang, n=len(shares), name=assignment,
              lowest=percent(shares[0], lang), median=percent(statistics.median(shares), lang),
              highest=percent(shares[-1], lang))


def _questions_alt(assignment: str, qs: list[Question], lang: str = "en") -> str:
    parts = [tr("chart.question-alt", lang, name=q.name, full=q.full, partial=q.partial,
                zero=q.zero, pending=q.pending) for q in qs]
    return tr("chart.questions-alt", lang, name=assignment, parts="; ".join(parts))


def late_text(seconds: float, lang: str = "en") -> str:
    """``2 d 3 h`` style lateness (``2 vrk 3 h`` in Finnish); empty when on time."""
    if seconds <= 0:
        return ""
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return tr("late.days", lang, days=days, hours=hours)
    if hours:
        return tr("late.hours", lang, hours=hours, minutes=minutes)
    return tr("late.minutes", lang, minutes=max(minutes, 1))


CSV_COLUMNS = ["id", "name", "assignment", "score", "max", "passed"]


def write_csv(data: GradingData, path: Path, pass_mark: float = 0.5, lang: str = "en") -> int:
    """The register's CSV, made to open in Finnish and Swedish Excel (UTF-8 with a byte-order
    mark, ``;``, decimal comma; see ``export.spreadsheet``); returns the number of rows."""
    from .export import spreadsheet

    result = spreadsheet(data, pass_mark=pass_mark, lang=lang)
    result.save(path)
    return result.rows


def _cell(text: str) -> str:
    """Keep spreadsheet programs from reading a name as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text

"""A synthetic cohort run through the whole grading cycle: ``make demo-grading``.

:func:`make_cohort` writes submissions of the ``outcomes`` assignment for eight made-up
participants, each showing one case a trainer meets: a good hand-in, a partial one, an empty
one, a late one, a notebook cut short (not JSON), a test cell replaced to fake a full score, an
answer that loops forever and an answer with code. A ninth participant is on the roster and
hands in nothing. :func:`run_demo` then does what the trainer's guide says, with nbgrader's own
commands: release, roster, vet (refused hand-ins go to ``quarantine/``), autograde, feedback,
report; and prints what happened to each participant.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import format_datetime
from ..errors import UserError
from ..grading import ANSWER_STUB
from ._text import num, tr

ASSIGNMENT = NOTEBOOK = "outcomes"
DUE = dt.datetime(2025, 3, 1, 12, 0)  # UTC, as nbgrader stores it
MARKER = ".microcred-demo"

GOOD = [
    "The participant can analyse the competence needs of a client organisation from interview data.",
    "Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
    "Deltagaren kan jämföra två modeller för kvalitetssäkring.",
    "The participant can design an assessment task for a micro-credential.",
]
PARTIAL = ["The participant can analyse the competence needs of a client organisation from interview data.",
           "Understand quality assurance."]
RATIONALE = ("The outcomes follow our client's needs analysis; the credential is at EQF level 6, "
             "so most verbs are at the upper levels. Each outcome is assessed by a piece of the "
             "participant's own design.")

# id, first name, last name; the case each shows is "trainer.demo.case.<id>" (strings/trainer.yaml)
PARTICIPANTS = [
    ("good", "Aino", "Virtanen"), ("partial", "Erik", "Lindqvist"), ("empty", "Maria", "Korhonen"),
    ("late", "Johan", "Nyström"), ("malformed", "Leena", "Mäkinen"), ("tampered", "Oskar", "Berg"),
    ("loop", "Sanna", "Heikkinen"), ("code", "Ville", "Laine"), ("absent", "Kaisa", "Järvinen"),
]


def repo_assignments() -> Path:
    """The course's ``assignments/`` folder (the package is installed from the repository)."""
    folder = Path(__file__).resolve().parents[2] / "assignments"
    if not (folder / "nbgrader_config.py").is_file():
        raise UserError(f"{folder}: no nbgrader course here; run the demo from a clone of the "
                        "course repository")
    return folder


def write_roster(path: Path) -> Path:
    lines = ["id,first name,last name,email"]
    lines += [f"{sid},{first},{last},{sid}@example.org" for sid, first, last in PARTICIPANTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fill(nb, answers: list[str]):
    stub = f'"{ANSWER_STUB}"'
    queue = list(answers)
    for cell in nb.cells:
        while cell.cell_type == "code" and stub in cell.source and queue:
            cell.source = cell.source.replace(stub, json.dumps(queue.pop(0), ensure_ascii=False),
                                              1)
    return nb


def _cell(nb, grade_id: str):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def make_cohort(course: Path, due: dt.datetime = DUE) -> dict[str, Path]:
    """Write the synthetic submissions into ``<course>/submitted/``; returns their folders.
    The assignment must be released (``release/outcomes/outcomes.ipynb``)."""
    import nbformat

    released = Path(course) / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    def fresh() -> nbformat.NotebookNode:
        return nbformat.read(released, as_version=4)

    answer_id = next(c.metadata["nbgrader"]["grade_id"] for c in fresh().cells
                     if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution"))

    good = _fill(fresh(), GOOD)
    _cell(good, "rationale").source = RATIONALE
    tampered = _fill(fresh(), PARTIAL)
    _cell(tampered, "test_outcomes").source = 'print("Score: 5 / 5")\n5'
    loop = _fill(fresh(), GOOD[:3])  # the loop comes first: if it ran, no answer would be set
    _cell(loop, answer_id).source = "while True:\n    pass\n" + _cell(loop, answer_id).source
    code = fresh()
    _cell(code, answer_id).source = _cell(code, answer_id).source.replace(
        f'"{ANSWER_STUB}"', "os.getcwd()", 1)
    _cell(code, answer_id).source = "import os\n" + _cell(code, answer_id).source
    late = _fill(fresh(), GOOD)
    _cell(late, "rationale").source = RATIONALE

    notebooks = {"good": good, "partial": _fill(fresh(), PARTIAL), "empty": fresh(),
                 "late": late, "tampered": tampered, "loop": loop, "code": code}
    folders = {}
    for sid, nb in notebooks.items():
        folders[sid] = _folder(course, sid)
        nbformat.write(nb, folders[sid] / f"{NOTEBOOK}.ipynb")
    folders["malformed"] = _folder(course, "malformed")
    text = nbformat.writes(good)
    (folders["malformed"] / f"{NOTEBOOK}.ipynb").write_text(text[: len(text) // 2], "utf-8")
    for sid, folder in folders.items():
        when = due + (dt.timedelta(days=2, hours=3) if sid == "late" else -dt.timedelta(days=1))
        (folder / "timestamp.txt").write_text(when.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
    return folders


def _folder(course: Path, sid: str) -> Path:
    folder = Path(course) / "submitted" / sid / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def nbgrader(course: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in ``course`` with this environment's programs first on PATH
    (nbgrader runs ``alembic`` by name)."""
    bindir = Path(sys.executable).parent
    exe = bindir / "nbgrader"
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONWARNINGS": "ignore"}
    return subprocess.run([str(exe) if exe.exists() else "nbgrader", *args], cwd=course,
                          capture_output=True, check=False, text=True, timeout=timeout, env=env)


@dataclass
class DemoResult:
    course: Path
    report: Path
    csv: Path
    vetting: list = field(default_factory=list)
    autograde_log: str = ""
    summary: dict[str, str] = field(default_factory=dict)


def run_demo(out: Path, echo: Callable[[str], None] = print, lang: str = "en") -> DemoResult:
    """The whole cycle in ``out`` (created; a previous demo there is replaced), told in ``lang``."""
    from .report import read_gradebook, render_html, write_csv
    from .roster import default_db_url, import_roster, open_gradebook, parse_roster
    from .vet import format_vetting, load_record, quarantine, save_record, vet_path

    out = Path(out).resolve()
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UserError(tr("demo.not-empty", lang, path=out))
    shutil.rmtree(out, ignore_errors=True)
    course = out / "course"
    course.mkdir(parents=True)
    (out / MARKER).write_text("made by python -m microcred grading demo\n")
    src = repo_assignments()
    shutil.copy(src / "nbgrader_config.py", course)
    shutil.copytree(src / "source", course / "source")

    def step(title: str, *args: str) -> subprocess.CompletedProcess:
        echo(f"\n== {tr(title, lang)}\n$ nbgrader {' '.join(args)}")
        proc = nbgrader(course, *args)
        (out / f"{args[0]}.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
        if proc.returncode != 0:
            raise UserError(tr("demo.nbgrader-failed", lang, step=args[0],
                               log=out / (args[0] + ".log")))
        return proc

    step("demo.release", "generate_assignment", ASSIGNMENT, "--force")
    echo("\n== " + tr("demo.roster", lang))
    db = default_db_url(course)
    people, problems = parse_roster(write_roster(out / "roster.csv").read_text("utf-8"), lang)
    if problems:
        raise UserError("demo roster: " + "; ".join(problems))
    added, _ = import_roster(people, db, course_id=None)
    with open_gradebook(db) as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate=DUE)
    echo(tr("demo.participants", lang, n=added,
            due=format_datetime(DUE, lang)))

    echo("\n== " + tr("demo.submissions", lang))
    make_cohort(course)
    for sid, first, last in PARTICIPANTS:
        echo(f"  {sid:10} {first} {last}: {tr('demo.case.' + sid, lang)}")

    echo("\n== " + tr("demo.vet", lang) + ": python -m microcred grading vet submitted")
    results = vet_path(course / "submitted", course, lang=lang)
    for r in results:
        quarantine(r, course, lang)
        echo(format_vetting(r, lang))
    save_record(results, course)

    proc = step("demo.autograde", "autograde", ASSIGNMENT, "--force")
    step("demo.feedback", "generate_feedback", ASSIGNMENT, "--force")

    echo("\n== " + tr("demo.report", lang) + ": python -m microcred grading report")
    data = read_gradebook(db, load_record(course))
    report = out / "report.html"
    report.write_text(render_html(data, title=tr("demo.report-title", lang), lang=lang),
                      encoding="utf-8")
    grades = out / "grades.csv"
    write_csv(data, grades, lang=lang)

    verdicts = {r.submission.student: r for r in results}
    summary = {}
    for row in data.rows:
        v = verdicts.get(row.student)
        if row.status == "refused":
            codes = sorted({f.code for f in v.findings if f.severity == "error"}) if v else []
            text = tr("demo.refused", lang, codes=", ".join(codes) or "-")
        elif row.status == "not submitted":
            text = tr("status.not submitted", lang)
        else:
            text = tr("demo.graded", lang, score=num(row.score, lang),
                      max=num(row.max_score, lang))
            if row.status == "pending":
                text += " " + tr("demo.rationale", lang)
            if row.seconds_late > 0:
                text += ", " + tr("demo.late", lang, days=num(row.seconds_late / 86400, lang, 1))
            if v and v.findings:
                text += ", " + tr("demo.warning", lang,
                                  codes=", ".join(sorted({f.code for f in v.findings})))
        summary[row.student] = text
    echo("\n== " + tr("demo.what-happened", lang))
    for sid, _first, _last in PARTICIPANTS:
        echo(f"  {sid:10} {summary.get(sid, '?'):60} ({tr('demo.case.' + sid, lang)})")
    echo("\n" + tr("demo.where", lang, report=f"file://{report}", csv=grades, course=course))
    return DemoResult(course, report, grades, results, proc.stdout + proc.stderr, summary)

"""Autograde a whole cohort in parallel, with one gradebook writer, resumable after a stop.

``nbgrader autograde`` grades one submission after another: with 200 participants at about
3 s each, an assignment takes ten minutes on two cores. Most of that time is running the
notebooks, which need nothing from each other, so :func:`autograde_cohort` splits nbgrader's own
autograding in two, with nbgrader's own preprocessors:

1. **Run** (in parallel, one worker process per core): nbgrader's sanitising (outputs cleared,
   locked cells restored from the gradebook) and its execution, limits and clean-up, written to
   ``autograde-staging/<student>/<assignment>/``. Each worker reads a private copy of the
   gradebook, so the workers never write to the real one.
2. **Record** (in this process, the only writer): nbgrader's autograde on the run notebooks with
   only the preprocessors that write to the gradebook (the scores, the late penalty), which puts
   them in ``autograded/`` exactly as ``nbgrader autograde`` would.

Before anything runs, the submissions are vetted in the same workers (``vet.py``): a refused one
moves to ``quarantine/`` and is never run. Every recorded submission is written, with a hash of
the submitted files, to a journal (``autograde-staging/.state/<assignment>/recorded.jsonl``,
saved atomically after each one, so a stop never leaves half an entry). Stopped at any moment (Ctrl-C, a killed process, a
power cut), the same command continues: recorded submissions are skipped, those already run are
only recorded, the rest are run. A submission whose files changed since it was recorded (a new
hand-in) is graded again; ``force`` grades everything again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
import warnings
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from ..errors import UserError
from ..files import write_text_atomic
from ._text import num, tr

STAGING = "autograde-staging"  # in the course folder, next to autograded/
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class CohortRun:
    """What :func:`autograde_cohort` did."""

    assignment: str
    graded: list[str] = field(default_factory=list)  # recorded in this run
    skipped: list[str] = field(default_factory=list)  # recorded earlier, unchanged
    refused: list[str] = field(default_factory=list)  # refused by the vetting (quarantined)
    failed: dict[str, str] = field(default_factory=dict)  # student: why nbgrader could not
    seconds: float = 0.0
    workers: int = 1


def autograde_cohort(course: Path, assignment: str, workers: int | None = None,
                     force: bool = False, vet: bool = True,
                     progress: Progress | None = None, lang: str = "en") -> CohortRun:
    """Vet, run and record every submission of ``assignment`` in ``course`` (see the module)."""
    from .roster import default_db_url, open_gradebook

    started = time.monotonic()
    course = Path(course).resolve()
    submitted = course / "submitted"
    db = _db_url(course) or default_db_url(course)
    with _quiet(), open_gradebook(db, course=course) as gb:
        names = [a.name for a in gb.assignments]
    if assignment not in names:
        raise UserError(tr("unknown-assignment", lang, names=repr(assignment),
                           known=", ".join(names) or "-")
                        + "; " + tr("autograde.generate-first", lang, name=assignment))
    workers = max(1, workers or os.cpu_count() or 1)
    run = CohortRun(assignment, workers=workers)
    state = course / STAGING / ".state" / assignment
    state.mkdir(parents=True, exist_ok=True)
    journal = state / "recorded.jsonl"
    if force and journal.exists():
        journal.unlink()
    recorded = _read_journal(journal)
    students = sorted(p.parent.name for p in submitted.glob(f"*/{assignment}") if p.is_dir())
    digests = {sid: submission_hash(submitted / sid / assignment) for sid in students}
    todo = []
    for sid in students:
        if recorded.get(sid) == digests[sid]:
            run.skipped.append(sid)
        else:
            todo.append(sid)
    staged = {sid for sid in todo if _staged(state, sid) == digests[sid]
              and any((course / STAGING / sid / assignment).glob("*.ipynb"))}
    to_run = [sid for sid in todo if sid not in staged]

    ctx = get_context("spawn")  # clean worker processes: no state shared with this one
    snapshot = state / "gradebook-snapshot.db"
    for old in (*state.glob("worker-*.db"), *state.glob("worker-*.log")):  # a stopped run's
        old.unlink()
    _snapshot(db, snapshot, lang)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_quiet_worker,
                               initargs=(str(state),))
    try:
        if vet and to_run:
            to_run = _vet(pool, course, assignment, to_run, run, progress, lang)
        total = len(to_run) + len(staged)
        done = 0
        if progress:
            progress("graded", done, total)
        for sid in sorted(staged):  # run before the stop: only record them
            _record_one(course, assignment, sid, digests[sid], journal, run)
            done += 1
            if progress:
                progress("graded", done, total)
        pending: dict[Future, str] = {
            pool.submit(stage_one, str(course), assignment, sid, str(snapshot)): sid
            for sid in to_run}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                sid = pending.pop(future)
                ok, log = future.result()
                if ok:
                    _mark_staged(state, sid, digests[sid])
                    _record_one(course, assignment, sid, digests[sid], journal, run)
                else:
                    run.failed[sid] = _last_error(log)
                done += 1
                if progress:
                    progress("graded", done, total)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        raise UserError(tr("autograde.stopped", lang, n=len(run.graded),
                           name=assignment)) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        logs = [] if run.failed else list(state.glob("worker-*.log"))  # kept when one failed
        for path in (snapshot, *state.glob("worker-*.db"), *logs):
            path.unlink(missing_ok=True)
    run.seconds = time.monotonic() - started
    return run


def submission_hash(folder: Path) -> str:
    """A digest of the submitted files (names and contents): a new hand-in has a new one."""
    h = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


# --- the two halves ------------------------------------------------------------------------


def stage_one(course: str, assignment: str, student: str, snapshot: str) -> tuple[bool, str]:
    """Run one submission (a worker's task): nbgrader's sanitising and execution into the
    staging folder, against a private copy of the gradebook. Returns (success, nbgrader's log)."""
    from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades

    private = Path(snapshot).with_name(f"worker-{os.getpid()}.db")
    if not private.exists():
        shutil.copy(snapshot, private)
    app = _autograde_app(Path(course), assignment, student,
                         db_url=f"sqlite:///{private}", autograded_directory=STAGING)
    app.autograde_preprocessors = [p for p in app.autograde_preprocessors
                                   if p not in (SaveAutoGrades, AssignLatePenalties)]
    return _start(app)


def _record_one(course: Path, assignment: str, student: str, digest: str, journal: Path,
                run: CohortRun) -> None:
    """Record one run submission in the real gradebook (only this process writes there)."""
    from nbgrader.preprocessors import AssignLatePenalties, CheckCellMetadata, SaveAutoGrades

    app = _autograde_app(course, assignment, student, submitted_directory=STAGING)
    app.sanitize_preprocessors = []  # done by the worker; the outputs must stay
    app.autograde_preprocessors = [p for p in app.autograde_preprocessors
                                   if p in (SaveAutoGrades, AssignLatePenalties,
                                            CheckCellMetadata)]
    ok, log = _start(app)
    if not ok:
        run.failed[student] = _last_error(log)
        return
    earlier = journal.read_text(encoding="utf-8") if journal.exists() else ""
    write_text_atomic(journal, earlier + json.dumps({"student": student, "hash": digest}) + "\n")
    shutil.rmtree(course / STAGING / student / assignment, ignore_errors=True)
    with contextlib.suppress(OSError):
        (course / STAGING / student).rmdir()
    (journal.parent / f"staged-{student}").unlink(missing_ok=True)
    run.graded.append(student)


def _autograde_app(course: Path, assignment: str, student: str, **coursedir):
    """nbgrader's Autograde converter for one submission, configured as the course is."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    if (course / "nbgrader_config.py").is_file():
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    for key, value in coursedir.items():
        config.CourseDirectory[key] = value
    config.CourseDirectory.root = str(course)
    config.CourseDirectory.assignment_id = assignment
    config.CourseDirectory.student_id = student
    cd = CourseDirectory(config=config)
    app = Autograde(coursedir=cd, config=config)
    app.force = True
    app.create_student = True
    return app


def _start(app) -> tuple[bool, str]:
    from nbgrader.utils import capture_log

    with _quiet():
        result = capture_log(app)
    return bool(result["success"]), (result.get("log", "") + result.get("error", ""))


def _last_error(log: str) -> str:
    lines = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return (lines[-1] if lines else (log.strip().splitlines() or ["no log"])[-1])[:300]


# --- vetting in the workers ----------------------------------------------------------------


def vet_one(course: str, assignment: str, student: str, lang: str = "en"):
    """Vet one submission (a worker's task); returns the verdict."""
    from .vet import Submission, find_reference, vet_submission

    folder = Path(course) / "submitted" / student / assignment
    return vet_submission(Submission(student, assignment, folder),
                          find_reference(Path(course), assignment), lang)


def _vet(pool: ProcessPoolExecutor, course: Path, assignment: str, students: list[str],
         run: CohortRun, progress: Progress | None, lang: str = "en") -> list[str]:
    from .vet import quarantine, save_record

    results = []
    futures = [pool.submit(vet_one, str(course), assignment, sid, lang) for sid in students]
    for n, future in enumerate(futures, 1):
        results.append(future.result())
        if progress:
            progress("vetted", n, len(futures))
    for r in results:
        if r.refused:
            quarantine(r, course, lang)
            run.refused.append(r.submission.student)
    save_record(results, course)
    return [sid for sid in students if sid not in run.refused]


# --- state ---------------------------------------------------------------------------------


def _read_journal(path: Path) -> dict[str, str]:
    """student -> hash of each submission recorded (a damaged line is ignored)."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
            out[str(entry["student"])] = str(entry["hash"])
        except (ValueError, KeyError, TypeError):
            continue
    return out


def _mark_staged(state: Path, student: str, digest: str) -> None:
    write_text_atomic(state / f"staged-{student}", digest)


def _staged(state: Path, student: str) -> str | None:
    """The hash of the submission whose run notebooks wait in the staging folder."""
    try:
        return (state / f"staged-{student}").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _snapshot(db_url: str, dest: Path, lang: str = "en") -> None:
    """A consistent copy of an SQLite gradebook for the workers to read (sqlite3 backup)."""
    if not db_url.startswith("sqlite:///"):
        raise UserError(tr("autograde.not-sqlite", lang))
    dest.unlink(missing_ok=True)
    src = sqlite3.connect(db_url[len("sqlite:///"):])
    try:
        out = sqlite3.connect(dest)
        with out:
            src.backup(out)
        out.close()
    finally:
        src.close()


def _db_url(course: Path) -> str | None:
    """``c.CourseDirectory.db_url`` of the course's configuration, if it sets one."""
    import re

    config = course / "nbgrader_config.py"
    if config.is_file():
        m = re.search(r"db_url\s*=\s*[\"']([^\"']+)[\"']", config.read_text("utf-8"))
        if m:
            return m.group(1)
    return None


@contextlib.contextmanager
def _quiet():
    """nbgrader's own gradebook calls warn (SQLAlchemy SAWarning); they are harmless."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _quiet_worker(state: str) -> None:
    """A worker's warnings off, and its stderr (the kernels' notices such as "Kernel is running
    over TCP without encryption", harmless on one machine) into a log file, not the terminal."""
    warnings.simplefilter("ignore")
    log = os.open(os.path.join(state, f"worker-{os.getpid()}.log"),
                  os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log, 2)
    os.close(log)


def format_run(run: CohortRun, lang: str = "en") -> str:
    """A plain-text summary for the trainer."""
    per = run.seconds / max(len(run.graded), 1)
    lines = [tr("autograde.summary", lang, name=run.assignment, graded=len(run.graded),
                seconds=num(run.seconds, lang, 0), each=num(per, lang, 1), workers=run.workers,
                skipped=len(run.skipped), refused=len(run.refused))]
    if run.refused:
        lines.append(tr("autograde.refused", lang, who=", ".join(run.refused)))
    for sid, why in sorted(run.failed.items()):
        lines.append(tr("autograde.not-graded", lang, student=sid, why=why))
    if run.failed:
        lines.append(tr("autograde.retry", lang))
    return "\n".join(lines)

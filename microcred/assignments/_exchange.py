"""Listing, fetching and handing in through nbgrader's exchange classes (see the package)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..findings import Finding, HasFindings, localised
from ..settings import screen_language

MODULE = "assignments"
ERROR_CODES = frozenset({
    "no-exchange", "no-course", "no-access", "not-released", "already-fetched", "not-fetched",
    "link-in-folder", "too-big", "exchange-failed", "unreadable", "no-notebook", "schema-old",
    "schema-new", "type-changed", "test-changed", "no-answer", "partial", "no-points",
    "cell-error", "too-long", "no-cells", "would-be-refused",
})
Status = Literal["released", "fetched", "submitted"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

# nbgrader's loggers write to stderr, which a notebook shows in red: what matters is reported here.
_QUIET = logging.getLogger("microcred.assignments")
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False


@dataclass(frozen=True)
class Assignment:
    """One assignment of a course as the participant sees it."""

    course_id: str
    name: str
    status: Status  # released (not yet fetched), fetched (a working copy), submitted (handed in, no copy)
    folder: Path | None = None  # the working copy, once fetched
    notebooks: tuple[Path, ...] = ()  # the working copy's notebooks
    submitted: tuple[str, ...] = ()  # times of hand-ins, oldest first (nbgrader's timestamps)
    feedback_ready: bool = False  # the trainer has released feedback not yet fetched
    feedback: tuple[Path, ...] = ()  # fetched feedback pages (HTML), oldest hand-in first


@dataclass(frozen=True)
class Listing(HasFindings):
    """What the exchange holds for this participant, or why it could not be read."""

    assignments: tuple[Assignment, ...]
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Result(HasFindings):
    """The outcome of a fetch, a submit or a validation: findings, and a sentence when it worked."""

    done: str = ""
    findings: tuple[Finding, ...] = field(default_factory=tuple)


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    return localised(MODULE, code, lang, ERROR_CODES, element, **fields)


def _config(folder: Path) -> Any:
    """nbgrader's configuration as its server extension loads it: ``nbgrader_config.py`` from
    the Jupyter config path (``/etc/jupyter`` on the hub) and from the participant's folder, with
    the working copies kept in that folder."""
    from nbgrader.apps import NbGrader
    from traitlets.config import Application, Config

    app = NbGrader(log=_QUIET)
    app.load_cwd_config = False
    app.load_config_file()  # the Jupyter config path
    if (folder / "nbgrader_config.py").is_file():
        Application.load_config_file(app, "nbgrader_config", path=str(folder))
    config = Config(app.config)
    configured = Path(os.path.expanduser(config.Exchange.get("assignment_dir", ".")))
    config.Exchange.assignment_dir = str(configured if configured.is_absolute()
                                         else (folder / configured).resolve())
    return config


@dataclass
class _Exchange:
    """The parts every exchange call needs (config, course folder, authenticator)."""

    folder: Path
    config: Any
    course_id: str = ""

    def make(self, kind: str, assignment: str = "") -> Any:
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange import ExchangeFactory

        config = self.config.copy()
        if self.course_id:
            config.CourseDirectory.course_id = self.course_id
        if assignment:
            config.CourseDirectory.assignment_id = assignment
        coursedir = CourseDirectory(config=config, log=_QUIET)
        authenticator = Authenticator(config=config, log=_QUIET)
        factory = ExchangeFactory(config=config, log=_QUIET)
        return getattr(factory, kind)(coursedir=coursedir, authenticator=authenticator,
                                      config=config, log=_QUIET)

    @property
    def root(self) -> Path:
        from nbgrader.exchange.default import Exchange

        return Path(self.config.Exchange.get("root", Exchange.root.default_value))


def _problem_with_exchange(exchange: _Exchange, lang: str) -> Finding | None:
    """Why the exchange cannot be used at all, before nbgrader is asked (it would raise)."""
    root = exchange.root
    if not root.is_dir() or not os.access(root, os.W_OK | os.X_OK):
        return _finding("no-exchange", lang, folder=str(root))
    return None


def _open_exchange(folder: str | os.PathLike[str], course_id: str,
                   lang: str) -> _Exchange | Finding:
    """The exchange for ``folder``, or why it cannot be used."""
    try:
        config = _config(Path(folder).resolve())
    except Exception as error:  # a broken nbgrader_config.py: nbgrader itself would stop
        return _finding("exchange-failed", lang, detail=_one_line(error))
    exchange = _Exchange(Path(folder).resolve(), config, course_id)
    return _problem_with_exchange(exchange, lang) or exchange


@dataclass(frozen=True)
class _Ready:
    """An exchange action made and its course known: what fetch, submit and fetch feedback share."""

    exchange: _Exchange
    action: Any
    course: str
    name: str


def _prepare(kind: str, assignment: Assignment | str, folder: str | os.PathLike[str],
             course_id: str, lang: str) -> _Ready | Result:
    """nbgrader's exchange action ``kind`` for ``assignment``, or the refusal as a Result."""
    name, course_id = _names(assignment, course_id)
    exchange = _open_exchange(folder, course_id, lang)
    if isinstance(exchange, Finding):
        return Result(findings=(exchange,))
    action = exchange.make(kind, name)
    course = action.coursedir.course_id
    if not course:
        return Result(findings=(_finding("no-course", lang),))
    return _Ready(exchange, action, course, name)


def _one_line(error: BaseException) -> str:
    text = " ".join(_ANSI.sub("", str(error)).split())
    return text or type(error).__name__


def list_assignments(folder: str | os.PathLike[str] = ".", lang: str | None = None) -> Listing:
    """The assignments released to this participant, fetched into ``folder`` or submitted."""
    lang = screen_language(ui=lang)
    exchange = _open_exchange(folder, "", lang)
    if isinstance(exchange, Finding):  # no exchange here is the usual state off the hub: a note
        return Listing((), (replace(exchange, severity="note")
                            if exchange.code == "no-exchange" else exchange,))
    try:
        released = exchange.make("List").start()
        cached = exchange.make("List")
        cached.cached = True
        submitted = cached.start()
    except Exception as error:
        return Listing((), (_finding("exchange-failed", lang, detail=_one_line(error)),))
    rows: dict[tuple[str, str], Assignment] = {}
    for info in sorted(released, key=lambda x: (x["course_id"], x["assignment_id"])):
        key = (info["course_id"], info["assignment_id"])
        fetched = info["status"] == "fetched"
        rows[key] = Assignment(
            course_id=key[0], name=key[1], status="fetched" if fetched else "released",
            folder=Path(info["path"]) if fetched else None,
            notebooks=tuple(Path(nb["path"]) for nb in info["notebooks"]) if fetched else ())
    for info in submitted:
        key = (info["course_id"], info["assignment_id"])
        hand_ins = info["submissions"]
        row = rows.get(key) or Assignment(course_id=key[0], name=key[1], status="submitted")
        rows[key] = replace(
            row, submitted=tuple(s["timestamp"] for s in hand_ins),
            feedback_ready=any(s.get("has_exchange_feedback") and (
                not s.get("has_local_feedback") or s.get("feedback_updated")) for s in hand_ins),
            feedback=tuple(Path(nb["local_feedback_path"]) for s in hand_ins
                           for nb in s.get("notebooks", ()) if nb.get("local_feedback_path")))
    found = tuple(rows[k] for k in sorted(rows))
    empty = Finding("nothing-released", "note", _t("nothing-released.message", lang),
                    _t("nothing-released.suggestion", lang))
    return Listing(found, () if found else (empty,))


def fetch(assignment: Assignment | str, folder: str | os.PathLike[str] = ".",
          course_id: str = "", lang: str | None = None) -> Result:
    """Copy a released assignment into ``folder`` (as nbgrader's *Fetch*); a working copy that
    exists is never replaced."""
    lang = screen_language(ui=lang)
    ready = _prepare("FetchAssignment", assignment, folder, course_id, lang)
    if isinstance(ready, Result):
        return ready
    exchange, action, course, name = ready.exchange, ready.action, ready.course, ready.name
    if not (exchange.root / course / "outbound" / name).is_dir():
        return Result(findings=(_finding("not-released", lang, assignment=name),))
    copy = _working_copy(exchange, course, name)
    if copy.exists():
        return Result(findings=(_finding("already-fetched", lang, assignment=name,
                                         folder=as_shown(copy, exchange.folder)),))
    problem = _access(action, course, lang)
    if problem:
        return Result(findings=(problem,))
    failed = _run(action, lang)
    if failed:
        return Result(findings=(failed,))
    return Result(done=_t("fetched", lang, assignment=name,
                          folder=as_shown(copy, exchange.folder)))


def submit(assignment: Assignment | str, folder: str | os.PathLike[str] = ".",
           course_id: str = "", lang: str | None = None) -> Result:
    """Hand in the working copy in ``folder`` (as nbgrader's *Submit*): checked first, so that a
    refused hand-in copies nothing into the exchange."""
    lang = screen_language(ui=lang)
    ready = _prepare("Submit", assignment, folder, course_id, lang)
    if isinstance(ready, Result):
        return ready
    exchange, action, course, name = ready.exchange, ready.action, ready.course, ready.name
    copy = _working_copy(exchange, course, name)
    if not copy.is_dir():
        return Result(findings=(_finding("not-fetched", lang, assignment=name),))
    problem = _access(action, course, lang) or _unsafe_folder(copy, action, lang)
    if problem:
        return Result(findings=(problem,))
    released = exchange.root / course / "outbound" / name
    if not released.is_dir():  # taken back by the trainer: nbgrader would refuse
        return Result(findings=(_finding("not-released", lang, assignment=name),))
    missing = sorted(p.name for p in released.glob("*.ipynb") if not (copy / p.name).exists())
    refused = _refused_by_vetting(copy, released, lang)
    if refused:
        return Result(findings=refused)
    failed = _run(action, lang)
    if failed:
        return Result(findings=(failed,))
    when = hand_in_time(action.timestamp, lang)
    warnings = (_finding("missing-notebooks", lang, names=", ".join(missing)),) if missing else ()
    return Result(done=_t("submitted", lang, assignment=name, time=when), findings=warnings)


def fetch_feedback(assignment: Assignment | str, folder: str | os.PathLike[str] = ".",
                   course_id: str = "", lang: str | None = None) -> Result:
    """Copy the trainer's released feedback into the assignment's folder (as nbgrader's *Fetch
    Feedback*): a page per notebook in ``feedback/<hand-in time>/``."""
    lang = screen_language(ui=lang)
    ready = _prepare("FetchFeedback", assignment, folder, course_id, lang)
    if isinstance(ready, Result):
        return ready
    exchange, action, course, name = ready.exchange, ready.action, ready.course, ready.name
    problem = _access(action, course, lang)
    if problem:
        return Result(findings=(problem,))
    failed = _run(action, lang)
    if failed:
        return Result(findings=(failed,))
    where = as_shown(_working_copy(exchange, course, name) / "feedback", exchange.folder)
    return Result(done=_t("feedback-fetched", lang, assignment=name, folder=where))


def _names(assignment: Assignment | str, course_id: str) -> tuple[str, str]:
    if isinstance(assignment, Assignment):
        return assignment.name, course_id or assignment.course_id
    return assignment, course_id


def _working_copy(exchange: _Exchange, course: str, name: str) -> Path:
    """Where nbgrader keeps the participant's copy (``path_includes_course``: course/name)."""
    base = Path(exchange.config.Exchange.assignment_dir)
    return base / course / name if exchange.config.Exchange.get("path_includes_course") \
        else base / name


def as_shown(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> str:
    """``path`` as JupyterLab's file browser shows it (from the participant's folder)."""
    try:
        return Path(path).resolve().relative_to(Path(folder).resolve()).as_posix()
    except ValueError:
        return str(path)


def _run(action: Any, lang: str) -> Finding | None:
    """Run nbgrader's action; what it raised, as a finding (its text one line, never a traceback)."""
    try:
        action.start()
    except Exception as error:
        return _finding("exchange-failed", lang, detail=_one_line(error))
    return None


def _access(action: Any, course: str, lang: str) -> Finding | None:
    """The course membership check nbgrader makes (on the hub: the participant's hub group)."""
    try:
        allowed = action.authenticator.has_access(action.coursedir.student_id, course)
    except Exception as error:
        return _finding("exchange-failed", lang, detail=_one_line(error))
    return None if allowed else _finding("no-access", lang, course=course)


def _unsafe_folder(copy: Path, action: Any, lang: str) -> Finding | None:
    """A link in the folder (nbgrader would follow a link to a folder, one that points back
    into its own folder without end) or a folder over the exchange's size limit."""
    total = 0
    for here, dirs, files in os.walk(copy):
        for entry in [*dirs, *files]:
            path = Path(here) / entry
            if path.is_symlink():
                return _finding("link-in-folder", lang, name=str(path.relative_to(copy)))
        total += sum((Path(here) / f).stat().st_size for f in files)
    limit = 1000 * action.coursedir.max_dir_size
    if total > limit:
        return _finding("too-big", lang, size=_megabytes(total, lang), limit=_megabytes(limit, lang))
    return None


def _refused_by_vetting(copy: Path, released: Path, lang: str) -> tuple[Finding, ...]:
    """What the trainer's vetting (``trainer.vet``, run before autograde) would refuse in the
    hand-in's notebooks: said now, while the participant can still change it."""
    import nbformat

    from ..trainer.vet import vet_notebook

    for reference in sorted(released.glob("*.ipynb")):
        mine = copy / reference.name
        if not mine.is_file():
            continue
        text = mine.read_text(encoding="utf-8", errors="replace")
        released_nb = nbformat.read(reference, as_version=4)
        errors = [f for f in vet_notebook(text, released_nb, reference.name, lang)
                  if f.severity == "error"]
        if errors:
            return (_finding("would-be-refused", lang, name=reference.name), *errors)
    return ()


def _megabytes(size: int, lang: str) -> str:
    from ..numbers import format_number

    return f"{format_number(size / 1_000_000, lang, decimals=1)} MB"


def hand_in_time(timestamp: str, lang: str) -> str:
    """nbgrader's hand-in time as ``lang`` writes a date and time, in this server's time zone
    (nbgrader's text as it is if it cannot be read)."""
    from dateutil.parser import parse

    from ..dates import format_datetime

    try:
        moment = parse(timestamp).astimezone()
    except (ValueError, OverflowError):
        return timestamp
    return f"{format_datetime(moment, lang)} {moment.tzname() or ''}".strip()


def _t(key: str, lang: str, **fields: object) -> str:
    from ..i18n import t

    return t(f"{MODULE}.{key}", lang, **fields)

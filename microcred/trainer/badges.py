"""The course is a micro-credential too: an Open Badge 3.0 for each participant who passed.

Who passes is the course's own rule, in the ``badge`` section of its design file
(``microcred/examples/coaching-course.yaml`` unless told otherwise)::

    badge:
      required: [needs, outcomes, credential, design, qa, capstone]
      pass_mark: 0.5   # share of each required assignment's maximum

A participant earns the badge when **every** required assignment is graded (no answer waiting
for manual grading, no refused submission waiting for a decision) and reaches the pass mark.
A required assignment that is not in the gradebook, or has no points there (not generated yet),
stops the issuing with a message: nobody passes a course whose assignments are not all set.
:func:`course_results` reads the gradebook through :func:`report.read_gradebook`, so a pass
means the same here as in the grading report.

:func:`issue_badges` issues the course with ``microcred.credential.to_ob3``: one unsigned
OpenBadgeCredential (JSON) per participant who passed, and a CSV of who received one. The design
file must name the organisation that awards the badge: a missing awarding body or the kit's
placeholder ("Example University (replace with ...)") stops the issuing with a message.

Re-running never duplicates: a participant's badge has a fixed file name and a fixed id, a badge
issued earlier keeps its date of issuing, and the CSV is written anew each time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import uuid
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..dates import format_date
from ..errors import UserError
from ..files import write_text_atomic
from ..spreadsheet import csv_text, number
from ._text import percent, tr

CSV_NAME = "badges.csv"
CSV_COLUMNS = ["id", "name", "email", "score", "max", "share", "issued", "credential_id", "file"]
_SAFE = re.compile(r"[^A-Za-z0-9._@-]+")
# An awarding body left as in the kit's example ("Example University (replace with ...)").
PLACEHOLDER = re.compile(r"\bexample\b|replace with|esimerkki|exempel|korvaa|ersätt", re.I)
PLACEHOLDER_URL = re.compile(r"^https?://([^/]*\.)?example\.(org|com|net)(/|$)", re.I)


def course_design_path() -> Path:
    """The coaching course's own design file, shipped with the kit."""
    return Path(str(files("microcred").joinpath("examples", "coaching-course.yaml")))


@dataclass(frozen=True)
class BadgeRule:
    """Who earns the course badge: every required assignment graded and at the pass mark."""

    required: tuple[str, ...] = ()  # empty: every assignment of the gradebook
    pass_mark: float = 0.5  # share of each required assignment's maximum

    def describe(self, lang: str = "en") -> str:
        return tr("badges.rule", lang, percent=percent(self.pass_mark, lang),
                  assignments=", ".join(self.required) if self.required
                  else tr("badges.all-assignments", lang))


def badge_rule(doc: dict | None, pass_mark: float | None = None,
               assignments: list[str] | None = None, lang: str = "en") -> BadgeRule:
    """The rule of a design file's ``badge`` section; ``pass_mark`` and ``assignments`` (from
    the command line) replace what the file says."""
    section = (doc or {}).get("badge") or {}
    if not isinstance(section, dict):
        raise UserError(tr("badges.bad-section", lang))
    required = assignments if assignments else section.get("required") or []
    if isinstance(required, str):
        required = [required]
    mark = pass_mark if pass_mark is not None else section.get("pass_mark", 0.5)
    try:
        mark = float(mark)
    except (TypeError, ValueError):
        raise UserError(tr("badges.mark-not-number", lang, mark=repr(mark))) from None
    if not 0 < mark <= 1:
        raise UserError(tr("bad-pass-mark", lang))
    return BadgeRule(tuple(str(a) for a in required), mark)


@dataclass(frozen=True)
class Result:
    """One participant's standing in the course: the required assignments, one by one."""

    student: str
    name: str
    email: str
    score: float  # points over the required assignments
    max_score: float
    waiting: tuple[str, ...] = ()  # manual grading or a vetting decision to do
    missing: tuple[str, ...] = ()  # not handed in
    below: tuple[str, ...] = ()  # graded below the pass mark

    @property
    def share(self) -> float:
        return self.score / self.max_score if self.max_score > 0 else 0.0

    @property
    def passed(self) -> bool:
        return not (self.waiting or self.missing or self.below) and self.max_score > 0


@dataclass
class BadgeRun:
    """What :func:`issue_badges` did."""

    folder: Path
    issued: list[tuple[Result, Path, str]] = field(default_factory=list)  # result, file, date
    new: list[str] = field(default_factory=list)  # students whose badge is new in this run
    waiting: list[Result] = field(default_factory=list)
    not_passed: list[Result] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)  # earlier badges of people who do not pass now
    csv_path: Path | None = None
    rule: BadgeRule = field(default_factory=BadgeRule)


def course_results(db_url: str, rule: BadgeRule | None = None,
                   vetting: list[dict] | None = None, lang: str = "en") -> list[Result]:
    """Every participant of the gradebook with their standing under ``rule``."""
    from .report import GRADED, PENDING, REFUSED, read_gradebook
    from .versions import base_names

    rule = rule or BadgeRule()
    data = read_gradebook(db_url, vetting)
    counted = base_names(rule.required) or list(data.assignments)  # outcomes-fi is outcomes
    unknown = [a for a in counted if a not in data.assignments]
    if unknown:
        raise UserError(tr("unknown-assignment", lang, names=", ".join(unknown),
                           known=", ".join(data.assignments) or "-")
                        + "; " + tr("badges.every-required", lang))
    empty = [a for a in counted if data.max_scores.get(a, 0) <= 0]
    if empty:
        raise UserError(tr("badges.no-points", lang, names=", ".join(empty)))
    people: dict[str, dict[str, Any]] = {}
    for row in data.rows:
        if row.assignment not in counted:
            continue
        p = people.setdefault(row.student, {"name": row.name, "score": 0.0, "max": 0.0,
                                            "waiting": [], "missing": [], "below": []})
        p["max"] += row.max_score
        if row.status in (GRADED, PENDING) and row.score is not None:
            p["score"] += row.score
        if row.status in (PENDING, REFUSED):
            p["waiting"].append(row.assignment)
        elif row.status != GRADED:
            p["missing"].append(row.assignment)
        elif row.passed(rule.pass_mark) != "yes":
            p["below"].append(row.assignment)
    return [Result(sid, p["name"], data.people[sid].email if sid in data.people else "",
                   round(p["score"], 4), p["max"], tuple(p["waiting"]), tuple(p["missing"]),
                   tuple(p["below"])) for sid, p in sorted(people.items())]


def issuer_problem(description: Any, lang: str = "en") -> str | None:
    """Why the design file cannot name the issuer of real badges, or None when it can."""
    bodies = [o for o in description.awarding_body if (o.name or "").strip()]
    if not bodies:
        return tr("badges.no-issuer", lang)
    for o in bodies:
        if PLACEHOLDER.search(o.name) or (o.url and PLACEHOLDER_URL.search(o.url)):
            return tr("badges.placeholder", lang, name=repr(o.name),
                      url=o.url or tr("badges.no-url", lang))
    return None


KEY_FILE = ".badge-key"  # beside the badges: the secret that makes their ids


def badge_key(folder: Path) -> bytes:
    """The badge folder's secret key (made once, at random): without it, an id cannot be
    recomputed from a participant's id or e-mail address."""
    path = Path(folder) / KEY_FILE
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) >= 16:
            return key
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    write_text_atomic(path, key.hex() + "\n")
    return key


def badge_id(achievement: str, student: str, key: bytes) -> str:
    """The fixed id of a participant's badge for a course (the same on every run with the same
    ``key``): an HMAC of the course and the participant, keyed with :func:`badge_key`."""
    digest = hmac.new(key, f"{achievement}|{student}".encode(), hashlib.sha256).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=4)}"


def badge_file(folder: Path, student: str) -> Path:
    """The fixed file of a participant's badge."""
    return folder / f"{_SAFE.sub('_', student).strip('._') or 'participant'}.json"


def issue_badges(db_url: str, out_dir: str | Path, pass_mark: float | None = None,
                 design_file: str | Path | None = None, issued: Any = None,
                 assignments: list[str] | None = None, hash_learner: bool = False,
                 vetting: list[dict] | None = None, lang: str = "en") -> BadgeRun:
    """Write a badge for each participant who passed, and ``badges.csv`` listing them.

    The rule is the design file's ``badge`` section (:func:`badge_rule`); ``pass_mark`` and
    ``assignments`` replace its pass mark and required assignments. ``issued`` is the date of
    issuing of new badges (default: today); a badge issued earlier keeps its date, so
    re-running changes nothing for those who already have one.
    """
    from .. import design
    from ..credential import achievement_id, ob3_problems, to_ob3

    design_file = Path(design_file) if design_file else course_design_path()
    doc = design.load(design_file)
    rule = badge_rule(doc, pass_mark, assignments, lang)
    description = design.description(doc)
    problem = issuer_problem(description, lang)
    if problem:
        raise UserError(tr("badges.issuer-problem", lang, file=design_file.name,
                           problem=problem))
    achievement = achievement_id(description)
    today = _date(issued, lang) if issued else dt.date.today()
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UserError(tr("badges.folder-is-file", lang, folder=folder))
    results = course_results(db_url, rule, vetting, lang)
    folder.mkdir(parents=True, exist_ok=True)
    key = badge_key(folder)
    run = BadgeRun(folder, rule=rule)
    for r in results:
        path = badge_file(folder, r.student)
        if r.waiting:
            run.waiting.append(r)
        elif not r.passed:
            run.not_passed.append(r)
        if not r.passed:
            if path.exists():
                run.stale.append(path)
            continue
        cid = badge_id(achievement, r.student, key)
        earlier = _earlier_date(path, cid)
        when = earlier or today
        learner = r.email or r.name or r.student
        salt = hashlib.sha256(cid.encode("utf-8")).hexdigest()[:16] if hash_learner else None
        doc = to_ob3(description, learner, when.isoformat(), grade=_pass_word(description),
                     credential_id=cid, hash_learner=hash_learner, salt=salt)
        problems = ob3_problems(doc)
        if problems:  # cannot happen for a valid description; a safety net
            raise UserError("the Open Badge is incomplete: " + "; ".join(problems))
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            design.write_text_atomic(path, text)
        if earlier is None:
            run.new.append(r.student)
        run.issued.append((r, path, when.isoformat()))
    run.csv_path = folder / CSV_NAME
    design.write_text_atomic(run.csv_path, badges_csv(run, achievement, lang=lang))
    return run


def badges_csv(run: BadgeRun, achievement: str, csv_style: str = "nordic",
               lang: str = "en") -> str:
    """Who received a badge: one row each, a header row; by default for Excel in Finnish or
    Swedish settings (byte-order mark, ``;``, decimal comma: ``microcred.spreadsheet``)."""
    from .report import _cell  # names never read as spreadsheet formulas, as in the report

    rows: list[list[str]] = [[tr(f"csv.{c}", lang) for c in CSV_COLUMNS]]
    for r, path, when in run.issued:
        rows.append([_cell(r.student), _cell(r.name), _cell(r.email), number(r.score, csv_style),
                     number(r.max_score, csv_style), number(round(r.share, 3), csv_style), when,
                     badge_id(achievement, r.student, badge_key(run.folder)), path.name])
    return csv_text(rows, csv_style)


def format_run(run: BadgeRun, lang: str = "en") -> str:
    """A plain-text summary for the trainer."""
    lines = [tr("badges.summary", lang, n=len(run.issued), folder=run.folder.resolve(),
                new=len(run.new), rule=run.rule.describe(lang))]
    for r, path, when in run.issued:
        lines.append(f"  {r.student:16} {percent(r.share, lang):>6}  "
                     + tr("badges.issued", lang, date=format_date(when, lang), file=path.name))
    if run.waiting:
        lines.append(tr("badges.waiting", lang, n=len(run.waiting), who=", ".join(
            f"{r.student} ({', '.join(r.waiting)})" for r in run.waiting)))
    if run.not_passed:
        lines.append(tr("badges.not-passed", lang, n=len(run.not_passed), who="; ".join(
            f"{r.student} ({_why_not(r, lang)})" for r in run.not_passed)))
    for path in run.stale:
        lines.append(tr("badges.stale", lang, file=path.name))
    if run.csv_path:
        lines.append(f"CSV: {run.csv_path.resolve()}")
    return "\n".join(lines)


def _why_not(r: Result, lang: str = "en") -> str:
    parts = []
    if r.missing:
        parts.append(tr("badges.not-handed-in", lang, names=", ".join(r.missing)))
    if r.below:
        parts.append(tr("badges.below", lang, names=", ".join(r.below)))
    return "; ".join(parts) or tr("badges.no-points-at-all", lang)


def _earlier_date(path: Path, cid: str) -> dt.date | None:
    """The date of issuing of the badge already in ``path`` for the same id (None otherwise)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("id") != cid:
            return None
        return dt.datetime.fromisoformat(str(doc["validFrom"]).replace("Z", "+00:00")).date()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _date(value: Any, lang: str = "en") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(tr("badges.bad-date", lang, value=repr(value))) from None


def _pass_word(description: Any) -> str:
    """The grade of a pass on the course's scale ("pass", "hyväksytty", "godkänd")."""
    return {"fi": "hyväksytty", "sv": "godkänd"}.get(description.language, "pass")

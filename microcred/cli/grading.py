"""``python -m microcred grading ...``: the trainer's side of nbgrader.

- ``grading vet SUBMISSIONS``: refuse submissions whose answer cells hold anything but text,
  before nbgrader runs them (refused ones move to ``quarantine/``); exit 1 if any is refused.
- ``grading roster FILE.csv``: put the participants into the gradebook.
- ``grading autograde ASSIGNMENT``: vet and autograde a cohort in parallel, resumable.
- ``grading report``: an HTML report and a CSV for the student register.
- ``grading export --format moodle|canvas|excel``: grades for the learning platform's import
  or for a spreadsheet.
- ``grading demo``: a synthetic cohort through the whole cycle.
- ``grading badges --design OURS.yaml -o OUT``: an Open Badge 3.0 for each participant who passed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from ..errors import UserError
from ..files import write_text_atomic
from ..i18n import LANGUAGES
from ..trainer._text import num, tr
from ._io import read_text, usage_of

EXIT_VET_FAILED = 3  # the vetting itself failed on a file (not the same as "refused", 1)


def _help_language() -> str:
    """The language of the help texts: a ``--lang`` on the command line, else the screen
    language (the parsers are built before the options are read)."""
    from ..settings import screen_language

    argv = sys.argv[1:]
    given = next((argv[n + 1] for n, a in enumerate(argv[:-1]) if a == "--lang"), None)
    return screen_language("grading", given)


def register(sub: argparse._SubParsersAction) -> None:
    lang = _help_language()

    def h(key: str) -> str:
        return tr(f"help.{key}", lang)

    p = sub.add_parser("grading", help=h("grading"), description=h("grading.description"))
    p.add_argument("--lang", choices=LANGUAGES, default=None, help=h("lang"))
    cmds = p.add_subparsers(dest="grading_command", metavar="STEP")
    p.set_defaults(func=usage_of(p))

    v = cmds.add_parser("vet", help=h("vet"), description=h("vet.description"))
    v.add_argument("submissions", nargs="?", default="submitted", metavar="SUBMISSIONS",
                   help=h("vet.submissions"))
    v.add_argument("--course", help=h("vet.course"))
    v.add_argument("--keep", action="store_true", help=h("vet.keep"))
    v.add_argument("--json", action="store_true", help=h("vet.json"))
    v.set_defaults(func=run_vet)

    a = cmds.add_parser("autograde", help=h("autograde"), description=h("autograde.description"))
    a.add_argument("assignment", metavar="ASSIGNMENT", help=h("assignment"))
    a.add_argument("--course", default=".", help=h("course"))
    a.add_argument("--workers", type=int, help=h("autograde.workers"))
    a.add_argument("--force", action="store_true", help=h("autograde.force"))
    a.add_argument("--no-vet", action="store_true", help=h("autograde.no-vet"))
    a.set_defaults(func=run_autograde)

    r = cmds.add_parser("roster", help=h("roster"), description=h("roster.description"))
    r.add_argument("file", metavar="FILE", help=h("roster.file"))
    r.add_argument("--course", default=".", help=h("course"))
    r.add_argument("--db", help=h("db"))
    r.add_argument("--dry-run", action="store_true", help=h("roster.dry-run"))
    r.set_defaults(func=run_roster)

    g = cmds.add_parser("report", help=h("report"), description=h("report.description"))
    g.add_argument("--course", default=".", help=h("course"))
    g.add_argument("--db", help=h("db"))
    g.add_argument("-o", "--output", default="grading-report.html", help=h("report.output"))
    g.add_argument("--csv", help=h("report.csv"))
    g.add_argument("--pass-mark", type=float, default=0.5, help=h("pass-mark"))
    g.set_defaults(func=run_report)

    e = cmds.add_parser("export", help=h("export"), description=h("export.description"))
    e.add_argument("--format", required=True, choices=["moodle", "canvas", "excel"],
                   help=h("export.format"))
    e.add_argument("-o", "--output", help=h("export.output"))
    e.add_argument("--course", default=".", help=h("course"))
    e.add_argument("--db", help=h("db"))
    e.add_argument("--assignment", action="append", metavar="NAME", help=h("export.assignment"))
    e.add_argument("--lms-file", metavar="EXPORT.csv", help=h("export.lms-file"))
    e.add_argument("--match", choices=["email", "idnumber"], default="email",
                   help=h("export.match"))
    e.add_argument("--missing-as-zero", action="store_true", help=h("export.missing-as-zero"))
    e.add_argument("--pass-mark", type=float, default=0.5, help=h("export.pass-mark"))
    e.set_defaults(func=run_export)

    d = cmds.add_parser("demo", help=h("demo"), description=h("demo.description"))
    d.add_argument("--out", default="demo-grading", help=h("demo.out"))
    d.set_defaults(func=run_demo)

    from ._badges import add_parser as add_badges  # grading badges: see cli/_badges.py

    add_badges(cmds, h)
    for step in cmds.choices.values():  # --lang also after the step: grading report --lang fi
        step.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                          help=h("lang"))


def language(args: argparse.Namespace) -> str:
    """The language of the trainer's output: --lang, else the screen language."""
    from ..settings import screen_language

    return screen_language("grading", getattr(args, "lang", None))


def _stderr_progress(label: str, minimum: int = 20, lang: str = "en"):
    """A progress printer for long runs: about ten lines on stderr, none for short runs."""
    def progress(done: int, total: int) -> None:
        if total >= minimum and (done == total or done % max(total // 10, 1) == 0):
            print(f"{tr('progress.' + label, lang)}: {done}/{total}", file=sys.stderr, flush=True)
    return progress


def _progress_bar(stream=None, lang: str = "en"):
    """A progress bar on stderr (one line redrawn on a terminal; a line per tenth otherwise)."""
    stream = stream or sys.stderr
    started: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        t0 = started.setdefault(stage, time.monotonic())
        elapsed = time.monotonic() - t0
        left = elapsed / done * (total - done) if 0 < done < total else 0.0
        eta = ", " + tr("progress.left", lang, seconds=num(left, lang, 0)) if left >= 0.5 else ""
        filled = int(30 * done / total)
        line = (f"{tr('progress.' + stage, lang):10} [{'#' * filled}{'.' * (30 - filled)}] "
                f"{done}/{total}{eta}")
        if stream.isatty():
            print("\r" + line.ljust(79), end="\n" if done == total else "", file=stream,
                  flush=True)
        elif done == total or done % max(total // 10, 1) == 0:
            print(line, file=stream, flush=True)
    return progress


def _course_of(path: Path) -> Path:
    for folder in [path, *path.parents]:
        if (folder / "nbgrader_config.py").is_file():
            return folder
    return Path(".")


def run_vet(args: argparse.Namespace) -> int:
    from ..trainer.vet import format_vetting, quarantine, save_record, vet_path

    lang = language(args)
    path = Path(args.submissions)
    if args.course and not path.is_absolute() and not path.exists():
        path = Path(args.course) / path  # e.g. --course assignments: assignments/submitted
    if not path.exists():
        raise UserError(tr("cli.no-such-path", lang, path=path))
    if path.is_file() and path.suffix != ".ipynb":
        raise UserError(tr("cli.not-a-notebook", lang, path=path))
    course = Path(args.course) if args.course else _course_of(path.resolve())
    if not course.is_dir():
        raise UserError(tr("cli.no-such-folder", lang, path=course))
    if (path / "nbgrader_config.py").is_file():  # the course folder itself
        path = path / "submitted"
    results = vet_path(path, course, progress=_stderr_progress("vetted", lang=lang), lang=lang)
    if not results:
        raise UserError(tr("cli.no-notebooks", lang, path=path))
    # Everything is moved and recorded before anything is printed: output cut short
    # (``| head``) cannot leave a refused submission in submitted/.
    if not args.keep:
        for r in results:
            quarantine(r, course, lang)
    inside = all(Path(os.path.abspath(r.submission.folder)).is_relative_to(course.resolve())
                 for r in results)
    if inside:
        save_record(results, course)
    for r in results:
        if args.json:
            print(json.dumps(r.to_dict(), ensure_ascii=True))
        else:
            print(format_vetting(r, lang))
    refused = [r for r in results if r.refused]
    failed = [r for r in results if r.failed]
    if not args.json:
        warned = sum(r.status == "warnings" for r in results)
        moved = " " + tr("cli.vet-moved", lang) if refused and not args.keep else ""
        print("\n" + tr("cli.vet-summary", lang, n=len(results),
                        ok=len(results) - len(refused) - warned, warned=warned,
                        refused=len(refused), moved=moved))
        if failed:
            print(tr("cli.vet-failed", lang, n=len(failed)))
    return EXIT_VET_FAILED if failed else 1 if refused else 0


def _db_url(args: argparse.Namespace, must_exist: bool) -> str:
    from ..trainer.roster import default_db_url

    lang = language(args)
    if args.db:
        return args.db
    course = Path(args.course)
    if not course.is_dir():
        raise UserError(tr("cli.no-such-folder", lang, path=course))
    if must_exist and not (course / "gradebook.db").is_file():
        raise UserError(tr("cli.no-gradebook", lang, path=course / "gradebook.db"))
    return default_db_url(course)


def run_autograde(args: argparse.Namespace) -> int:
    from ..trainer.autograde import autograde_cohort, format_run

    lang = language(args)
    course = Path(args.course)
    if not (course / "gradebook.db").is_file():
        raise UserError(tr("cli.no-gradebook", lang, path=course / "gradebook.db"))
    if args.workers is not None and args.workers < 1:
        raise UserError(tr("cli.bad-workers", lang))
    run = autograde_cohort(course, args.assignment, args.workers, force=args.force,
                           vet=not args.no_vet, progress=_progress_bar(lang=lang), lang=lang)
    print(format_run(run, lang))
    return 1 if run.failed else 0


def run_roster(args: argparse.Namespace) -> int:
    from ..trainer.roster import import_roster, parse_roster

    lang = language(args)
    people, problems = parse_roster(read_text(args.file, lang), lang)
    for problem in problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    if problems:
        raise UserError(tr("cli.roster-problems", lang, file=args.file, n=len(problems)))
    if args.dry_run:
        print(tr("cli.roster-dry-run", lang, n=len(people)))
        return 0
    from ..trainer.roster import course_id_of

    db = _db_url(args, must_exist=False)
    added, updated = import_roster(people, db, course_id_of(db, Path(args.course)))
    print(tr("cli.roster-imported", lang, added=added, updated=updated, db=db))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from ..trainer.report import read_gradebook, render_html, write_csv
    from ..trainer.vet import load_record

    lang = language(args)
    if not 0 < args.pass_mark <= 1:
        raise UserError(tr("cli.bad-pass-mark", lang))
    db = _db_url(args, must_exist=True)
    data = read_gradebook(db, load_record(Path(args.course)),
                          progress=_stderr_progress("read", lang=lang), course=Path(args.course))
    out = Path(args.output)
    write_text_atomic(out, render_html(data, args.pass_mark, lang=lang))
    rows = write_csv(data, Path(args.csv), args.pass_mark, lang) if args.csv else None
    graded = sum(r.status in ("graded", "pending") for r in data.rows)
    print(tr("cli.report-written", lang, path=out.resolve(), assignments=len(data.assignments),
             submissions=graded))
    if rows is not None:
        print(tr("cli.csv-written", lang, path=Path(args.csv).resolve(), rows=rows))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from ..trainer.export import export_grades, format_export
    from ..trainer.report import read_gradebook
    from ..trainer.vet import load_record

    lang = language(args)
    if not 0 < args.pass_mark <= 1:
        raise UserError(tr("cli.bad-pass-mark", lang))
    if args.lms_file and args.format == "excel":
        raise UserError(tr("cli.lms-file-excel", lang))
    lms = read_text(args.lms_file, lang) if args.lms_file else None
    course = Path(args.course)
    data = read_gradebook(_db_url(args, must_exist=True), load_record(course), course=course)
    result = export_grades(data, args.format, args.assignment, args.pass_mark, lms, args.match,
                           args.missing_as_zero, lang)
    out = result.save(args.output or f"grades-{args.format}.csv")
    print(format_export(result, out, lang))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from ..trainer.demo import run_demo as demo

    demo(Path(args.out), lang=language(args))
    return 0

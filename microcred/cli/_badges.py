"""``python -m microcred grading badges``: Open Badges 3.0 for those who passed the course.

Added to the ``grading`` command's steps by ``cli/grading.py`` (a module starting with ``_`` is
not a command of its own).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError


def add_parser(steps: argparse._SubParsersAction) -> None:
    b = steps.add_parser(
        "badges", help="an Open Badge 3.0 for each participant who passed the course",
        description="Read the gradebook and issue the coaching course, described in its own "
        "design file, as an Open Badges 3.0 credential (unsigned JSON) to each participant "
        "who passed by the rule in the file's 'badge' section (every required assignment "
        "graded and at the pass mark); write badges.csv with who received one. The design "
        "file must name your organisation as the awarding body. Re-running adds new badges "
        "and changes none: each badge has a fixed file name and id, and keeps its date.")
    b.add_argument("--pass-mark", type=float,
                   help="share of each required assignment's maximum needed, e.g. 0.5 "
                        "(default: the design file's badge: pass_mark)")
    b.add_argument("-o", "--output", required=True, help="folder for the badges and badges.csv")
    b.add_argument("--course", default=".", help="course folder (default: .)")
    b.add_argument("--db", help="gradebook URL (default: sqlite:///COURSE/gradebook.db)")
    b.add_argument("--design", help="the course's design file with YOUR organisation as the "
                   "awarding body (default: the kit's microcred/examples/coaching-course.yaml)")
    b.add_argument("--issued", help="date of issuing of new badges, YYYY-MM-DD (default: today)")
    b.add_argument("--assignment", action="append", metavar="NAME",
                   help="require this assignment (repeat for several; default: the design "
                        "file's badge: required, else every assignment)")
    b.add_argument("--hash-learner", action="store_true",
                   help="store each learner as a salted hash, not as plain text")
    b.set_defaults(func=run_badges)


def run_badges(args: argparse.Namespace) -> int:
    from ..trainer._text import tr
    from ..trainer.badges import format_run, issue_badges
    from ..trainer.roster import default_db_url
    from ..trainer.vet import load_record
    from .grading import language

    lang = language(args)
    if args.pass_mark is not None and not 0 < args.pass_mark <= 1:
        raise UserError(tr("cli.bad-pass-mark", lang))
    course = Path(args.course)
    if args.db:
        db = args.db
    else:
        if not (course / "gradebook.db").is_file():
            raise UserError(tr("cli.no-gradebook", lang, path=course / "gradebook.db"))
        db = default_db_url(course)
    run = issue_badges(db, args.output, args.pass_mark, design_file=args.design,
                       issued=args.issued, assignments=args.assignment,
                       hash_learner=args.hash_learner, vetting=load_record(course), lang=lang)
    print(format_run(run, lang))
    return 0

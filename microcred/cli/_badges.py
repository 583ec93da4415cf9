"""``python -m microcred grading badges``: Open Badges 3.0 for those who passed the course.

Added to the ``grading`` command's steps by ``cli/grading.py`` (a module starting with ``_`` is
not a command of its own).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..errors import UserError


def add_parser(steps: argparse._SubParsersAction, h: Callable[[str], str]) -> None:
    """Add ``badges`` to the grading steps; ``h(key)`` is the help text ``help.<key>``."""
    b = steps.add_parser("badges", help=h("badges"), description=h("badges.description"))
    b.add_argument("--pass-mark", type=float, help=h("badges.pass-mark"))
    b.add_argument("-o", "--output", required=True, help=h("badges.output"))
    b.add_argument("--course", default=".", help=h("course"))
    b.add_argument("--db", help=h("db"))
    b.add_argument("--design", help=h("badges.design"))
    b.add_argument("--issued", help=h("badges.issued"))
    b.add_argument("--assignment", action="append", metavar="NAME", help=h("badges.assignment"))
    b.add_argument("--hash-learner", action="store_true", help=h("badges.hash-learner"))
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

"""``python -m microcred competence cohort FOLDER``: the trainer's report on the competence
self-assessments before and after the course.

    python -m microcred competence cohort submissions/ -o competence.html [--threshold 5]
"""

from __future__ import annotations

import argparse
import sys

from .. import competence
from ..i18n import LANGUAGES, t
from ._design import helptext
from ._io import usage_of, write_output
from ._parser import building_language
from .qa import _positive


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("competence", help=helptext("competence"),
                       description=helptext("competence.description"))
    commands = p.add_subparsers(dest="competence_command", metavar="{cohort}")
    p.set_defaults(func=usage_of(p, sys.stderr))

    c = commands.add_parser("cohort", help=helptext("competence.cohort"),
                            description=helptext("competence.cohort.description"))
    c.add_argument("folder", metavar="FOLDER", help=helptext("competence.cohort.folder"))
    c.add_argument("-o", "--output", required=True, help=helptext("competence.cohort.output"))
    c.add_argument("--threshold", type=_positive, default=competence.COHORT_THRESHOLD,
                   help=helptext("threshold", default=competence.COHORT_THRESHOLD))
    c.add_argument("--lang", choices=LANGUAGES, default=building_language(),
                   help=helptext("competence.cohort.lang"))
    c.set_defaults(func=run_cohort)


def run_cohort(args: argparse.Namespace) -> int:
    report = competence.load_cohort(args.folder, args.threshold, args.lang)
    for _path, reason in report.skipped:
        print(t("cli.skipped", args.lang, reason=reason), file=sys.stderr)
    write_output(args.output, competence.cohort_html(report, args.lang))
    if args.output != "-":
        print(competence.cohort_text(report, args.lang))
        print(t("cli.wrote", args.lang, path=args.output))
    return 1 if report.skipped else 0

"""``python -m microcred competence cohort FOLDER``: the trainer's report on the competence
self-assessments before and after the course.

    python -m microcred competence cohort submissions/ -o competence.html [--threshold 5]
"""

from __future__ import annotations

import argparse
import sys

from .. import competence
from ..i18n import LANGUAGES, t
from ..settings import screen_language
from ._io import usage_of, write_output
from .qa import _positive


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "competence",
        help="the cohort's competence self-assessments, before and after the course",
        description="Reports from participants' competence self-assessments "
        "(NAME.competence.json beside each design file).",
    )
    commands = p.add_subparsers(dest="competence_command", metavar="{cohort}")
    p.set_defaults(func=usage_of(p, sys.stderr))

    c = commands.add_parser(
        "cohort",
        help="change per outcome, Bloom levels of the designs, weakest QA principles",
        description="Read every NAME.competence.json, design file (.yaml) and NAME.qa.json in a "
        "folder and its subfolders, and write one HTML page: the change per course outcome "
        "between the two rounds, where the cohort's own outcomes sit on Bloom's levels, and "
        "the weakest quality principles. Each part is shown only for a group of at least the "
        "threshold; smaller groups show only their size. Files that cannot be read are named "
        "on stderr and left out (exit code 1).",
    )
    c.add_argument("folder", help="folder with the participants' files")
    c.add_argument("-o", "--output", required=True, help="the HTML file to write (- prints it)")
    c.add_argument("--threshold", type=_positive, default=competence.COHORT_THRESHOLD,
                   help=f"smallest group to show results for (default "
                   f"{competence.COHORT_THRESHOLD})")
    c.add_argument("--lang", choices=LANGUAGES, default=screen_language(),
                   help="language of the report (default: the screen language)")
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

"""``python -m microcred qa report|cohort``: HTML pages from saved quality self-assessments.

    python -m microcred qa report my-qa.json -o report.html [--compare earlier.json]
    python -m microcred qa cohort submissions/ -o summary.html [--threshold 5]
"""

from __future__ import annotations

import argparse
import sys

from .. import qa
from ..errors import UserError
from ..findings import has_errors
from ..i18n import LANGUAGES, t
from ..settings import chosen_language
from ._design import helptext
from ._io import check_output, usage_of
from ._parser import building_language

PROGRESS_EVERY = 50  # files between progress lines on stderr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("qa", help=helptext("qa"), description=helptext("qa.description"))
    commands = p.add_subparsers(dest="qa_command", metavar="{report,cohort}")
    p.set_defaults(func=usage_of(p, sys.stderr))

    r = commands.add_parser("report", help=helptext("qa.report"),
                            description=helptext("qa.report.description"))
    r.add_argument("file", metavar="FILE", help=helptext("qa.report.file"))
    r.add_argument("-o", "--output", required=True, help=helptext("output"))
    r.add_argument("--compare", metavar="EARLIER", help=helptext("qa.report.compare"))
    r.add_argument("--lang", choices=LANGUAGES, help=helptext("qa.report.lang"))
    r.set_defaults(func=run_report)

    c = commands.add_parser("cohort", help=helptext("qa.cohort"),
                            description=helptext("qa.cohort.description"))
    c.add_argument("folder", metavar="FOLDER", help=helptext("qa.cohort.folder"))
    c.add_argument("-o", "--output", required=True, help=helptext("output"))
    c.add_argument("--threshold", type=_positive, default=qa.COHORT_THRESHOLD,
                   help=helptext("threshold", default=qa.COHORT_THRESHOLD))
    c.add_argument("--all-versions", action="store_true",
                   help=helptext("qa.cohort.all-versions"))
    c.add_argument("--lang", choices=LANGUAGES, default=building_language(),
                   help=helptext("qa.cohort.lang"))
    c.set_defaults(func=run_cohort)


def run_report(args: argparse.Namespace) -> int:
    check_output(args.output, args.lang)  # before the charts are drawn
    assessment = qa.load(args.file, args.lang)
    earlier = qa.load(args.compare, args.lang) if args.compare else None
    lang = args.lang or chosen_language()
    html = qa.report_html(assessment, lang, earlier=earlier)
    qa.write_text_atomic(args.output, html)
    findings = qa.validate(assessment, lang)
    shown = lang or assessment.language
    for f in findings:
        print(f"{t(f'common.{f.severity}', shown)}: {f.message}", file=sys.stderr)
    print(t("cli.wrote", shown, path=args.output))
    return 1 if has_errors(findings) else 0


def run_cohort(args: argparse.Namespace) -> int:
    check_output(args.output, args.lang)  # before every file is read
    loaded = qa.load_folder(args.folder, lambda done, total: _progress(done, total, args.lang),
                            args.lang)
    for _path, reason in loaded.skipped:  # the reason starts with the file name
        print(t("cli.skipped", args.lang, reason=reason), file=sys.stderr)
    if not loaded.assessments:
        raise UserError(t("cli.qa.none-readable", args.lang, folder=args.folder))
    summary = qa.cohort_summary(
        loaded.assessments, threshold=args.threshold, latest_only=not args.all_versions,
        accounts=loaded.accounts,
    )
    qa.write_text_atomic(args.output, qa.cohort_html(summary, args.lang, len(loaded.skipped)))
    shown = t("cli.qa.cohort-suppressed" if summary.suppressed else "cli.qa.cohort-shown",
              args.lang)
    print(t("cli.qa.cohort-wrote", args.lang, path=args.output, count=summary.count,
            shown=shown))
    return 1 if loaded.skipped else 0


def _progress(done: int, total: int, lang: str = "en") -> None:
    if total > PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
        print(t("cli.progress", lang, done=done, total=total), file=sys.stderr)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


"""``python -m microcred design new|check|export``: the participant's one design file.

- ``design new NAME --language fi``: start a design file from the template in a language.
- ``design check FILE``: every module's check at once, one report (``--html OUT`` with charts);
  exit code 1 if any part has an error.
- ``design export FILE --format ob3|html|md -o OUT``: the credential, the card, the catalogue
  entry (through ``microcred.credential``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from .. import design
from ..i18n import LANGUAGES, t
from ..settings import screen_language
from ._io import usage_of, write_output
from .credential import add_export_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "design",
        help="start, check or export a design file (the whole micro-credential)",
        description="The participant's design file: one YAML file with a section per module "
        "(credential, outcomes, workload, alignment, pathway, needs).",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    p.set_defaults(func=usage_of(p))

    new = actions.add_parser(
        "new", help="start a design file from the template in your language",
        description="Create NAME.yaml from the commented template in English, Finnish or "
        "Swedish. An existing file is kept unless --force is given.")
    new.add_argument("name", help="file name, e.g. my-microcredential (.yaml is added)")
    new.add_argument("--language", choices=LANGUAGES, default=screen_language(),
                     help="language of the template and the messages (default: the screen "
                     "language)")
    new.add_argument("--title", default="", help="the micro-credential's title (optional)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(func=run_new)

    check = actions.add_parser(
        "check", help="run every module's check on the design file, one report",
        description="Check every section of a design file with the course's tools (needs, "
        "outcomes, credential, workload, alignment, pathway), the QA self-assessment beside "
        "it (NAME.qa.json) and the sections against each other. Exit code 1 if any part has "
        "an error; parts not started yet are listed, not counted as errors.")
    check.add_argument("file", help="the design file (YAML)")
    check.add_argument("--lang", choices=LANGUAGES,
                       help="language of the messages (default: the design's language)")
    check.add_argument("--qa", metavar="JSON",
                       help="the QA self-assessment (default: NAME.qa.json beside the file)")
    check.add_argument("--html", metavar="OUT", help="also write the report as one HTML file "
                       "with the charts")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(func=run_check)

    export = actions.add_parser(
        "export", help="the credential as an Open Badge 3.0 (ob3), a card (html) or a "
        "catalogue entry (md)",
        description="Export the credential section (with the outcomes). An Open Badge is "
        "issued to one learner: give --learner and --issued.")
    export.add_argument("file", help="the design file (YAML)")
    add_export_options(export, design.FORMATS)
    export.set_defaults(func=run_export)


def run_new(args: argparse.Namespace) -> int:
    path = design.new_design(args.name, args.language, title=args.title, force=args.force)
    print(t("design.new.done", args.language, path=str(path)))
    return 0


def run_check(args: argparse.Namespace) -> int:
    report = design.check_file(args.file, args.lang, qa_file=args.qa)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(design.format_text(report))
    if args.html:
        write_output(args.html, design.report_html(report))
        if not args.json:
            print(f"\nHTML: {Path(args.html).resolve()}")
    return 0 if report.ok else 1


def run_export(args: argparse.Namespace) -> int:
    doc = design.load(args.file)
    issued = args.issued or (dt.date.today().isoformat() if args.format == "ob3" else "")
    text = design.export(doc, args.format, learner=args.learner, issued=issued or None,
                         grade=args.grade, hash_learner=args.hash_learner)
    write_output(args.output, text)
    if args.output != "-":
        print(t("cli.wrote", screen_language(), path=args.output))
    return 0


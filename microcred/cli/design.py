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
from ._design import helptext
from ._io import check_output, usage_of, write_output
from ._parser import building_language
from .credential import add_export_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("design", help=helptext("design"),
                       description=helptext("design.description"))
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    p.set_defaults(func=usage_of(p))

    new = actions.add_parser("new", help=helptext("design.new"),
                             description=helptext("design.new.description"))
    new.add_argument("name", metavar="NAME", help=helptext("design.new.name"))
    new.add_argument("--language", choices=LANGUAGES, default=building_language(),
                     help=helptext("design.new.language"))
    new.add_argument("--title", default="", help=helptext("design.new.title"))
    new.add_argument("--force", action="store_true", help=helptext("design.new.force"))
    new.set_defaults(func=run_new)

    check = actions.add_parser("check", help=helptext("design.check"),
                               description=helptext("design.check.description"))
    check.add_argument("file", metavar="FILE", help=helptext("design.file"))
    check.add_argument("--lang", choices=LANGUAGES, help=helptext("design.check.lang"))
    check.add_argument("--qa", metavar="JSON", help=helptext("design.check.qa"))
    check.add_argument("--html", metavar="OUT", help=helptext("design.check.html"))
    check.add_argument("--json", action="store_true", help=helptext("design.check.json"))
    check.set_defaults(func=run_check)

    export = actions.add_parser("export", help=helptext("design.export"),
                                description=helptext("design.export.description"))
    export.add_argument("file", metavar="FILE", help=helptext("design.file"))
    add_export_options(export, design.FORMATS)
    export.set_defaults(func=run_export)


def run_new(args: argparse.Namespace) -> int:
    path = design.new_design(args.name, args.language, title=args.title, force=args.force)
    print(t("design.new.done", args.language, path=str(path)))
    return 0


def run_check(args: argparse.Namespace) -> int:
    if args.html:
        check_output(args.html, args.lang)  # before every module is checked and charted
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


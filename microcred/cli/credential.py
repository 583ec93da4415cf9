"""``python -m microcred credential check|export FILE``: check a description of a
micro-credential, or export it as an Open Badge 3.0 (JSON), a credential card (HTML) or a
catalogue entry (Markdown)."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from ..credential import card_html, catalogue_md, issue, loads, ob3_problems, to_ob3, validate
from ..errors import UserError
from ..findings import Finding
from ..i18n import LANGUAGES, t
from ..settings import chosen_language, screen_language
from ._design import helptext
from ._io import read_text, usage_of, write_output

FORMATS = ("ob3", "html", "md")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("credential", help=helptext("credential"),
                       description=helptext("credential.description"))
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    check = actions.add_parser("check", help=helptext("credential.check"),
                               description=helptext("credential.check.description"))
    check.add_argument("file", metavar="FILE", help=helptext("credential.file"))
    check.add_argument("--lang", choices=LANGUAGES, help=helptext("credential.check.lang"))
    check.add_argument("--json", action="store_true", help=helptext("credential.check.json"))
    check.set_defaults(func=run_check)

    export = actions.add_parser("export", help=helptext("credential.export"),
                                description=helptext("credential.export.description"))
    export.add_argument("file", metavar="FILE", help=helptext("credential.file"))
    add_export_options(export, FORMATS)
    export.set_defaults(func=run_export)
    p.set_defaults(func=usage_of(p))


def add_export_options(export: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """The options of every credential export (``credential export`` and ``design export``)."""
    export.add_argument("--format", choices=formats, required=True,
                        help=helptext("export.format"))
    export.add_argument("-o", "--output", default="-", help=helptext("export.output"))
    export.add_argument("--learner", default="", help=helptext("export.learner"))
    export.add_argument("--issued", default="", help=helptext("export.issued"))
    export.add_argument("--grade", default="", help=helptext("export.grade"))
    export.add_argument("--hash-learner", action="store_true",
                        help=helptext("export.hash-learner"))


def run_check(args: argparse.Namespace) -> int:
    said = args.lang or screen_language()  # the language of a reading error
    desc = loads(read_text(args.file, said), source=args.file, fmt=_format_of(args.file),
                 lang=said)
    lang = args.lang or chosen_language() or desc.language
    findings = validate(desc, lang)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        print(format_findings(desc.title or args.file, findings, lang))
    return 1 if any(f.severity == "error" for f in findings) else 0


def run_export(args: argparse.Namespace) -> int:
    desc = loads(read_text(args.file), source=args.file, fmt=_format_of(args.file),
                 lang=screen_language())
    if args.format == "ob3":
        issued = args.issued or dt.date.today().isoformat()
        doc = to_ob3(desc, args.learner, issued, grade=args.grade or None,
                     hash_learner=args.hash_learner)
        missing = ob3_problems(doc)
        if missing:  # cannot happen for a valid description; kept as a safety net
            raise UserError(t("cli.credential.ob3-incomplete", screen_language(),
                              missing="; ".join(missing)))
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        record = issue(desc, args.learner, args.issued or None, args.grade)
        has_issue = bool(args.learner or args.issued)
        text = card_html(record if has_issue else desc) if args.format == "html" else (
            catalogue_md(desc))
    write_output(args.output, text)
    if args.output != "-":
        print(t("cli.wrote", screen_language(), path=args.output))
    return 0


def format_findings(name: str, findings: list[Finding], lang: str) -> str:
    """Plain text: one line a finding with its severity, code and message; advice below."""
    lines = [name]
    for f in findings:
        lines.append(f"  {t(f'common.{f.severity}', lang)}: [{f.code}] {f.message}")
        if f.suggestion:
            lines.append(f"      -> {f.suggestion}")
    if not findings:
        lines.append(f"  {t('common.ok', lang)}")
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append(t("credential.check.summary", lang, errors=errors,
                   warnings=len(findings) - errors))
    lines.append(t("credential.issue-note", lang))
    return "\n".join(lines)


def _format_of(path: str) -> str | None:
    return "json" if path.lower().endswith(".json") else None


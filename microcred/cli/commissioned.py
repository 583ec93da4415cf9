"""``python -m microcred commissioned ...``: price a commissioned course, run the self-check.

    commissioned price FILE.yaml     cost, contract price, price per participant, break-even
    commissioned check ANSWERS.yaml  the three-part development-model self-check
    commissioned template price|check   print a file to fill in
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..commissioned import (
    answers_template,
    format_pricing,
    model_from_dict,
    plot_pricing,
    price,
    price_template,
    self_check,
)
from ..errors import UserError
from ..files import write_bytes_atomic
from ..i18n import t
from ..lexicon import LANGUAGES
from ..reading import parse_yaml
from ..settings import screen_language
from ._design import helptext
from ._io import read_text, usage_of
from ._parser import building_language


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("commissioned", help=helptext("commissioned"),
                       description=helptext("commissioned.description"))
    p.set_defaults(func=usage_of(p))
    cmds = p.add_subparsers(dest="commissioned_command", metavar="ACTION")

    pr = cmds.add_parser("price", help=helptext("commissioned.price"),
                         description=helptext("commissioned.price.description"))
    pr.add_argument("file", metavar="FILE", help=helptext("commissioned.price.file"))
    pr.add_argument("--lang", choices=LANGUAGES, default=building_language(), help=helptext("lang"))
    pr.add_argument("--json", action="store_true", help=helptext("json"))
    pr.add_argument("--chart", metavar="PNG", help=helptext("commissioned.chart"))
    pr.set_defaults(func=run_price)

    ch = cmds.add_parser("check", help=helptext("commissioned.check"))
    ch.add_argument("file", metavar="FILE", help=helptext("commissioned.check.file"))
    ch.add_argument("--lang", choices=LANGUAGES, default=building_language(),
                    help=helptext("commissioned.check.lang"))
    ch.add_argument("--json", action="store_true", help=helptext("json"))
    ch.set_defaults(func=run_check)

    tp = cmds.add_parser("template", help=helptext("commissioned.template"))
    tp.add_argument("which", choices=["price", "check"])
    tp.add_argument("--lang", choices=LANGUAGES, default=building_language(),
                    help=helptext("commissioned.template.lang"))
    tp.set_defaults(func=run_template)


def _load(path: str) -> Any:
    return parse_yaml(read_text(path), path, screen_language())


def run_price(args: argparse.Namespace) -> int:
    result = price(model_from_dict(_load(args.file)), args.lang)
    if args.chart:
        from ..charts import to_png

        write_bytes_atomic(args.chart, to_png(plot_pricing(result, args.lang)), args.lang)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1, allow_nan=False))
    else:
        print(format_pricing(result, args.lang))
    return 0 if result.ok else 1


def run_check(args: argparse.Namespace) -> int:
    data = _load(args.file) or {}
    if not isinstance(data, dict):
        raise UserError(t("cli.commissioned.answers-expected", args.lang, path=args.file))
    answers = data.get("answers", data)
    if not isinstance(answers, dict):
        raise UserError(t("cli.commissioned.answers-map", args.lang, path=args.file))
    result = self_check(answers, args.lang)
    if args.json:
        print(json.dumps({
            "overall": result.overall,
            "parts": [{"id": p.id, "title": p.title, "score": p.score, "answered": p.answered,
                       "total": p.total} for p in result.parts],
            "suggestions": [{"item": i, "suggestion": s} for i, s in result.suggestions],
            "findings": [f.to_dict() for f in result.findings],
        }, ensure_ascii=False, indent=1, allow_nan=False))
        return 0
    print(t("commissioned.check.title", args.lang))
    for p in result.parts:
        score = "–" if p.score is None else f"{p.score * 100:3.0f} %"
        print(f"  {score:>5}  {p.title} ({p.answered}/{p.total})")
    if result.overall is not None:
        print(t("commissioned.check.overall", args.lang, percent=round(result.overall * 100)))
    if result.weakest is not None:
        print(t("commissioned.check.weakest", args.lang, part=result.weakest.title))
    if result.suggestions:
        print(t("commissioned.check.suggestions", args.lang) + ":")
        for item, tip in result.suggestions:
            print(f"  {item}: {tip}")
    for f in result.findings:
        print(f"{t(f'common.{f.severity}', args.lang)}: {f.code}: {f.message}")
    return 0


def run_template(args: argparse.Namespace) -> int:
    print(price_template(args.lang) if args.which == "price" else answers_template(args.lang),
          end="")
    return 0

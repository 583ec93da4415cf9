"""``python -m microcred needs ...``: the needs canvas, needs-outcomes matching, dialogue guide.

    needs match NEEDS OUTCOMES   coverage of skill needs by learning outcomes (text, CSV, YAML)
    needs check CANVAS.yaml      what the needs canvas still lacks
    needs guide CANVAS.yaml      the working-life dialogue guide as Markdown
    needs sample canvas|needs|outcomes   print a sample file to start from
"""

from __future__ import annotations

import argparse
import json

from ..files import write_bytes_atomic
from ..i18n import t
from ..lexicon import LANGUAGES
from ..matching import DEFAULT_THRESHOLD, format_match, match, parse_items
from ..numbers import format_number
from ..resources import data_file
from ..settings import screen_language
from ._design import helptext
from ._io import read_text, usage_of
from ._parser import building_language

SAMPLES = {"canvas": "sample_canvas.yaml", "needs": "sample_needs.yaml",
           "outcomes": "sample_outcomes.yaml"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("needs", help=helptext("needs"), description=helptext("needs.description"))
    p.set_defaults(func=usage_of(p))
    cmds = p.add_subparsers(dest="needs_command", metavar="ACTION")

    m = cmds.add_parser("match", help=helptext("needs.match"),
                        description=helptext("needs.match.description"))
    m.add_argument("needs", metavar="NEEDS", help=helptext("needs.match.needs"))
    m.add_argument("outcomes", metavar="OUTCOMES", help=helptext("needs.match.outcomes"))
    m.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD,
                   help=helptext("needs.threshold",
                                 default=format_number(DEFAULT_THRESHOLD, building_language())))
    m.add_argument("--language", choices=LANGUAGES, help=helptext("needs.language"))
    m.add_argument("--lang", choices=LANGUAGES, default=building_language(), help=helptext("lang"))
    m.add_argument("--json", action="store_true", help=helptext("json"))
    m.add_argument("--heatmap", metavar="PNG", help=helptext("needs.heatmap"))
    m.set_defaults(func=run_match)

    c = cmds.add_parser("check", help=helptext("needs.check"),
                        description=helptext("needs.check.description"))
    c.add_argument("canvas", metavar="CANVAS", help=helptext("needs.canvas"))
    c.add_argument("--lang", choices=LANGUAGES, default=building_language(), help=helptext("lang"))
    c.add_argument("--json", action="store_true", help=helptext("needs.findings-json"))
    c.set_defaults(func=run_check)

    g = cmds.add_parser("guide", help=helptext("needs.guide"),
                        description=helptext("needs.guide.description"))
    g.add_argument("canvas", metavar="CANVAS", help=helptext("needs.canvas"))
    g.add_argument("--lang", choices=LANGUAGES, default=None, help=helptext("needs.guide.lang"))
    g.add_argument("--minutes", type=int, default=120, help=helptext("needs.minutes"))
    g.add_argument("-o", "--output", help=helptext("needs.output"))
    g.set_defaults(func=run_guide)

    s = cmds.add_parser("sample", help=helptext("needs.sample"))
    s.add_argument("which", choices=sorted(SAMPLES))
    s.set_defaults(func=run_sample)


def run_match(args: argparse.Namespace) -> int:
    needs = parse_items(read_text(args.needs, args.lang), args.needs)
    outcomes = parse_items(read_text(args.outcomes, args.lang), args.outcomes)
    if isinstance(needs, dict):  # credential -> list given as needs: use every entry
        needs = [x for xs in needs.values() for x in xs]
    result = match(needs, outcomes, language=args.language, threshold=args.threshold)
    if args.heatmap:
        from ..charts import to_png
        from ..matching import plot_heatmap

        _write_bytes(args.heatmap, to_png(plot_heatmap(result, args.lang)))
    if args.json:
        print(json.dumps(result.to_dict(args.lang), ensure_ascii=False, indent=1))
    else:
        print(format_match(result, args.lang))
    return 1 if any(f.severity == "error" for f in result.findings(args.lang)) else 0


def run_check(args: argparse.Namespace) -> int:
    from ..needs import check, read_yaml

    canvas = read_yaml(read_text(args.canvas, args.lang), args.canvas, args.lang)
    findings = check(canvas, args.lang)
    if args.json:
        for f in findings:
            print(json.dumps(f.to_dict(), ensure_ascii=False))
    elif not findings:
        print(t("common.ok", args.lang))
    else:
        for f in findings:
            where = f" [{f.element}]" if f.element else ""
            print(f"{t(f'common.{f.severity}', args.lang)}: {f.code}{where}: {f.message}")
            if f.suggestion:
                print(f"  -> {f.suggestion}")
    return 1 if any(f.severity == "error" for f in findings) else 0


def run_guide(args: argparse.Namespace) -> int:
    from ..dialogue import guide_markdown
    from ..needs import read_yaml

    canvas = read_yaml(read_text(args.canvas, args.lang), args.canvas,
                       args.lang or screen_language())
    lang = args.lang or (canvas.language if canvas.language in LANGUAGES else "en")
    text = guide_markdown(canvas, lang, args.minutes)
    if args.output:
        _write_bytes(args.output, text.encode("utf-8"))
    else:
        print(text)
    return 0


def run_sample(args: argparse.Namespace) -> int:
    print(data_file("needs", SAMPLES[args.which]).read_text(encoding="utf-8"), end="")
    return 0


def _threshold(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a number between 0 and 1") from None
    if not 0 < x <= 1:
        raise argparse.ArgumentTypeError("expected a number above 0 and at most 1")
    return x


def _write_bytes(path: str, data: bytes) -> None:
    write_bytes_atomic(path, data)

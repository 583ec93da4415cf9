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
from ..resources import data_file
from ..settings import screen_language
from ._io import read_text, usage_of

SAMPLES = {"canvas": "sample_canvas.yaml", "needs": "sample_needs.yaml",
           "outcomes": "sample_outcomes.yaml"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "needs",
        help="needs canvas, matching needs to outcomes, dialogue guide",
        description="Working-life needs: check a canvas, match needs to outcomes, write a guide.",
    )
    p.set_defaults(func=usage_of(p))
    cmds = p.add_subparsers(dest="needs_command", metavar="ACTION")

    m = cmds.add_parser(
        "match",
        help="match skill needs with learning outcomes",
        description="Match skill needs with learning outcomes. Files: one item a line (.txt), "
        "CSV with a text column, or YAML (a list, a design file, or credential -> outcomes).",
    )
    m.add_argument("needs", help="file of skill needs (- for stdin)")
    m.add_argument("outcomes", help="file of learning outcomes")
    m.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD,
                   help=f"score from which a need counts as covered (default {DEFAULT_THRESHOLD})")
    m.add_argument("--language", choices=LANGUAGES, help="language of both lists (default: "
                   "detected for each text)")
    m.add_argument("--lang", choices=LANGUAGES, default=screen_language(),
                   help="language of the messages (default: the screen language)")
    m.add_argument("--json", action="store_true", help="print the result as JSON")
    m.add_argument("--heatmap", metavar="PNG", help="also save the coverage heatmap as PNG")
    m.set_defaults(func=run_match)

    c = cmds.add_parser("check", help="check a needs canvas (YAML)",
                        description="Check a needs canvas. Exit code 1 if it has errors.")
    c.add_argument("canvas", help="YAML file with a needs: section (a design file works)")
    c.add_argument("--lang", choices=LANGUAGES, default=screen_language(),
                   help="language of the messages (default: the screen language)")
    c.add_argument("--json", action="store_true", help="print findings as JSON")
    c.set_defaults(func=run_check)

    g = cmds.add_parser("guide", help="write the working-life dialogue guide (Markdown)",
                        description="Write an interview and workshop guide from a needs canvas.")
    g.add_argument("canvas", help="YAML file with a needs: section")
    g.add_argument("--lang", choices=LANGUAGES, default=None,
                   help="language of the guide (default: the canvas's language)")
    g.add_argument("--minutes", type=int, default=120, help="length of the workshop (30-480)")
    g.add_argument("-o", "--output", help="write to this file instead of printing")
    g.set_defaults(func=run_guide)

    s = cmds.add_parser("sample", help="print a sample file to start from")
    s.add_argument("which", choices=sorted(SAMPLES))
    s.set_defaults(func=run_sample)


def run_match(args: argparse.Namespace) -> int:
    needs = parse_items(read_text(args.needs), args.needs)
    outcomes = parse_items(read_text(args.outcomes), args.outcomes)
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

    canvas = read_yaml(read_text(args.canvas))
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

    canvas = read_yaml(read_text(args.canvas))
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

"""``python -m microcred alignment FILE``: check the constructive alignment of a design file."""

from __future__ import annotations

import argparse
import json

from ..alignment import Alignment, AlignmentReport, check_alignment, plot_alignment
from ..i18n import t
from ..lexicon import LEVELS
from ._design import (
    add_common_options,
    format_findings,
    helptext,
    load_section,
    read_design,
    save_chart,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alignment", help=helptext("alignment"),
                       description=helptext("alignment.description"))
    p.add_argument("file", metavar="FILE", help=helptext("alignment.file"))
    add_common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = read_design(args.file, "alignment", args.lang)
    alignment = load_section(Alignment.from_design, doc, args.file)
    report = check_alignment(alignment, args.lang)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(format_matrix(alignment, report, args.lang))
    if args.chart:
        save_chart(plot_alignment(alignment, args.lang, report), args.chart)
    return 0 if report.ok else 1


def format_matrix(alignment: Alignment, report: AlignmentReport, lang: str = "en") -> str:
    """The matrix as text in ``lang``: one row per outcome, a column per activity and task."""

    def level(name: str | None) -> str:
        return t(f"alignment.level.{name}", lang) if name in LEVELS else "?"

    cols = [a.id for a in alignment.activities] + [a.id for a in alignment.assessments]
    width = max([len(c) for c in cols] + [10 if alignment.assessments else 2])
    rows = [f"{t('cli.alignment.outcome', lang):10} {t('cli.alignment.level', lang):10} "
            + " ".join(f"{c:>{width}}" for c in cols)]
    for o in alignment.outcomes:
        cells = []
        for a in alignment.activities:
            cells.append("x" if o.id in a.outcomes else ".")
        for task in alignment.assessments:
            cells.append(level(report.task_levels.get(task.id)) if o.id in task.outcomes else ".")
        rows.append(f"{o.id[:10]:10} {level(report.outcome_levels.get(o.id)):10} "
                    + " ".join(f"{c:>{width}}" for c in cells))
    if alignment.outcomes:
        assessed = sum(1 for ids in report.assessed_by.values() if ids)
        rows.append("\n" + t("alignment.ui.summary", lang, assessed=assessed,
                                total=len(alignment.outcomes)))
    rows += format_findings(report.findings, lang)
    return "\n".join(rows)

"""``python -m microcred workload FILE``: hours, credits and weekly load of a design file."""

from __future__ import annotations

import argparse
import json

from ..credits import conventions
from ..i18n import t
from ..numbers import format_number
from ..workload import KINDS, Workload, WorkloadReport, check_workload, plot_workload
from ._design import (
    add_common_options,
    format_findings,
    helptext,
    load_section,
    read_design,
    save_chart,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("workload", help=helptext("workload"),
                       description=helptext("workload.description"))
    p.add_argument("file", metavar="FILE", help=helptext("workload.file"))
    p.add_argument("--convention", choices=sorted(conventions()),
                   help=helptext("workload.convention"))
    add_common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = read_design(args.file, "workload", args.lang)
    workload = load_section(Workload.from_design, doc, args.file)
    if args.convention:
        workload = Workload(workload.activities, args.convention, workload.credits,
                            workload.weeks)
    report = check_workload(workload, args.lang)
    if args.json:
        print(json.dumps({"workload": workload.to_dict(), **report.to_dict()},
                         ensure_ascii=False))
    else:
        print(format_report(workload, report, args.lang))
    if args.chart:
        save_chart(plot_workload(workload, args.lang), args.chart)
    return 0 if report.ok else 1


def format_report(workload: Workload, report: WorkloadReport, lang: str = "en") -> str:
    """A plain-text table of the activities, the totals and the findings, in ``lang``."""

    def num(value: float, decimals: int = 5) -> str:
        return format_number(value, lang, decimals, fixed=decimals == 1)

    def kind(name: str) -> str:
        return t(f"workload.kind.{name}", lang) if name in KINDS else name

    rows = [f"{t('workload.ui.activity', lang):34}  {t('workload.ui.kind', lang):26}  "
            f"{t('workload.ui.hours', lang):>7}"]
    for a in workload.activities:
        rows.append(f"{a.name[:34]:34}  {kind(a.kind)[:26]:26}  {num(a.hours):>7}")
    rows.append(f"{t('cli.total', lang):34}  {'':26}  {num(report.total_hours):>7}")
    kinds = ", ".join(f"{kind(k)} {num(h)} h" for k, h in report.hours_by_kind.items() if h)
    rows.append("\n" + t("cli.workload.by-kind", lang, kinds=kinds or "-"))
    conv = conventions().get(report.convention)
    if conv and report.credits is not None:
        line = t("cli.workload.credits", lang, credits=num(report.credits, 1),
                 unit=conv.unit.get(lang, conv.unit["en"]),
                 convention=conv.name.get(lang, conv.name["en"]), rate=num(conv.hours_per_credit))
        if report.claimed_credits is not None and report.claimed_hours:
            low, high = report.claimed_hours
            line += t("cli.workload.claimed", lang, claimed=num(report.claimed_credits),
                      low=num(low), high=num(high))
        rows.append(line)
    if report.weekly_hours is not None and report.full_time_week_hours and workload.weeks:
        share = 100 * report.weekly_hours / report.full_time_week_hours
        rows.append(t("workload.ui.weekly", lang, weekly=num(report.weekly_hours, 1),
                      weeks=num(workload.weeks), share=num(share, 0)))
    rows += format_findings(report.findings, lang)
    return "\n".join(rows)

"""``python -m microcred workload FILE``: hours, credits and weekly load of a design file."""

from __future__ import annotations

import argparse
import json

from ..credits import conventions
from ..workload import Workload, WorkloadReport, check_workload, plot_workload
from ._design import add_common_options, format_findings, load_section, read_design, save_chart


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workload",
        help="hours, credits and weekly load of a design file's workload: section",
        description="Add up the hours of the activities in the workload: section of a design "
        "file (YAML), turn them into credits and check the claimed credits and the weekly "
        "load. Exit code 1 if an error is found.",
    )
    p.add_argument("file", help="design file (YAML) with a workload: section, or - for stdin")
    p.add_argument("--convention", choices=sorted(conventions()),
                   help="credit convention (default: the file's, else ects)")
    add_common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = read_design(args.file, "workload")
    workload = load_section(Workload.from_design, doc, args.file)
    if args.convention:
        workload = Workload(workload.activities, args.convention, workload.credits,
                            workload.weeks)
    report = check_workload(workload, args.lang)
    if args.json:
        print(json.dumps({"workload": workload.to_dict(), **report.to_dict()},
                         ensure_ascii=False))
    else:
        print(format_report(workload, report))
    if args.chart:
        save_chart(plot_workload(workload, args.lang), args.chart)
    return 0 if report.ok else 1


def format_report(workload: Workload, report: WorkloadReport) -> str:
    """A plain-text table of the activities, the totals and the findings."""
    rows = [f"{'activity':34}  {'kind':12}  {'hours':>7}"]
    for a in workload.activities:
        rows.append(f"{a.name[:34]:34}  {a.kind[:12]:12}  {a.hours:>7g}")
    rows.append(f"{'total':34}  {'':12}  {report.total_hours:>7g}")
    kinds = ", ".join(f"{k} {h:g} h" for k, h in report.hours_by_kind.items() if h) or "-"
    rows.append(f"\nby kind: {kinds}")
    conv = conventions().get(report.convention)
    if conv and report.credits is not None:
        line = (f"credits: {report.credits:.1f} {conv.unit['en']} under {conv.name['en']} "
                f"({conv.hours_per_credit:g} h per credit)")
        if report.claimed_credits is not None and report.claimed_hours:
            low, high = report.claimed_hours
            line += f"; claimed {report.claimed_credits:g} = {low:g}-{high:g} h"
        rows.append(line)
    if report.weekly_hours is not None and report.full_time_week_hours:
        share = 100 * report.weekly_hours / report.full_time_week_hours
        rows.append(f"weekly load: {report.weekly_hours:.1f} h over {workload.weeks:g} weeks "
                    f"({share:.0f} % of full time)")
    rows += format_findings(report.findings)
    return "\n".join(rows)

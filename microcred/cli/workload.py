"""``python -m microcred workload FILE``: hours, credits and weekly load of a design file.

Also home of ``read_design``, which the ``alignment`` and ``pathway`` commands share: read a
design file (YAML) and make sure it has the section the command needs.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import yaml

from ..credits import conventions
from ..errors import UserError
from ..files import write_bytes_atomic
from ..findings import Finding
from ..i18n import LANGUAGES
from ..workload import Workload, WorkloadReport, check_workload, plot_workload
from ._io import read_text


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


def add_common_options(p: argparse.ArgumentParser) -> None:
    """Options every design-file command has: message language, JSON, a chart file."""
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.add_argument("--chart", metavar="PNG", help="also save the chart as a PNG file")


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


def format_findings(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """Findings as indented lines, or a line saying there are none."""
    if not findings:
        return ["\nno problems found"]
    lines = [""]
    for f in findings:
        lines.append(f"{f.severity}: {f.code}: {f.message}")
        if f.suggestion:
            lines.append(f"  -> {f.suggestion}")
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append(f"\n{errors} error(s), {len(findings) - errors} warning(s)")
    return lines


def read_design(path: str, section: str) -> dict[str, Any]:
    """The design file at ``path`` as a mapping; a UserError if it is not YAML, not a mapping,
    or has no ``section``."""
    text = read_text(path)
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "it cannot be parsed"
        raise UserError(f"{path}: not valid YAML{where} ({problem})") from None
    if not isinstance(doc, dict):
        raise UserError(f"{path}: expected a YAML mapping with a '{section}:' section")
    if section not in doc:
        raise UserError(f"{path}: no '{section}:' section (sections found: "
                        f"{', '.join(map(str, doc)) or 'none'})")
    return doc


def save_chart(fig: Any, path: str) -> None:
    """Write a figure as PNG; a UserError if the file cannot be written."""
    from ..charts import to_png

    write_bytes_atomic(path, to_png(fig))


def load_section(reader: Any, doc: dict[str, Any], path: str) -> Any:
    """Call a ``from_design`` reader, turning its ValueError into a one-line UserError."""
    try:
        return reader(doc)
    except ValueError as exc:
        raise UserError(f"{path}: {exc}") from None

"""``python -m microcred pathway FILE``: credits, prerequisites and a learner's plan."""

from __future__ import annotations

import argparse
import json

from ..pathways import (
    LearnerPlan,
    Pathway,
    PathwayReport,
    check_pathway,
    describe_plan,
    learner_plan,
    plot_pathway,
)
from ._design import add_common_options, format_findings, load_section, read_design, save_chart


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "pathway",
        help="check how micro-credentials stack, and what a learner still needs",
        description="Check the pathway: section of a design file (YAML): credits against the "
        "target, prerequisites, cycles, shared outcomes; and what a learner who completed some "
        "credentials still needs. Exit code 1 if an error is found.",
    )
    p.add_argument("file", help="design file (YAML) with a pathway: section, or - for stdin")
    p.add_argument("--completed", metavar="IDS",
                   help="ids of completed credentials, comma-separated (default: the file's)")
    add_common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = read_design(args.file, "pathway")
    pathway = load_section(Pathway.from_design, doc, args.file)
    if args.completed is not None:
        done = tuple(i.strip() for i in args.completed.split(",") if i.strip())
        pathway = Pathway(pathway.credentials, pathway.target, pathway.this, done)
    report = check_pathway(pathway, args.lang)
    plan = learner_plan(pathway)
    if args.json:
        print(json.dumps({**report.to_dict(), "plan": plan.to_dict()}, ensure_ascii=False))
    else:
        print(format_pathway(pathway, report, plan, args.lang))
    if args.chart:
        save_chart(plot_pathway(pathway, args.lang), args.chart)
    return 0 if report.ok else 1


def format_pathway(pathway: Pathway, report: PathwayReport, plan: LearnerPlan,
                   lang: str = "en") -> str:
    """The credentials in prerequisite order, the learner's plan, then the findings."""
    known = pathway.by_id()
    rows = [f"{'id':8} {'credits':>7}  {'requires':16} title"]
    for cid in report.order:
        c = known[cid]
        mark = " (done)" if cid in plan.completed else ""
        rows.append(f"{cid[:8]:8} {c.credits:>7g}  {', '.join(c.prerequisites)[:16] or '-':16} "
                    f"{c.title}{mark}")
    if pathway.target:
        rows.append(f"\nstacks into: {pathway.target.title or '-'} "
                    f"({plan.target_credits:g} credits); the pathway has "
                    f"{report.total_credits:g}")
    if pathway.credentials:
        rows.append("")
        rows += describe_plan(plan, lang)
    rows += format_findings(report.findings)
    return "\n".join(rows)


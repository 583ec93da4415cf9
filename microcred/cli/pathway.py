"""``python -m microcred pathway FILE``: credits, prerequisites and a learner's plan."""

from __future__ import annotations

import argparse
import json

from ..i18n import t
from ..numbers import format_number
from ..pathways import (
    LearnerPlan,
    Pathway,
    PathwayReport,
    check_pathway,
    describe_plan,
    learner_plan,
    plot_pathway,
)
from ._design import (
    add_common_options,
    format_findings,
    helptext,
    load_section,
    read_design,
    save_chart,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pathway", help=helptext("pathway"),
                       description=helptext("pathway.description"))
    p.add_argument("file", metavar="FILE", help=helptext("pathway.file"))
    p.add_argument("--completed", metavar="IDS", help=helptext("pathway.completed"))
    add_common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = read_design(args.file, "pathway", args.lang)
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
    """The credentials in prerequisite order, the learner's plan, then the findings, in ``lang``."""
    known = pathway.by_id()
    rows = [f"{t('cli.pathway.id', lang):8} {t('cli.pathway.credits', lang):>7}  "
            f"{t('cli.pathway.requires', lang):16} {t('cli.pathway.title', lang)}"]
    for cid in report.order:
        c = known[cid]
        mark = " " + t("cli.pathway.done", lang) if cid in plan.completed else ""
        rows.append(f"{cid[:8]:8} {format_number(c.credits, lang):>7}  "
                    f"{', '.join(c.prerequisites)[:16] or '-':16} {c.title}{mark}")
    if pathway.target:
        rows.append("\n" + t("cli.pathway.target", lang, title=pathway.target.title or "-",
                                target=format_number(plan.target_credits, lang),
                                total=format_number(report.total_credits, lang)))
    if pathway.credentials:
        rows.append("")
        rows += describe_plan(plan, lang)
    rows += format_findings(report.findings, lang)
    return "\n".join(rows)

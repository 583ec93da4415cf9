"""Quality self-assessment of a micro-credential against the ten European principles.

The instrument (``data/qa/criteria.yaml``) groups criteria under the principles of Annex II of
the Council Recommendation of 16 June 2022, maps each to the ESG 2015 Part 1 standards it serves,
and rates each on a 0-4 scale with described anchors. On top of it::

    a = qa.load("my-qa.json")              # or qa.SelfAssessment(...)
    qa.validate(a)                         # findings: out-of-range scores, missing answers, ...
    qa.profile(a); qa.plot_radar(a)        # mean per principle; radar and bar charts
    qa.development_plan(a)                 # weakest criteria first, each with a next action
    qa.compare(earlier, a)                 # change over time
    qa.cohort_summary(many, threshold=5)   # trainers' view; hides small groups
    qa.save(a, "my-qa.json")               # atomic: a failed save keeps the earlier file

The widget, the command line and the assignment grader all call these functions.
"""

from .admin import AdminStep, admin_checklist
from .analysis import (
    COHORT_THRESHOLD,
    PLAN_LENGTH,
    Change,
    CohortSummary,
    Comparison,
    Loaded,
    PlanItem,
    PrincipleScore,
    account_of,
    cohort_summary,
    compare,
    development_plan,
    load_folder,
    overall,
    profile,
)
from .assessment import (
    FORMAT,
    FORMAT_VERSION,
    SelfAssessment,
    example,
    load,
    parse_score,
    save,
    validate,
    write_text_atomic,
)
from .instrument import SCALE_MAX, SCALE_MIN, Criterion, Instrument, Level, Principle, instrument
from .plots import plot_bars, plot_cohort, plot_comparison, plot_radar
from .report import admin_checklist_html, cohort_html, report_html
from .text import change_text, plan_text

__all__ = [
    "change_text",
    "plan_text",
    "COHORT_THRESHOLD",
    "FORMAT",
    "FORMAT_VERSION",
    "PLAN_LENGTH",
    "SCALE_MAX",
    "SCALE_MIN",
    "AdminStep",
    "Change",
    "CohortSummary",
    "Comparison",
    "Criterion",
    "Instrument",
    "Level",
    "Loaded",
    "PlanItem",
    "Principle",
    "PrincipleScore",
    "SelfAssessment",
    "admin_checklist",
    "admin_checklist_html",
    "cohort_html",
    "account_of",
    "cohort_summary",
    "compare",
    "development_plan",
    "example",
    "instrument",
    "load",
    "load_folder",
    "overall",
    "parse_score",
    "plot_bars",
    "plot_cohort",
    "plot_comparison",
    "plot_radar",
    "profile",
    "report_html",
    "save",
    "validate",
    "write_text_atomic",
]

"""Self-contained HTML pages: the report of one assessment, the cohort summary, the checklist.

Charts are embedded as ``data:`` URIs and the templates are autoescaped, so a page can be mailed
or archived as one file and nothing a participant typed becomes markup.
"""

from __future__ import annotations

from .. import __version__
from ..charts import to_data_uri
from ..i18n import t
from ..numbers import format_spec
from ..render import render
from ..settings import screen_language
from .admin import admin_checklist
from .analysis import CohortSummary, compare, development_plan, overall, profile
from .assessment import SelfAssessment, validate
from .instrument import instrument, pick
from .plots import plot_bars, plot_cohort, plot_comparison, plot_radar


def _tr(lang: str):
    """``tr("report.title", name=...)`` in a template: the qa message in the page's language."""
    return lambda key, **fields: t(f"qa.{key}", lang, **fields)


def principle_rows(assessment: SelfAssessment, lang: str) -> list[dict]:
    """Per principle: name, mean, answered/total, and its criteria with score and note."""
    inst, prof = instrument(), profile(assessment)
    rows = []
    for p in inst.principles:
        criteria = []
        for c in p.criteria:
            score = assessment.score(c.id)
            criteria.append({
                "code": c.code,
                "text": pick(c.text, lang),
                "esg": ", ".join(c.esg),
                "score": score,
                "label": pick(inst.level(score).label, lang) if score is not None else "",
                "note": assessment.notes.get(c.id, "").strip(),
            })
        s = prof[p.id]
        rows.append({
            "number": p.number,
            "name": pick(p.name, lang),
            "summary": pick(p.summary, lang),
            "mean": s.mean,
            "answered": s.answered,
            "total": s.total,
            "criteria": criteria,
        })
    return rows


def plan_rows(assessment: SelfAssessment, lang: str) -> list[dict]:
    inst = instrument()
    return [
        {
            "rank": item.rank,
            "code": item.criterion.code,
            "principle": item.principle_name(lang),
            "text": item.text(lang),
            "score": item.score,
            "label": pick(inst.level(item.score).label, lang),
            "action": item.action(lang),
            "esg": ", ".join(item.criterion.esg),
        }
        for item in development_plan(assessment)
    ]


def scale_rows(lang: str) -> list[dict]:
    return [
        {"value": lv.value, "label": pick(lv.label, lang), "description": pick(lv.description, lang)}
        for lv in instrument().scale
    ]


def admin_rows(lang: str) -> list[dict]:
    names = {p.id: f"{p.number} {pick(p.name, lang)}" for p in instrument().principles}
    rows = []
    for step in admin_checklist():
        row = step.in_language(lang)
        row["principles"] = [names[pid] for pid in step.principles]
        rows.append(row)
    return rows


def _mean_text(mean: float | None, lang: str) -> str:
    """A principle's mean as the alt text writes it; a dash when nothing was scored."""
    return "–" if mean is None else format_spec(mean, ".1f", lang)


def radar_alt(assessment: SelfAssessment, lang: str | None = None, earlier: bool = False) -> str:
    """Alt text for the radar chart: the numbers it shows, so no one needs to see it
    (``earlier``: the chart draws an earlier assessment under it). None: the screen language."""
    lang = screen_language(ui=lang)
    prof = profile(assessment)
    parts = [f"{p.number} {pick(p.name, lang)}: {_mean_text(prof[p.id].mean, lang)}"
             for p in instrument().principles]
    alt = t("qa.report.radar-alt", lang) + " " + "; ".join(parts)
    return alt + " " + t("qa.report.radar-earlier", lang) if earlier else alt


def report_html(
    assessment: SelfAssessment, lang: str | None = None, earlier: SelfAssessment | None = None
) -> str:
    """The report of one self-assessment as one self-contained HTML page (with an optional
    comparison to an earlier assessment of the same micro-credential)."""
    lang = lang or assessment.language
    comparison = None
    if earlier is not None:
        cmp = compare(earlier, assessment, lang)
        names = {p.id: f"{p.number} {pick(p.name, lang)}" for p in instrument().principles}
        comparison = {
            "earlier": cmp.earlier.assessed_on,
            "later": cmp.later.assessed_on,
            "rows": [
                {"name": names[pid], "before": ch.before, "after": ch.after, "delta": ch.delta}
                for pid, ch in cmp.principles.items()
            ],
            "findings": list(cmp.findings),
            "chart": to_data_uri(plot_comparison(cmp, lang)),
        }
        assessment = cmp.later
        earlier = cmp.earlier
    scores = assessment.scores()
    return render(
        "qa_report.html",
        tr=_tr(lang),
        lang=lang,
        a=assessment,
        version=__version__,
        instrument_version=instrument().version,
        findings=validate(assessment, lang),
        overall=overall(assessment),
        answered=len(scores),
        total=len(instrument().criteria),
        principles=principle_rows(assessment, lang),
        plan=plan_rows(assessment, lang),
        scale=scale_rows(lang),
        admin=admin_rows(lang),
        radar=to_data_uri(plot_radar(assessment, lang, earlier=earlier)),
        radar_alt=radar_alt(assessment, lang),
        bars=to_data_uri(plot_bars(assessment, lang)),
        comparison=comparison,
    )


def cohort_html(summary: CohortSummary, lang: str = "en", skipped: int = 0) -> str:
    """The trainers' summary of many assessments as one self-contained HTML page. When the
    group is too small, the page gives only its size and why nothing more is shown."""
    inst = instrument()
    rows = []
    for c in inst.criteria:
        counts = summary.distribution.get(c.id)
        rows.append({
            "code": c.code,
            "text": pick(c.text, lang),
            "counts": list(counts) if counts else None,
            "unanswered": summary.unanswered.get(c.id, 0),
        })
    principles = [
        {"name": f"{p.number} {pick(p.name, lang)}", "mean": summary.principle_means.get(p.id)}
        for p in inst.principles
    ]
    return render(
        "qa_cohort.html",
        tr=_tr(lang),
        lang=lang,
        s=summary,
        version=__version__,
        skipped=skipped,
        rows=rows,
        principles=principles,
        scale=scale_rows(lang),
        chart=None if summary.suppressed else to_data_uri(plot_cohort(summary, lang)),
    )


def admin_checklist_html(lang: str | None = None) -> str:
    """The study-administration checklist as an HTML table (for a notebook or a page)."""
    lang = screen_language(ui=lang)
    return render("qa_admin.html", tr=_tr(lang), admin=admin_rows(lang))

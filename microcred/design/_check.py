"""Every module's check on one design file at once, as one report.

``check(design)`` runs, section by section, the same functions the practice tools and the other
commands run (``needs.check``, ``outcomes.analyse``, ``credential.validate``, ``check_workload``,
``check_alignment``, ``check_pathway``, and ``qa.validate`` on the self-assessment beside the
file), then a few checks across sections that no single tool can make: do the outcomes answer the
needs, do the credential's credits and hours match the workload, does the pathway give the
credential the same credits. A section left as the template has it counts as *not started*
rather than as a list of errors. A section the module cannot read (a ``UserError`` or
``ValueError`` from its reader) is reported as such, so one broken section never hides the
others; any other exception is a bug in the kit and is raised.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UserError
from ..findings import Finding, has_errors
from ..i18n import t
from ..numbers import format_number
from ..settings import chosen_language
from ._file import language_of, load, qa_path

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The order of the report: the course's journey, from the needs of working life to quality.
PARTS: tuple[str, ...] = (
    "needs", "outcomes", "credential", "workload", "alignment", "pathway", "qa", "consistency",
)
# Points of each part in the capstone's automatic score (the QA file is not handed in there).
WEIGHTS: dict[str, float] = {
    "needs": 2, "outcomes": 2, "credential": 2, "workload": 2, "alignment": 2, "pathway": 1,
    "consistency": 1,
}
OK, WARNINGS, ERRORS, EMPTY, BROKEN = "ok", "warnings", "errors", "not started", "cannot be read"
_IGNORED_WHEN_BLANK = {"language", "convention", "currency", "schema_version"}


@dataclass(frozen=True)
class Chart:
    """A chart of a part: made only when asked for (the HTML report), with its text alternative."""

    alt: str
    make: Callable[[], Figure] = field(compare=False, repr=False)


@dataclass(frozen=True)
class Part:
    """What the check of one section (or across sections) found."""

    name: str
    status: str  # OK, WARNINGS, ERRORS, EMPTY or BROKEN
    summary: str = ""
    findings: tuple[Finding, ...] = ()
    note: str = ""
    quality: float | None = None  # 0-1 where the part's own measure is finer than the status
    charts: tuple[Chart, ...] = ()

    @property
    def started(self) -> bool:
        return self.status != EMPTY

    @property
    def score(self) -> float:
        """0-1 for grading: 1 clean, 0.75 warnings only, 0.25 started with errors, 0 when not
        started or unreadable; finer where a part has its own measure (``quality``: the outcome
        coach's mean quality, the share of mandatory elements described, of the needs canvas
        filled in, of the outcomes assessed)."""
        if self.status in (EMPTY, BROKEN):
            return 0.0
        if self.quality is not None:
            return self.quality
        return {OK: 1.0, WARNINGS: 0.75}.get(self.status, 0.25)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "summary": self.summary,
                "note": self.note, "score": round(self.score, 3),
                "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class DesignReport:
    """The combined check of one design file."""

    title: str
    source: str
    language: str
    parts: tuple[Part, ...]

    @property
    def ok(self) -> bool:
        """No errors in any part (parts not started do not count as errors)."""
        return not any(p.status in (ERRORS, BROKEN) for p in self.parts)

    @property
    def findings(self) -> list[Finding]:
        return [f for p in self.parts for f in p.findings]

    def part(self, name: str) -> Part:
        return next(p for p in self.parts if p.name == name)

    def counts(self) -> dict[str, int]:
        found = self.findings
        errors = sum(f.severity == "error" for f in found)
        return {"errors": errors, "warnings": len(found) - errors,
                "not_started": sum(p.status == EMPTY for p in self.parts if p.name != "qa")}

    def score(self, weights: Mapping[str, float] | None = None) -> float:
        """Points from the parts' scores, ``weights`` points each (default :data:`WEIGHTS`)."""
        weights = WEIGHTS if weights is None else weights
        return sum(w * self.part(name).score for name, w in weights.items()
                   if any(p.name == name for p in self.parts))

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "source": self.source, "language": self.language,
                "ok": self.ok, **self.counts(), "parts": [p.to_dict() for p in self.parts]}


# --- the check -------------------------------------------------------------------------------


def check(design: Mapping[str, Any], lang: str | None = None, qa: Any = None,
          source: str = "") -> DesignReport:
    """Check a whole design (plain data, as :func:`microcred.design.load` gives it).

    ``qa`` is the self-assessment (a ``microcred.qa.SelfAssessment``) when there is one.
    Messages are in ``lang`` (default: the screen language someone chose, else the design's).
    """
    from ._cross import consistency  # (it imports this module)

    design = design if isinstance(design, Mapping) else {}
    lang = lang or chosen_language() or language_of(design)
    runners: dict[str, Callable[[], Part]] = {
        "needs": lambda: _needs(design, lang),
        "outcomes": lambda: _outcomes(design, lang),
        "credential": lambda: _credential(design, lang),
        "workload": lambda: _workload(design, lang),
        "alignment": lambda: _alignment(design, lang),
        "pathway": lambda: _pathway(design, lang),
        "qa": lambda: _qa(qa, lang),
        "consistency": lambda: consistency(design, lang),
    }
    parts = tuple(_run(name, runner, lang) for name, runner in runners.items())
    credential = design.get("credential")
    title = str(credential.get("title") or "").strip() if isinstance(credential, Mapping) else ""
    return DesignReport(title, source, lang, parts)


def check_file(path: Any, lang: str | None = None, qa_file: Any = None) -> DesignReport:
    """Check the design file at ``path`` with the self-assessment beside it (``NAME.qa.json``)
    or at ``qa_file``. A self-assessment that cannot be read is reported in the QA part."""
    lang = lang or chosen_language()
    design = load(path, lang or "en")
    lang = lang or language_of(design)
    qa_source = qa_file if qa_file is not None else qa_path(path)
    assessment: Any = None
    from pathlib import Path

    if qa_file is not None or Path(qa_source).exists():
        try:
            assessment = _module("qa").load(qa_source)
        except UserError as exc:
            assessment = exc
    return check(design, lang, qa=assessment, source=str(path))


def _run(name: str, runner: Callable[[], Part], lang: str) -> Part:
    """One part; a section its reader refuses (what a user's data can cause) is reported as
    unreadable. Anything else is a bug in the kit and is raised, so that tests see it."""
    try:
        return runner()
    except (UserError, ValueError) as exc:
        return _broken(name, lang, str(exc) or type(exc).__name__)


def _broken(name: str, lang: str, problem: str) -> Part:
    finding = Finding("section-unreadable", "error",
                      t("design.check.unreadable", lang, section=section_name(name, lang),
                        problem=problem),
                      t("design.check.unreadable-suggestion", lang), name)
    return Part(name, BROKEN, findings=(finding,))


def _status(findings: list[Finding] | tuple[Finding, ...]) -> str:
    if has_errors(list(findings)):
        return ERRORS
    return WARNINGS if findings else OK


def _module(name: str) -> Any:
    return importlib.import_module(f"microcred.{name}")


# --- the parts -------------------------------------------------------------------------------


def _needs(design: Mapping[str, Any], lang: str) -> Part:
    section = design.get("needs")
    if is_blank(section):
        return Part("needs", EMPTY)
    needs = _module("needs")
    canvas = needs.from_dict(section)  # a UserError when it is not a mapping
    findings = needs.check(canvas, lang)
    summary = t("design.summary.needs", lang, needs=len(canvas.needs),
                stakeholders=len(canvas.stakeholders),
                organisation=canvas.organisation or "?")
    status = _status(findings)
    shares = needs.completeness(canvas)
    quality = None if status == OK else min(sum(shares.values()) / len(shares), 0.9)
    return Part("needs", status, summary, tuple(findings), quality=quality)


def _outcomes(design: Mapping[str, Any], lang: str) -> Part:
    section = design.get("outcomes")
    if is_blank(section):
        return Part("outcomes", EMPTY)
    outcomes = _module("outcomes")
    items = outcome_list(section)
    findings: list[Finding] = []
    qualities = []
    results = []
    for oid, text in items:
        result = outcomes.analyse(text, messages=lang)
        results.append(result)
        qualities.append(0.0 if not result.ok else 0.5 if result.problems else 1.0)
        for p in result.problems:
            findings.append(Finding(p.code, p.severity, f"{oid}: {p.message}", p.suggestion,
                                    oid))
    ids = [oid for oid, _ in items]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        findings.append(_finding("outcomes.duplicate-id", "error", lang, dup, id=dup))
    if len(items) < 3:
        findings.append(_finding("outcomes.few", "warning", lang, "outcomes", count=len(items)))
    elif len(items) > 6:
        findings.append(_finding("outcomes.many", "warning", lang, "outcomes", count=len(items)))
    profile = outcomes.bloom_profile(results)
    levels = ", ".join(f"{t(f'outcomes.level.{level}', lang)} {n}"
                       for level, n in profile.items() if n) or "-"
    summary = t("design.summary.outcomes", lang, count=len(items), levels=levels)
    quality = sum(qualities) / max(len(qualities), 3)
    chart = Chart(t("design.chart.outcomes", lang, levels=levels),
                  lambda: outcomes.plot_bloom(results, lang))
    return Part("outcomes", _status(findings), summary, tuple(findings), quality=quality,
                charts=(chart,))


def _credential(design: Mapping[str, Any], lang: str) -> Part:
    section = design.get("credential")
    if is_blank(section):
        return Part("credential", EMPTY)
    credential = _module("credential")
    desc = credential.from_dict(section if section is not None else {},
                                outcomes=design.get("outcomes"))
    # Problems of single outcomes are the outcomes part's: reported once, there.
    findings = [f for f in credential.validate(desc, lang)
                if not f.code.startswith("outcome-") and f.code != "duplicate-outcome-id"]
    mandatory = credential.mandatory("description")
    given = sum(1 for key in mandatory if credential.present(desc, key))
    summary = t("design.summary.credential", lang, given=given, total=len(mandatory),
                title=desc.title or "?")
    # Credit for each mandatory element described, less where other problems remain.
    others = [f for f in findings if f.code != "missing-element"]
    factor = 0.5 if has_errors(others) else 0.75 if others else 1.0
    return Part("credential", _status(findings), summary, tuple(findings),
                quality=factor * given / len(mandatory))


def _workload(design: Mapping[str, Any], lang: str) -> Part:
    section = design.get("workload")
    if is_blank(section):
        return Part("workload", EMPTY)
    workload = _module("workload")
    wl = workload.Workload.from_dict(section)
    report = workload.check_workload(wl, lang)
    credits = "?" if report.credits is None else _num(round(report.credits, 1), lang)
    summary = t("design.summary.workload", lang, hours=_num(report.total_hours, lang),
                credits=credits, convention=wl.convention,
                weekly="-" if report.weekly_hours is None else _num(round(report.weekly_hours, 1),
                                                                    lang))
    chart = Chart(t("design.chart.workload", lang, hours=_num(report.total_hours, lang),
                    credits=credits), lambda: workload.plot_workload(wl, lang))
    return Part("workload", _status(report.findings), summary, tuple(report.findings),
                charts=(chart,))


def _alignment(design: Mapping[str, Any], lang: str) -> Part:
    section = design.get("alignment")
    if is_blank(section):
        return Part("alignment", EMPTY)
    alignment = _module("alignment")
    al = alignment.Alignment.from_design(dict(design))
    report = alignment.check_alignment(al, lang)
    assessed = sum(1 for ids in report.assessed_by.values() if ids)
    summary = t("design.summary.alignment", lang, assessed=assessed, total=len(al.outcomes),
                activities=len(al.activities), tasks=len(al.assessments))
    chart = Chart(t("design.chart.alignment", lang, assessed=assessed, total=len(al.outcomes)),
                  lambda: alignment.plot_alignment(al, lang, report))
    status = _status(report.findings)
    quality = 0.25 + 0.5 * report.coverage if status == ERRORS else None
    return Part("alignment", status, summary, tuple(report.findings), quality=quality,
                charts=(chart,))


def _pathway(design: Mapping[str, Any], lang: str) -> Part:
    section = design.get("pathway")
    if is_blank(section):
        return Part("pathway", EMPTY)
    pathways = _module("pathways")
    pw = pathways.Pathway.from_design(dict(design))
    report = pathways.check_pathway(pw, lang)
    target = "-" if report.target_credits is None else _num(report.target_credits, lang)
    summary = t("design.summary.pathway", lang, count=len(pw.credentials),
                total=_num(report.total_credits, lang), target=target)
    chart = Chart(t("design.chart.pathway", lang, count=len(pw.credentials)),
                  lambda: pathways.plot_pathway(pw, lang))
    return Part("pathway", _status(report.findings), summary, tuple(report.findings),
                charts=(chart,) if pw.credentials else ())


def _qa(assessment: Any, lang: str) -> Part:
    if isinstance(assessment, UserError):
        return _broken("qa", lang, str(assessment))
    if assessment is None:
        return Part("qa", EMPTY, note=t("design.check.no-qa", lang))
    qa = _module("qa")
    findings = qa.validate(assessment, lang)
    answered, total = len(assessment.scores()), len(qa.instrument().criteria)
    mean = qa.overall(assessment)
    summary = t("design.summary.qa", lang, answered=answered, total=total,
                mean="-" if mean is None else _num(mean, lang))
    chart = Chart(t("design.chart.qa", lang, answered=answered, total=total),
                  lambda: qa.plot_radar(assessment, lang))
    return Part("qa", _status(findings), summary, tuple(findings), charts=(chart,))


# --- helpers -------------------------------------------------------------------------------


def is_blank(value: Any) -> bool:
    """True for a section left as the template has it: nothing but empty values (a language, a
    convention or a currency alone do not make a section started)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return all(is_blank(v) for k, v in value.items() if k not in _IGNORED_WHEN_BLANK)
    if isinstance(value, (list, tuple)):
        return all(is_blank(v) for v in value)
    return False


def outcome_list(section: Any) -> list[tuple[str, str]]:
    """(id, text) of each outcome in an ``outcomes:`` section (a list of ``{id, text}`` or of
    texts, or one text with an outcome a line); a ValueError if it is none of these."""
    if isinstance(section, str):
        section = [line for line in section.splitlines() if line.strip()]
    if not isinstance(section, list):
        raise ValueError("the outcomes section must be a list of {id, text}")
    out = []
    for n, item in enumerate(section, 1):
        if isinstance(item, Mapping):
            text = " ".join(str(item.get("text") or "").split())
            oid = str(item.get("id") or f"LO{n}").strip()
        elif isinstance(item, (str, int, float)):
            text, oid = " ".join(str(item).split()), f"LO{n}"
        else:
            raise ValueError(f"outcome {n} must be a text or {{id, text}}")
        if text:
            out.append((oid, text))
    return out


def _finding(key: str, severity: str, lang: str, element: str | None = None,
             **fields: object) -> Finding:
    code = key.split(".", 1)[1]
    return Finding(code, severity,  # type: ignore[arg-type]
                   t(f"design.{key}.message", lang, **fields),
                   t(f"design.{key}.suggestion", lang, **fields), element)


_num = format_number  # 3.0 -> "3"; 1.5 -> "1.5" in English, "1,5" in Finnish and Swedish


def section_name(name: str, lang: str) -> str:
    """The name of a part of the report in ``lang``."""
    return t(f"design.part.{name}", lang)

"""Checks across sections of a design that no single tool can make: do the outcomes answer the
needs, do the credential's credits and hours match the workload, does the pathway give the
credential the same credits. The report's *consistency* part."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..findings import Finding
from ..i18n import t
from ._check import EMPTY, Chart, Part, _finding, _module, _num, _status, is_blank, outcome_list

_HOURS_SLACK = 0.5  # hours: rounding in a description is not a difference


def consistency(design: Mapping[str, Any], lang: str) -> Part:
    """Checks across sections: needs x outcomes, credential x workload, credential x pathway."""
    findings: list[Finding] = []
    done: list[str] = []
    charts: list[Chart] = []
    outcomes = outcome_list(design.get("outcomes")) if not is_blank(design.get("outcomes")) else []
    needs_section = design.get("needs")
    if not is_blank(needs_section) and outcomes:
        needs, matching = _module("needs"), _module("matching")
        canvas = needs.from_dict(needs_section)
        if canvas.needs:
            result = matching.match(list(canvas.needs), [{"id": i, "text": x}
                                                         for i, x in outcomes])
            findings += result.findings(lang)
            known = {i for i, _ in outcomes}
            for need in canvas.needs:
                for oid in need.covered_by:
                    if oid not in known:
                        findings.append(_finding("cross.unknown-outcome", "warning", lang,
                                                 need.id, need=need.id, id=oid))
            covered = len(result.needs) - len(result.uncovered_needs)
            done.append(t("design.summary.needs-covered", lang, covered=covered,
                          total=len(result.needs)))
            charts.append(Chart(t("design.chart.matching", lang, covered=covered,
                                  total=len(result.needs)),
                                lambda: matching.plot_heatmap(result, lang)))
    credential = c if isinstance(c := design.get("credential"), Mapping) else {}
    stated = _credential_workload(credential)
    workload_section = design.get("workload")
    if not is_blank(workload_section) and isinstance(workload_section, Mapping):
        wl = _module("workload").Workload.from_dict(workload_section)
        if stated["hours"] is not None and wl.activities:
            done.append(t("design.summary.hours-compared", lang))
            if abs(stated["hours"] - wl.total_hours) > _HOURS_SLACK:
                findings.append(_finding("cross.hours-differ", "warning", lang, "workload",
                                         stated=_num(stated["hours"], lang),
                                         total=_num(wl.total_hours, lang)))
        if stated["ects"] is not None and wl.credits is not None:
            done.append(t("design.summary.credits-compared", lang))
            if abs(stated["ects"] - wl.credits) > 1e-9:
                findings.append(_finding("cross.credits-differ", "warning", lang, "workload",
                                         stated=_num(stated["ects"], lang),
                                         claimed=_num(wl.credits, lang)))
        if stated["convention"] and workload_section.get("convention") and (
                stated["convention"] != wl.convention):
            findings.append(_finding("cross.convention-differ", "warning", lang, "workload",
                                     stated=stated["convention"], used=wl.convention))
    pathway_section = design.get("pathway")
    if not is_blank(pathway_section) and stated["ects"] is not None:
        pw = _module("pathways").Pathway.from_dict(pathway_section)
        this = pw.by_id().get(pw.this or "")
        if this is not None:
            done.append(t("design.summary.pathway-compared", lang))
            if this.credits > 0 and abs(this.credits - stated["ects"]) > 1e-9:
                findings.append(_finding("cross.pathway-credits", "warning", lang, this.id,
                                         id=this.id, credits=_num(this.credits, lang),
                                         stated=_num(stated["ects"], lang)))
    if not done:
        return Part("consistency", EMPTY, note=t("design.check.no-cross", lang))
    return Part("consistency", _status(findings), "; ".join(done), tuple(findings),
                charts=tuple(charts))


def _credential_workload(credential: Mapping[str, Any]) -> dict[str, Any]:
    """Credits, hours and convention stated in the credential section (None when not given)."""
    from ..numbers import parse_number

    workload = credential.get("workload")
    if not isinstance(workload, Mapping):
        workload = {"ects": workload}
    ects = workload.get("ects", workload.get("credits"))
    return {
        "ects": parse_number(ects) if ects not in (None, "") else None,
        "hours": parse_number(workload.get("hours")) if workload.get("hours") not in (
            None, "") else None,
        "convention": str(workload.get("convention") or "").strip().lower(),
    }

"""The combined check as text (the terminal) and as one self-contained HTML page with charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..i18n import t
from ._check import BROKEN, EMPTY, ERRORS, OK, WARNINGS, DesignReport, section_name

_STATUS_KEYS = {OK: "ok", WARNINGS: "warnings", ERRORS: "errors", EMPTY: "not-started",
                BROKEN: "cannot-be-read"}
_STATUS_MARKS = {OK: "✓", WARNINGS: "!", ERRORS: "✗", EMPTY: "·", BROKEN: "✗"}


def status_label(status: str, lang: str = "en") -> str:
    """The status of a part in words, in ``lang``."""
    return t(f"design.status.{_STATUS_KEYS.get(status, 'ok')}", lang)


def format_text(report: DesignReport, lang: str | None = None) -> str:
    """The report for a terminal: an overview line per part, then each part's findings."""
    lang = lang or report.language
    head = t("design.report.title", lang)
    source = Path(report.source).name if report.source else ""
    name = report.title or source or "-"
    lines = [f"{head}: {name}" + (f" ({source})" if report.title and source else ""), ""]
    width = max(len(section_name(p.name, lang)) for p in report.parts)
    for p in report.parts:
        label = section_name(p.name, lang)
        status = status_label(p.status, lang)
        lines.append(f"  {_STATUS_MARKS.get(p.status, ' ')} {label:<{width}}  {status:<14} "
                     f"{p.summary}".rstrip())
    for p in report.parts:
        if not p.findings and not p.note:
            continue
        lines += ["", f"== {section_name(p.name, lang)}: {status_label(p.status, lang)}"]
        if p.note:
            lines.append(f"  {p.note}")
        for f in p.findings:
            lines.append(f"  {t(f'common.{f.severity}', lang)}: [{f.code}] {f.message}")
            if f.suggestion:
                lines.append(f"      -> {f.suggestion}")
    counts = report.counts()
    lines += ["", t("design.report.totals", lang, **counts)]
    return "\n".join(lines)


def report_html(report: DesignReport, lang: str | None = None) -> str:
    """A complete HTML page: overview table, each part with its findings and its charts
    embedded as ``data:`` URIs, so the file can be mailed or archived as it is."""
    from ..charts import to_data_uri
    from ..render import render

    lang = lang or report.language
    parts = []
    for p in report.parts:
        charts = []
        for chart in p.charts:
            try:
                charts.append({"src": to_data_uri(chart.make()), "alt": chart.alt})
            except Exception:  # noqa: BLE001 - a chart that cannot be drawn leaves the text
                continue
        parts.append({
            "id": p.name, "name": section_name(p.name, lang), "status": p.status,
            "status_label": status_label(p.status, lang),
            "status_class": _STATUS_KEYS.get(p.status, "ok"), "summary": p.summary,
            "note": p.note, "findings": p.findings, "charts": charts,
        })
    return render(
        "design_report.html", lang=lang, title=report.title,
        source=Path(report.source).name if report.source else "",
        parts=parts, counts=report.counts(),
        tr=lambda key, **fields: t(f"design.report.{key}", lang, **fields),
        severity=lambda s: t(f"common.{s}", lang),
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )

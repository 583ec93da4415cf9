"""The workload calculator widget: a table of activities with hours, a convention selector,
claimed credits and duration -> live totals, findings and a stacked bar chart."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from ..charts import to_data_uri
from ..credits import conventions
from ..design import DEFAULT_NAME
from ..i18n import t
from ..numbers import format_spec
from ..settings import screen_language
from ..workload import KINDS, Activity, Workload, WorkloadReport, check_workload, plot_workload
from ._html import NAME_SHOWN_ELSEWHERE, chart_img, findings_list
from ._language import language_menu
from ._refresh import RefreshOnce
from .designfile import Adapter

# The example the calculator opens with: (name's key in strings/workload.yaml, kind, hours).
EXAMPLE_ACTIVITIES = (("webinars", "contact", 10), ("reading", "independent", 40),
                      ("course-design", "work-based", 24), ("portfolio", "assessment", 7))


def example(ui: str = "en") -> Workload:
    """The calculator's worked example, its activities named in the screen language."""
    return Workload(
        activities=tuple(Activity(t(f"workload.ui.example.{key}", ui), kind, hours)
                         for key, kind, hours in EXAMPLE_ACTIVITIES),
        convention="fi", credits=3, weeks=8)


class ActivityRow(w.HBox):
    """One row of the table: name, kind, hours and a remove button."""

    def __init__(self, activity: Activity, ui: str = "en") -> None:
        # Each control is named like its column; the column headings show the names.
        named = {"style": NAME_SHOWN_ELSEWHERE}
        self.name = w.Text(value=activity.name, placeholder=t("workload.ui.activity", ui),
                           description=t("workload.ui.activity", ui), **named,
                           layout=w.Layout(width="45%"))
        kinds = [(t(f"workload.kind.{k}", ui), k) for k in KINDS]
        if activity.kind not in KINDS:  # keep an unknown kind visible, so its finding shows
            kinds.append((activity.kind, activity.kind))
        self.kind = w.Dropdown(options=kinds, value=activity.kind,
                               description=t("workload.ui.kind", ui), **named,
                               layout=w.Layout(width="30%"))
        self.hours = w.FloatText(value=activity.hours, description=t("workload.ui.hours", ui),
                                 **named, layout=w.Layout(width="12%"))
        self.remove = w.Button(description=t("workload.ui.remove", ui),
                               layout=w.Layout(width="13%"))
        super().__init__([self.name, self.kind, self.hours, self.remove])

    @property
    def activity(self) -> Activity:
        return Activity(self.name.value.strip(), self.kind.value, float(self.hours.value or 0))


class WorkloadCalculator(RefreshOnce, w.VBox):
    """Activities table + convention, credits and weeks -> totals, findings and a chart."""

    def __init__(self, workload: Workload | dict[str, Any] | None = None, ui: str = "en",
                 design_file: str | None = None) -> None:
        if workload is None:
            workload = example(ui)
        elif isinstance(workload, dict):
            workload = Workload.from_dict(workload.get("workload", workload))
        self.ui = ui
        options = [(c.name.get(ui, c.name["en"]), code) for code, c in conventions().items()]
        if workload.convention not in conventions():
            options.append((workload.convention, workload.convention))
        self.convention = w.Dropdown(options=options, value=workload.convention,
                                     description=t("workload.ui.convention", ui))
        self.credits = w.BoundedFloatText(value=workload.credits or 0, min=0, max=999, step=0.5,
                                          description=t("workload.ui.credits", ui))
        self.weeks = w.BoundedFloatText(value=workload.weeks or 0, min=0, max=520, step=1,
                                        description=t("workload.ui.weeks", ui))
        for box in (self.convention, self.credits, self.weeks):
            box.style.description_width = "initial"
        # Each heading over its column; 8px in, as the controls sit right of their (0-width)
        # descriptions' labels.
        cell = "box-sizing:border-box;padding-left:8px;width:"
        header = w.HTML(
            "<div style='display:flex;font-weight:bold'>"
            f"<span style='{cell}45%'>{escape(t('workload.ui.activity', ui))}</span>"
            f"<span style='{cell}30%'>{escape(t('workload.ui.kind', ui))}</span>"
            f"<span style='{cell}12%'>{escape(t('workload.ui.hours', ui))}</span></div>"
        )
        self.table = w.VBox()
        self.add = w.Button(description=t("workload.ui.add", ui), icon="plus")
        self.summary = w.HTML()
        self.feedback = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        caption = w.HTML(f"<small>{escape(t('workload.chart.alt', ui))}</small>")
        self.report: WorkloadReport | None = None
        self._drawn: Workload | None = None
        super().__init__([
            w.HBox([self.convention, self.credits, self.weeks]),
            header, self.table, self.add, self.summary, self.feedback, self.chart, caption,
        ])
        self.add_class("mc-workload-calculator")
        for activity in workload.activities:
            self._append(activity)
        for box in (self.convention, self.credits, self.weeks):
            box.observe(self._changed, names="value")
        self.add.on_click(lambda _b: self.add_activity())
        language_menu(self, ui)
        self.refresh()
        from .designfile import attach_bar

        attach_bar(self, design_file)

    @property
    def rows(self) -> list[ActivityRow]:
        return list(self.table.children)

    @property
    def workload(self) -> Workload:
        """The workload as it stands in the widget (0 credits or weeks = not stated)."""
        return Workload(
            activities=tuple(r.activity for r in self.rows),
            convention=self.convention.value,
            credits=self.credits.value or None,
            weeks=self.weeks.value or None,
        )

    def design_adapter(self) -> Adapter:
        """The design bar edits the ``workload:`` section."""
        return Adapter("workload", lambda: self.workload.to_dict(), self.show_workload)

    def show_workload(self, section: Any) -> None:
        """Show a ``workload:`` section: its activities replace the rows."""
        workload = Workload.from_dict(section)
        with self.one_refresh():
            for row in list(self.rows):
                self.remove_activity(row)
            options = list(self.convention.options)
            if workload.convention not in [v for _label, v in options]:
                self.convention.options = [*options, (workload.convention, workload.convention)]
            self.convention.value = workload.convention
            self.credits.value = workload.credits or 0
            self.weeks.value = workload.weeks or 0
            for a in workload.activities:
                self.add_activity(a.name, a.kind, a.hours)

    def add_activity(self, name: str = "", kind: str = "independent", hours: float = 0) -> None:
        self._append(Activity(name, kind, hours))
        self.refresh()

    def remove_activity(self, row: ActivityRow) -> None:
        self.table.children = tuple(r for r in self.rows if r is not row)
        self.refresh()

    def refresh(self) -> None:
        """Recompute totals and findings; redraw the chart only when the workload changed."""
        if self.holding:
            return
        workload = self.workload
        self.report = report = check_workload(workload, self.ui)
        self.summary.value = summary_html(report, workload, self.ui)
        self.feedback.value = findings_list(report.findings, self.ui)
        if workload != self._drawn:
            self._drawn = workload
            self.chart.value = chart_img(to_data_uri(plot_workload(workload, self.ui)),
                                         alt=t("workload.chart.alt", self.ui), max_width="720px")

    def _append(self, activity: Activity) -> None:
        row = ActivityRow(activity, self.ui)
        for box in (row.name, row.kind, row.hours):
            box.observe(self._changed, names="value")
        row.remove.on_click(lambda _b, r=row: self.remove_activity(r))
        self.table.children = (*self.table.children, row)

    def _changed(self, _change: dict) -> None:
        self.refresh()


def summary_html(report: WorkloadReport, workload: Workload, ui: str = "en") -> str:
    """Total hours, credits and weekly load in a sentence or two."""
    conv = conventions().get(report.convention)
    if conv is None or report.credits is None:
        return ""
    parts = [t("workload.ui.summary", ui, hours=format_spec(report.total_hours, "g", ui),
               credits=format_spec(report.credits, ".1f", ui), unit=conv.unit.get(ui, conv.unit["en"]),
               convention=conv.name.get(ui, conv.name["en"]))]
    if report.weekly_hours is not None and workload.weeks:
        share = 100 * report.weekly_hours / conv.full_time_week_hours
        parts.append(t("workload.ui.weekly", ui, weekly=format_spec(report.weekly_hours, ".1f", ui),
                       weeks=format_spec(workload.weeks, "g", ui), share=f"{share:.0f}"))
    return '<p class="mc-summary"><strong>' + " ".join(escape(p) for p in parts) + "</strong></p>"


def workload_calculator(workload: Workload | dict[str, Any] | None = None,
                        ui: str | None = None, design_file: str | None = DEFAULT_NAME
                        ) -> WorkloadCalculator:
    """Show the workload calculator, pre-filled with ``workload`` (an example by default),
    with the bar that loads and saves the ``workload:`` section of ``design_file``."""
    return WorkloadCalculator(workload, screen_language("workload-calculator", ui), design_file)

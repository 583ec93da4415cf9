"""Widgets of the needs module: the needs canvas and the needs-outcomes matcher."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from html import escape
from typing import Any

import ipywidgets as w

from ..charts import to_data_uri
from ..design import DEFAULT_NAME, number_outcomes, outcome_list
from ..dialogue import guide_markdown
from ..i18n import t
from ..matching import DEFAULT_THRESHOLD, MatchResult, match, parse_grouped, plot_heatmap
from ..needs import (
    NeedsCanvas,
    check,
    completeness,
    dump_yaml,
    from_dict,
    need_lines,
    needs_from_lines,
    parse_list,
    parse_needs,
    sample_canvas,
)
from ..numbers import format_spec, parse_number
from ..settings import screen_language
from ._html import COLOURS, NAME_SHOWN_ELSEWHERE, badge, chart_img, findings_list
from ._language import language_menu
from .designfile import Adapter

_WIDE = w.Layout(width="100%")


def _need_line(n, ui: str = "en") -> str:
    """A need as the field shows it: ``text | priority | urgency | evidence``, the priority and
    urgency in the screen language (the canvas reads them back in any language)."""
    def word(kind: str, code: str) -> str:
        return t(f"needs.{kind}.{code}", ui) if code and ui != "en" else code

    return " | ".join(x for x in (n.text, word("priority", n.priority),
                                  word("urgency", n.urgency), n.evidence) if x)


class NeedsCanvasWidget(w.VBox):
    """Fields of the needs canvas -> how each need was read, findings, completeness, the YAML
    section, a dialogue guide; the design bar saves it as the design file's ``needs:``."""

    def __init__(self, canvas: NeedsCanvas | None = None, ui: str = "en",
                 design_file: str | None = None) -> None:
        self.ui = ui
        self.input_error = ""  # a budget that is not a number; blocks saving
        c = canvas or NeedsCanvas(language=ui)
        self._base = c  # details the fields do not show (interests, group size) are kept
        self._language = c.language
        self.organisation = w.Text(value=c.organisation, description=t("needs.canvas.organisation", ui),
                                   layout=_WIDE, style={"description_width": "9em"})
        self.sector = w.Text(value=c.sector, description=t("needs.canvas.sector", ui),
                             layout=_WIDE, style={"description_width": "9em"})
        # The text areas' names show as headings above them (label()).
        self.stakeholders = w.Textarea(
            value="\n".join(s.name + (f" ({s.role})" if s.role else "") for s in c.stakeholders),
            rows=3, layout=_WIDE, description=t("needs.canvas.stakeholders", ui),
            style=NAME_SHOWN_ELSEWHERE)
        self.needs = w.Textarea(value="\n".join(_need_line(n, ui) for n in c.needs), rows=5,
                                layout=_WIDE, description=t("needs.canvas.needs", ui),
                                style=NAME_SHOWN_ELSEWHERE)
        self.target_group = w.Textarea(value=c.target_group.description, rows=2, layout=_WIDE,
                                       description=t("needs.canvas.target-group", ui),
                                       style=NAME_SHOWN_ELSEWHERE)
        self.time = w.Text(value=c.constraints.time, description=t("needs.canvas.time", ui),
                           layout=_WIDE, style={"description_width": "9em"})
        self.place = w.Text(value=c.constraints.place, description=t("needs.canvas.place", ui),
                            layout=_WIDE, style={"description_width": "9em"})
        budget = "" if c.constraints.budget is None else f"{c.constraints.budget:g}"
        self.budget = w.Text(value=budget, description=t("needs.canvas.budget", ui),
                             style={"description_width": "9em"})
        self._currency = c.constraints.currency
        self.read_as = w.HTML()  # how each need line was understood (priority, urgency)
        self.progress = w.FloatProgress(min=0, max=1, description="")
        self.progress_label = w.HTML()
        self.feedback = w.HTML()
        self.yaml = w.HTML()
        self.guide_button = w.Button(description=t("needs.canvas.guide", ui), icon="list",
                                     layout=w.Layout(width="auto"))  # the whole label shows
        self.guide = w.Output()
        self.guide_button.on_click(lambda _b: self.show_guide())

        def label(key: str) -> w.HTML:
            return w.HTML(f"<strong>{escape(t(key, ui))}</strong>")

        super().__init__([
            w.HTML(f"<h4>{escape(t('needs.canvas.title', ui))}</h4>"),
            self.organisation, self.sector,
            label("needs.canvas.stakeholders"), self.stakeholders,
            label("needs.canvas.needs"), self.needs, self.read_as,
            label("needs.canvas.target-group"), self.target_group,
            self.time, self.place, self.budget,
            w.HBox([self.progress, self.progress_label]),
            self.feedback,
            self.yaml,
            self.guide_button, self.guide,
        ])
        self.add_class("mc-needs-canvas")
        for field in (self.organisation, self.sector, self.stakeholders, self.needs,
                      self.target_group, self.time, self.place, self.budget):
            field.observe(lambda _c: self.refresh(), names="value")
        language_menu(self, ui)
        self.refresh()
        from .designfile import attach_bar

        attach_bar(self, design_file)

    @property
    def canvas(self) -> NeedsCanvas:
        """The canvas as typed."""
        try:
            budget = typed_budget(self.budget.value, self.ui)
        except ValueError:
            budget = None  # shown as an input error (refresh); never saved
        data = {
            "organisation": self.organisation.value,
            "sector": self.sector.value,
            "language": self._language,
            "stakeholders": [_stakeholder(s) for s in parse_list(self.stakeholders.value)],
            "competence_needs": parse_needs(self.needs.value),
            "target_group": {"description": self.target_group.value},
            "constraints": {"time": self.time.value, "place": self.place.value,
                            "budget": budget, "currency": self._currency},
        }
        typed = from_dict(data)
        interests = {s.name: s for s in self._base.stakeholders}
        stakeholders = tuple(
            replace(s, interest=interests[s.name].interest) if s.name in interests else s
            for s in typed.stakeholders
        )
        group = replace(self._base.target_group, description=typed.target_group.description)
        return replace(typed, stakeholders=stakeholders, target_group=group,
                       notes=self._base.notes)

    def design_adapter(self) -> Adapter:
        """The design bar edits the ``needs:`` section."""
        return Adapter("needs", lambda: self.canvas.to_dict(),
                       lambda section: self.set_canvas(from_dict(section)))

    def set_canvas(self, canvas: NeedsCanvas) -> None:
        """Show ``canvas`` in the fields; details without a field (interests, group size) are
        kept for saving, as for the canvas the widget was opened with."""
        self._base, self._language = canvas, canvas.language
        self._currency = canvas.constraints.currency
        self.organisation.value = canvas.organisation
        self.sector.value = canvas.sector
        self.stakeholders.value = "\n".join(
            s.name + (f" ({s.role})" if s.role else "") for s in canvas.stakeholders)
        self.needs.value = "\n".join(_need_line(n, self.ui) for n in canvas.needs)
        self.target_group.value = canvas.target_group.description
        self.time.value = canvas.constraints.time
        self.place.value = canvas.constraints.place
        budget = canvas.constraints.budget
        self.budget.value = "" if budget is None else f"{budget:g}"
        self.refresh()

    def refresh(self) -> None:
        canvas = self.canvas
        self.input_error = budget_problem(self.budget.value, self.ui)
        self.read_as.value = read_as_html(canvas, self.ui)
        parts = completeness(canvas)
        share = sum(parts.values()) / len(parts)
        self.progress.value = share
        self.progress_label.value = escape(
            t("needs.canvas.complete", self.ui, percent=round(share * 100)))
        problem = (f'<p class="mc-error" style="color:{COLOURS["error"]}">✗ '
                   f"{escape(self.input_error)}</p>" if self.input_error else "")
        self.feedback.value = problem + findings_list(check(canvas, self.ui), self.ui)
        self.yaml.value = (
            f"<details><summary>{escape(t('needs.canvas.yaml', self.ui))}</summary>"
            f"<pre>{escape(dump_yaml(canvas))}</pre></details>"
        )

    def show_guide(self) -> str:
        """Show the dialogue guide of the current canvas below the canvas."""
        from IPython.display import Markdown

        text = guide_markdown(self.canvas, self.ui, task_list=False)  # no nameless check boxes
        self.guide.outputs = ()
        self.guide.append_display_data(Markdown(text))
        return text


def typed_budget(text: str, ui: str = "en") -> float | None:
    """The budget typed in the box ("12 000", "12000,50 EUR"); None when empty. A ValueError
    when it holds no number."""
    if not text.strip():
        return None
    value = parse_number(text, ui)
    if value is None:
        raise ValueError(text)
    return value


def budget_problem(text: str, ui: str = "en") -> str:
    """What is wrong with a typed budget ("" when it is a number or empty)."""
    try:
        typed_budget(text, ui)
    except ValueError:
        return t("needs.canvas.budget-not-number", ui, value=text.strip())
    return ""


def read_as_html(canvas: NeedsCanvas, ui: str = "en") -> str:
    """Each need as the canvas understood it: priority and urgency in words, so that a value
    written in one's own words ("6 kk") never changes meaning silently."""
    if not canvas.needs:
        return ""
    items = []
    for n in canvas.needs:
        priority = t(f"needs.priority.{n.priority or 'none'}", ui)
        urgency = t(f"needs.urgency.{n.urgency or 'none'}", ui)
        evidence = f" · {escape(n.evidence)}" if n.evidence else ""
        items.append(f"<li><strong>{escape(n.id)}</strong> {escape(n.text)} · "
                     f"{escape(priority)} · {escape(urgency)}{evidence}</li>")
    title = escape(t("needs.canvas.read-as", ui))
    return (f'<div class="mc-read-as"><small>{title}</small>'
            f'<ul style="margin:0 0 4px 1em;padding-left:1em">{"".join(items)}</ul></div>')


def _stakeholder(text: str) -> dict:
    """"Team leaders (supervisors)" -> name and role."""
    text = text.strip()
    if text.endswith(")") and "(" in text:
        name, role = text[:-1].split("(", 1)
        return {"name": name.strip(), "role": role.strip()}
    return {"name": text}


class NeedsMatcher(w.VBox):
    """Two lists -> coverage table, findings and a heatmap, updated as you type."""

    def __init__(self, needs: str = "", outcomes: str = "", ui: str = "en",
                 design_file: str | None = None) -> None:
        self.ui = ui
        self.needs = w.Textarea(value=needs, rows=7, layout=_WIDE, continuous_update=False,
                                description=t("matching.widget.needs", ui),
                                style=NAME_SHOWN_ELSEWHERE)  # shown as the heading above
        self.outcomes = w.Textarea(value=outcomes, rows=7, layout=_WIDE, continuous_update=False,
                                   description=t("matching.widget.outcomes", ui),
                                   style=NAME_SHOWN_ELSEWHERE)
        # A number box, not a slider: ipywidgets' slider handle gets no accessible name.
        self.threshold = w.BoundedFloatText(value=DEFAULT_THRESHOLD, min=0.1, max=1.0, step=0.05,
                                            description=t("matching.widget.threshold", ui),
                                            style={"description_width": "9em"},
                                            layout=w.Layout(width="16em"))
        self.table = w.HTML()
        self.feedback = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        self.chart_caption = w.HTML(
            f"<small>{escape(t('matching.widget.chart-alt', ui))}</small>")
        self.result: MatchResult | None = None
        super().__init__([
            w.HTML(f"<strong>{escape(t('matching.widget.needs', ui))}</strong>"), self.needs,
            w.HTML(f"<strong>{escape(t('matching.widget.outcomes', ui))}</strong>"),
            self.outcomes, self.threshold, self.table, self.feedback, self.chart,
            self.chart_caption,
        ])
        self.add_class("mc-needs-matcher")
        for field in (self.needs, self.outcomes, self.threshold):
            field.observe(lambda _c: self.refresh(), names="value")
        language_menu(self, ui)
        self.refresh()
        from .designfile import attach_bar

        attach_bar(self, design_file)

    def design_adapter(self) -> Adapter:
        """The design bar reads the needs and the outcomes of the design; it writes back the
        lists changed here (a need keeps its priority, urgency and evidence while its text
        stays; outcomes of several micro-credentials are none of them the design's)."""
        loaded: dict[str, Any] = {"needs": None, "outcomes": []}

        def get() -> dict[str, Any]:
            needs = needs_from_lines(self.needs.value, loaded["needs"])
            grouped = parse_grouped(self.outcomes.value)
            if isinstance(grouped, dict):
                if len(grouped) > 1:
                    return {"needs": needs, "outcomes": loaded["outcomes"]}
                grouped = next(iter(grouped.values()), [])
            return {"needs": needs, "outcomes": number_outcomes(grouped, loaded["outcomes"])}

        def set(doc: Mapping[str, Any]) -> None:
            found = doc.get("needs")
            loaded["needs"] = found if isinstance(found, Mapping) else {}
            loaded["outcomes"] = [{"id": oid, "text": text}
                                  for oid, text in outcome_list(doc.get("outcomes"))]
            self.needs.value = need_lines(loaded["needs"])
            self.outcomes.value = "\n".join(o["text"] for o in loaded["outcomes"])

        return Adapter(("needs", "outcomes"), get, set, {"whole": True})

    def refresh(self) -> None:
        needs = [line for line in self.needs.value.splitlines() if line.strip()]
        self.result = match(needs, parse_grouped(self.outcomes.value),
                            threshold=self.threshold.value)
        self.table.value = coverage_html(self.result, self.ui)
        self.feedback.value = findings_list(self.result.findings(self.ui), self.ui)
        self.chart.value = chart_img(to_data_uri(plot_heatmap(self.result, self.ui)),
                                     alt=t("matching.widget.chart-alt", self.ui),
                                     max_width="720px")


def coverage_html(result: MatchResult, ui: str = "en", limit: int = 200) -> str:
    """The per-need table: score, status (in words, not only colour) and the shared terms."""
    colours = {"covered": COLOURS["ok"], "partly": COLOURS["warning"],
               "uncovered": COLOURS["error"]}
    head = "".join(f"<th style='text-align:left;padding:2px 6px'>{escape(t(k, ui))}</th>"
                   for k in ("matching.table.need", "matching.table.best", "matching.table.score",
                             "matching.table.status", "matching.table.shared"))
    rows = []
    for row in result.rows(ui)[:limit]:
        status = row["status"]
        count = f" ×{row['count']}" if row["count"] > 1 else ""
        rows.append(
            f"<tr class='mc-{status}'><td style='padding:2px 6px'>{escape(row['need'])} "
            f"{escape(row['text'])}{count}</td><td>{escape(row['best'] or '–')}</td>"
            f"<td>{format_spec(row['score'], '.2f', ui)}</td>"
            f"<td>{badge(t('matching.status.' + status, ui), colours[status])}</td>"
            f"<td>{escape(', '.join(row['shared']))}</td></tr>"
        )
    covered = len(result.needs) - len(result.uncovered_needs)
    summary = t("matching.summary", ui, covered=covered, total=len(result.needs),
                percent=round(result.coverage * 100), unasked=len(result.unrequested_outcomes))
    return (f"<table class='mc-coverage'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            f"</tbody></table><p class='mc-summary'><strong>{escape(summary)}</strong></p>")


def needs_canvas(canvas: NeedsCanvas | None = None, ui: str | None = None, sample: bool = False,
                 design_file: str | None = DEFAULT_NAME) -> NeedsCanvasWidget:
    """Show the needs canvas, empty, pre-filled with ``canvas`` or with the course's example,
    with the bar that loads and saves the ``needs:`` section of ``design_file``."""
    ui = screen_language("needs-canvas", ui)
    return NeedsCanvasWidget(sample_canvas(ui) if sample and canvas is None else canvas, ui,
                             design_file)


def needs_matcher(needs: str = "", outcomes: str = "", ui: str | None = None,
                  design_file: str | None = DEFAULT_NAME) -> NeedsMatcher:
    """Show the matcher, optionally pre-filled (needs one a line; outcomes one a line, a line
    ending in ':' starting a new micro-credential), with the bar that loads the needs and the
    outcomes of ``design_file`` and saves what you change in them."""
    return NeedsMatcher(needs, outcomes, screen_language("needs-matcher", ui), design_file)


__all__ = ["NeedsCanvasWidget", "NeedsMatcher", "coverage_html", "needs_canvas", "needs_matcher"]

"""The quality self-assessment widget: one European principle per tab, a 0-4 choice with the
scale's described anchors for each criterion, notes, a live radar chart, the development plan,
a download link for the report, and the design bar that keeps the assessment beside the
participant's design file (``NAME.qa.json``). Every rule lives in ``microcred.qa``.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from .. import qa
from ..charts import to_data_uri
from ..design import DEFAULT_NAME, qa_path
from ..i18n import t
from ..qa.instrument import Criterion, pick
from ..qa.report import radar_alt
from ..settings import screen_language
from ._html import NAME_SHOWN_ELSEWHERE, badge, chart_img, download_link, findings_list
from ._language import language_menu
from .designfile import QA, Adapter


def plan_html(assessment: qa.SelfAssessment, ui: str = "en") -> str:
    """The development plan as an HTML list (escaped), or a line saying there is none yet."""
    items = qa.development_plan(assessment)
    if not items:
        return f"<p><em>{escape(t('qa.report.no-plan', ui))}</em></p>"
    inst = qa.instrument()
    rows = []
    for item in items:
        label = pick(inst.level(item.score).label, ui)
        rows.append(
            f'<li data-criterion="{escape(item.criterion.id)}"><strong>{escape(item.criterion.code)} '
            f"{escape(item.principle_name(ui))}</strong> ({item.score} – {escape(label)}): "
            f"{escape(item.text(ui))}<br>→ {escape(item.action(ui))}</li>"
        )
    title = escape(t("qa.ui.plan-title", ui))
    return f"<h4>{title}</h4><ol class=\"mc-qa-plan\">{''.join(rows)}</ol>"


class _CriterionRow(w.VBox):
    """One criterion: its text, the 0-4 buttons, the anchor of the chosen score, a note."""

    def __init__(self, criterion: Criterion, ui: str) -> None:
        self.criterion = criterion
        self.ui = ui
        scale = qa.instrument().scale
        esg = " ".join(badge(f"ESG {n}", "#3d4f5f") for n in criterion.esg)
        text = w.HTML(
            f"<p style='margin:4px 0'><strong>{escape(criterion.code)}</strong> "
            f"{escape(pick(criterion.text, ui))} {esg}</p>"
        )
        self.score = w.ToggleButtons(
            options=[(str(lv.value), lv.value) for lv in scale],
            index=None,
            tooltips=[f"{pick(lv.label, ui)}: {pick(lv.description, ui)}" for lv in scale],
            style={"button_width": "3.2em"},
        )
        self.anchor = w.HTML()
        self.note = w.Textarea(
            placeholder=t("qa.ui.note-placeholder", ui), rows=2, layout=w.Layout(width="95%"),
            description=f"{criterion.code}: {t('qa.ui.note-placeholder', ui)}",
            style=NAME_SHOWN_ELSEWHERE,  # the placeholder says it on screen
        )
        super().__init__([text, self.score, self.anchor, self.note],
                         layout=w.Layout(border_bottom="1px solid #ddd", padding="4px 0"))
        self.score.observe(self._show_anchor, names="value")
        self._show_anchor()

    def _show_anchor(self, _change: dict | None = None) -> None:
        value = self.score.value
        if value is None:
            self.anchor.value = f"<em>{escape(t('qa.ui.not-answered', self.ui))}</em>"
            return
        level = qa.instrument().level(value)
        self.anchor.value = (
            f"<span><strong>{value} – {escape(pick(level.label, self.ui))}:</strong> "
            f"{escape(pick(level.description, self.ui))}</span>"
        )


class SelfAssessmentTool(w.VBox):
    """Tabs of principles -> live radar chart, findings and development plan; save and open."""

    def __init__(
        self, assessment: qa.SelfAssessment | None = None, ui: str = "en",
        design_file: str | None = None,
    ) -> None:
        self.ui = ui
        self.credential = w.Text(description=t("qa.ui.credential", ui),
                                 layout=w.Layout(width="60%"), style={"description_width": "11em"})
        self.assessor = w.Text(description=t("qa.ui.assessor", ui),
                               layout=w.Layout(width="60%"), style={"description_width": "11em"})
        self.assessed_on = w.Text(description=t("qa.ui.date", ui),
                                  placeholder=t("qa.ui.date-placeholder", ui),
                                  style={"description_width": "11em"})
        self.rows: dict[str, _CriterionRow] = {}
        pages = []
        for p in qa.instrument().principles:
            rows = [_CriterionRow(c, ui) for c in p.criteria]
            self.rows.update({r.criterion.id: r for r in rows})
            summary = w.HTML(f"<p><em>{escape(pick(p.summary, ui))}</em></p>")
            pages.append(w.VBox([summary, *rows]))
        self.tabs = w.Tab(children=pages)
        self.tabs.titles = tuple(f"{p.number} {pick(p.name, ui)}" for p in qa.instrument().principles)
        self.progress = w.HTML()
        self.findings = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        caption = w.HTML(f"<small>{escape(t('qa.ui.chart-caption', ui))}</small>")
        self.plan = w.HTML()
        self.report_button = w.Button(description=t("qa.ui.report", ui), icon="file-text",
                                      layout=w.Layout(width="auto"))
        self.download = w.HTML()
        self._profile: dict | None = None
        self._updating = False
        super().__init__([
            self.credential, self.assessor, self.assessed_on, self.tabs, self.progress,
            self.findings, self.chart, caption, self.plan,
            w.HBox([self.report_button, self.download]),
        ])
        self.report_button.on_click(lambda _b: self.make_report())
        self.add_class("mc-qa-self-assessment")
        self.set_assessment(assessment or qa.SelfAssessment(assessed_on=dt.date.today().isoformat(),
                                                            language=ui))
        for row in self.rows.values():
            row.score.observe(self._changed, names="value")
        for field in (self.credential, self.assessor, self.assessed_on):
            field.observe(self._changed, names="value")
        language_menu(self, ui)
        from .designfile import attach_bar

        attach_bar(self, design_file)

    @property
    def assessment(self) -> qa.SelfAssessment:
        """The assessment as it stands in the widget."""
        return qa.SelfAssessment(
            credential=self.credential.value.strip(),
            assessor=self.assessor.value.strip(),
            assessed_on=self.assessed_on.value.strip(),
            answers={cid: r.score.value for cid, r in self.rows.items() if r.score.value is not None},
            notes={cid: r.note.value for cid, r in self.rows.items() if r.note.value.strip()},
            language=self.ui,
        )

    def design_adapter(self) -> Adapter:
        """The design bar edits the self-assessment kept beside the design file."""
        return Adapter(QA, lambda: self.assessment, self.set_assessment)

    def set_assessment(self, assessment: qa.SelfAssessment) -> None:
        """Show an assessment (invalid scores show as unanswered; ``validate`` names them)."""
        self._updating = True
        try:
            self.credential.value = assessment.credential
            self.assessor.value = assessment.assessor
            self.assessed_on.value = assessment.assessed_on
            for cid, row in self.rows.items():
                row.score.value = assessment.score(cid)
                row.note.value = assessment.notes.get(cid, "")
        finally:
            self._updating = False
        self.refresh(loaded=assessment)

    def refresh(self, loaded: qa.SelfAssessment | None = None) -> None:
        """Redraw progress, findings and plan; the chart only when the profile changed."""
        current = self.assessment
        answered, total = len(current.scores()), len(self.rows)
        self.progress.value = f"<p>{escape(t('qa.ui.progress', self.ui, answered=answered, total=total))}</p>"
        # Findings of the file as loaded (odd values), else of the answers in the widget.
        self.findings.value = findings_list(qa.validate(loaded or current, self.ui), self.ui)
        self.plan.value = plan_html(current, self.ui)
        self.download.value = ""  # the report link is made again on request
        profile = qa.profile(current)
        if profile != self._profile:
            self._profile = profile
            self.chart.value = chart_img(to_data_uri(qa.plot_radar(current, self.ui)),
                                         alt=radar_alt(current, self.ui), max_width="480px")

    def make_report(self) -> str:
        """Put a link that downloads the report of the assessment as it stands (HTML)."""
        bar = getattr(self, "design_bar", None)
        name = qa_path(bar.path if bar is not None else DEFAULT_NAME).with_suffix(".html").name
        self.download.value = download_link(qa.report_html(self.assessment, self.ui), name,
                                            t("qa.ui.download", self.ui, name=name),
                                            "text/html")
        return self.download.value

    def _changed(self, _change: dict) -> None:
        if not self._updating:
            self.refresh()


def qa_self_assessment(
    assessment: qa.SelfAssessment | str | None = None, ui: str | None = None,
    design_file: str | None = DEFAULT_NAME,
) -> SelfAssessmentTool:
    """Show the self-assessment tool, empty, from an assessment, or from a saved file's path,
    with the bar that keeps it beside ``design_file`` (``NAME.qa.json``; None: no bar)."""
    lang = screen_language("qa-self-assessment", ui)
    if isinstance(assessment, str):
        assessment = qa.load(assessment, lang)
    return SelfAssessmentTool(assessment, ui=lang, design_file=design_file)

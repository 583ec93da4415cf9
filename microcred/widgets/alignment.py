"""The alignment matrix editor: outcomes, activities and assessment tasks as text, one a line;
a grid of tick boxes says which outcomes each serves; checks and a heatmap follow live."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w

from ..alignment import (
    Alignment,
    AlignmentReport,
    alignment_from_texts,
    alignment_sections,
    alignment_texts,
    check_alignment,
    hours_from_workload,
    links_of,
    parse_lines,
    plot_alignment,
)
from ..charts import to_data_uri
from ..design import DEFAULT_NAME
from ..i18n import t
from ..settings import screen_language
from ._html import NAME_SHOWN_ELSEWHERE, chart_img, findings_list
from ._language import language_menu
from ._refresh import RefreshOnce
from .designfile import Adapter


class AlignmentEditor(RefreshOnce, w.VBox):
    """Three text boxes and a tick-box matrix -> live findings and a heatmap."""

    def __init__(self, alignment: Alignment | dict[str, Any] | None = None,
                 ui: str = "en", design_file: str | None = None) -> None:
        if isinstance(alignment, dict):
            alignment = Alignment.from_design(alignment)
        alignment = alignment or Alignment()
        self.ui = ui
        self._ticks = links_of(alignment)
        self._levels = {a.id: a.level for a in alignment.assessments if a.level}
        outcomes, activities, tasks = alignment_texts(alignment)
        box = {"continuous_update": False, "rows": 4, "layout": w.Layout(width="100%"),
               "style": NAME_SHOWN_ELSEWHERE}  # the visible label is the heading above
        self.outcomes = w.Textarea(value=outcomes, description=t("alignment.ui.outcomes", ui),
                                   **box)
        self.activities = w.Textarea(value=activities,
                                     description=t("alignment.ui.activities", ui), **box)
        self.tasks = w.Textarea(value=tasks, description=t("alignment.ui.assessments", ui),
                                **box)
        self.matrix = w.VBox()
        self.feedback = w.HTML()
        self.summary = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        self.report: AlignmentReport | None = None
        self._drawn: Alignment | None = None
        self._from_workload: dict[str, float] = {}  # hours activities take from the workload

        def label(key: str) -> w.HTML:
            return w.HTML(f"<strong>{escape(t(key, ui))}</strong>")

        super().__init__([
            label("alignment.ui.outcomes"), self.outcomes,
            label("alignment.ui.activities"), self.activities,
            label("alignment.ui.assessments"), self.tasks,
            label("alignment.ui.matrix"), self.matrix,
            self.summary, self.feedback, self.chart,
            w.HTML(f"<small>{escape(t('alignment.chart.alt', ui))}</small>"),
        ])
        self.add_class("mc-alignment-editor")
        for area in (self.outcomes, self.activities, self.tasks):
            area.observe(self._texts_changed, names="value")
        self._build_matrix()
        language_menu(self, ui)
        self.refresh()
        from .designfile import attach_bar

        attach_bar(self, design_file)

    @property
    def alignment(self) -> Alignment:
        """The alignment as it stands: texts from the boxes, links from the ticks."""
        return alignment_from_texts(self.outcomes.value, self.activities.value,
                                    self.tasks.value, self._ticks, self._levels)

    def design_adapter(self) -> Adapter:
        """The design bar reads the whole design (activities take their hours from the
        workload) and edits the ``outcomes:`` and ``alignment:`` sections."""
        return Adapter(("outcomes", "alignment"),
                       lambda: alignment_sections(self.alignment, self._from_workload),
                       self.show_design, {"whole": True})

    def show_design(self, doc: Mapping[str, Any]) -> None:
        """Show the outcomes and alignment of a whole design, ticks and all."""
        alignment = Alignment.from_design(dict(doc))
        self._from_workload = hours_from_workload(doc)
        with self.one_refresh():
            for row in self.matrix.children:  # untick what the editor showed before
                for box in row.children[1:]:
                    box.value = False
            self.outcomes.value, self.activities.value, self.tasks.value = \
                alignment_texts(alignment)
            for item in alignment.activities + alignment.assessments:
                for oid in item.outcomes:
                    try:
                        self.tick(oid, item.id, True)
                    except KeyError:  # an outcome id the outcomes section does not have
                        pass

    def tick(self, outcome_id: str, item_id: str, value: bool = True) -> None:
        """Tick (or untick) the box saying ``item_id`` serves ``outcome_id``."""
        for row in self.matrix.children:
            for box in row.children[1:]:
                if box._key == (outcome_id, item_id):
                    box.value = value
                    return
        raise KeyError((outcome_id, item_id))

    def refresh(self) -> None:
        if self.holding:
            return
        alignment = self.alignment
        self.report = report = check_alignment(alignment, self.ui)
        self.feedback.value = findings_list(report.findings, self.ui)
        if alignment.outcomes:
            assessed = sum(1 for ids in report.assessed_by.values() if ids)
            text = t("alignment.ui.summary", self.ui, assessed=assessed,
                     total=len(alignment.outcomes))
            self.summary.value = f'<p class="mc-summary"><strong>{escape(text)}</strong></p>'
        else:
            self.summary.value = ""
        if alignment != self._drawn:
            self._drawn = alignment
            self.chart.value = chart_img(
                to_data_uri(plot_alignment(alignment, self.ui, report)),
                alt=t("alignment.chart.alt", self.ui), max_width="760px")

    def _build_matrix(self) -> None:
        """One row per outcome, one tick box per activity and task (ticks kept by id)."""
        items = [i for i, _ in parse_lines(self.activities.value, "A")] + \
                [i for i, _ in parse_lines(self.tasks.value, "T")]
        rows = []
        for oid, text in parse_lines(self.outcomes.value, "LO"):
            boxes = []
            for item in items:
                box = w.Checkbox(value=(oid, item) in self._ticks, description=item,
                                 indent=False, tooltip=f"{oid} – {item}",
                                 layout=w.Layout(width="auto", margin="0 8px 0 0"))
                box._key = (oid, item)
                box.observe(self._ticked, names="value")
                boxes.append(box)
            head = w.HTML(f"<span title='{escape(text)}'><strong>{escape(oid)}</strong></span>",
                          layout=w.Layout(width="60px"))
            rows.append(w.HBox([head, *boxes]))
        self.matrix.children = rows

    def _ticked(self, change: dict) -> None:
        key = change["owner"]._key
        if change["new"]:
            self._ticks.add(key)
        else:
            self._ticks.discard(key)
        self.refresh()

    def _texts_changed(self, _change: dict) -> None:
        self._build_matrix()
        self.refresh()


def alignment_editor(alignment: Alignment | dict[str, Any] | None = None,
                     ui: str | None = None, design_file: str | None = DEFAULT_NAME) -> AlignmentEditor:
    """Show the alignment matrix editor for an Alignment or a design file's contents, with the
    bar that loads the outcomes and alignment of ``design_file`` and saves what you change."""
    return AlignmentEditor(alignment, screen_language("alignment-editor", ui), design_file)

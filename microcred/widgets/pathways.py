"""The pathway viewer: the pathway as editable YAML, tick boxes for completed credentials ->
findings, the learner's plan and a diagram, all live."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from ..charts import to_data_uri
from ..design import DEFAULT_NAME
from ..i18n import t
from ..pathways import (
    Pathway,
    check_pathway,
    describe_plan,
    learner_plan,
    pathway_from,
    pathway_yaml,
    plot_pathway,
    read_pathway,
    with_completed,
)
from ..settings import screen_language
from ._html import COLOURS, NAME_SHOWN_ELSEWHERE, chart_img, findings_list
from ._language import language_menu
from .designfile import Adapter


class PathwayViewer(w.VBox):
    """YAML text + completed tick boxes -> findings, plan and diagram."""

    def __init__(self, pathway: Pathway | dict[str, Any] | str | None = None,
                 ui: str = "en", design_file: str | None = None) -> None:
        if isinstance(pathway, str):
            pathway = read_pathway(pathway, ui)
        elif isinstance(pathway, dict):
            pathway = pathway_from(pathway)
        pathway = pathway or Pathway()
        self.ui = ui
        self.input_error = ""  # the YAML cannot be read: nothing below is current, no saving
        self._done = set(pathway.completed)
        self.text = w.Textarea(value=pathway_yaml(pathway), rows=12, continuous_update=False,
                               description=t("pathways.ui.yaml", ui), style=NAME_SHOWN_ELSEWHERE,
                               layout=w.Layout(width="100%"))
        self.completed = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.error = w.HTML()
        self.plan = w.HTML()
        self.feedback = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        self.pathway = pathway
        self._drawn: Pathway | None = None
        super().__init__([
            w.HTML(f"<strong>{escape(t('pathways.ui.yaml', ui))}</strong>"), self.text,
            self.error,
            w.HTML(f"<strong>{escape(t('pathways.ui.completed', ui))}</strong>"), self.completed,
            self.plan, self.feedback, self.chart,
            w.HTML(f"<small>{escape(t('pathways.chart.alt', ui))}</small>"),
        ])
        self.add_class("mc-pathway-viewer")
        self.text.observe(self._text_changed, names="value")
        self._build_boxes()
        language_menu(self, ui)
        self.refresh()
        from .designfile import attach_bar

        attach_bar(self, design_file)

    def design_adapter(self) -> Adapter:
        """The design bar edits the ``pathway:`` section: the YAML and the ticks."""

        def get() -> dict[str, Any]:
            done = [box.description for box in self.completed.children if box.value]
            return with_completed(self.pathway, done).to_dict()

        def set(section: Any) -> None:
            pathway = Pathway.from_dict(section)
            self.text.value = pathway_yaml(pathway)
            self.set_completed(list(pathway.completed))

        return Adapter("pathway", get, set)

    def set_completed(self, ids: list[str] | tuple[str, ...]) -> None:
        """Tick exactly these credentials as completed."""
        for box in self.completed.children:
            box.value = box.description in ids

    def refresh(self) -> None:
        pathway = with_completed(self.pathway, self._done)
        report = check_pathway(pathway, self.ui)
        plan = learner_plan(pathway)
        self.feedback.value = findings_list(report.findings, self.ui)
        lines = describe_plan(plan, self.ui) if pathway.credentials else []
        self.plan.value = "".join(f"<p style='margin:2px 0'>{escape(line)}</p>" for line in lines)
        if pathway != self._drawn:
            self._drawn = pathway
            self.chart.value = chart_img(to_data_uri(plot_pathway(pathway, self.ui)),
                                         alt=t("pathways.chart.alt", self.ui), max_width="900px")

    def _build_boxes(self) -> None:
        boxes = []
        for c in self.pathway.credentials:
            box = w.Checkbox(value=c.id in self._done, description=c.id, indent=False,
                             tooltip=c.title, layout=w.Layout(width="auto", margin="0 12px 0 0"))
            box.observe(self._ticked, names="value")
            boxes.append(box)
        self.completed.children = boxes

    def _ticked(self, change: dict) -> None:
        cid = change["owner"].description
        (self._done.add if change["new"] else self._done.discard)(cid)
        self.refresh()

    def _text_changed(self, _change: dict) -> None:
        try:
            self.pathway = read_pathway(self.text.value, self.ui)
        except ValueError as exc:
            message = t("pathways.ui.yaml-error", self.ui, error=str(exc))
            self.input_error = message
            self.error.value = (f'<p style="color:{COLOURS["error"]}" class="mc-error">'
                                f"✗ {escape(message)}</p>")
            # what showed belongs to the text before the typo: take it away, not leave it
            self.feedback.value = self.plan.value = self.chart.value = ""
            self._drawn = None
            return
        self.input_error = ""
        self.error.value = ""
        self._build_boxes()
        self.refresh()


def pathway_viewer(pathway: Pathway | dict[str, Any] | str | None = None,
                   ui: str | None = None, design_file: str | None = DEFAULT_NAME) -> PathwayViewer:
    """Show the pathway viewer for a Pathway, a design file's contents or YAML text, with the
    bar that loads and saves the ``pathway:`` section of ``design_file``."""
    return PathwayViewer(pathway, screen_language("pathway-viewer", ui), design_file)

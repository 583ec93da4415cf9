"""The assignment panel: a participant's assignments on the course hub, with Fetch, Check and
Hand in buttons and what happened, in the screen language (nbgrader's own panel is English only).

Every action is a call of ``microcred.assignments``; this module only lays out its results.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import ipywidgets as w

from .. import assignments as core
from ..i18n import t
from ..settings import screen_language
from ._html import COLOURS, findings_list
from ._language import _descendants, language_menu


class AssignmentPanel(w.VBox):
    """The released, fetched and handed-in assignments, one row each, and a status line."""

    def __init__(self, folder: str | os.PathLike[str] = ".", ui: str = "en") -> None:
        self.ui, self.folder = ui, Path(folder)
        self.heading = w.HTML()
        self.update = w.Button(icon="refresh", layout=w.Layout(width="auto"))
        self.update.add_class("mc-update")
        self.update.on_click(lambda _b: self.refresh())
        self.rows = w.VBox()
        self.status = w.HTML()
        self.status.add_class("mc-assignment-status")
        self.listing = core.Listing(())
        self._said = ""  # the last action's result, kept over a redraw of the list
        super().__init__([self.heading, w.HBox([self.update]), self.rows, self.status])
        self.add_class("mc-assignment-panel")
        language_menu(self, ui, redraw=self._relabel)
        self.refresh()

    def _relabel(self) -> None:
        """After a language choice: the list and what the exchange said about it read again in
        the new language (the last result was said in the old one, so it goes)."""
        self._said = ""
        self.refresh()

    def refresh(self) -> None:
        """Read the exchange again and redraw the list in the screen language."""
        self.listing = core.list_assignments(self.folder, self.ui)
        self.redraw()

    def redraw(self) -> None:
        """Labels, rows and the last result, in ``self.ui``."""
        ui = self.ui
        self.heading.value = (f"<h3>{escape(t('assignments.title', ui))}</h3>"
                              f"<p>{escape(t('assignments.save-first', ui))}</p>")
        self.update.description = t("assignments.refresh", ui)
        self.update.tooltip = t("assignments.refresh.tooltip", ui)
        self.rows.children = [self._row(a) for a in self.listing.assignments]
        listed = findings_list(self.listing.findings, ui) if self.listing.findings else ""
        self.status.value = listed + self._said

    def _row(self, assignment: core.Assignment) -> w.Widget:
        """Name, status and the buttons that apply to it."""
        ui = self.ui
        done = (t("assignments.status.submitted", ui, time=core.hand_in_time(assignment.submitted[-1], ui))
                if assignment.submitted else t("assignments.status.not-submitted", ui))
        state = t(f"assignments.status.{assignment.status}", ui) \
            if assignment.status != "submitted" else done
        parts = [f"<strong>{escape(assignment.name)}</strong>", escape(state)]
        if assignment.status == "fetched":
            parts.append(escape(done))
        if assignment.feedback_ready:
            parts.append(escape(t("assignments.status.feedback-ready", ui)))
        elif assignment.feedback:
            parts.append(escape(t("assignments.feedback-file", ui,
                                  path=core.as_shown(assignment.feedback[-1], self.folder))))
        # The status takes the row's room and wraps; the buttons go below when it is narrow.
        label = w.HTML(" · ".join(parts), layout=w.Layout(flex="1 1 18em", min_width="18em"))
        buttons: list[w.Widget] = []
        if assignment.status == "released":
            buttons.append(self._button("fetch", "primary", lambda: self.fetch(assignment)))
        if assignment.status == "fetched":
            notebooks = w.Dropdown(options=[(p.name, p) for p in assignment.notebooks],
                                   description=t("assignments.notebook", ui),
                                   style={"description_width": "initial"},  # never cut
                                   layout=w.Layout(width="auto"))
            notebooks.add_class("mc-notebook")
            if assignment.notebooks:
                buttons += [notebooks,
                            self._button("validate", "", lambda: self.validate(notebooks.value))]
            buttons.append(self._button("submit", "success", lambda: self.submit(assignment)))
        if assignment.feedback_ready:
            buttons.append(self._button("feedback", "info",
                                        lambda: self.fetch_feedback(assignment)))
        row = w.HBox([label, *buttons], layout=w.Layout(flex_flow="row wrap",
                                                        align_items="center"))
        row.add_class("mc-assignment")
        return row

    def _button(self, action: str, style: str, run) -> w.Button:
        button = w.Button(description=t(f"assignments.{action}", self.ui),
                          tooltip=t(f"assignments.{action}.tooltip", self.ui),
                          button_style=style, layout=w.Layout(width="auto"))
        button.add_class(f"mc-{action}")
        button.on_click(lambda _b: run())
        return button

    def fetch(self, assignment: core.Assignment | str) -> core.Result:
        """Fetch, as the row's Fetch button does."""
        return self._do("fetch", lambda: core.fetch(assignment, self.folder, lang=self.ui))

    def validate(self, notebook: os.PathLike[str] | str) -> core.Result:
        """Check a saved notebook, as the row's Check button does."""
        return self._do("validate", lambda: core.validate(notebook, self.folder, lang=self.ui),
                        reread=False)

    def submit(self, assignment: core.Assignment | str) -> core.Result:
        """Hand in, as the row's Hand in button does."""
        return self._do("submit", lambda: core.submit(assignment, self.folder, lang=self.ui))

    def fetch_feedback(self, assignment: core.Assignment | str) -> core.Result:
        """Fetch the trainer's feedback, as the row's Fetch feedback button does."""
        return self._do("feedback",
                        lambda: core.fetch_feedback(assignment, self.folder, lang=self.ui))

    def _do(self, action: str, call, reread: bool = True) -> core.Result:
        """Say that the action runs (a check takes as long as the notebook runs), run it, show
        what happened and the list as it is now."""
        for button in self._buttons():
            button.disabled = True
        what = t(f"assignments.{action}", self.ui)
        self.status.value = f'<p role="status">{escape(t("assignments.working", self.ui, what=what))}</p>'
        try:
            result = call()
        finally:
            for button in self._buttons():
                button.disabled = False
        said = (f'<p role="status" style="color:{COLOURS["ok"]}">✓ {escape(result.done)}</p>'
                if result.done else "")
        self._said = said + (findings_list(result.findings, self.ui) if result.findings else "")
        if reread:
            self.refresh()
        else:
            self.redraw()
        return result

    def _buttons(self) -> list[w.Button]:
        return [x for x in _descendants(self) if isinstance(x, w.Button)]


def assignment_panel(folder: str | os.PathLike[str] | None = None,
                     ui: str | None = None) -> AssignmentPanel:
    """The participant's assignment panel for ``folder`` (where assignments are fetched to: on
    the course hub, the home folder, which is JupyterLab's root), in the screen language."""
    return AssignmentPanel(Path.home() if folder is None else folder,
                           screen_language("assignments", ui))

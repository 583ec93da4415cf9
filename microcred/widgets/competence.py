"""The competence self-assessment: a 0-4 rating for every outcome of the course, before or after,
saved beside the participant's design file (``NAME.competence.json``)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from .. import competence, design
from ..errors import UserError
from ..i18n import LANGUAGE_NAMES, LANGUAGES, t
from ..settings import screen_language
from ._html import COLOURS
from ._language import remember_language

WIDE = {"description_width": "0px"}


class CompetenceSelfAssessment(w.VBox):
    """Round and language pickers, one rating per course outcome, Save, and the change so far."""

    def __init__(self, path: str = design.DEFAULT_NAME, lang: str = "en",
                 phase: str = "before") -> None:
        self.lang = w.Dropdown(options=[(LANGUAGE_NAMES[x], x) for x in LANGUAGES], value=lang,
                               description=t("common.screen-language", lang))
        self.phase = w.Dropdown(description=t("competence.ui.phase", lang))
        self.file = w.Text(value=str(path), description=t("competence.ui.file", lang))
        self.heading = w.HTML()
        self.body = w.VBox()
        self.save_button = w.Button(description=t("competence.ui.save", lang),
                                    button_style="primary")
        self.status = w.HTML()
        self.change = w.HTML()
        self.ratings: dict[str, w.Dropdown] = {}
        self.assessment = competence.Assessment()
        self._phases(phase)
        super().__init__([w.HBox([self.phase, self.lang]), self.file, self.heading, self.body,
                          self.save_button, self.status, self.change])
        self.add_class("mc-competence")
        self.save_button.on_click(lambda _b: self.save())
        self.phase.observe(self._phase_changed, names="value")
        self.lang.observe(self._language_changed, names="value")
        self._build()
        self.load()

    # --- what a participant does --------------------------------------------------------------

    def rate(self, outcome_id: str, value: int | None) -> None:
        """Set one rating (None: not rated), as a participant choosing in the list would."""
        self.ratings[outcome_id].value = value

    def load(self) -> None:
        """Read the earlier answers beside the design file, if there are any."""
        try:
            found = competence.load_beside(self.file.value, self.lang.value)
        except UserError as exc:
            self._say(str(exc), "error")
            return
        if found is not None:
            self.assessment = found
            where = competence.path_beside(self.file.value)
            self._say(t("competence.ui.loaded", self.lang.value, path=where.name), "ok")
        self._show_round()

    def save(self) -> None:
        """Save this round beside the design file; the other round stays as it was."""
        lang = self.lang.value
        given = {oid: box.value for oid, box in self.ratings.items()}
        try:
            competence.load_beside(self.file.value, lang)  # an unreadable file is not overwritten
            self.assessment = competence.rate(self.assessment, self.phase.value, given, lang=lang)
            where = competence.save_beside(self.file.value, self.assessment, lang)
        except UserError as exc:
            self._say(str(exc), "error")
            return
        count = sum(v is not None for v in given.values())
        self._say(t("competence.ui.saved", lang, path=where.name, count=count,
                    total=len(given)), "ok")
        self._show_change()

    # --- drawing ------------------------------------------------------------------------------

    def _build(self) -> None:
        lang = self.lang.value
        self.heading.value = (f"<h3>{escape(t('competence.ui.title', lang))}</h3>"
                              f"<p>{escape(t('competence.ui.intro', lang))}</p>")
        options = [(t("competence.ui.not-rated", lang), None)] + [
            (t(f"competence.scale.{v}", lang), v) for v in competence.SCALE]
        rows, module = [], None
        kept = {oid: box.value for oid, box in self.ratings.items()}
        self.ratings = {}
        for oid, title, text in competence.items(lang):
            if title != module:
                rows.append(w.HTML(f"<h4>{escape(title)}</h4>"))
                module = title
            box = w.Dropdown(options=options, value=kept.get(oid), description=text, style=WIDE,
                             layout=w.Layout(width="max-content"))
            self.ratings[oid] = box
            rows += [w.HTML(f"<p>{escape(text)}</p>"), box]
        self.body.children = rows

    def _show_round(self) -> None:
        current = self.assessment.round(self.phase.value)
        values = current.ratings if current else {}
        for oid, box in self.ratings.items():
            box.value = values.get(oid)
        self._show_change()

    def _show_change(self) -> None:
        lang = self.lang.value
        both = [c for c in competence.changes(self.assessment) if c.change is not None]
        if not both:
            self.change.value = ""
            return
        texts = {oid: text for oid, _title, text in competence.items(lang)}
        items = "".join(
            f"<li>{escape(texts[c.outcome])}: "
            f"{escape(t('competence.ui.change', lang, before=c.before, after=c.after))}</li>"
            for c in both)
        self.change.value = (f"<h4>{escape(t('competence.ui.your-change', lang))}</h4>"
                             f"<ul>{items}</ul>")

    def _phases(self, selected: str) -> None:
        """The rounds' names in the current language; ``selected`` stays chosen."""
        lang = self.lang.value
        self._relabelling = True  # new options reset the value for a moment: keep the answers
        try:
            self.phase.options = [(t(f"competence.ui.{p}", lang), p) for p in competence.PHASES]
            self.phase.value = selected
        finally:
            self._relabelling = False

    def _phase_changed(self, _change: object) -> None:
        if not self._relabelling:
            self._show_round()

    def _language_changed(self, _change: object) -> None:
        lang = self.lang.value
        remember_language(lang, Path(self.file.value).parent)
        self.lang.description = t("common.screen-language", lang)
        self.phase.description = t("competence.ui.phase", lang)
        self.file.description = t("competence.ui.file", lang)
        self.save_button.description = t("competence.ui.save", lang)
        self._phases(self.phase.value)
        self._build()
        self._show_change()

    def _say(self, text: str, kind: str) -> None:
        self.status.value = f'<p style="color:{COLOURS[kind]}">{escape(text)}</p>'


def competence_self_assessment(path: str = design.DEFAULT_NAME, lang: str | None = None,
                               phase: str = "before") -> CompetenceSelfAssessment:
    """The competence self-assessment for the design file at ``path``, ready to display."""
    return CompetenceSelfAssessment(path, screen_language("competence-self-assessment", lang), phase)

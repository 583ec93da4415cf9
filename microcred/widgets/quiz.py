"""The self-check quiz: a module and a language -> its questions as option lists, and feedback on
each answer when the participant presses Check. Nothing is graded or saved."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from .. import course, quiz
from ..i18n import LANGUAGE_NAMES, LANGUAGES, t
from ..settings import screen_language
from ._html import COLOURS


class Quiz(w.VBox):
    """Module and language pickers, the module's questions, a Check button and feedback."""

    def __init__(self, module: str = "outcomes", lang: str = "en") -> None:
        self.lang = w.Dropdown(options=[(LANGUAGE_NAMES[x], x) for x in LANGUAGES], value=lang,
                               description=t("common.screen-language", lang))
        self.module = w.Dropdown(description=t("quiz.module", lang))
        self.heading = w.HTML()
        self.body = w.VBox()
        self.button = w.Button(description=t("quiz.check", lang), button_style="primary")
        self.result = w.HTML()
        self.choices: list[w.RadioButtons] = []
        self.feedback: list[w.HTML] = []
        self._fill_modules(module)
        super().__init__([w.HBox([self.module, self.lang]), self.heading, self.body,
                          self.button, self.result])
        self.add_class("mc-quiz")
        self.button.on_click(lambda _b: self.check())
        self.module.observe(self._module_changed, names="value")
        self.lang.observe(self._language_changed, names="value")
        self.show()

    def show(self) -> None:
        """Show the chosen module's questions, with nothing chosen."""
        lang = self.lang.value
        title = course.module(self.module.value).title(lang)
        self.heading.value = (f"<h3>{escape(t('quiz.title', lang, module=title))}</h3>"
                              f"<p>{escape(t('quiz.intro', lang))}</p>")
        self.questions = quiz.questions(self.module.value)
        self.choices, self.feedback, rows = [], [], []
        for n, q in enumerate(self.questions, 1):
            radio = w.RadioButtons(options=[(o, i) for i, o in enumerate(q.option_texts(lang), 1)],
                                   value=None, description=t("quiz.answer-label", lang, n=n),
                                   style={"description_width": "0px"},
                                   layout=w.Layout(width="auto"))
            note = w.HTML()
            self.choices.append(radio)
            self.feedback.append(note)
            rows += [w.HTML(f"<p><strong>{n}. {escape(q.text(lang))}</strong></p>"), radio, note]
        self.body.children = rows
        self.result.value = ""

    def answer(self, number: int, option: int) -> None:
        """Choose ``option`` (from 1) for question ``number`` (from 1), as a participant would."""
        self.choices[number - 1].value = option

    def check(self) -> None:
        """Feedback on every answered question, and how many were right."""
        lang = self.lang.value
        given = []
        for q, radio, note in zip(self.questions, self.choices, self.feedback, strict=True):
            fb = quiz.check(q, radio.value, lang)
            colour = COLOURS["ok"] if fb.correct else COLOURS["warning"]
            note.value = f'<p style="color:{colour}">{escape(fb.text)}</p>'
            if radio.value is not None:
                given.append(fb)
        self.result.value = f"<p><strong>{escape(quiz.summary(given, lang))}</strong></p>"

    def _fill_modules(self, selected: str) -> None:
        """Module titles in the current language; ``selected`` stays chosen."""
        lang = self.lang.value
        self._filling = True  # new options reset the value for a moment: no redraw meanwhile
        try:
            self.module.options = [(m.title(lang), m.id) for m in course.modules()]
            self.module.value = selected
        finally:
            self._filling = False

    def _module_changed(self, _change: object) -> None:
        if not self._filling:
            self.show()

    def _language_changed(self, _change: object) -> None:
        lang = self.lang.value
        self.lang.description = t("common.screen-language", lang)
        self.module.description = t("quiz.module", lang)
        self.button.description = t("quiz.check", lang)
        self._fill_modules(self.module.value)
        self.show()


def self_check_quiz(module: str = "outcomes", lang: str | None = None) -> Quiz:
    """The self-check quiz of ``module`` in ``lang``, ready to display."""
    return Quiz(module, screen_language("self-check-quiz", lang))

"""The outcome coach widget: type outcomes, one a line, and get feedback as you type."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..charts import to_data_uri
from ..i18n import LANGUAGE_NAMES, t
from ..lexicon import LANGUAGES
from ..outcomes import OutcomeAnalysis, analyse, bloom_profile, outcome_statements, plot_bloom
from ..settings import screen_language
from ._html import COLOURS, badge, chart_img, findings_list
from ._language import language_menu
from .designfile import Adapter


def highlight_verbs(result: OutcomeAnalysis) -> str:
    """The outcome as HTML with its action verbs marked (escaped everywhere else)."""
    parts, pos = [], 0
    for verb in result.verbs:
        parts.append(escape(result.text[pos : verb.start]))
        parts.append(f'<mark style="background:#fff0a8;color:#000">{escape(verb.text)}</mark>')
        pos = verb.end
    parts.append(escape(result.text[pos:]))
    return "".join(parts)


def _badges(r: OutcomeAnalysis, ui: str) -> str:
    """Language, Bloom level and, for a Swedish outcome, its form in the Higher Education
    Ordinance's three forms (kunskap och förståelse, ...)."""
    level = (
        t(f"outcomes.level.{r.bloom_level}", ui)
        if r.bloom_level
        else t("outcomes.coach.no-level", ui)
    )
    html = f'{badge(r.language)} {badge(t("outcomes.coach.level", ui) + ": " + level)}'
    if r.form:
        html += " " + badge(t("outcomes.coach.form", ui) + ": " + t(f"outcomes.form.{r.form}",
                                                                     r.language))
    return html


def _items_html(r: OutcomeAnalysis, ui: str) -> str:
    """A list-form outcome's items, each with its verbs, level, form and findings."""
    rows = []
    for item in r.items:
        colour = COLOURS["ok"] if item.ok else COLOURS["error"]
        rows.append(
            f'<li class="mc-outcome-item" style="border-left:3px solid {colour};padding-left:6px;'
            f'margin:4px 0">{highlight_verbs(item)} {_badges(item, ui)}'
            f"{findings_list(item.problems, ui)}</li>"
        )
    return (f"<div><small>{escape(t('outcomes.coach.items', ui))}</small></div>"
            f'<ol class="mc-outcome-items">{"".join(rows)}</ol>')


def feedback_html(results: list[OutcomeAnalysis], ui: str = "en") -> str:
    """Feedback for every outcome: marked verbs, Bloom level, findings; a list-form outcome shows
    its items, each with its own findings; then a summary line."""
    if not results:
        return f"<p><em>{escape(t('outcomes.coach.empty', ui))}</em></p>"
    blocks = []
    for n, r in enumerate(results, 1):
        colour = COLOURS["ok"] if r.ok else COLOURS["error"]
        own = [p for p in r.problems if not any(p in item.problems for item in r.items)]
        blocks.append(
            f'<div class="mc-outcome" style="border-left:4px solid {colour};padding-left:8px;'
            f'margin:6px 0"><div><strong>{n}.</strong> {highlight_verbs(r)} '
            f"{_badges(r, ui)}</div>"
            f"{findings_list(tuple(own), ui) if own or not r.items else ''}"
            f"{_items_html(r, ui) if r.items else ''}</div>"
        )
    good = sum(1 for r in results if r.ok and not r.problems)
    errors = sum(1 for r in results if not r.ok)
    summary = t("outcomes.coach.summary", ui, total=len(results), good=good, errors=errors)
    return "".join(blocks) + f'<p class="mc-summary"><strong>{escape(summary)}</strong></p>'


class OutcomeCoach(w.VBox):
    """Text area + language selector -> live feedback per line and a Bloom-level bar chart.

    With ``design_file`` a bar under the coach loads the ``outcomes:`` section of the
    participant's design file and saves it back (``widgets.designfile``)."""

    def __init__(self, text: str = "", ui: str = "en", design_file: str | None = None) -> None:
        self.ui = ui
        self._ids: list[dict[str, str]] = []  # outcomes as loaded, so that saving keeps ids
        self.text = w.Textarea(
            value=text,
            placeholder=t("outcomes.coach.placeholder", ui),
            description="",
            rows=6,
            continuous_update=True,
            layout=w.Layout(width="100%"),
        )
        self.language = w.Dropdown(
            options=[(t("common.auto", ui), "auto")]
            + [(LANGUAGE_NAMES[code], code) for code in LANGUAGES],
            value="auto",
            description=t("outcomes.coach.analysis-language", ui),
            style={"description_width": "initial"},
        )
        self.feedback = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        self.chart_caption = w.HTML(f"<small>{escape(t('outcomes.coach.chart-alt', ui))}</small>")
        self.results: list[OutcomeAnalysis] = []
        self._profile: tuple[dict[str, int], str] | None = None  # and the language drawn in
        label = w.HTML(f"<label><strong>{escape(t('outcomes.coach.label', ui))}</strong></label>")
        children = [label, self.text, self.language, self.feedback, self.chart,
                    self.chart_caption]
        super().__init__(children)
        self.add_class("mc-outcome-coach")
        self.design_bar = None
        if design_file is not None:
            from .designfile import design_bar

            self.design_bar = design_bar(self, path=design_file, ui=ui)
            self.children = (*children, self.design_bar)
        self.text.observe(self._changed, names="value")
        self.language.observe(self._changed, names="value")
        language_menu(self, ui)
        self.refresh()

    @property
    def outcomes(self) -> list[str]:
        """The outcomes as written, one per non-empty line."""
        return [line for line in self.text.value.splitlines() if line.strip()]

    def outcomes_section(self) -> list[dict[str, str]]:
        """The outcomes as the design file's ``outcomes:`` section: ``{id, text}`` each, with
        the ids they had when loaded (alignment and pathway refer to them)."""
        from ..design import number_outcomes

        return number_outcomes(self.outcomes, self._ids)

    def design_adapter(self) -> Adapter:
        """The design bar edits the ``outcomes:`` section."""
        return Adapter("outcomes", self.outcomes_section, self.show_outcomes)

    def show_outcomes(self, section: object) -> None:
        """Show an ``outcomes:`` section (``{id, text}`` items, or texts) in the coach."""
        from ..design import outcome_list

        items = outcome_list(section)
        self._ids = [{"id": oid, "text": text} for oid, text in items]
        self.text.value = "\n".join(text for _oid, text in items)

    def refresh(self) -> None:
        """Re-analyse every line and redraw; the chart only when the level profile changed."""
        lang = None if self.language.value == "auto" else self.language.value
        self.results = [analyse(statement, lang, messages=self.ui)
                        for statement in outcome_statements(self.text.value)]
        self.feedback.value = feedback_html(self.results, self.ui)
        profile = bloom_profile(self.results)
        if (profile, self.ui) != self._profile:
            self._profile = (profile, self.ui)
            self.chart.value = chart_img(
                to_data_uri(plot_bloom(self.results, self.ui)),
                alt=t("outcomes.coach.chart-alt", self.ui),
                max_width="560px",
            )

    def _changed(self, _change: dict) -> None:
        self.refresh()


def outcome_coach(text: str = "", ui: str | None = None, design_file: str | None = None
                  ) -> OutcomeCoach:
    """Show the outcome coach, optionally pre-filled with outcomes (one a line); with
    ``design_file`` (e.g. ``"my-microcredential.yaml"``) also the load/save bar. The screen
    language is ``ui``, else the course's setting (``microcred.settings``)."""
    return OutcomeCoach(text=text, ui=screen_language("outcome-coach", ui), design_file=design_file)

"""The credential builder: a form over the European standard elements, checked as you fill it in,
with a preview of the credential card, the design bar that loads and saves the form in the
participant's design file, and download links for the card, the catalogue entry and an Open
Badge 3.0. Every rule lives in ``microcred.credential``; this module only arranges it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..credential import (
    FORM_FIELDS,
    Description,
    Form,
    card_html,
    catalogue_md,
    cycles,
    element,
    example,
    from_dict,
    issue,
    load,
    to_ob3,
    validate,
)
from ..credits import conventions
from ..design import DEFAULT_NAME, number_outcomes
from ..errors import UserError
from ..i18n import LANGUAGE_NAMES, LANGUAGES, t
from ..settings import screen_language
from ._html import NAME_SHOWN_ELSEWHERE, download_link, findings_list
from ._language import language_menu
from .designfile import Adapter

_FULL = w.Layout(width="100%")
_HALF = w.Layout(width="48%")


class CredentialBuilder(w.VBox):
    """A form with one field (or a few) per standard element; ``description`` reads it back."""

    def __init__(self, description: Description | None = None, ui: str = "en",
                 design_file: str | None = None) -> None:
        self.ui = ui
        self._filling = False
        self.input_error = ""  # what the form cannot read (an impossible date); blocks saving
        self._ids: tuple[str, ...] = ()  # outcome ids of a loaded description, kept when saving
        self._kept: dict[str, Any] = {}  # parts the form has no field for, saved again
        L = self._label

        self.language = w.Dropdown(options=[(LANGUAGE_NAMES[c], c) for c in LANGUAGES],
                                   value="en", layout=_HALF)
        self.title = self._text("title")
        self.summary = w.Textarea(rows=3, layout=_FULL)
        self.awarding_name = self._text("awarding_body")
        self.awarding_url = w.Text(placeholder="https://", layout=_FULL)
        self.country = w.Text(placeholder="FI", layout=_HALF)
        self.region = w.Text(layout=_HALF)
        self.outcomes = w.Textarea(rows=5, placeholder=element("outcomes").help(ui),
                                   layout=_FULL)
        self.credits = w.Text(placeholder="3", layout=w.Layout(width="30%"))
        self.hours = w.Text(placeholder="81", layout=w.Layout(width="30%"))
        self.convention = w.Dropdown(
            options=[(c.name.get(ui) or c.name["en"], code) for code, c in conventions().items()],
            value="ects", layout=w.Layout(width="38%"))
        none = t("credential.builder.none", ui)
        self.eqf = w.Dropdown(
            options=[(none, "")] + [(str(n), str(n)) for n in range(1, 9)]
            + [(t("credential.value.not-applicable", ui), "not applicable")],
            value="", layout=w.Layout(width="30%"))
        self.cycle = w.Dropdown(options=[(none, "")] + _cycle_options(ui), value="",
                                layout=w.Layout(width="30%"))
        self.national = w.Text(layout=w.Layout(width="38%"))
        self.assessment = w.SelectMultiple(options=_value_options("assessment", ui), rows=4,
                                           layout=_HALF)
        self.other_assessment = w.Text(layout=_HALF)
        self.participation = w.Combobox(
            options=[label for label, _ in _value_options("participation", ui)],
            ensure_option=False, layout=_HALF)
        self.quality_assurance = w.Textarea(rows=2, placeholder=element(
            "quality_assurance").help(ui), layout=_FULL)
        self.qa_url = w.Text(placeholder="https://", layout=_FULL)
        self.prerequisites = self._text("prerequisites")
        self.supervision = w.Dropdown(options=[(none, "")] + _value_options("supervision", ui),
                                      value="", layout=_FULL)
        self.grading = w.Text(placeholder=t("credential.builder.grading-placeholder", ui),
                              layout=_HALF)
        self.integration = w.Dropdown(options=[(none, "")] + _value_options("integration", ui),
                                      value="", layout=_FULL)
        self.towards = w.Text(layout=_FULL)
        self.further_information = self._text("further_information")
        self.url = w.Text(placeholder="https://", layout=_FULL)
        self.start = w.DatePicker(layout=w.Layout(width="48%"))
        self.end = w.DatePicker(layout=w.Layout(width="48%"))

        self.learner = w.Text(layout=_HALF)
        self.issued = w.DatePicker(layout=_HALF)
        self.grade = w.Text(layout=_HALF)

        self.check = w.HTML()
        self.preview = w.HTML()
        self.downloads = w.HTML()

        form = [
            self._heading(t("credential.builder.heading", ui), level=3),
            L("credential.builder.language", self.language),
            L("title", self.title), L("credential.builder.summary", self.summary),
            L("awarding_body", self.awarding_name),
            L("credential.builder.awarding-url", self.awarding_url),
            w.HBox([L("country", self.country), L("credential.builder.region", self.region)]),
            L("outcomes", self.outcomes),
            self._heading(element("workload").name(ui)),
            w.HBox([L("credential.builder.credits", self.credits),
                    L("credential.builder.hours", self.hours),
                    L("credential.builder.convention", self.convention)]),
            self._heading(element("level").name(ui)),
            w.HBox([L("credential.builder.eqf", self.eqf), L("credential.builder.cycle",
                                                               self.cycle),
                    L("credential.builder.national", self.national)]),
            w.HBox([L("assessment", self.assessment),
                    L("credential.builder.other-assessment", self.other_assessment)]),
            L("participation", self.participation),
            L("quality_assurance", self.quality_assurance),
            L("credential.builder.qa-url", self.qa_url),
            L("prerequisites", self.prerequisites), L("supervision", self.supervision),
            L("credential.builder.grading", self.grading),
            L("integration", self.integration), L("credential.builder.towards", self.towards),
            L("further_information", self.further_information),
            L("credential.builder.url", self.url),
            w.HBox([L("credential.date.start", self.start), L("credential.date.end", self.end)]),
            self._heading(t("credential.builder.issue", ui)),
            w.HTML(f"<p><small>{escape(t('credential.issue-note', ui))}</small></p>"),
            w.HBox([L("credential.builder.learner", self.learner),
                    L("credential.builder.issued", self.issued)]),
            L("grade", self.grade),
        ]
        results = [
            self._heading(t("credential.builder.check", ui)), self.check,
            self._heading(t("credential.builder.preview", ui)), self.preview,
            self._heading(t("credential.builder.downloads", ui)), self.downloads,
        ]
        super().__init__(form + results, layout=w.Layout(max_width="900px"))
        self.add_class("mc-credential-builder")
        for widget in self._inputs():
            widget.observe(self._changed, names="value")
        if description is not None:
            self.fill(description)
        from .designfile import attach_bar

        if attach_bar(self, design_file) is not None:  # downloads are named after the file
            self.design_bar.file.observe(lambda _c: self.refresh(), names="value")
            self.refresh()

    # --- reading the form --------------------------------------------------------------------
        language_menu(self, ui)

    @property
    def description(self) -> Description:
        """The description as the form shows it now."""
        return self._form().description()

    def to_dict(self) -> dict[str, Any]:
        """The form as a mapping in the description file's layout (empty fields left out)."""
        return self._form().to_dict()

    def _form(self) -> Form:
        return Form({name: getattr(self, name).value for name in FORM_FIELDS}, self._ids,
                    self._kept)

    def design_adapter(self) -> Adapter:
        """The design bar edits the ``credential:`` section and the outcomes written in the
        form (kept in their own ``outcomes:`` section, ids and all)."""

        def get() -> dict[str, Any]:
            data = self.description.to_dict()  # numbers as numbers, values as codes
            outcomes = data.pop("outcomes", [])
            texts = [o.get("text", "") if isinstance(o, Mapping) else str(o) for o in outcomes]
            previous = [o for o in outcomes if isinstance(o, Mapping)]
            return {"credential": data, "outcomes": number_outcomes(texts, previous)}

        def set(doc: Mapping[str, Any]) -> None:
            section = c if isinstance(c := doc.get("credential"), Mapping) else {}
            self.fill(from_dict(section, outcomes=doc.get("outcomes")))

        return Adapter(("credential", "outcomes"), get, set, {"whole": True})

    def record(self) -> Any:
        """The description, issued to the learner when a learner or a date is filled in."""
        desc = self.description
        if self.learner.value.strip() or self.issued.value:
            return issue(desc, self.learner.value, self.issued.value, self.grade.value)
        return desc

    # --- filling the form ----------------------------------------------------------------------

    def fill(self, description: Description) -> None:
        """Show ``description`` in the form."""
        form, self._filling = Form.of(description, self.ui), True
        try:
            for name in FORM_FIELDS:
                getattr(self, name).value = form.fields[name]
            # outcome ids and parts the form has no field for are kept and saved again
            self._ids, self._kept = form.outcome_ids, form.kept
        finally:
            self._filling = False
        self.refresh()

    # --- results ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Check the form and redraw the findings, the card preview and the downloads; while
        the form holds something it cannot read, only that problem shows."""
        try:
            record = self.record()
        except UserError as exc:  # an impossible date typed into a date field
            self.input_error = str(exc)
            self.check.value = f'<p class="mc-error">✗ {escape(str(exc))}</p>'
            self.preview.value = self.downloads.value = ""
            return
        self.input_error = ""
        self.findings = validate(record, self.ui)
        self.check.value = findings_list(self.findings, self.ui)
        self.preview.value = card_html(record, standalone=False)
        self.downloads.value = self._downloads_html(record)

    def _downloads_html(self, record: Any) -> str:
        """Links that download the card (HTML), the catalogue entry (Markdown) and the Open
        Badge (JSON), named after the design file."""
        bar = getattr(self, "design_bar", None)
        stem = bar.path.stem if bar is not None else Path(DEFAULT_NAME).stem
        links = [
            download_link(card_html(record), f"{stem}.card.html",
                          t("credential.builder.download-card", self.ui), "text/html"),
            download_link(catalogue_md(record), f"{stem}.catalogue.md",
                          t("credential.builder.download-catalogue", self.ui), "text/markdown"),
        ]
        note = escape(t("credential.builder.download-note", self.ui))
        try:
            badge = to_ob3(self.description, self.learner.value,
                           self.issued.value or dt.date.today(), grade=self.grade.value or None)
        except UserError as exc:  # no learner yet: say what the badge needs
            note = f"{note} {escape(str(exc))}"
        else:
            links.append(download_link(json.dumps(badge, ensure_ascii=False, indent=2) + "\n",
                                       f"{stem}.badge.json",
                                       t("credential.builder.download-badge", self.ui),
                                       "application/json"))
        return f"<p>{' · '.join(links)}</p><p><small>{note}</small></p>"

    # --- helpers ------------------------------------------------------------------------------

    def _inputs(self) -> list[w.Widget]:
        return [
            self.language, self.title, self.summary, self.awarding_name, self.awarding_url,
            self.country, self.region, self.outcomes, self.credits, self.hours, self.convention,
            self.eqf, self.cycle, self.national, self.assessment, self.other_assessment,
            self.participation, self.quality_assurance, self.qa_url, self.prerequisites,
            self.supervision, self.grading, self.integration, self.towards,
            self.further_information, self.url, self.start, self.end, self.learner,
            self.issued, self.grade,
        ]

    def _changed(self, _change: dict) -> None:
        if not self._filling:
            self.refresh()

    def _text(self, key: str) -> w.Text:
        return w.Text(placeholder=element(key).help(self.ui), layout=_FULL)

    def _label(self, key: str, widget: w.Widget) -> w.VBox:
        """A field with its name above it; mandatory elements say so in words."""
        if "." in key:
            name = t(key, self.ui)
        else:
            e = element(key)
            flag = t("credential.card.mandatory" if e.mandatory else "credential.card.optional",
                     self.ui)
            name = f"{e.name(self.ui)} ({flag})"
        label = w.HTML(f"<label><strong>{escape(name)}</strong></label>")
        if not widget.description:
            # The HTML label above is linked to nothing: the description names the control
            # for screen readers (ipywidgets' own <label>), without showing the name twice.
            widget.description = name
            widget.style.description_width = NAME_SHOWN_ELSEWHERE["description_width"]
        box = w.VBox([label, widget], layout=w.Layout(flex="1 1 auto", margin="2px 6px 2px 0"))
        return box

    @staticmethod
    def _heading(text: str, level: int = 4) -> w.HTML:
        return w.HTML(f"<h{level} style='margin:10px 0 2px'>{escape(text)}</h{level}>")


def credential_builder(description: Description | str | None = None, ui: str | None = None,
                       design_file: str | None = DEFAULT_NAME) -> CredentialBuilder:
    """Show the credential builder, empty or filled with a description: a
    :class:`Description`, the name of an example (``"machine-vision"``) or a YAML/JSON file;
    with the load/save bar of ``design_file`` under it (None: without)."""
    if isinstance(description, (str, Path)):
        text = str(description)
        description = load(text) if Path(text).suffix in (".yaml", ".yml", ".json") else (
            example(text))
    return CredentialBuilder(description, ui=screen_language("credential-builder", ui),
                             design_file=design_file)


def _value_options(key: str, lang: str) -> list[tuple[str, str]]:
    e = element(key)
    return [(e.value_label(code, lang), code) for code in e.values]


def _cycle_options(lang: str) -> list[tuple[str, str]]:
    return [(c.get(lang) or c["en"], code) for code, c in cycles().items()]

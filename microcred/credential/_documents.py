"""Documents people read: the printable credential card (HTML) and the catalogue entry (Markdown).

Both are built from ``element_rows``, one row per standard element in the order of Annex I, with
labels and values in the description's language, so the card, the catalogue and the Open Badge
say the same thing in the same words.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from ..credits import conventions
from ..i18n import t
from ..numbers import format_number
from ..render import render
from ..resources import load_yaml
from . import _elements as el
from ._model import Description, Issued


@dataclass(frozen=True)
class Row:
    """One element as shown to a reader: its name, its value(s), and whether it is mandatory."""

    key: str
    label: str
    values: tuple[str, ...]
    mandatory: bool
    stage: str = "description"


def element_rows(record: Description | Issued, lang: str | None = None) -> list[Row]:
    """Every standard element of ``record`` with its value(s) as text, in the order of Annex I,
    then the dates and the web page. A mandatory element with no value has ``values == ()``."""
    issued = record if isinstance(record, Issued) else None
    d = record.description if isinstance(record, Issued) else record
    lang = lang or d.language
    later = (t("credential.value.to-be-filled", lang),)
    values: dict[str, tuple[str, ...]] = {
        "learner": (issued.learner,) if issued and issued.learner else later,
        "title": _one(d.title),
        "country": _country(d, lang),
        "awarding_body": tuple(
            f"{o.name} ({o.url})" if o.url else o.name for o in d.awarding_body if o.name
        ),
        "issued": (issued.issued_date.isoformat(),) if issued and issued.issued_date else later,
        "outcomes": tuple(o.text for o in d.outcomes),
        "workload": _workload(d, lang),
        "level": _level(d, lang),
        "assessment": tuple(el.element("assessment").value_label(a, lang) for a in d.assessment),
        "participation": tuple(
            el.element("participation").value_label(p, lang) for p in d.participation
        ),
        "quality_assurance": tuple(v for v in (d.quality_assurance.type,
                                               d.quality_assurance.url) if v),
        "prerequisites": _one(d.prerequisites),
        "supervision": _one(el.element("supervision").value_label(d.supervision, lang)
                            if d.supervision else ""),
        "grade": _grade(d, issued, lang),
        "integration": _integration(d, lang),
        "further_information": _one(d.further_information),
    }
    rows = [Row(key, e.name(lang), values[key], e.mandatory, e.stage)
            for key, e in el.elements().items()]
    dates = " – ".join(x.isoformat() for x in (d.start, d.end) if x)
    rows.append(Row("dates", t("credential.card.dates", lang), _one(dates), False))
    rows.append(Row("valid_until", t("credential.card.valid-until", lang),
                    _one(d.valid_until.isoformat() if d.valid_until else ""), False))
    rows.append(Row("url", t("credential.card.web", lang), _one(d.url), False))
    return rows


def card_html(record: Description | Issued, standalone: bool = True) -> str:
    """The printable one-page credential card. ``standalone`` gives a complete HTML document;
    otherwise an HTML fragment (styles scoped to ``.mc-card``) for a notebook preview."""
    issued = record if isinstance(record, Issued) else None
    d = record.description if isinstance(record, Issued) else record
    lang = d.language
    rows = element_rows(record)
    by_key = {r.key: r for r in rows}
    if issued and issued.learner and issued.issued_date:
        status = t("credential.card.awarded", lang, learner=issued.learner,
                   date=issued.issued_date.isoformat())
    else:
        status = t("credential.card.not-issued", lang)
    shown = [r for r in rows if r.key not in ("title", "outcomes")
             and (r.values or r.mandatory)]
    return render(
        "card.html",
        standalone=standalone,
        lang=lang,
        title=d.title or t("credential.card.none", lang),
        kind=t("credential.card.kind", lang),
        issuers=tuple(o.name for o in d.awarding_body if o.name),
        country=by_key["country"].values,
        status=status,
        summary=d.summary,
        summary_label=t("credential.card.summary", lang),
        outcomes_label=by_key["outcomes"].label,
        **listed_outcomes(by_key["outcomes"].values, lang),
        elements_label=t("credential.card.elements", lang),
        rows=shown,
        missing_text=t("credential.card.none", lang),
        optional=t("credential.card.optional", lang),
        footer=t("credential.card.footer", lang),
    )


def catalogue_md(record: Description | Issued) -> str:
    """A catalogue entry in Markdown: title, a one-line summary of the key facts, the summary,
    the outcomes and a table of the standard elements. Text is escaped so that nothing a
    participant typed turns into markup or breaks the table."""
    d = record.description if isinstance(record, Issued) else record
    lang = d.language
    rows = element_rows(d)
    by_key = {r.key: r for r in rows}
    facts = [*(o.name for o in d.awarding_body if o.name), *by_key["country"].values,
             *by_key["workload"].values, *by_key["level"].values]
    table = [r for r in rows if r.values and r.key not in (
        "title", "outcomes", "learner", "issued")]
    return render(
        "catalogue.md",
        md=md_text,
        title=d.title or t("credential.card.none", lang),
        kind=t("credential.card.kind", lang),
        facts=facts,
        summary=d.summary,
        outcomes_label=by_key["outcomes"].label,
        **listed_outcomes(by_key["outcomes"].values, lang),
        elements_label=t("credential.card.elements", lang),
        columns=(t("credential.card.column-element", lang), t("credential.card.column-value", lang)),
        rows=table,
        footer=t("credential.card.footer", lang),
    )


@cache
def _frames(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The learner frame the intro says in ``lang`` and the starts that name the learner in any
    language (``data/learner_frames.yaml``)."""
    data = load_yaml("learner_frames.yaml")
    frame = "".join(data.get(lang, data["en"])["frame"])
    learner = "|".join("".join(d["learner"]) for d in data.values())
    return re.compile(frame, re.I), re.compile(learner, re.I)


def listed_outcomes(outcomes: tuple[str, ...], lang: str) -> dict[str, object]:
    """The outcomes as a card lists them under the intro "On completion, the learner can:",
    so that each reads as one sentence with it: the learner frame that the intro says already
    is left out ("Opiskelija osaa kirjata ..." -> "kirjata ..."). When an outcome names the
    learner otherwise ("Studenten ska tillämpa", or in another language), there is no intro and
    each outcome is shown as written."""
    frame, learner = _frames(lang)
    items = []
    for text in outcomes:
        found = frame.match(text)
        if found and found.end() < len(text):
            items.append(text[found.end():])
        elif learner.match(text):
            return {"outcomes_intro": "", "outcomes": outcomes}
        else:
            items.append(text)
    return {"outcomes_intro": t("credential.card.outcomes-intro", lang), "outcomes": tuple(items)}


def md_text(text: str) -> str:
    """Text safe to put in Markdown: no HTML, no accidental emphasis, links or headings."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", escaped)


# --- values ----------------------------------------------------------------------------------


def _one(value: str) -> tuple[str, ...]:
    return (value,) if value else ()


def _country(d: Description, lang: str) -> tuple[str, ...]:
    names = [f"{el.country_name(c, lang)} ({c})" if el.country_name(c, lang) != c else c
             for c in d.country]
    return tuple(names + ([d.region] if d.region else []))


_number = format_number  # 3.0 -> "3"; 1.5 -> "1.5" in English, "1,5" in Finnish and Swedish


def _workload(d: Description, lang: str) -> tuple[str, ...]:
    w = d.workload
    conv = conventions().get(w.convention)
    name = (conv.name.get(lang) or conv.name["en"]) if conv else w.convention
    if w.ects is not None and w.hours is not None:
        return (t("credential.value.workload", lang, credits=_number(w.ects, lang),
                  hours=_number(w.hours, lang), convention=name),)
    if w.ects is not None:
        return (t("credential.value.credits-only", lang, credits=_number(w.ects, lang)),)
    if w.hours is not None:
        return (t("credential.value.hours-only", lang, hours=_number(w.hours, lang)),)
    return ()


def _level(d: Description, lang: str) -> tuple[str, ...]:
    lv = d.level
    if lv.not_applicable:
        return (t("credential.value.not-applicable", lang),)
    out = []
    if lv.eqf is not None:
        out.append(t("credential.value.eqf", lang, level=lv.eqf))
    if lv.cycle:
        cycle = el.cycles().get(lv.cycle)
        out.append((cycle.get(lang) or cycle["en"]) if cycle else lv.cycle)
    if lv.national:
        out.append(t("credential.value.national", lang, value=lv.national))
    return tuple(out)


def _grade(d: Description, issued: Issued | None, lang: str) -> tuple[str, ...]:
    if issued and issued.grade:
        if d.grading:
            return (t("credential.value.grade", lang, value=issued.grade, scale=d.grading),)
        return (issued.grade,)
    return (t("credential.value.grading", lang, value=d.grading),) if d.grading else ()


def _integration(d: Description, lang: str) -> tuple[str, ...]:
    if not d.integration:
        return ()
    text = el.element("integration").value_label(d.integration, lang)
    if d.stackable_towards:
        text += "; " + t("credential.value.towards", lang, value=d.stackable_towards)
    return (text,)

"""The credential builder's form as plain values: a description shown field by field, and the
fields read back into the description file's layout, so that the widget only arranges them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..credits import conventions
from ..i18n import LANGUAGES
from ._elements import cycles, element
from ._model import Description
from ._reader import from_dict

__all__ = ["FORM_FIELDS", "Form"]

# The builder's fields, in the order of the form: texts for text boxes, codes for lists,
# a tuple of codes for ``assessment``, dates (or None) for ``start`` and ``end``.
FORM_FIELDS = (
    "language", "title", "summary", "awarding_name", "awarding_url", "country", "region",
    "outcomes", "credits", "hours", "convention", "eqf", "cycle", "national", "assessment",
    "other_assessment", "participation", "quality_assurance", "qa_url", "prerequisites",
    "supervision", "grading", "integration", "towards", "further_information", "url", "start",
    "end",
)
_KEPT = ("id", "code", "field_of_study", "keywords", "valid_until")  # no field in the form


@dataclass
class Form:
    """What the builder's fields hold, with what a loaded description had that the form has
    no field for (outcome ids, ``id``, ``code``, ``keywords``...), which is saved again."""

    fields: dict[str, Any] = field(default_factory=dict)
    outcome_ids: tuple[str, ...] = ()
    kept: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, d: Description, lang: str = "en") -> Form:
        """The fields showing ``d``; a code a list does not offer shows as blank."""
        body = d.awarding_body[0] if d.awarding_body else None
        known = element("assessment").values
        values = {
            "language": d.language if d.language in LANGUAGES else "en",
            "title": d.title,
            "summary": d.summary,
            "awarding_name": body.name if body else "",
            "awarding_url": body.url if body else "",
            "country": ", ".join(d.country),
            "region": d.region,
            "outcomes": "\n".join(o.text for o in d.outcomes),
            "credits": _number_text(d.workload.ects),
            "hours": _number_text(d.workload.hours),
            "convention": (d.workload.convention if d.workload.convention in conventions()
                           else "ects"),
            "eqf": ("not applicable" if d.level.not_applicable else
                    str(d.level.eqf) if d.level.eqf and 1 <= d.level.eqf <= 8 else ""),
            "cycle": d.level.cycle if d.level.cycle in cycles() else "",
            "national": d.level.national,
            "assessment": tuple(a for a in d.assessment if a in known),
            "other_assessment": ", ".join(a for a in d.assessment if a not in known),
            "participation": ", ".join(element("participation").value_label(p, lang)
                                       for p in d.participation),
            "quality_assurance": d.quality_assurance.type,
            "qa_url": d.quality_assurance.url,
            "prerequisites": d.prerequisites,
            "supervision": d.supervision if d.supervision in element("supervision").values
            else "",
            "grading": d.grading,
            "integration": d.integration if d.integration in element("integration").values
            else "",
            "towards": d.stackable_towards,
            "further_information": d.further_information,
            "url": d.url,
            "start": d.start,
            "end": d.end,
        }
        full = d.to_dict()
        return cls(values, tuple(o.id for o in d.outcomes),
                   {k: full[k] for k in _KEPT if k in full})

    def to_dict(self) -> dict[str, Any]:
        """The form in the description file's layout (empty fields left out; an outcome keeps
        the id of the loaded outcome in its place)."""
        f: Mapping[str, Any] = {name: self.fields.get(name) for name in FORM_FIELDS}
        outcomes: list[Any] = [line.strip() for line in _text(f["outcomes"]).splitlines()
                               if line.strip()]
        if self.outcome_ids:
            outcomes = [{"id": oid, "text": text} for oid, text in
                        zip(self.outcome_ids, outcomes)] + outcomes[len(self.outcome_ids):]
        data: dict[str, Any] = {
            "language": f["language"],
            "title": f["title"],
            "summary": f["summary"],
            "awarding_body": {"name": f["awarding_name"], "url": f["awarding_url"]},
            "country": f["country"],
            "region": f["region"],
            "outcomes": outcomes,
            "workload": {"ects": f["credits"], "hours": f["hours"],
                         "convention": f["convention"]},
            "level": {"eqf": f["eqf"], "cycle": f["cycle"], "national": f["national"]},
            "assessment": list(f["assessment"] or ()) + [
                a.strip() for a in _text(f["other_assessment"]).split(",") if a.strip()],
            "participation": f["participation"],
            "quality_assurance": {"type": f["quality_assurance"], "url": f["qa_url"]},
            "prerequisites": f["prerequisites"],
            "supervision": f["supervision"],
            "grading": f["grading"],
            "integration": f["integration"],
            "stackable_towards": f["towards"],
            "further_information": f["further_information"],
            "url": f["url"],
            "dates": {"start": f["start"], "end": f["end"]},
        }
        data.update({k: v for k, v in self.kept.items() if k not in data})
        return _prune(data)

    def description(self) -> Description:
        """The description the form holds."""
        return from_dict(self.to_dict())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _prune(value: Any) -> Any:
    """Leave out empty texts, lists and mappings, so that empty fields count as not given."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [v for v in (_prune(v) for v in value) if v not in (None, "", [], {})]
    if isinstance(value, str):
        return value.strip()
    return value

"""``validate(record)``: every problem of a description (or an issued credential) as findings.

Each finding names the standard element it is about (``Finding.element`` is the element's key,
the message uses its name in the participant's language), so a widget can show it next to the
field and a grader can give credit element by element.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ..credits import conventions
from ..findings import Finding
from ..i18n import LANGUAGES, t
from ..numbers import format_number
from ..outcomes import analyse
from ..settings import chosen_language
from . import _elements as el
from ._model import Description, Issued, Problem
from ._reader import yaml_example

#: Codes reported as errors; every other code is a warning (outcome problems keep the severity
#: the outcome analyser gives them).
ERROR_CODES = frozenset({
    "missing-element", "wrong-type", "invalid-number", "not-positive", "invalid-date",
    "invalid-value", "invalid-language", "workload-mismatch", "unknown-convention",
    "level-out-of-range", "dates-out-of-order",
})
#: Codes found while reading a file that make an element count as given but wrong.
_READ_ERRORS = frozenset({"wrong-type", "invalid-number", "invalid-date", "level-out-of-range"})
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
_URI = re.compile(r"^[a-z][a-z0-9+.-]*:\S+$", re.IGNORECASE)


def validate(record: Description | Issued, lang: str | None = None) -> list[Finding]:
    """Findings for a description, or for an issued credential (which adds the learner and the
    date of issuing). Messages are in ``lang`` (default: the screen language someone chose,
    else the description's language)."""
    issued = record if isinstance(record, Issued) else None
    desc = record.description if isinstance(record, Issued) else record
    lang = lang or chosen_language() or desc.language
    found = [_read_problem(p, lang) for p in desc.problems]
    broken = {p.element for p in desc.problems if p.code in _READ_ERRORS}
    found += _missing(desc, lang, skip=broken)
    found += [] if "workload" in broken else _workload(desc, lang)
    found += _level(desc, lang)
    found += _outcomes(desc, lang)
    found += _closed_values(desc, lang)
    found += _countries_and_addresses(desc, lang)
    found += _dates(desc, issued, lang)
    if issued is not None:
        note = t("credential.issue-note", lang)
        if not issued.learner:
            found.append(_finding("missing-element", lang, "learner", suggestion=note,
                                  name=el.label("learner", lang)))
        if issued.issued is None:
            found.append(_finding("missing-element", lang, "issued", suggestion=note,
                                  name=el.label("issued", lang)))
    if not desc.summary:
        found.append(_finding("no-summary", lang, "summary"))
    return found


def element_name(key: str, lang: str = "en") -> str:
    """The name of a standard element, or of another part of a description, in ``lang``."""
    if key in el.elements():
        return el.label(key, lang)
    others = {"region": ("element", "country"), "stackable_towards": ("element", "integration"),
              "grading": ("element", "grade"), "dates": ("msg", "card.dates"),
              "valid_until": ("msg", "card.valid-until"), "url": ("msg", "card.web"),
              "id": ("msg", "card.web"), "summary": ("msg", "card.summary"),
              "language": ("msg", "common.language")}
    kind, ref = others.get(key.split(".")[0], ("", ""))
    if kind == "element":
        return el.label(ref, lang)
    if kind == "msg":
        return t(ref if ref.startswith("common.") else f"credential.{ref}", lang)
    return key


def present(desc: Description, key: str) -> bool:
    """Is the description-stage element ``key`` filled in (right or wrong)?"""
    checks = {
        "title": bool(desc.title),
        "country": bool(desc.country),
        "awarding_body": any(o.name for o in desc.awarding_body),
        "outcomes": bool(desc.outcomes),
        "workload": desc.workload.ects is not None or desc.workload.hours is not None,
        "level": desc.level.eqf is not None or desc.level.not_applicable,
        "assessment": bool(desc.assessment),
        "participation": bool(desc.participation),
        "quality_assurance": bool(desc.quality_assurance.type or desc.quality_assurance.url),
    }
    return checks[key]


# --- the checks ------------------------------------------------------------------------------


def _missing(desc: Description, lang: str, skip: set[str]) -> list[Finding]:
    return [
        _finding("missing-element", lang, key, suggestion=el.element(key).help(lang))
        for key in el.mandatory("description")
        if key not in skip and not present(desc, key)
    ]


def _workload(desc: Description, lang: str) -> list[Finding]:
    w, out = desc.workload, []
    known = conventions()
    conv = known.get(w.convention)
    if conv is None:
        return [_finding("unknown-convention", lang, "workload", value=w.convention,
                         values=", ".join(known))]
    for value in (w.ects, w.hours):
        if value is not None and value <= 0:
            out.append(_finding("not-positive", lang, "workload", value=_num(value, lang)))
    if out:
        return out
    name = conv.name.get(lang) or conv.name["en"]
    if w.ects is not None and w.hours is not None:
        if not conv.matches(w.ects, w.hours):
            low, high = conv.hours_range(w.ects)
            out.append(_finding(
                "workload-mismatch", lang, "workload", credits=_num(w.ects, lang),
                low=_num(round(low), lang), high=_num(round(high), lang),
                hours=_num(w.hours, lang), convention=name,
                suggested=_num(round(conv.credits_for(w.hours), 1), lang)))
    elif w.ects is not None:
        out.append(_finding("workload-no-hours", lang, "workload", credits=_num(w.ects, lang),
                            hours=_num(round(w.ects * conv.hours_per_credit), lang),
                            convention=name))
    elif w.hours is not None:
        out.append(_finding("workload-no-credits", lang, "workload", hours=_num(w.hours, lang),
                            credits=_num(round(conv.credits_for(w.hours), 1), lang),
                            convention=name))
    if w.ects is not None and w.ects >= 60:
        out.append(_finding("workload-large", lang, "workload", credits=_num(w.ects, lang)))
    return out


def _level(desc: Description, lang: str) -> list[Finding]:
    lv, out = desc.level, list[Finding]()
    if lv.not_applicable:
        return out
    if lv.eqf is not None and not 1 <= lv.eqf <= 8:
        out.append(_finding("level-out-of-range", lang, "level", value=lv.eqf))
    cycles = el.cycles()
    if lv.cycle and lv.cycle not in cycles:
        out.append(_finding("invalid-value", lang, "level", value=lv.cycle,
                            values=", ".join(cycles)))
    elif lv.cycle and lv.eqf is not None and cycles[lv.cycle]["eqf"] != lv.eqf:
        label = cycles[lv.cycle].get(lang) or cycles[lv.cycle]["en"]
        out.append(_finding("cycle-mismatch", lang, "level", cycle=label,
                            expected=cycles[lv.cycle]["eqf"], level=lv.eqf))
    return out


MAX_CHECKED_OUTCOMES = 100  # each is analysed by the outcome coach; more is not a real design


def _outcomes(desc: Description, lang: str) -> list[Finding]:
    out: list[Finding] = []
    messages = lang if lang in LANGUAGES else "en"
    name = element_name("outcomes", lang)
    for n, outcome in enumerate(desc.outcomes[:MAX_CHECKED_OUTCOMES], 1):
        for p in analyse(outcome.text, messages=messages).problems:
            out.append(Finding(
                code=f"outcome-{p.code}",
                severity=p.severity,
                message=t("credential.outcome-problem.message", lang, element=name, n=n,
                          message=p.message),
                suggestion=t("credential.outcome-problem.suggestion", lang,
                             suggestion=p.suggestion),
                element="outcomes",
            ))
    if len(desc.outcomes) > MAX_CHECKED_OUTCOMES:
        out.append(_finding("too-many-outcomes", lang, "outcomes",
                            count=len(desc.outcomes), checked=MAX_CHECKED_OUTCOMES))
    ids = Counter(o.id for o in desc.outcomes)
    for dup in sorted(i for i, k in ids.items() if k > 1)[:20]:
        out.append(_finding("duplicate-outcome-id", lang, "outcomes", value=dup))
    return out


def _closed_values(desc: Description, lang: str) -> list[Finding]:
    out = []
    for key in ("supervision", "integration"):
        value, element = getattr(desc, key), el.element(key)
        if value and value not in element.values:
            labels = "; ".join(f"{code} ({element.value_label(code, lang)})"
                               for code in element.values)
            out.append(_finding("invalid-value", lang, key, value=value, values=labels))
    if desc.integration == "stackable" and not desc.stackable_towards:
        out.append(_finding("stackable-towards", lang, "integration"))
    return out


def _countries_and_addresses(desc: Description, lang: str) -> list[Finding]:
    out = [_finding("country-code", lang, "country", value=code)
           for code in desc.country if not re.fullmatch(r"[A-Z]{2}", code)]
    urls = [("url", desc.url), ("quality_assurance", desc.quality_assurance.url)]
    urls += [("awarding_body", o.url) for o in desc.awarding_body]
    out += [_finding("invalid-url", lang, key, value=url)
            for key, url in urls if url and not _URL.match(url)]
    ids = [("id", desc.id)] + [("awarding_body", o.id) for o in desc.awarding_body]
    out += [_finding("invalid-url", lang, key, value=uri)
            for key, uri in ids if uri and not _URI.match(uri)]
    return out


def _dates(desc: Description, issued: Issued | None, lang: str) -> list[Finding]:
    """Start <= end <= date of issuing <= valid until, for the dates that are given."""
    given = [(key, day) for key, day in (
        ("start", desc.start), ("end", desc.end),
        ("issued", issued.issued_date if issued else None), ("valid_until", desc.valid_until),
    ) if day is not None]
    return [
        _finding("dates-out-of-order", lang, "dates" if k2 in ("start", "end") else k2,
                 first=_date_name(k1, lang), first_date=d1.isoformat(),
                 second=_date_name(k2, lang), second_date=d2.isoformat())
        for (k1, d1), (k2, d2) in pairwise(given)
        if d1 > d2
    ]


# --- helpers -------------------------------------------------------------------------------


def _read_problem(p: Problem, lang: str) -> Finding:
    fields = dict(p.fields)
    if p.code == "wrong-type":
        fields = {
            "expected": t(f"credential.type.{fields['expected']}", lang),
            "found": t(f"credential.type.{fields['found']}", lang),
            "example": yaml_example(p.element) or p.element,
        }
    if p.code == "unknown-field":
        suggestion = (
            t("credential.unknown-field.suggestion", lang, guess=fields["guess"])
            if fields.get("guess")
            else t("credential.unknown-field.no-guess", lang, known=", ".join(_known()))
        )
        return _finding("unknown-field", lang, p.element, suggestion=suggestion,
                        field=fields["field"])
    if p.code == "issue-element":
        return _finding("issue-element", lang, p.element, field=fields["field"],
                        note=t("credential.issue-note", lang))
    if p.code == "invalid-language":
        return _finding("invalid-language", lang, "language", value=fields["value"])
    return _finding(p.code, lang, p.element, **fields)


def _finding(code: str, lang: str, element: str, suggestion: str | None = None,
             name: str | None = None, **fields: object) -> Finding:
    """A finding whose message names the element in ``lang``."""
    fields = {"element": name or element_name(element, lang), **fields}
    if suggestion is None:
        suggestion = t(f"credential.{code}.suggestion", lang, **fields)
    return Finding(
        code=code,
        severity="error" if code in ERROR_CODES else "warning",
        message=t(f"credential.{code}.message", lang, **fields),
        suggestion=suggestion,
        element=element.split(".")[0],
    )


def _known() -> list[str]:
    from ._model import FIELDS

    return list(FIELDS)


def _date_name(key: str, lang: str) -> str:
    if key in ("start", "end"):
        return t(f"credential.date.{key}", lang)
    name = element_name(key, lang)
    return name[:1].lower() + name[1:]  # used inside a sentence


_num = format_number  # 3.0 -> "3"; 1.5 -> "1.5" in English, "1,5" in Finnish and Swedish

"""Reading a description from YAML, JSON or a mapping, leniently: a value of the wrong type is
left out and the problem is kept on the record (``Description.problems``), so that ``validate``
reports it as a finding in the participant's language, next to every other problem. Only a file
that cannot be parsed at all (broken YAML, not a mapping) raises
:class:`~microcred.errors.UserError`, naming the line. The model itself is ``_model.py``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ..credits import conventions
from ..errors import UserError
from ..i18n import t
from ..numbers import parse_number
from ..reading import read_text, safe_load, yaml_problem
from ..resources import load_yaml
from . import _elements as el
from ._model import (
    FIELDS,
    ISSUE_FIELDS,
    Description,
    Level,
    Organisation,
    Outcome,
    Problem,
    QualityAssurance,
    Workload,
    _plain,
    parse_date,
)

_ORG_FIELDS = ("name", "url", "id", "email")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def from_dict(data: Mapping[str, Any], outcomes: Any = None) -> Description:
    """A description from a mapping, e.g. the ``credential:`` section of a design file.

    ``outcomes`` (a list of strings or of ``{id, text}``) is used when the mapping has none, so a
    design file can keep its outcomes in their own section. Values of the wrong type are left
    out and reported by ``validate``.
    """
    r = _Reader()
    if not isinstance(data, Mapping):
        r.problem("wrong-type", "credential", expected="mapping", found=_kind(data))
        data = {}
    d = dict(data)
    for key in d:
        if key in ISSUE_FIELDS:
            r.problem("issue-element", str(key), field=str(key))
        elif key not in FIELDS:
            guess = difflib.get_close_matches(str(key), FIELDS + ISSUE_FIELDS, n=1, cutoff=0.6)
            r.problem("unknown-field", str(key), field=str(key), guess=guess[0] if guess else "")
    raw_outcomes = d.get("outcomes") if d.get("outcomes") is not None else outcomes
    dates = r.mapping(d.get("dates"), "dates", shorthand=None)
    language = r.text(d.get("language"), "language").lower() or "en"
    if not _LANGUAGE.match(language):
        r.problem("invalid-language", "language", value=language)
        language = "en"
    return Description(
        title=r.text(d.get("title"), "title"),
        language=language,
        summary=r.text(d.get("summary"), "summary"),
        awarding_body=r.organisations(d.get("awarding_body")),
        country=tuple(el.country_code(c) for c in r.texts(d.get("country"), "country")),
        region=r.text(d.get("region"), "region"),
        outcomes=r.outcomes(raw_outcomes),
        workload=r.workload(d.get("workload")),
        level=r.level(d.get("level")),
        assessment=tuple(el.element("assessment").normalise(a)
                         for a in r.texts(d.get("assessment"), "assessment")),
        participation=tuple(el.element("participation").normalise(p)
                            for p in r.texts(d.get("participation"), "participation")),
        quality_assurance=r.quality_assurance(d.get("quality_assurance")),
        prerequisites=r.text(d.get("prerequisites"), "prerequisites"),
        supervision=_code(r.text(d.get("supervision"), "supervision"), "supervision"),
        grading=r.text(d.get("grading"), "grading"),
        integration=_code(r.text(d.get("integration"), "integration"), "integration"),
        stackable_towards=r.text(d.get("stackable_towards"), "stackable_towards"),
        further_information=r.text(d.get("further_information"), "further_information"),
        url=r.text(d.get("url"), "url"),
        id=r.text(d.get("id"), "id"),
        code=r.text(d.get("code"), "code"),
        field_of_study=r.text(d.get("field_of_study"), "field_of_study"),
        keywords=r.texts(d.get("keywords"), "keywords"),
        start=r.date(dates.get("start"), "dates"),
        end=r.date(dates.get("end"), "dates"),
        valid_until=r.date(d.get("valid_until"), "valid_until"),
        problems=tuple(r.problems),
    )


def loads(text: str, source: str = "<text>", fmt: str | None = None, lang: str = "en"
          ) -> Description:
    """A description from YAML or JSON text (``fmt`` "yaml"/"json"; default: guess).

    A file whose top level has a ``credential:`` section (the course's one design file) is
    read from that section, with the file's ``outcomes:`` when the section has none.
    """
    fmt = fmt or ("json" if text.lstrip().startswith("{") else "yaml")
    try:
        data = json.loads(text) if fmt == "json" else safe_load(text)
    except json.JSONDecodeError as exc:
        raise UserError(t("credential.load.json-error", lang, source=source, line=exc.lineno,
                          problem=exc.msg)) from None
    except yaml.YAMLError as exc:
        raise UserError(yaml_problem(exc, source, lang)) from None
    if data is None:
        raise UserError(t("credential.load.empty", lang, source=source))
    if not isinstance(data, Mapping):
        raise UserError(t("credential.load.not-mapping", lang, source=source,
                          found=t(f"credential.type.{_kind(data)}", lang)))
    section = data.get("credential")
    if isinstance(section, Mapping):  # a design file: credential + outcomes + other modules
        return from_dict(section, outcomes=data.get("outcomes"))
    return from_dict(data)


def load(path: str | Path, lang: str = "en") -> Description:
    """A description from a YAML (``.yaml``/``.yml``) or JSON (``.json``) file."""
    p = Path(path)
    text = read_text(p, lang)
    fmt = "json" if p.suffix.lower() == ".json" else "yaml"
    return loads(text, source=str(path), fmt=fmt, lang=lang)


def yaml_example(element: str) -> str:
    """How to write ``element`` in a description file (for wrong-type messages)."""
    return load_yaml("eu_elements.yaml")["yaml_examples"].get(element, "")


class _Reader:
    """Reads values leniently and keeps a note of every problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, code: str, element: str, **fields: object) -> None:
        self.problems.append(Problem(code, element, tuple((k, str(v)) for k, v in fields.items())))

    def wrong(self, value: Any, element: str, expected: str) -> None:
        self.problem("wrong-type", element, expected=expected, found=_kind(value))

    def text(self, value: Any, element: str) -> str:
        if value is None:
            return ""
        if isinstance(value, (bool, list, tuple, dict, Mapping)):
            self.wrong(value, element, "text")
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def texts(self, value: Any, element: str) -> tuple[str, ...]:
        """A list of texts; a single text may list several, separated by commas."""
        if value is None:
            return ()
        if isinstance(value, str):
            items: list[Any] = re.split(r"[;,]", value)
        elif isinstance(value, (list, tuple)):
            items = list(value)
        else:
            self.wrong(value, element, "list")
            return ()
        out = []
        for item in items:
            text = self.text(item, element)
            if text:
                out.append(text)
        return tuple(out)

    def mapping(self, value: Any, element: str, shorthand: str | None) -> dict:
        """A mapping; a plain value is read as ``{shorthand: value}`` when a shorthand exists."""
        if value is None:
            return {}
        if isinstance(value, Mapping):
            return dict(value)
        if shorthand is not None and not isinstance(value, (list, tuple)):
            return {shorthand: value}
        self.wrong(value, element, "mapping")
        return {}

    def number(self, value: Any, element: str) -> float | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number = parse_number(value)
        if number is None:
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                shown = value if isinstance(value, (str, float)) else "a number this large"
                self.problem("invalid-number", element, value=shown)
            else:
                self.wrong(value, element, "number")
        return number

    def date(self, value: Any, element: str) -> dt.date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        day = parse_date(value)
        if day is None:
            if isinstance(value, str):
                self.problem("invalid-date", element, value=value)
            else:
                self.wrong(value, element, "date")
        return day

    def organisations(self, value: Any) -> tuple[Organisation, ...]:
        items = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        out = []
        for item in items:
            d = self.mapping(item, "awarding_body", shorthand="name")
            org = Organisation(**{k: self.text(d.get(k), "awarding_body") for k in _ORG_FIELDS})
            for key in d:
                if key not in _ORG_FIELDS:
                    guess = difflib.get_close_matches(str(key), _ORG_FIELDS, n=1, cutoff=0.5)
                    self.problem("unknown-field", "awarding_body", field=f"awarding_body.{key}",
                                 guess=f"awarding_body.{guess[0]}" if guess else "")
            if any(vars(org).values()):
                out.append(org)
        return tuple(out)

    def outcomes(self, value: Any) -> tuple[Outcome, ...]:
        if value is None:
            return ()
        if isinstance(value, str):  # a block of text: one outcome a line
            value = [line for line in value.splitlines() if line.strip()]
        if not isinstance(value, (list, tuple)):
            self.wrong(value, "outcomes", "list")
            return ()
        out = []
        for n, item in enumerate(value, 1):
            if isinstance(item, Mapping):
                text = self.text(item.get("text"), "outcomes")
                oid = self.text(item.get("id"), "outcomes") or f"LO{n}"
            else:
                text, oid = self.text(item, "outcomes"), f"LO{n}"
            if text:
                out.append(Outcome(oid, text))
        return tuple(out)

    def workload(self, value: Any) -> Workload:
        d = self.mapping(value, "workload", shorthand="ects")
        credits = d.get("ects", d.get("credits"))
        convention = _convention(self.text(d.get("convention"), "workload"))
        return Workload(self.number(credits, "workload"), self.number(d.get("hours"), "workload"),
                        convention)

    def level(self, value: Any) -> Level:
        if isinstance(value, str) and el._fold(value) in el.not_applicable_words():
            return Level(not_applicable=True)
        d = self.mapping(value, "level", shorthand="eqf")
        eqf_raw = d.get("eqf")
        if isinstance(eqf_raw, str) and el._fold(eqf_raw) in el.not_applicable_words():
            return Level(not_applicable=True)
        eqf: int | None = None
        if isinstance(eqf_raw, str):
            digits = re.findall(r"-?\d+(?:[.,]\d+)?", eqf_raw)
            if len(digits) == 1:
                eqf_raw = digits[0]
        number = self.number(eqf_raw, "level")
        if number is not None:
            if number.is_integer():
                eqf = int(number)
            else:
                self.problem("level-out-of-range", "level", value=_plain(number))
        cycle = self.text(d.get("cycle"), "level").lower()
        written = {el._fold(cycle), el._fold(cycle.replace("-", " "))}  # "short-cycle" too
        for code, labels in el.cycles().items():
            names = [v for k, v in labels.items() if k not in ("eqf", "aliases")]
            if cycle and written & {el._fold(v) for v in [code, *names,
                                                          *labels.get("aliases", [])]}:
                cycle = code
        return Level(eqf, self.text(d.get("national"), "level"), cycle)

    def quality_assurance(self, value: Any) -> QualityAssurance:
        d = self.mapping(value, "quality_assurance", shorthand="type")
        qa_type = d.get("type", d.get("description"))
        return QualityAssurance(self.text(qa_type, "quality_assurance"),
                                self.text(d.get("url"), "quality_assurance"))


def _convention(text: str) -> str:
    """"fi", "FI", "Finland", "Suomi", "op" -> "fi"; "Sverige", "hp" -> "se"; default "ects".
    The conventions are named by country code, and their units name them too."""
    if not text:
        return "ects"
    code = el.country_code(text).lower()
    known = conventions()
    if code in known:
        return code
    for key, conv in known.items():
        if text.casefold() in {u.casefold() for u in conv.unit.values()} - {"credits"}:
            return key
    return code


def _code(text: str, element: str) -> str:
    return el.element(element).normalise(text) if text else ""


def _kind(value: Any) -> str:
    """The type of a value, as a key of the ``credential.type.*`` messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes-no"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, (list, tuple)):
        return "list"
    return "text"

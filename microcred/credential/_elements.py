"""The European standard elements (Annex I of the 2022 Recommendation), read from
``data/eu_elements.yaml``: names in three languages, which are mandatory, which belong to the
description and which to the issued credential, and the allowed values."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import load_yaml


@dataclass(frozen=True)
class Element:
    """One standard element."""

    key: str
    mandatory: bool
    stage: str  # "description" or "issue"
    label: dict[str, str]
    hint: dict[str, str]
    values: dict[str, dict[str, Any]]  # code -> labels (and "aliases": a list); empty: any text
    closed: bool = False  # True when only ``values`` are allowed

    def name(self, lang: str = "en") -> str:
        """The element's name in ``lang`` (English if missing)."""
        return self.label.get(lang) or self.label["en"]

    def help(self, lang: str = "en") -> str:
        return self.hint.get(lang) or self.hint["en"]

    def value_label(self, code: str, lang: str = "en") -> str:
        """The label of an allowed value, or the text itself for a free-text value."""
        labels = self.values.get(code)
        return (labels.get(lang) or labels["en"]) if labels else code

    def normalise(self, text: str) -> str:
        """The code of a value written as a code or as its label in any language
        ("Blended", "monimuoto-opetus", "application of a skill"); earlier labels listed under
        ``aliases`` count too. Other text is returned trimmed."""
        wanted = _fold(text)
        for code, labels in self.values.items():
            names = [v for k, v in labels.items() if k != "aliases"] + labels.get("aliases", [])
            if wanted == _fold(code) or wanted in {_fold(v) for v in names}:
                return code
        return " ".join(str(text).split())


@cache
def _data() -> dict:
    return load_yaml("eu_elements.yaml")


@cache
def elements() -> dict[str, Element]:
    """Every standard element by key, in the order of Annex I (mandatory first)."""
    return {
        key: Element(
            key=key,
            mandatory=bool(d["mandatory"]),
            stage=d["stage"],
            label=d["label"],
            hint=d["hint"],
            values=d.get("values", {}),
            closed=bool(d.get("closed", False)),
        )
        for key, d in _data()["elements"].items()
    }


def element(key: str) -> Element:
    """One element; KeyError for an unknown key."""
    return elements()[key]


def mandatory(stage: str | None = None) -> list[str]:
    """Keys of the mandatory elements, optionally only those of one stage."""
    return [k for k, e in elements().items() if e.mandatory and (stage is None or e.stage == stage)]


def label(key: str, lang: str = "en") -> str:
    """The name of element ``key`` in ``lang``."""
    return element(key).name(lang)


def cycles() -> dict[str, dict]:
    """QF-EHEA cycles with the EQF level each one corresponds to and labels."""
    return _data()["cycles"]


def countries() -> dict[str, dict[str, str]]:
    """Known country codes with their names in en/fi/sv."""
    return _data()["countries"]


def country_code(text: str) -> str:
    """"Finland", "suomi", "fi" -> "FI"; other text is returned trimmed (upper-cased if two
    letters)."""
    text = " ".join(str(text).split())
    wanted = _fold(text)
    for code, names in countries().items():
        if wanted == _fold(code) or wanted in {_fold(n) for n in names.values()}:
            return code
    return text.upper() if len(text) == 2 and text.isalpha() else text


def country_name(code: str, lang: str = "en") -> str:
    names = countries().get(code)
    return (names.get(lang) or names["en"]) if names else code


def not_applicable_words() -> set[str]:
    return {_fold(w) for w in _data()["not_applicable"]}


def eqf_url(level: int) -> str:
    """The EQF level's URI as used by Europass and the European Learning Model."""
    return _data()["eqf_url"].format(level=level)


def _fold(text: object) -> str:
    return " ".join(str(text).replace("_", "-").split()).casefold()

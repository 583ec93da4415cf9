"""The self-assessment instrument as read from ``data/qa/criteria.yaml``: principles, criteria, scale.

Texts are kept in all three languages; ``.text(lang)``-style accessors pick one (English when a
translation is missing). Criterion ids are stable, because saved self-assessments refer to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..resources import load_yaml

SCALE_MIN, SCALE_MAX = 0, 4


def pick(texts: dict[str, str], lang: str) -> str:
    """The text in ``lang``, English when that translation is missing."""
    return texts.get(lang) or texts["en"]


@dataclass(frozen=True)
class Level:
    """One point of the 0-4 scale with its label and described anchor."""

    value: int
    label: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class Criterion:
    """One statement to rate 0-4, the ESG 2015 standards it serves and the next action."""

    id: str
    principle: str  # id of the principle it belongs to
    code: str  # short label such as "4b" (principle number + letter)
    esg: tuple[str, ...]
    text: dict[str, str]
    action: dict[str, str]


@dataclass(frozen=True)
class Principle:
    """One of the ten European principles (Annex II) with its criteria."""

    id: str
    number: int
    name: dict[str, str]
    summary: dict[str, str]
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Instrument:
    """Everything the self-assessment asks, in order."""

    version: int
    scale: tuple[Level, ...]
    esg: dict[str, dict[str, str]]
    principles: tuple[Principle, ...]

    @cached_property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for p in self.principles for c in p.criteria)

    @cached_property
    def by_id(self) -> dict[str, Criterion]:
        """Criteria by id."""
        return {c.id: c for c in self.criteria}

    def criterion(self, criterion_id: str) -> Criterion:
        return self.by_id[criterion_id]

    def principle(self, principle_id: str) -> Principle:
        return next(p for p in self.principles if p.id == principle_id)

    def level(self, value: int) -> Level:
        return self.scale[value - SCALE_MIN]

    def find_principle(self, text: object) -> Principle | None:
        """The principle a participant named: its id, number or name in any language
        ("valid_assessment", "4", "Pätevä arviointi"); None when nothing matches."""
        key = _normalise(str(text)) if isinstance(text, (str, int)) else ""
        if not key:
            return None
        for p in self.principles:
            names = {p.id, str(p.number), *p.name.values()}
            if key in {_normalise(n) for n in names}:
                return p
        return None


def instrument() -> Instrument:
    """The instrument shipped with the package (read once)."""
    return _load()


@cache
def _load() -> Instrument:
    data = load_yaml("qa", "criteria.yaml")
    scale = tuple(Level(d["value"], d["label"], d["description"]) for d in data["scale"])
    principles = []
    for p in data["principles"]:
        criteria = tuple(
            Criterion(
                id=c["id"],
                principle=p["id"],
                code=f"{p['number']}{chr(ord('a') + i)}",
                esg=tuple(c["esg"]),
                text=c["text"],
                action=c["action"],
            )
            for i, c in enumerate(p["criteria"])
        )
        principles.append(Principle(p["id"], p["number"], p["name"], p["summary"], criteria))
    return Instrument(data["version"], scale, data["esg"], tuple(principles))


def _normalise(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()

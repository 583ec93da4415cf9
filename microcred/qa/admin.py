"""The study-administration life cycle of a micro-credential (``data/qa/admin_checklist.yaml``):
each step with the role responsible, the EU principles and standard elements it serves, the
ESG 2015 standards it belongs to, and the question to settle in a joint offering.

Standard elements are named by their keys in ``data/eu_elements.yaml`` and read through
``microcred.credential``, so both modules use the same names for Annex I.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..credential import elements
from ..resources import load_yaml
from .instrument import pick


@dataclass(frozen=True)
class AdminStep:
    """One step of the life cycle, from approval to monitoring."""

    id: str
    number: int
    name: dict[str, str]
    what: dict[str, str]
    responsible: dict[str, str]
    principles: tuple[str, ...]
    elements: tuple[str, ...]
    esg: tuple[str, ...]
    joint: dict[str, str]

    def in_language(self, lang: str) -> dict:
        """The step's texts in one language, for a template or a table."""
        names = elements()
        return {
            "id": self.id,
            "number": self.number,
            "name": pick(self.name, lang),
            "what": pick(self.what, lang),
            "responsible": pick(self.responsible, lang),
            "principles": list(self.principles),
            "elements": [names[key].name(lang) for key in self.elements],
            "esg": list(self.esg),
            "joint": pick(self.joint, lang),
        }


def admin_checklist() -> tuple[AdminStep, ...]:
    """The steps in the order they happen."""
    return _steps()


@cache
def _steps() -> tuple[AdminStep, ...]:
    data = load_yaml("qa", "admin_checklist.yaml")
    return tuple(
        AdminStep(
            id=s["id"],
            number=n,
            name=s["name"],
            what=s["what"],
            responsible=s["responsible"],
            principles=tuple(s["principles"]),
            elements=tuple(s["elements"]),
            esg=tuple(s["esg"]),
            joint=s["joint"],
        )
        for n, s in enumerate(data["steps"], 1)
    )

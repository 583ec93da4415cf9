"""Credits and hours under the national conventions of ``data/conventions.yaml`` (fi, se, ects).

Shared by the credential description (does the claimed workload match the hours?) and the
workload calculator, so both give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .resources import load_yaml


@dataclass(frozen=True)
class Convention:
    """How many hours of work one credit stands for in a country or framework."""

    code: str
    name: dict[str, str]
    unit: dict[str, str]
    hours_per_credit: float
    min_hours_per_credit: float
    max_hours_per_credit: float
    full_time_week_hours: float
    source: dict[str, str] = field(default_factory=dict)  # where the rate comes from, en/fi/sv

    def hours_range(self, credits: float) -> tuple[float, float]:
        """The hours that ``credits`` may stand for under this convention."""
        return credits * self.min_hours_per_credit, credits * self.max_hours_per_credit

    def credits_for(self, hours: float) -> float:
        """Credits for ``hours`` of notional workload, at the convention's usual rate."""
        return hours / self.hours_per_credit

    def matches(self, credits: float, hours: float) -> bool:
        """Do ``credits`` and ``hours`` agree within the convention's range?"""
        low, high = self.hours_range(credits)
        return low <= hours <= high


def conventions() -> dict[str, Convention]:
    """Every known convention by code."""
    return {code: Convention(code=code, **data) for code, data in load_yaml("conventions.yaml").items()}


def convention(code: str) -> Convention:
    """One convention; a ValueError naming the known codes if ``code`` is unknown."""
    known = conventions()
    if code not in known:
        raise ValueError(f"unknown credit convention {code!r}; use one of {', '.join(known)}")
    return known[code]

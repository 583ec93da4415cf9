"""The one record every check in the kit reports with: a code, a severity and plain-language advice."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found by a check. ``code`` is stable (tests and graders rely on it)."""

    code: str
    severity: Severity
    message: str
    suggestion: str = ""
    element: str | None = None  # which field or element the finding is about, when there is one

    def to_dict(self) -> dict:
        return asdict(self)


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding is of error severity."""
    return any(f.severity == "error" for f in findings)

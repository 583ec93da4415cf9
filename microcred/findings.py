"""The one record every check in the kit reports with: a code, a severity and plain-language advice."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Literal

from .i18n import t
from .settings import screen_language

Severity = Literal["error", "warning", "note"]  # a note informs and costs nothing


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


def quoted(text: str, limit: int) -> str:
    """A participant's text as a message quotes it back: at most ``limit`` characters (it may be
    a megabyte), an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding is of error severity."""
    return any(f.severity == "error" for f in findings)


def as_lines(findings: Collection[Finding], indent: str = "  ", lang: str | None = None) -> list[str]:
    """Findings as plain-text lines (severity, message, suggestion), or one line saying none;
    the severity words in ``lang`` (None: the screen language)."""
    lang = screen_language(ui=lang)
    if not findings:
        return [f"{indent}{t('common.ok', lang)}"]
    lines = []
    for f in findings:
        lines.append(f"{indent}{t(f'common.{f.severity}', lang)}: {f.message}")
        if f.suggestion:
            lines.append(f"{indent}  -> {f.suggestion}")
    return lines


def localised(
    module: str,
    code: str,
    lang: str,
    errors: Collection[str],
    element: str | None = None,
    **fields: object,
) -> Finding:
    """A finding whose message and suggestion come from ``data/strings/<module>.yaml`` (keys
    ``<code>.message`` and ``<code>.suggestion``); codes listed in ``errors`` are errors."""
    return Finding(
        code=code,
        severity="error" if code in errors else "warning",
        message=t(f"{module}.{code}.message", lang, **fields),
        suggestion=t(f"{module}.{code}.suggestion", lang, **fields),
        element=element,
    )


class HasFindings:
    """For result records with a ``findings`` tuple: ``ok`` and ``codes`` in one place."""

    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when no finding is of error severity."""
        return not has_errors(list(self.findings))

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

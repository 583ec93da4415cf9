"""What the trainer's tools write for people, in the screen language: messages, numbers, dates.

Messages are ``data/strings/trainer.yaml`` (keys ``trainer.<name>``); numbers are written as the
reader writes them (``numbers.format_number``), dates and times too (``microcred.dates``).
"""

from __future__ import annotations

from ..i18n import t
from ..numbers import format_number


def tr(key: str, lang: str = "en", **fields: object) -> str:
    """The trainer's message ``key`` in ``lang``."""
    return t(f"trainer.{key}", lang, **fields)


def num(value: float | None, lang: str = "en", decimals: int = 2) -> str:
    """A score or count as ``lang`` writes it ("" for None)."""
    return "" if value is None else format_number(value, lang, decimals)


def percent(share: float | None, lang: str = "en") -> str:
    """A share as a whole percentage: ``84 %`` (no-break space)."""
    return "" if share is None else f"{format_number(share * 100, lang, 0)}\u00a0%"

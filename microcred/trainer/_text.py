"""What the trainer's tools write for people, in the screen language: messages, numbers, dates.

Messages are ``data/strings/trainer.yaml`` (keys ``trainer.<name>``); numbers are written as the
reader writes them (``numbers.format_number``), dates and times by Babel's pattern for the
language (``5.12.2026 14.07`` in Finnish, ``2026-12-05 14:07`` in Swedish).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime

from ..i18n import t
from ..numbers import format_number

_DATE_LOCALES = {"en": "en_GB", "fi": "fi", "sv": "sv"}  # en_GB: day before month, 24 h


def tr(key: str, lang: str = "en", **fields: object) -> str:
    """The trainer's message ``key`` in ``lang``."""
    return t(f"trainer.{key}", lang, **fields)


def num(value: float | None, lang: str = "en", decimals: int = 2) -> str:
    """A score or count as ``lang`` writes it ("" for None)."""
    return "" if value is None else format_number(value, lang, decimals)


def percent(share: float | None, lang: str = "en") -> str:
    """A share as a whole percentage: ``84 %`` (no-break space)."""
    return "" if share is None else f"{format_number(share * 100, lang, 0)}\u00a0%"


def when(moment: dt.datetime, lang: str = "en") -> str:
    """A date and time as ``lang`` writes it (short form)."""
    return str(format_datetime(moment, "short", locale=_DATE_LOCALES.get(lang, "en_GB")))


def day(date: dt.date | str, lang: str = "en") -> str:
    """A date (or an ISO date text) as ``lang`` writes it: ``5.12.2026``, ``2026-12-05``."""
    value = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return str(format_date(value, "short", locale=_DATE_LOCALES.get(lang, "en_GB")))

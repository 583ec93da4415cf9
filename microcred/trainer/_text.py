"""What the trainer's tools write for people, in the screen language: messages, numbers, dates.

Messages are ``data/strings/trainer.yaml`` (keys ``trainer.<name>``); numbers are written as the
reader writes them (``numbers.format_number``), dates and times by Babel's pattern for the
language (``5.12.2026 14.07`` in Finnish). Swedish has two audiences that write dates differently
(``5.12.2026`` in Finland, ``2026-12-05`` in Sweden), so Swedish names the month, which both read
the same way and neither misreads: ``5 dec. 2026 kl. 14.07`` (the time with a point, as both
Språkrådet and Institutet för de inhemska språken allow).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime

from ..i18n import t
from ..numbers import format_number

_DATE_LOCALES = {"en": "en_GB", "fi": "fi", "sv": "sv"}  # en_GB: day before month, 24 h
# Babel's pattern per language; "short" where one convention serves all its readers.
_DATE_PATTERNS = {"sv": "d MMM y"}
_TIME_PATTERNS = {"sv": "d MMM y 'kl'. H.mm"}


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
    pattern = _TIME_PATTERNS.get(lang, "short")
    return str(format_datetime(moment, pattern, locale=_DATE_LOCALES.get(lang, "en_GB")))


def day(date: dt.date | str, lang: str = "en") -> str:
    """A date (or an ISO date text) as ``lang`` writes it: ``5.12.2026``, ``5 dec. 2026``."""
    value = dt.date.fromisoformat(date) if isinstance(date, str) else date
    pattern = _DATE_PATTERNS.get(lang, "short")
    return str(format_date(value, pattern, locale=_DATE_LOCALES.get(lang, "en_GB")))

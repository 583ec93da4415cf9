"""Dates and times as people read them in English, Finnish and Swedish: written in one place.

Babel's short pattern for English (day before month, 24 h: ``05/12/2026, 14:07``) and Finnish
(``5.12.2026 14.07``). Swedish has two audiences that write dates differently (``5.12.2026`` in
Finland, ``2026-12-05`` in Sweden), so Swedish names the month, which both read the same way and
neither misreads: ``5 dec. 2026 kl. 14.07`` (the time with a point, as both Språkrådet and
Institutet för de inhemska språken allow).
"""

from __future__ import annotations

import datetime as dt

from babel import dates

__all__ = ["format_date", "format_datetime"]

_LOCALES = {"en": "en_GB", "fi": "fi", "sv": "sv"}
# Babel's pattern per language; "short" where one convention serves all its readers.
_DATE_PATTERNS = {"sv": "d MMM y"}
_TIME_PATTERNS = {"sv": "d MMM y 'kl'. H.mm"}


def format_datetime(moment: dt.datetime, lang: str = "en") -> str:
    """A date and time as ``lang``'s readers write it."""
    pattern = _TIME_PATTERNS.get(lang, "short")
    return str(dates.format_datetime(moment, pattern, locale=_LOCALES.get(lang, "en_GB")))


def format_date(date: dt.date | str, lang: str = "en") -> str:
    """A date (or an ISO date text) as ``lang``'s readers write it: ``5.12.2026``,
    ``5 dec. 2026``."""
    value = dt.date.fromisoformat(date) if isinstance(date, str) else date
    pattern = _DATE_PATTERNS.get(lang, "short")
    return str(dates.format_date(value, pattern, locale=_LOCALES.get(lang, "en_GB")))

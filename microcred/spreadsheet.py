"""CSV files for spreadsheets and learning platforms: the one CSV writer of the kit.

Finnish and Swedish Excel read a CSV by the settings of the computer: the list separator is
``;`` (the comma is the decimal separator there), and a file without a byte-order mark is read
as Windows-1252, so "Meikäläinen" shows as "MeikÃ¤lÃ¤inen". A file for people therefore
starts with the byte-order mark and, in the ``nordic`` style, has ``;`` and decimal commas;
the ``international`` style keeps the mark but uses ``,`` and points (English settings). A file
for a platform's import (Moodle, Canvas) is written as the platform exports it (``platform``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .numbers import format_number

BOM = "\ufeff"


@dataclass(frozen=True)
class CsvStyle:
    """How a CSV file separates fields and writes numbers."""

    name: str
    delimiter: str
    decimal: str
    bom: bool


STYLES = {
    "nordic": CsvStyle("nordic", ";", ",", True),  # Excel in Finnish or Swedish settings
    "international": CsvStyle("international", ",", ".", True),  # Excel in English settings
    "platform": CsvStyle("platform", ",", ".", False),  # Moodle's and Canvas's own exports
}
# The style a reader of each language expects when a file is opened by double-clicking it.
STYLE_FOR_LANGUAGE = {"fi": "nordic", "sv": "nordic", "en": "international"}


def style(name_or_lang: str) -> CsvStyle:
    """The style named ``nordic``, ``international`` or ``platform``, or the one for a language."""
    return STYLES[STYLE_FOR_LANGUAGE.get(name_or_lang, name_or_lang)]


def platform_style(delimiter: str) -> CsvStyle:
    """The platform style with the separator a platform's own file used (kept when refilled)."""
    return CsvStyle("platform", delimiter, ".", False)


def number(value: float | None, csv_style: CsvStyle | str = "nordic") -> str:
    """A number as the style writes it (``7,5`` or ``7.5``; blank for None), up to 4 decimals."""
    if value is None:
        return ""
    s = style(csv_style) if isinstance(csv_style, str) else csv_style
    return format_number(value, "fi" if s.decimal == "," else "en", decimals=4, grouping=False)


def csv_text(rows: Iterable[Sequence[object]], csv_style: CsvStyle | str = "nordic") -> str:
    """The rows as CSV text in the style (with the byte-order mark when it has one).

    Lines end in CRLF, as RFC 4180 and Excel write them."""
    s = style(csv_style) if isinstance(csv_style, str) else csv_style
    out = io.StringIO()
    csv.writer(out, delimiter=s.delimiter, lineterminator="\r\n").writerows(rows)
    return (BOM if s.bom else "") + out.getvalue()


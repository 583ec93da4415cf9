"""The one CSV writer: files that Finnish and Swedish Excel open as they are meant to be read."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

from microcred.spreadsheet import csv_text, date_text, number, style
from tests.helpers.paths import REPO

ROWS = [["name", "score"], ["Aino Meikäläinen", number(7.5, "nordic")], ["Åsa; Öberg", "8"]]


def test_nordic_style_has_the_mark_semicolons_and_decimal_commas():
    text = csv_text(ROWS, "nordic")
    assert text.startswith("\ufeff") and "\r\n" in text
    raw = text.encode("utf-8")
    assert raw.decode("utf-8-sig").splitlines()[1] == "Aino Meikäläinen;7,5"
    back = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert back == ROWS  # a field with the separator in it comes back whole
    assert style("fi") == style("sv") == style("nordic")


def test_international_and_platform_styles_use_commas_and_points():
    assert csv_text([["a", number(0.25, "international")]], "en") == "\ufeffa,0.25\r\n"
    assert csv_text([["a", number(0.25, "platform")]], "platform") == "a,0.25\r\n"
    assert number(None) == "" and number(2.0) == "2" and number(1 / 3) == "0,3333"


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "4.12.2026 klo 09.05"), ("sv", "2026-12-04 kl. 09.05"), ("en", "2026-12-04 09:05")])
def test_dates_in_the_readers_convention(lang, expected):
    assert date_text(dt.datetime(2026, 12, 4, 9, 5), lang) == expected
    assert date_text(dt.date(2026, 12, 4), lang) == expected.split(" ")[0]


def test_no_other_csv_writer_in_the_package():
    writers = [p.relative_to(REPO).as_posix() for p in (REPO / "microcred").rglob("*.py")
               if re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))]
    assert writers == ["microcred/spreadsheet.py"]

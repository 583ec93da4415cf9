"""The one CSV writer: files that Finnish and Swedish Excel open as they are meant to be read."""

from __future__ import annotations

import csv
import re

from microcred.spreadsheet import csv_text, number, style
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


def test_no_other_csv_writer_in_the_package():
    writers = [p.relative_to(REPO).as_posix() for p in (REPO / "microcred").rglob("*.py")
               if re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))]
    assert writers == ["microcred/spreadsheet.py"]

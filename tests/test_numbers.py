"""One reader and one writer of numbers for English, Finnish and Swedish (microcred.numbers)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import microcred
from microcred.numbers import format_number, format_spec, parse_number

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("text, number", [
    ("12", 12), ("12,5", 12.5), ("12.5 h", 12.5), ("3 op", 3), ("81h", 81), ("1 600 h", 1600),
    ("18 000 EUR", 18000), (f"18{NBSP}000 €", 18000), (f"18{NNBSP}000", 18000),
    ("about 18 000 EUR", 18000), ("12 000,50 €", 12000.5), ("18 000.5", 18000.5),
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1 234,5", 1234.5),
    ("1.234.567", 1234567), ("1,234,567", 1234567), ("1.234", 1.234),
    ("−4", -4), ("-4,5", -4.5), ("+3", 3), ("45 %", 45), ("0,25", 0.25),
    ("1, 2 and 3", 1), ("10 20 30", 10), ("LO3", 3),
])
def test_text_as_people_write_it(text, number):
    for lang in (None, "en", "fi", "sv"):
        assert parse_number(text, lang) == number, (text, lang)


def test_a_lone_comma_before_three_digits_depends_on_the_language():
    """English groups thousands with commas; Finnish and Swedish write decimals with them."""
    assert parse_number("1,500", "en") == 1500
    assert parse_number("1,500", "fi") == parse_number("1,500", "sv") == 1.5
    assert parse_number("1,500") == 1.5  # no language: the decimal comma, as before
    assert parse_number("0,500", "en") == 0.5 and parse_number("1234,567", "en") == 1234.567


@pytest.mark.parametrize("value", [
    None, "", "none", "lots", True, False, float("nan"), float("inf"), -float("inf"),
    10**400, "9" * 400, Decimal("NaN"), [], {}, "-",
])
def test_what_is_not_a_finite_number_is_none(value):
    assert parse_number(value) is None


def test_numbers_stay_numbers():
    assert parse_number(7) == 7 and parse_number(2.5) == 2.5 and parse_number(Decimal("1.5")) == 1.5
    assert isinstance(parse_number(7), float)


@pytest.mark.parametrize("value, en, fi", [
    (3.0, "3", "3"), (1.5, "1.5", "1,5"), (1234.5, "1,234.5", f"1{NBSP}234,5"),
    (-0.25, "-0.25", "-0,25"), (1600, "1,600", f"1{NBSP}600"), (2 / 3, "0.66667", "0,66667"),
])
def test_format_follows_the_language(value, en, fi):
    assert format_number(value, "en") == en
    assert format_number(value, "fi") == format_number(value, "sv") == fi


def test_format_and_parse_agree():
    for value in (0, 1.5, 27, 1234.5, 18000, -4.25, 1234567.125):
        for lang in ("en", "fi", "sv"):
            assert parse_number(format_number(value, lang), lang) == value, (value, lang)



def test_numbers_beyond_decimals_default_precision_are_written_whole():
    """1e23 with five decimals needs 29 digits, one more than Decimal's default context holds
    (a design file with credits: 1e+23 raised InvalidOperation in the design check)."""
    for value in (1e23, 1.7e308, -1e40):
        for lang in ("en", "fi", "sv"):
            assert parse_number(format_number(value, lang), lang) == value, (value, lang)
            assert parse_number(format_number(value, lang, decimals=2, fixed=True), lang) == value

def test_format_rounds_to_the_decimals_asked_for_and_knows_no_other_language_than_en_fi_sv():
    assert format_number(2.345, "en", decimals=1) == "2.3"
    assert format_number(2.0, "en", decimals=0) == "2"
    assert format_number(1234.5, "de") == "1,234.5"  # unknown language: English


def test_without_grouping_for_files_that_programs_read():
    assert format_number(1234567.5, "fi", grouping=False) == "1234567,5"
    assert format_number(1234567.5, "en", grouping=False) == "1234567.5"


# --- no second number reader ------------------------------------------------------------------

# Code that swaps decimal separators or strips group spaces to read or write a number by hand.
_HAND_MADE = re.compile(
    r"""\.replace\(\s*(['"])[.,]\1\s*,\s*(['"])[.,]\2\s*\)"""  # .replace(",", ".")
    r"""|\.replace\(\s*(['"])(\\u00a0|\\xa0|\\u202f)\3"""  # .replace("\u00a0", ...)
)


def test_no_module_reads_or_writes_numbers_by_hand():
    """Numbers are read with numbers.parse_number and written with numbers.format_number; a
    module that swaps "," and "." itself disagrees with them sooner or later."""
    package = Path(microcred.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "numbers.py" and path.parent == package:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HAND_MADE.search(line):
                found.append(f"{path.relative_to(package.parent)}:{n}: {line.strip()}")
    assert found == [], "use microcred.numbers instead:\n" + "\n".join(found)


def test_the_hand_made_pattern_finds_what_it_is_for():
    assert _HAND_MADE.search('text.replace(",", ".")')
    assert _HAND_MADE.search("x.replace('.', ',')")
    assert _HAND_MADE.search('s.replace("\\u00a0", "")')
    assert not _HAND_MADE.search('s.replace(",", ";")') and not _HAND_MADE.search("parse_number(s)")


def test_a_format_spec_with_the_languages_decimal_sign():
    assert format_spec(2.345, ".1f", "fi") == "2,3" and format_spec(-0.5, "+.1f", "sv") == "-0,5"
    assert format_spec(2.5, "g", "en") == "2.5" and format_spec(1234.5, ".1f", "fi") == "1234,5"

"""Numbers as people write them in English, Finnish and Swedish: read and written in one place.

Every tool reads a number that a participant typed ("18 000 EUR", "12,5 h", "1.234,5", "3 op")
with `parse_number` and shows one with `format_number`, so that the same text gives the same
number everywhere. Babel (`babel.numbers`) knows each language's symbols; this module decides
which separator a person meant:

- spaces (also no-break and narrow no-break spaces) between groups of three digits group;
- when both "." and "," occur, the last one is the decimal separator ("1.234,5", "1,234.5");
- a lone "," is the decimal comma ("12,5"), except in English before exactly three digits
  ("1,500" is 1500 in English and 1.5 in Finnish and Swedish);
- a lone "." is the decimal point ("12.5"); "1.234.567" groups.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation, localcontext

from babel.numbers import NumberFormatError, format_decimal, get_decimal_symbol, parse_decimal

__all__ = ["format_number", "format_spec", "parse_number"]

_SPACES = "\u0020\u00a0\u202f\u2009"  # space, no-break, narrow no-break, thin
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (word processors)
_LOCALES = {"en": "en", "fi": "fi", "sv": "sv"}

# A sign, then the whole part (groups of three after a separator, or plain digits), then an
# optional fraction. Group separators are tried from the most to the least specific.
_NUMBER = re.compile(
    rf"(?P<sign>[{_MINUS}+])?"
    r"(?P<whole>"
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)"  # 18 000
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)"  # 1,234,567  1.234.567
    r"|\d{1,3}(?:,\d{3})(?=\.\d)|\d{1,3}(?:\.\d{3})(?=,\d)"  # 1,234.5  1.234,5
    r"|\d+)"
    r"(?P<fraction>[.,]\d+)?"
)


def parse_number(value: object, lang: str | None = None) -> float | None:
    """The first number in ``value`` (a number, or text such as "12", "12,5 h", "−4",
    "18 000 EUR", "1.234,5", "45 %"), or None when it has none. ``lang`` (en, fi, sv) decides
    only "1,500"; booleans, NaN, infinities and numbers too large for a float are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return _finite(value)
    if not isinstance(value, str):
        return None
    m = _NUMBER.search(value)
    if m is None:
        return None
    whole, fraction = m["whole"], m["fraction"] or ""
    for space in _SPACES:
        whole = whole.replace(space, "")
    if "," in whole and "." in whole:  # cannot happen: the pattern takes one kind of group
        return None
    if "," in whole or "." in whole:  # grouped: "1,234,567", "1,234" of "1,234.5"
        whole = whole.replace(",", "").replace(".", "")
    elif lang == "en" and fraction.startswith(",") and len(fraction) == 4 and \
            len(whole) <= 3 and not whole.startswith("0"):
        whole, fraction = whole + fraction[1:], ""  # English "1,500"
    canonical = ("-" if m["sign"] and m["sign"] in _MINUS else "") + whole
    if fraction:
        canonical += "." + fraction[1:]
    try:
        number = parse_decimal(canonical, locale="en")
    except (NumberFormatError, InvalidOperation):  # pragma: no cover - the pattern is numeric
        return None
    return _finite(number)


def format_number(value: float, lang: str = "en", decimals: int = 5, grouping: bool = True,
                  fixed: bool = False) -> str:
    """``value`` as ``lang`` writes it: 3.0 -> "3"; 1234.5 -> "1,234.5" in English and
    "1 234,5" (no-break space) in Finnish and Swedish; at most ``decimals`` decimals (exactly
    that many with ``fixed``, as in amounts of money: "1 234,50").
    ``grouping=False`` leaves out the thousands separator (for files that programs read)."""
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals > 0 else "")
    number = Decimal(repr(float(value))) if not isinstance(value, Decimal) else value
    with localcontext() as context:  # room for every digit: 1e23 with 5 decimals needs 29
        if number.is_finite():
            context.prec = max(context.prec, number.adjusted() + decimals + 3)
        return str(format_decimal(number, format=pattern, locale=_LOCALES.get(lang, "en"),
                                  group_separator=grouping))


def format_spec(value: float, spec: str = "g", lang: str = "en") -> str:
    """``value`` by a Python format ``spec`` (``.1f``, ``+.2f``, ``g``: fixed decimals for
    chart labels) with ``lang``'s decimal sign: ``2,5`` in Finnish and Swedish; no grouping."""
    return format(value, spec).replace(".", get_decimal_symbol(_LOCALES.get(lang, "en")))


def _finite(value: int | float | Decimal) -> float | None:
    """``value`` as a float, or None when it is NaN, infinite or beyond a float's range."""
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None

"""microcred.dates: dates and times as each language's readers write them."""

from __future__ import annotations

import datetime as dt

import pytest

from microcred.dates import format_date, format_datetime


@pytest.mark.parametrize(("lang", "moment", "date"), [
    ("en", "05/12/2026, 08:03", "05/12/2026"), ("fi", "5.12.2026 8.03", "5.12.2026"),
    ("sv", "5 dec. 2026 kl. 8.03", "5 dec. 2026")])
def test_a_date_and_time_as_each_audience_reads_it(lang, moment, date):
    assert format_datetime(dt.datetime(2026, 12, 5, 8, 3), lang) == moment
    assert format_date("2026-12-05", lang) == date

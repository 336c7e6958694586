"""Dates by the month and the year, as a salesperson says them: 下个月, 月底, 下月初, 年底, 下下周三."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain.dates import parse_date
from kacli.errors import BadInput

MONDAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("下个月", MONDAY, dt.date(2026, 12, 23)),
    ("下月", MONDAY, dt.date(2026, 12, 23)),
    ("下個月", MONDAY, dt.date(2026, 12, 23)),
    ("下个月", dt.date(2026, 1, 31), dt.date(2026, 2, 28)),  # no 31 February: its last day
    ("下个月", dt.date(2026, 12, 15), dt.date(2027, 1, 15)),
    ("上个月", MONDAY, dt.date(2026, 10, 23)),
    ("月底", MONDAY, dt.date(2026, 11, 30)),
    ("月末", dt.date(2028, 2, 3), dt.date(2028, 2, 29)),
    ("本月底", MONDAY, dt.date(2026, 11, 30)),
    ("月初", MONDAY, dt.date(2026, 11, 1)),
    ("下月初", MONDAY, dt.date(2026, 12, 1)),
    ("下个月初", dt.date(2026, 12, 9), dt.date(2027, 1, 1)),
    ("下个月底", MONDAY, dt.date(2026, 12, 31)),
    ("年底", MONDAY, dt.date(2026, 12, 31)),
    ("年末", MONDAY, dt.date(2026, 12, 31)),
    ("年初", MONDAY, dt.date(2026, 1, 1)),
    ("明年底", MONDAY, dt.date(2027, 12, 31)),
    ("下下周三", MONDAY, dt.date(2026, 12, 9)),
    ("下下週五", MONDAY, dt.date(2026, 12, 11)),
    ("下周三", MONDAY, dt.date(2026, 12, 2)),
])
def test_month_and_year_words(text, today, expected):
    assert parse_date(text, today) == expected


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 11, 30)))
def test_month_end_is_the_last_day_and_next_month_is_one_month_on(today):
    end = parse_date("月底", today)
    assert end.month == today.month and (end + dt.timedelta(days=1)).day == 1
    nxt = parse_date("下个月", today)
    assert (nxt.year * 12 + nxt.month) - (today.year * 12 + today.month) == 1
    assert nxt.day == today.day or nxt.day < today.day and (nxt + dt.timedelta(days=1)).day == 1
    assert parse_date("下月初", today) == end + dt.timedelta(days=1)


@pytest.mark.parametrize("text", ["月", "年", "下下下个月", "月中旬"])
def test_words_that_name_no_day_are_refused(text):
    with pytest.raises(BadInput):
        parse_date(text, MONDAY)

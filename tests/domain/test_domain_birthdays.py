"""Reading a contact's birthday (kacli.domain.birthdays): solar or lunar, with or without year."""

from __future__ import annotations

import datetime as dt

import lunar_reference as ref
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain.birthdays import Birthday, from_columns, parse_birthday
from kacli.errors import BadInput


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1975-08-15", Birthday(8, 15, 1975)),
        ("1975/8/15", Birthday(8, 15, 1975)),
        ("19750815", Birthday(8, 15, 1975)),
        ("1975年8月15日", Birthday(8, 15, 1975)),
        ("08-15", Birthday(8, 15)),
        ("8/15", Birthday(8, 15)),
        ("8月15日", Birthday(8, 15)),
        ("02-29", Birthday(2, 29)),  # the year is unknown: Feb 29 may be right
        ("2000-02-29", Birthday(2, 29, 2000)),
    ],
)
def test_solar_spellings(typed, expected):
    assert parse_birthday(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["02-30", "04-31", "13-01", "00-10", "1975-02-29", "1900-02-29", "1975-13-01", "tomorrow",
     "15", "1975-08", "八月十五", "1899-01-01", "2100-01-01"],
)
def test_impossible_solar_birthdays_refused(typed):
    with pytest.raises(BadInput):
        parse_birthday(typed)


def test_lunar_birthdays():
    assert parse_birthday("08-15", lunar=True) == Birthday(8, 15, lunar=True)
    assert parse_birthday("12-30", lunar=True) == Birthday(12, 30, lunar=True)
    assert parse_birthday("04-10", lunar=True, leap=True) == Birthday(4, 10, lunar=True, leap=True)
    # 1974 has a leap fourth month (闰四月); 1975 has none.
    assert parse_birthday("1974-04-10", lunar=True, leap=True).year == 1974
    with pytest.raises(BadInput) as err:
        parse_birthday("1975-04-10", lunar=True, leap=True)
    assert err.value.key == "error.no_leap_month"


@pytest.mark.parametrize("typed", ["08-31", "13-01", "00-05", "02-00"])
def test_impossible_lunar_birthdays_refused(typed):
    with pytest.raises(BadInput) as err:
        parse_birthday(typed, lunar=True)
    assert err.value.key == "error.invalid_lunar_birthday"


def test_lunar_thirtieth_in_a_short_month_of_a_known_year_refused():
    # Lunar 2023's first month has 29 days.
    with pytest.raises(BadInput):
        parse_birthday("2023-01-30", lunar=True)
    assert parse_birthday("2023-01-29", lunar=True) == Birthday(1, 29, 2023, lunar=True)


def test_leap_needs_lunar_and_lunar_needs_a_date():
    with pytest.raises(BadInput) as err:
        parse_birthday("04-10", leap=True)
    assert err.value.key == "error.leap_needs_lunar"
    with pytest.raises(BadInput) as err:
        parse_birthday("", lunar=True)
    assert err.value.key == "error.lunar_needs_birthday"


def test_empty_clears():
    assert parse_birthday("") is None
    assert parse_birthday("   ") is None
    assert parse_birthday(None) is None


def test_text_for_history():
    assert Birthday(8, 15, 1975).as_text() == "1975-08-15"
    assert Birthday(8, 15).as_text() == "08-15"
    assert Birthday(8, 15, lunar=True).as_text() == "lunar 08-15"
    assert Birthday(4, 10, 1974, lunar=True, leap=True).as_text() == "lunar leap 1974-04-10"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.booleans())
def test_every_real_solar_date_is_accepted_with_and_without_year(day, with_year):
    typed = day.isoformat() if with_year else day.strftime("%m-%d")
    parsed = parse_birthday(typed)
    assert (parsed.month, parsed.day) == (day.month, day.day)
    assert parsed.year == (day.year if with_year else None)
    assert parse_birthday(parsed.as_text()) == parsed  # the history's spelling reads back


@given(st.integers(1, 12), st.integers(1, 31))
def test_solar_month_day_accepted_exactly_when_it_exists_in_a_leap_year(month, day):
    try:
        dt.date(2000, month, day)
        exists = True
    except ValueError:
        exists = False
    if exists:
        assert parse_birthday(f"{month:02d}-{day:02d}") == Birthday(month, day)
    else:
        with pytest.raises(BadInput):
            parse_birthday(f"{month:02d}-{day:02d}")


@given(st.integers(0, 13), st.integers(0, 31), st.booleans())
def test_lunar_without_year_accepts_month_1_12_day_1_30(month, day, leap):
    valid = 1 <= month <= 12 and 1 <= day <= 30
    if valid:
        assert parse_birthday(f"{month}-{day}", lunar=True, leap=leap) == Birthday(
            month, day, lunar=True, leap=leap)
    else:
        with pytest.raises(BadInput):
            parse_birthday(f"{month}-{day}", lunar=True, leap=leap)


@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 30), st.booleans())
def test_lunar_with_year_accepted_exactly_when_the_day_exists(year, month, day, leap):
    has_leap = ref.leap_month(year) == month
    try:
        ref.to_solar(year, month, day, leap)
        exists = has_leap or not leap
    except ValueError:
        exists = False
    typed = f"{year}-{month:02d}-{day:02d}"
    if exists:
        assert parse_birthday(typed, lunar=True, leap=leap) == Birthday(month, day, year, True, leap)
    else:
        with pytest.raises(BadInput):
            parse_birthday(typed, lunar=True, leap=leap)


def test_from_columns():
    assert from_columns(None, None, None, False, False) is None
    assert from_columns(None, 8, 15, 1, 0) == Birthday(8, 15, lunar=True)

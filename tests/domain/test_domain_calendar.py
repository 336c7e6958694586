"""Festivals and birthdays on the right solar days (kacli.domain.calendar)."""

from __future__ import annotations

import datetime as dt

import lunar_reference as ref
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import calendar
from kacli.domain.calendar import (
    Festival,
    birthday_in_year,
    festivals,
    festivals_between,
    lunar_to_solar,
    next_occurrences,
)

D = dt.date

# Published dates (China's State Council holiday notices and standard almanacs).
PUBLISHED = {
    2026: (D(2026, 2, 17), D(2026, 6, 19), D(2026, 9, 25)),
    2027: (D(2027, 2, 6), D(2027, 6, 9), D(2027, 9, 15)),
    2028: (D(2028, 1, 26), D(2028, 5, 28), D(2028, 10, 3)),
    2029: (D(2029, 2, 13), D(2029, 6, 16), D(2029, 9, 22)),
    2030: (D(2030, 2, 3), D(2030, 6, 5), D(2030, 9, 12)),
}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_three_festivals_match_published_dates(year: int) -> None:
    spring, dragon, autumn = PUBLISHED[year]
    assert festivals(year) == [
        ("spring_festival", "festival.spring_festival", spring),
        ("dragon_boat", "festival.dragon_boat", dragon),
        ("mid_autumn", "festival.mid_autumn", autumn),
    ]


def test_dragon_boat_in_a_year_with_a_leap_fifth_month_is_the_regular_fifth_month() -> None:
    assert ref.leap_month(2028) == 5
    assert festivals(2028)[1][2] == D(2028, 5, 28)


def test_festivals_outside_the_lunar_tables_are_an_error() -> None:
    with pytest.raises(ValueError):
        festivals(2100)


@given(st.integers(min_value=1901, max_value=2099))
def test_festivals_fall_in_their_seasons(year: int) -> None:
    spring, dragon, autumn = (when for _, _, when in festivals(year))
    assert D(year, 1, 21) <= spring <= D(year, 2, 20)
    assert D(year, 5, 27) <= dragon <= D(year, 6, 26)
    assert D(year, 9, 7) <= autumn <= D(year, 10, 8)


def test_festivals_between_spans_a_year_end_and_adds_the_users_dates() -> None:
    anniversary = Festival("custom", 1, 3, name="公司周年庆")
    found = festivals_between(D(2026, 12, 25), D(2027, 2, 10), (anniversary,))
    assert [(f.code, f.name, when) for f, when in found] == [
        ("custom", "公司周年庆", D(2027, 1, 3)),
        ("spring_festival", "", D(2027, 2, 6)),
    ]


def test_festival_name_key_only_for_built_in_festivals() -> None:
    assert Festival("mid_autumn", 8, 15, lunar=True).name_key == "festival.mid_autumn"
    assert Festival("custom", 6, 18, name="店庆").name_key is None


def test_lunar_birthday_on_mid_autumn_day() -> None:
    assert birthday_in_year(8, 15, lunar=True, leap=False, year=2026) == D(2026, 9, 25)


def test_lunar_30th_in_a_29_day_month_falls_on_the_29th() -> None:
    # Lunar 2026: the second month has 29 days, the first has 30.
    with pytest.raises(ValueError):
        ref.to_solar(2026, 2, 30)
    assert birthday_in_year(2, 30, True, False, 2026) == ref.to_solar(2026, 2, 29)
    assert birthday_in_year(2, 30, True, False, 2026) == D(2026, 4, 16)
    assert birthday_in_year(1, 30, True, False, 2026) == D(2026, 3, 18)


def test_leap_month_birthday_in_a_year_with_that_leap_month() -> None:
    # 2025 has a leap sixth month (闰六月): regular 6-1 is 2025-06-25, leap 6-1 is 2025-07-25.
    assert birthday_in_year(6, 1, True, True, 2025) == D(2025, 7, 25)
    assert birthday_in_year(6, 1, True, False, 2025) == D(2025, 6, 25)


def test_leap_month_birthday_in_other_years_is_kept_in_the_regular_month() -> None:
    regular = ref.to_solar(2026, 6, 1)
    assert birthday_in_year(6, 1, True, True, 2026) == regular
    # 2028 has a leap fifth month, not a sixth: still the regular sixth month.
    assert birthday_in_year(6, 1, True, True, 2028) == ref.to_solar(2028, 6, 1)


def test_leap_month_30th_when_the_leap_month_is_short() -> None:
    # Leap sixth month of 2025 has 29 days.
    assert birthday_in_year(6, 30, True, True, 2025) == ref.to_solar(2025, 6, 29, True)


@pytest.mark.parametrize(("year", "expected"), [
    (2027, D(2027, 2, 28)), (2028, D(2028, 2, 29)), (2100, D(2100, 2, 28)), (2000, D(2000, 2, 29)),
])
def test_solar_feb_29_birthday_is_kept_on_feb_28_in_common_years(year: int, expected: dt.date):
    assert birthday_in_year(2, 29, False, False, year) == expected


def test_leap_flag_is_ignored_for_solar_birthdays() -> None:
    assert birthday_in_year(6, 1, False, True, 2025) == D(2025, 6, 1)


@pytest.mark.parametrize(("month", "day", "lunar"), [
    (4, 31, False), (2, 30, False), (13, 1, False), (0, 1, True), (13, 1, True), (1, 31, True),
    (1, 0, True),
])
def test_impossible_days_are_errors(month: int, day: int, lunar: bool) -> None:
    with pytest.raises(ValueError):
        birthday_in_year(month, day, lunar, False, 2026)
    with pytest.raises(ValueError):
        next_occurrences(month, day, lunar, False, D(2026, 1, 1), D(2026, 12, 31))


def test_lunar_dates_outside_the_tables_are_errors() -> None:
    with pytest.raises(ValueError):
        lunar_to_solar(2100, 1, 1)
    with pytest.raises(ValueError):
        lunar_to_solar(1899, 1, 1)


def test_lunar_twelfth_month_birthday_found_in_january_of_the_next_solar_year() -> None:
    # 腊月初一 of lunar 2025 is 2026-01-19: the window's solar year is 2026, the lunar one 2025.
    assert next_occurrences(12, 1, True, False, D(2026, 1, 10), D(2026, 1, 31)) == [D(2026, 1, 19)]


def test_lunar_birthday_in_a_window_spanning_the_year_end() -> None:
    # 腊月二十 of lunar 2026 is 2027-01-27.
    start, end = D(2026, 12, 28), D(2027, 1, 31)
    assert next_occurrences(12, 20, True, False, start, end) == [D(2027, 1, 27)]
    assert next_occurrences(11, 20, True, False, start, end) == [D(2026, 12, 28)]


def test_solar_birthday_in_a_window_spanning_the_year_end() -> None:
    start, end = D(2026, 12, 28), D(2027, 1, 5)
    assert next_occurrences(1, 3, False, False, start, end) == [D(2027, 1, 3)]
    assert next_occurrences(12, 30, False, False, start, end) == [D(2026, 12, 30)]
    assert next_occurrences(12, 27, False, False, start, end) == []


def test_window_edges_are_inclusive_and_an_empty_window_has_nothing() -> None:
    assert next_occurrences(3, 5, False, False, D(2026, 3, 5), D(2026, 3, 5)) == [D(2026, 3, 5)]
    assert next_occurrences(3, 5, False, False, D(2026, 3, 6), D(2026, 3, 4)) == []


def test_a_long_window_lists_every_year_in_order() -> None:
    found = next_occurrences(8, 15, True, False, D(2026, 1, 1), D(2028, 12, 31))
    assert found == [D(2026, 9, 25), D(2027, 9, 15), D(2028, 10, 3)]


def test_a_window_beyond_the_lunar_tables_yields_nothing_for_lunar_dates() -> None:
    assert next_occurrences(8, 15, True, False, D(2100, 3, 1), D(2100, 12, 31)) == []
    assert next_occurrences(8, 15, False, False, D(2100, 3, 1), D(2100, 12, 31)) == [D(2100, 8, 15)]


def test_lunar_conversions_are_cached() -> None:
    lunar_to_solar.cache_clear()
    for _ in range(3):
        lunar_to_solar(2027, 3, 3)
    info = calendar.lunar_to_solar.cache_info()
    assert (info.misses, info.hits) == (1, 2)


@given(
    year=st.integers(min_value=1901, max_value=2098),
    month=st.integers(min_value=1, max_value=12),
    day=st.integers(min_value=1, max_value=30),
)
def test_lunar_birthday_converts_back_to_the_same_lunar_day(year: int, month: int, day: int):
    solar = birthday_in_year(month, day, True, False, year)
    back_year, back_month, back_day, back_leap = ref.to_lunar(solar)
    assert (back_year, back_month, back_leap) == (year, month, False)
    assert back_day == day or (day == 30 and back_day == 29)


@given(
    start=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)),
    month=st.integers(min_value=1, max_value=12),
    day=st.integers(min_value=1, max_value=28),
)
def test_a_solar_birthday_occurs_once_in_any_year_long_window(start: dt.date, month: int, day: int):
    end = D(start.year + 1, start.month, 1) + (start - D(start.year, start.month, 1))
    end -= dt.timedelta(days=1)
    found = next_occurrences(month, day, False, False, start, end)
    assert len(found) == 1
    assert start <= found[0] <= end
    assert (found[0].month, found[0].day) == (month, day)


@given(
    start=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)),
    length=st.integers(min_value=0, max_value=800),
    month=st.integers(min_value=1, max_value=12),
    day=st.integers(min_value=1, max_value=30),
    leap=st.booleans(),
)
def test_lunar_occurrences_lie_in_the_window_about_a_year_apart(
    start: dt.date, length: int, month: int, day: int, leap: bool
) -> None:
    end = start + dt.timedelta(days=length)
    found = next_occurrences(month, day, True, leap, start, end)
    assert all(start <= when <= end for when in found)
    assert found == sorted(found)
    for earlier, later in zip(found, found[1:], strict=False):
        assert 320 <= (later - earlier).days <= 415
    if length >= 415:
        assert found


# ---- the whole range against a second implementation of the official calendar ----------------

YEARS = range(1901, 2100)
# The one place the two implementations disagree: the new moon of late September 2057 falls
# within a minute of midnight, Beijing time. lunar-python starts the ninth month on 09-29 (the
# eighth has 30 days), sxtwl on 09-28. kacli follows lunar-python; the README says so.
DISPUTED_DAYS = (D(2057, 9, 28), D(2057, 10, 27))
DISPUTED_MONTHS = {(2057, 8), (2057, 9)}


def test_festivals_match_the_reference_in_every_year() -> None:
    for year in YEARS:
        assert [when for _, _, when in festivals(year)] == [
            ref.to_solar(year, 1, 1), ref.to_solar(year, 5, 5), ref.to_solar(year, 8, 15)], year


@pytest.mark.slow
def test_leap_months_and_month_lengths_match_the_reference_in_every_year() -> None:
    for year in YEARS:
        assert calendar.leap_month(year) == ref.leap_month(year), year
        months = [(m, False) for m in range(1, 13)]
        if ref.leap_month(year):
            months.append((ref.leap_month(year), True))
        for month, leap in months:
            if (year, month) in DISPUTED_MONTHS:
                continue
            days = ref.month_days(year, month, leap)
            assert calendar.month_days(year, month, leap) == days, (year, month, leap)
            assert calendar.exact_lunar_to_solar(year, month, 1, leap) == ref.to_solar(year, month, 1, leap)
            assert calendar.exact_lunar_to_solar(year, month, days, leap) == ref.to_solar(year, month, days, leap)


def test_the_months_that_lunardate_had_wrong_are_right() -> None:
    assert festivals(1978)[2][2] == D(1978, 9, 17)  # Mid-Autumn 1978, not 09-16
    assert calendar.exact_lunar_to_solar(2057, 10, 1) == ref.to_solar(2057, 10, 1)


def test_the_disputed_month_of_2057_is_lunar_pythons() -> None:
    assert calendar.exact_lunar_to_solar(2057, 9, 1) == D(2057, 9, 29)
    assert ref.to_solar(2057, 9, 1) == D(2057, 9, 28)


@pytest.mark.slow
def test_every_day_from_1901_to_2099_has_the_references_lunar_date() -> None:
    day, last = D(1901, 2, 19), D(2100, 1, 1)
    step = dt.timedelta(days=1)
    differ = []
    while day < last:
        if calendar.solar_to_lunar(day) != ref.to_lunar(day):
            differ.append(day)
        day += step
    assert (differ[0], differ[-1], len(differ)) == (*DISPUTED_DAYS, 30)

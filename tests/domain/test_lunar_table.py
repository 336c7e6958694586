"""The precomputed lunar table (kacli.domain.lunar_table) is lunar-python's calendar, year by year.

kacli converts lunar dates with the table alone; lunar-python, which the table was generated from,
is the oracle here: every month of every year, and every day of whole years that test the edges
(the table's first and last years, leap months early and late in the year, the 2057 new moon that
falls within a minute of midnight).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunar_python import LunarYear, Solar

from kacli.domain import calendar, lunar_table
from kacli.domain.calendar import (
    FIRST_LUNAR_YEAR,
    LAST_LUNAR_YEAR,
    exact_lunar_to_solar,
    festivals,
    leap_month,
    month_days,
    solar_to_lunar,
)

D = dt.date
YEARS = range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1)
FIRST_DAY, LAST_DAY = D(1900, 1, 31), D(2100, 2, 8)  # 正月初一 of 1900, 腊月三十 of 2099
GENERATOR = Path(__file__).resolve().parents[2] / "tools" / "lunar_table.py"


def library_months(year: int) -> list[tuple[int, bool, dt.date, int]]:
    """(month, leap, first solar day, days) of each month of lunar ``year``, in order, by lunar-python."""
    out = []
    for found in LunarYear.fromYear(year).getMonths():
        if found.getYear() == year:
            first = D.fromisoformat(Solar.fromJulianDay(found.getFirstJulianDay()).toYmd())
            out.append((abs(found.getMonth()), found.getMonth() < 0, first, found.getDayCount()))
    return out


def library_lunar(day: dt.date) -> tuple[int, int, int, bool]:
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return lunar.getYear(), abs(lunar.getMonth()), lunar.getDay(), lunar.getMonth() < 0


def table_months(year: int) -> list[tuple[int, bool, dt.date, int]]:
    return [(month, leap, first, days) for (month, leap), (first, days) in calendar._months(year).items()]


# ---- hand-checked dates (almanacs and the State Council's holiday notices) ---------------------

def test_spring_festival_and_mid_autumn_of_known_years() -> None:
    assert festivals(2026)[0][2] == D(2026, 2, 17)
    assert festivals(2027)[0][2] == D(2027, 2, 6)
    assert festivals(2026)[2][2] == D(2026, 9, 25)
    assert solar_to_lunar(D(2026, 2, 17)) == (2026, 1, 1, False)
    assert solar_to_lunar(D(2026, 2, 16)) == (2025, 12, 29, False)  # 除夕 of a year whose 腊月 is short


def test_2023_has_a_leap_second_month_after_the_regular_one() -> None:
    assert leap_month(2023) == 2
    assert exact_lunar_to_solar(2023, 2, 1) == D(2023, 2, 20)
    assert exact_lunar_to_solar(2023, 2, 1, leap=True) == D(2023, 3, 22)
    assert exact_lunar_to_solar(2023, 3, 1) == D(2023, 4, 20)
    assert (month_days(2023, 2), month_days(2023, 2, leap=True)) == (30, 29)
    assert solar_to_lunar(D(2023, 3, 22)) == (2023, 2, 1, True)


def test_2033_has_a_leap_eleventh_month() -> None:
    assert leap_month(2033) == 11
    assert exact_lunar_to_solar(2033, 11, 1, leap=True) == D(2033, 12, 22)
    assert solar_to_lunar(D(2034, 1, 1)) == (2033, 11, 11, True)
    assert leap_month(2026) == 0
    with pytest.raises(ValueError):
        month_days(2026, 11, leap=True)


def test_the_tables_first_and_last_days() -> None:
    assert exact_lunar_to_solar(1900, 1, 1) == FIRST_DAY
    assert solar_to_lunar(FIRST_DAY) == (1900, 1, 1, False)
    assert solar_to_lunar(LAST_DAY) == (2099, 12, 30, False)
    for outside in (FIRST_DAY - dt.timedelta(days=1), LAST_DAY + dt.timedelta(days=1), D(1, 1, 1), D(9999, 12, 31)):
        with pytest.raises(ValueError):
            solar_to_lunar(outside)
    for year in (FIRST_LUNAR_YEAR - 1, LAST_LUNAR_YEAR + 1):
        with pytest.raises(ValueError):
            leap_month(year)


def test_every_year_of_the_table_runs_into_the_next() -> None:
    """12 months, or 13 with a leap month, of 29 or 30 days; each year ends the day before the next begins."""
    assert len(lunar_table.YEARS) == len(YEARS)
    for year in YEARS:
        months = table_months(year)
        leap = leap_month(year)
        assert len(months) == (13 if leap else 12), year
        assert [(m, is_leap) for m, is_leap, _, _ in months] == sorted(
            [(m, False) for m in range(1, 13)] + ([(leap, True)] if leap else [])), year
        lengths = lunar_table.YEARS[year - FIRST_LUNAR_YEAR] & 0x1FFF
        assert lengths < 1 << len(months), year  # no length bit beyond the year's last month
        _, _, first, days = months[-1]
        end = first + dt.timedelta(days=days)
        assert end == (exact_lunar_to_solar(year + 1, 1, 1) if year < LAST_LUNAR_YEAR else LAST_DAY + dt.timedelta(1))
        assert D(year, 1, 21) <= months[0][2] <= D(year, 2, 20), year


# ---- the whole table against lunar-python -------------------------------------------------------

def test_every_month_of_every_year_is_lunar_pythons() -> None:
    for year in YEARS:
        assert table_months(year) == library_months(year), year


@pytest.mark.slow  # the fast lane checks the same months above
def test_the_generator_writes_the_table_as_it_is() -> None:
    spec = importlib.util.spec_from_file_location("lunar_table_generator", GENERATOR)
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.render() == Path(lunar_table.__file__).read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("year", [1900, 2023, 2033, 2057, 2099, 2100])
def test_every_day_of_a_whole_solar_year_is_lunar_pythons(year: int) -> None:
    day, differ = D(year, 1, 1), []
    while day.year == year:
        if FIRST_DAY <= day <= LAST_DAY:
            if solar_to_lunar(day) != library_lunar(day):
                differ.append(day)
        else:
            with pytest.raises(ValueError):
                solar_to_lunar(day)
        day += dt.timedelta(days=1)
    assert differ == []


@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_any_day_has_lunar_pythons_lunar_date(day: dt.date) -> None:
    assert solar_to_lunar(day) == library_lunar(day)
    year, month, lunar_day, leap = solar_to_lunar(day)
    assert exact_lunar_to_solar(year, month, lunar_day, leap) == day

"""A second, independent implementation of the official Chinese calendar (sxtwl) for the tests
to check kacli's lunar dates against."""

from __future__ import annotations

import datetime as dt

import sxtwl


def leap_month(year: int) -> int:
    return sxtwl.getRunMonth(year)


def month_days(year: int, month: int, leap: bool = False) -> int:
    return sxtwl.getLunarMonthNum(year, month, leap)


def to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of a lunar date; ValueError when that day does not exist."""
    if (leap and leap_month(year) != month) or day > month_days(year, month, leap):
        raise ValueError(f"no lunar {year}-{month}-{day} (leap {leap})")
    found = sxtwl.fromLunar(year, month, day, leap)
    return dt.date(found.getSolarYear(), found.getSolarMonth(), found.getSolarDay())


def to_lunar(day: dt.date) -> tuple[int, int, int, bool]:
    found = sxtwl.fromSolar(day.year, day.month, day.day)
    return found.getLunarYear(), found.getLunarMonth(), found.getLunarDay(), bool(found.isLunarLeap())

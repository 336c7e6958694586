"""Birthdays and the three festivals (三节) on the solar calendar, from the lunar one when needed.

Many contacts keep their birthday by the lunar calendar, and Spring Festival, Dragon Boat and
Mid-Autumn move every solar year, so both are converted with a table of the lunar years 1900–2099
(:mod:`kacli.domain.lunar_table`: each year's first day, leap month and month lengths), generated
from lunar-python (``lunar_python``), which follows the official Chinese calendar. The tests
compare the table with lunar-python, and every day of 1901–2099 with sxtwl, a second independent
implementation. Outside those years lunar dates are simply not produced.

Choices a salesperson would expect, written down because the calendar leaves them open:

- A solar birthday on Feb 29 is kept on Feb 28 in a common year (the day before the missing one,
  still in February, as most people born that day celebrate).
- A lunar 30th in a 29-day month (小月) falls on that month's last day, the 29th.
- A birthday in a leap month (闰月) is kept in the leap month in years that have the same leap
  month, and in the regular month of that number otherwise — leap months are rare (seven in
  nineteen years) and nobody waits years for a birthday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from kacli.domain import lunar_table

FIRST_LUNAR_YEAR = lunar_table.FIRST_YEAR  # 1900
LAST_LUNAR_YEAR = lunar_table.LAST_YEAR  # 2099


@dataclass(frozen=True)
class Festival:
    """A yearly date worth a greeting or a gift.

    ``code`` is stable (``spring_festival``, ``dragon_boat``, ``mid_autumn``, or ``custom`` for
    one the user adds in the rules file); ``name`` is the user's own name for a custom one and
    empty for the built-in ones, whose names come from the message catalogue.
    """

    code: str
    month: int
    day: int
    lunar: bool = False
    name: str = ""

    @property
    def name_key(self) -> str | None:
        """The catalogue key of a built-in festival's name; None for the user's own."""
        return f"festival.{self.code}" if self.code != "custom" else None


BUILTIN_FESTIVALS: tuple[Festival, ...] = (
    Festival("spring_festival", 1, 1, lunar=True),  # 春节, 正月初一
    Festival("dragon_boat", 5, 5, lunar=True),  # 端午, 五月初五
    Festival("mid_autumn", 8, 15, lunar=True),  # 中秋, 八月十五
)

_SOLAR_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def check_day(month: int, day: int, lunar: bool) -> None:
    """ValueError unless month/day can occur in some year (Feb 29 and lunar 30ths can)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    last = 30 if lunar else _SOLAR_MONTH_DAYS[month - 1]
    if not 1 <= day <= last:
        raise ValueError(f"day out of range: {month}-{day}")


def in_lunar_range(year: int) -> bool:
    return FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR


def _entry(year: int) -> int:
    if not in_lunar_range(year):
        raise ValueError(f"lunar year out of range: {year}")
    return lunar_table.YEARS[year - FIRST_LUNAR_YEAR]


def leap_month(year: int) -> int:
    """The leap month (闰月) of lunar ``year``, 0 when it has none; ValueError outside 1900–2099."""
    return _entry(year) >> 13 & 0xF


def _new_year(year: int) -> dt.date:
    """The solar date of 正月初一 of lunar ``year``."""
    return dt.date(year, 1, 1) + dt.timedelta(days=_entry(year) >> 17)


@cache
def _months(year: int) -> dict[tuple[int, bool], tuple[dt.date, int]]:
    """(month, leap) -> (first solar day, number of days) for every month of lunar ``year``, in
    order, read from the table (see its docstring for the layout)."""
    entry, leap = _entry(year), leap_month(year)
    order = [(month, is_leap) for month in range(1, 13) for is_leap in (False, True)
             if not is_leap or month == leap]
    out = {}
    first = _new_year(year)
    for k, key in enumerate(order):
        days = 30 if entry >> k & 1 else 29
        out[key] = (first, days)
        first += dt.timedelta(days=days)
    return out


def _month(year: int, month: int, leap: bool) -> tuple[dt.date, int]:
    """(first solar day, number of days) of a lunar month; ValueError when it does not exist."""
    found = _months(year).get((month, leap))
    if found is None:
        raise ValueError(f"lunar year {year} has no {'leap ' if leap else ''}month {month}")
    return found


def month_days(year: int, month: int, leap: bool = False) -> int:
    """How many days lunar ``month`` (its leap month with ``leap``) of ``year`` has: 29 or 30.
    ValueError when that year has no such leap month or lies outside 1900–2099."""
    return _month(year, month, leap)[1]


def exact_lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of a lunar date that exists; ValueError for one that does not (a 30th in
    a 29-day month, a leap month the year lacks, a year outside 1900–2099)."""
    check_day(month, day, lunar=True)
    if not in_lunar_range(year):
        raise ValueError(f"lunar year out of range: {year}")
    first, days = _month(year, month, leap)
    if day > days:
        raise ValueError(f"lunar {year}-{month} has only {days} days")
    return first + dt.timedelta(days=day - 1)


def solar_to_lunar(day: dt.date) -> tuple[int, int, int, bool]:
    """The lunar (year, month, day, leap) of a solar date; ValueError outside lunar 1900–2099."""
    year = day.year if in_lunar_range(day.year) and day >= _new_year(day.year) else day.year - 1
    for (month, leap), (first, days) in _months(year).items():
        if first <= day < first + dt.timedelta(days=days):
            return year, month, (day - first).days + 1, leap
    raise ValueError(f"solar date outside the lunar tables: {day}")


@cache
def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of lunar ``year``-``month``-``day``, with the module's 30th/leap choices.

    Cached: the week list asks the same few hundred conversions for tens of thousands of
    contacts. ValueError for a day that cannot exist or a year outside 1900–2099.
    """
    check_day(month, day, lunar=True)
    if not in_lunar_range(year):
        raise ValueError(f"lunar year out of range: {year}")
    if leap and leap_month(year) != month:
        leap = False
    return exact_lunar_to_solar(year, month, min(day, month_days(year, month, leap)), leap)


def birthday_in_year(month: int, day: int, lunar: bool, leap: bool, year: int) -> dt.date:
    """The day a birthday is kept in ``year``.

    For a lunar birthday ``year`` is the *lunar* year, so a 腊月 birthday of lunar 2026 falls in
    January 2027; use :func:`next_occurrences` to ask "which birthdays fall in this window".
    ``leap`` is ignored for solar birthdays. ValueError for a day that cannot exist.
    """
    if lunar:
        return lunar_to_solar(year, month, day, leap)
    check_day(month, day, lunar=False)
    if month == 2 and day == 29 and not _is_leap_year(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def next_occurrences(
    month: int, day: int, lunar: bool, leap: bool, start: dt.date, end: dt.date
) -> list[dt.date]:
    """Every day from ``start`` through ``end`` (inclusive) on which the birthday is kept.

    A window may span a year end, and a lunar date of year Y lands in solar Y or Y+1, so lunar
    years ``start.year - 1`` through ``end.year`` are all tried. Years outside the lunar tables
    yield nothing; an impossible month/day is a ValueError.
    """
    check_day(month, day, lunar)
    found: list[dt.date] = []
    if end < start:
        return found
    years = range(start.year - 1, end.year + 1) if lunar else range(start.year, end.year + 1)
    for year in years:
        if lunar and not in_lunar_range(year):
            continue
        if lunar and year < start.year and start >= dt.date(start.year, 2, 20):
            continue  # a lunar year ends before the next Spring Festival, never after 02-20
        when = birthday_in_year(month, day, lunar, leap, year)
        if start <= when <= end:
            found.append(when)
    return sorted(found)


def festivals(year: int) -> list[tuple[str, str, dt.date]]:
    """The three festivals of lunar ``year`` as (code, name_key, date), in date order.

    ValueError outside the lunar tables (1900–2099).
    """
    out: list[tuple[str, str, dt.date]] = []
    for fest in BUILTIN_FESTIVALS:
        out.append((fest.code, f"festival.{fest.code}", lunar_to_solar(year, fest.month, fest.day)))
    return out


def festivals_between(
    start: dt.date, end: dt.date, extra: tuple[Festival, ...] = ()
) -> list[tuple[Festival, dt.date]]:
    """Built-in and ``extra`` festivals falling from ``start`` through ``end``, by date."""
    found: list[tuple[Festival, dt.date]] = []
    for fest in (*BUILTIN_FESTIVALS, *extra):
        for when in next_occurrences(fest.month, fest.day, fest.lunar, False, start, end):
            found.append((fest, when))
    found.sort(key=lambda pair: (pair[1], pair[0].code, pair[0].name))
    return found


def _is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

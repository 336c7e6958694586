"""Reading the dates a salesperson types: ISO dates, relative words, weekdays, and Chinese.

Accepted (``today`` is the pinned or real local date):

- ``2026-11-20``, ``2026/11/20``, ``20261120``, ``2026年11月20日``, ``11-20``, ``11月20日``
  (a date without a year is in today's year);
- ``today``, ``yesterday``, ``tomorrow``; ``今天``, ``昨天``, ``明天``, ``前天``, ``后天``/``後天``;
- ``+3d``, ``-2w``, ``+1m``, ``-1y``; ``3天后``, ``2周前``, ``1个月后`` (also 繁體);
- weekday names ``monday``..``sunday`` (``mon``...), ``周三``, ``星期三``, ``礼拜三``;
  ``next wednesday``/``下周三`` (that day in next calendar week, weeks starting Monday),
  ``last friday``/``上周五``, ``this friday``/``本周五``/``这周五``, ``下下周三`` (two weeks on);
- months and years: ``下个月``/``下月`` (the same day next month, clamped to its end), ``上个月``,
  ``月底``/``月末`` (the last day of this month), ``月初`` (its first day), ``下月初``, ``下个月底``,
  ``年底``/``年末`` (31 December), ``年初``, ``明年``, ``明年底``, ``去年``.

A bare weekday name is the nearest such day *ahead* of today when ``prefer="future"`` (a due
date, a next action) and the nearest one *behind* today when ``prefer="past"`` (when a visit
happened); today itself counts for both.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from kacli.errors import BadInput

Prefer = Literal["future", "past"]

_WEEKDAYS_EN = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_REL_WORDS = {
    "today": 0, "now": 0, "yesterday": -1, "tomorrow": 1,
    "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "明天": 1, "明日": 1,
    "前天": -2, "后天": 2, "後天": 2, "大后天": 3, "大後天": 3, "大前天": -3,
}
_UNITS = {
    "d": "days", "day": "days", "days": "days", "天": "days", "日": "days",
    "w": "weeks", "week": "weeks", "weeks": "weeks", "周": "weeks", "週": "weeks",
    "星期": "weeks", "个星期": "weeks", "個星期": "weeks", "礼拜": "weeks", "禮拜": "weeks",
    "m": "months", "month": "months", "months": "months", "月": "months", "个月": "months",
    "個月": "months",
    "y": "years", "year": "years", "years": "years", "年": "years",
}
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10}

_SIGNED = re.compile(r"^([+-])\s*(\d+)\s*([a-z]+)$")
_ZH_OFFSET = re.compile(
    r"^(\d+|[一二两兩三四五六七八九十])\s*"
    r"(天|日|周|週|个星期|個星期|星期|礼拜|禮拜|个月|個月|月|年)\s*(后|後|以后|以後|前|以前)$"
)
_ZH_WEEKDAY = re.compile(r"^(上上|下下|上|下|本|这|這|今)?\s*(?:周|週|星期|礼拜|禮拜)([一二三四五六日天七])$")
_ZH_MONTH = re.compile(r"^(上上|下下|上|下|本|这|這)?(?:个|個)?月(初|底|末)?$")
_ZH_YEAR = re.compile(r"^(今|明|去|后|後|前)?年(初|底|末)?$")
_MONTH_OFFSETS = {None: 0, "本": 0, "这": 0, "這": 0, "上": -1, "下": 1, "上上": -2, "下下": 2}
_YEAR_OFFSETS = {None: 0, "今": 0, "明": 1, "去": -1, "后": 2, "後": 2, "前": -2}
_EN_WEEKDAY = re.compile(r"^(?:(next|last|this)\s+)?([a-z]+)$")
_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$")


def add(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` days/weeks/months/years (month ends clamp: Jan 31 + 1m = Feb 28)."""
    if unit == "days":
        return day + dt.timedelta(days=amount)
    if unit == "weeks":
        return day + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "years" else 1)
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        # As day arithmetic fails (timedelta raises OverflowError): one kind of failure for a date
        # pushed out of the calendar, which the error handler reports as bad input.
        raise OverflowError(f"year {year} is out of range")
    return dt.date(year, month, min(day.day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


# The days a pinned "today" (--today / KACLI_TODAY) may be: the years whose calendar kacli knows
# (lunar birthdays, 1900-2099), so every window a command looks through stays a real date.
FIRST_TODAY = dt.date(1900, 1, 1)
LAST_TODAY = dt.date(2099, 12, 31)


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadInput("error.invalid_date", value=text) from None


def _weekday_in_week(today: dt.date, weekday: int, weeks: int) -> dt.date:
    monday = today - dt.timedelta(days=today.weekday())
    return monday + dt.timedelta(weeks=weeks, days=weekday)


def _bare_weekday(today: dt.date, weekday: int, prefer: Prefer) -> dt.date:
    delta = (weekday - today.weekday()) % 7
    if prefer == "past":
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7)
    return today + dt.timedelta(days=delta)


def parse_date(text: str, today: dt.date, *, prefer: Prefer = "future") -> dt.date:
    """The date meant by ``text``, relative to ``today``; BadInput if it is not a date."""
    raw = (text or "").strip()
    s = raw.lower()
    if not s:
        raise BadInput("error.invalid_date", value=text)
    if s in _REL_WORDS:
        return today + dt.timedelta(days=_REL_WORDS[s])
    if m := _FULL.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _COMPACT.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _MONTH_DAY.match(s):
        return _make(today.year, int(m[1]), int(m[2]), raw)
    if m := _SIGNED.match(s):
        unit = _UNITS.get(m[3])
        if unit is None:
            raise BadInput("error.invalid_date", value=text)
        amount = int(m[2]) * (-1 if m[1] == "-" else 1)
        return _shift(today, amount, unit, raw)
    if m := _ZH_OFFSET.match(s):
        n = int(m[1]) if m[1].isdigit() else _ZH_DIGITS[m[1]]
        sign = -1 if m[3].endswith("前") else 1
        return _shift(today, sign * n, _UNITS[m[2]], raw)
    if m := _ZH_WEEKDAY.match(s):
        weekday = _WEEKDAYS_ZH[m[2]]
        prefix = m[1]
        if prefix is None:
            return _bare_weekday(today, weekday, prefer)
        weeks = {"上上": -2, "上": -1, "下": 1, "下下": 2}.get(prefix, 0)
        return _weekday_in_week(today, weekday, weeks)
    if (m := _ZH_MONTH.match(s)) and (m[1] or m[2]):  # a bare 月 says nothing
        return _in_month(add(today.replace(day=1), _MONTH_OFFSETS[m[1]], "months"), today, m[2])
    if (m := _ZH_YEAR.match(s)) and (m[1] or m[2]):
        return _in_year(today, _YEAR_OFFSETS[m[1]], m[2], raw)
    if (m := _EN_WEEKDAY.match(s)) and m[2] in _WEEKDAYS_EN:
        weekday = _WEEKDAYS_EN[m[2]]
        if m[1] is None:
            return _bare_weekday(today, weekday, prefer)
        return _weekday_in_week(today, weekday, {"next": 1, "last": -1, "this": 0}[m[1]])
    raise BadInput("error.invalid_date", value=text)


def _in_month(first: dt.date, today: dt.date, anchor: str | None) -> dt.date:
    """A day of the month starting ``first``: its 初 (1st), 底/末 (last), or today's day number."""
    last = _days_in_month(first.year, first.month)
    if anchor == "初":
        return first
    if anchor in ("底", "末"):
        return first.replace(day=last)
    return first.replace(day=min(today.day, last))


def _in_year(today: dt.date, years: int, anchor: str | None, text: str) -> dt.date:
    if anchor == "初":
        return _make(today.year + years, 1, 1, text)
    if anchor in ("底", "末"):
        return _make(today.year + years, 12, 31, text)
    return _shift(today, years, "years", text)


def _shift(today: dt.date, amount: int, unit: str, text: str) -> dt.date:
    try:
        return add(today, amount, unit)
    except (OverflowError, ValueError):
        raise BadInput("error.invalid_date", value=text) from None


def parse_optional(text: str | None, today: dt.date, *, prefer: Prefer = "future") -> dt.date | None:
    return None if text is None else parse_date(text, today, prefer=prefer)

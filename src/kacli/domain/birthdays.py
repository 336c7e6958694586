"""A contact's birthday as the salesperson types it: solar or lunar, with or without the year.

Accepted: ``1975-08-15``, ``1975/8/15``, ``19750815``, ``1975年8月15日``, and without a year
``08-15``, ``8/15``, ``8月15日``. With ``lunar`` the same numbers are a lunar (农历) date; with
``leap`` too, the month is the leap month (闰月) of that number.

Rules, so a birthday can be greeted every year:

- a solar date must exist (Feb 29 only in a leap year; without a year Feb 29 is allowed);
- a lunar month is 1–12 and a lunar day 1–30; when the year is known (1900–2099, the lunar
  tables' range) the date must exist in that lunar year, and a leap month only where that year
  has one;
- ``leap`` only with ``lunar``.

The year, when given, is the year of birth (a lunar year for a lunar birthday), 1900–2099.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kacli.errors import BadInput

FIRST_YEAR = 1900
LAST_YEAR = 2099

_WITH_YEAR = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NO_YEAR = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$")


@dataclass(frozen=True)
class Birthday:
    month: int
    day: int
    year: int | None = None
    lunar: bool = False
    leap: bool = False

    def as_text(self) -> str:
        """A compact, language-neutral spelling for the history: ``lunar leap 1975-04-10``."""
        date = f"{self.month:02d}-{self.day:02d}"
        if self.year is not None:
            date = f"{self.year}-{date}"
        if self.lunar:
            return ("lunar leap " if self.leap else "lunar ") + date
        return date

    def as_json(self) -> dict:
        return {"year": self.year, "month": self.month, "day": self.day,
                "lunar": self.lunar, "leap": self.leap}


def parse_birthday(text: str | None, *, lunar: bool = False, leap: bool = False) -> Birthday | None:
    """The birthday ``text`` means; None for an empty text (clears it); BadInput otherwise."""
    if leap and not lunar:
        raise BadInput("error.leap_needs_lunar")
    raw = (text or "").strip()
    if not raw:
        if lunar or leap:
            raise BadInput("error.lunar_needs_birthday")
        return None
    year: int | None
    if m := (_WITH_YEAR.match(raw) or _COMPACT.match(raw)):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _NO_YEAR.match(raw):
        year, month, day = None, int(m[1]), int(m[2])
    else:
        raise BadInput("error.invalid_birthday", value=raw)
    birthday = Birthday(month=month, day=day, year=year, lunar=lunar, leap=leap)
    check(birthday, raw)
    return birthday


def check(b: Birthday, raw: str = "") -> None:
    """BadInput unless the birthday can be kept (see the module's rules)."""
    shown = raw or b.as_text()
    if b.leap and not b.lunar:
        raise BadInput("error.leap_needs_lunar")
    if b.year is not None and not FIRST_YEAR <= b.year <= LAST_YEAR:
        raise BadInput("error.birth_year_range", value=shown, low=FIRST_YEAR, high=LAST_YEAR)
    if b.lunar:
        _check_lunar(b, shown)
    else:
        _check_solar(b, shown)


def _check_solar(b: Birthday, shown: str) -> None:
    year = 2000 if b.year is None else b.year  # a leap year: Feb 29 exists when the year is unknown
    try:
        dt.date(year, b.month, b.day)
    except ValueError:
        raise BadInput("error.invalid_birthday", value=shown) from None


def _check_lunar(b: Birthday, shown: str) -> None:
    if not (1 <= b.month <= 12 and 1 <= b.day <= 30):
        raise BadInput("error.invalid_lunar_birthday", value=shown)
    if b.year is None:
        return
    from kacli.domain.calendar import exact_lunar_to_solar, leap_month

    if b.leap and leap_month(b.year) != b.month:
        raise BadInput("error.no_leap_month", value=shown, year=b.year, month=b.month)
    try:
        exact_lunar_to_solar(b.year, b.month, b.day, b.leap)  # validates the day
    except ValueError:
        raise BadInput("error.invalid_lunar_birthday", value=shown) from None


def from_columns(year: int | None, month: int | None, day: int | None, lunar: bool,
                 leap: bool) -> Birthday | None:
    """The birthday kept in a contact's columns, or None when there is none."""
    if month is None or day is None:
        return None
    return Birthday(month=month, day=day, year=year, lunar=bool(lunar), leap=bool(leap))

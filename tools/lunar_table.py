"""Regenerate src/kacli/domain/lunar_table.py from lunar-python (``lunar_python``).

kacli reads its lunar calendar from that precomputed table, so a command neither imports
lunar-python nor works out new moons and solar terms. Run this after upgrading lunar-python
(``python tools/lunar_table.py``); the tests compare the table with lunar-python month by month.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from pathlib import Path

FIRST_YEAR = 1900
LAST_YEAR = 2099
TABLE = Path(__file__).resolve().parent.parent / "src" / "kacli" / "domain" / "lunar_table.py"

_JD_2000 = 2451545  # the Julian day number of 2000-01-01 (noon)

HEADER = '''"""The Chinese lunar calendar for lunar years {first}–{last}, precomputed.

Generated from lunar-python (``lunar_python``, which follows the official Chinese calendar) by
tools/lunar_table.py; do not edit by hand, run that script. The tests compare every year with
lunar-python. A lookup here replaces working out new moons and solar terms at run time.

``YEARS[i]`` describes lunar year ``FIRST_YEAR + i`` in one int:

- bits 0–12: the length of each month in order, the leap month (闰月) right after the regular
  month of its number; bit k set means the (k+1)-th month has 30 days, clear 29. A year without
  a leap month has 12 months and bit 12 clear.
- bits 13–16: the leap month's number, 0 when the year has none.
- bits 17 and up: the day of the solar year ``FIRST_YEAR + i`` on which the lunar year begins
  (正月初一), counted from January 1 as 0.
"""

FIRST_YEAR = {first}
LAST_YEAR = {last}

YEARS = (
'''


def months(year: int) -> list[tuple[int, bool, dt.date, int]]:
    """(month, leap, first solar day, number of days) of each month of lunar ``year``, in order."""
    from lunar_python import LunarYear

    out = []
    for found in LunarYear.fromYear(year).getMonths():
        if found.getYear() == year:
            first = dt.date(2000, 1, 1) + dt.timedelta(days=math.floor(found.getFirstJulianDay() + 0.5) - _JD_2000)
            out.append((abs(found.getMonth()), found.getMonth() < 0, first, found.getDayCount()))
    return out


def encode(year: int) -> int:
    """The table's int for lunar ``year`` (see the layout in the table's docstring)."""
    found = months(year)
    leaps = [month for month, leap, _, _ in found if leap]
    assert len(found) == 12 + len(leaps) and len(leaps) <= 1, (year, found)
    for (_, _, first, days), (_, _, following, _) in zip(found, found[1:], strict=False):
        assert first + dt.timedelta(days=days) == following, (year, found)  # months follow on
    assert [(m, leap) for m, leap, _, _ in found] == sorted((m, leap) for m, leap, _, _ in found), year
    lengths = sum(1 << k for k, (_, _, _, days) in enumerate(found) if days == 30)
    assert all(days in (29, 30) for _, _, _, days in found), (year, found)
    new_year = found[0][2]
    assert found[0][:2] == (1, False) and new_year.year == year, (year, found)
    return ((new_year - dt.date(year, 1, 1)).days << 17) | ((leaps[0] if leaps else 0) << 13) | lengths


def render(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str:
    """The text of the table module."""
    entries = [f"0x{encode(year):06x}," for year in range(first, last + 1)]
    lines = []
    for start in range(0, len(entries), 10):
        years = f"{first + start}–{min(first + start + 9, last)}"
        lines.append(f"    {' '.join(entries[start:start + 10])}  # {years}")
    return HEADER.format(first=first, last=last) + "\n".join(lines) + "\n)\n"


def main() -> None:
    TABLE.write_text(render(), encoding="utf-8")
    sys.stderr.write(f"wrote {TABLE}\n")


if __name__ == "__main__":
    main()

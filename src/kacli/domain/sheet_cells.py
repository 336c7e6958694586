"""Cells that leave kacli for a spreadsheet: never something the spreadsheet would run.

A spreadsheet treats a CSV cell starting with ``=``, ``+``, ``-`` or ``@`` as a formula (and a
leading tab or carriage return can hide one), so a customer named ``=HYPERLINK(…)`` could run when
the export is opened. In CSV such a cell is written with a leading ``'`` (the quote Excel and
LibreOffice use for "this is text"); a cell that already starts with quotes before one of those
characters gets one more, so reading back takes exactly one off and every value returns as it was.
In XLSX every value is a string cell, never a formula; the control characters a workbook cannot
hold are written as Excel's own ``_xHHHH_`` escape and read back as the character.
"""

from __future__ import annotations

import re

RUNS = ("=", "+", "-", "@", "\t", "\r")

# The characters XML 1.0 (and so a workbook) cannot hold; tab, line feed and CR it can.
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPED = re.compile("_x(000[0-8]|000[bBcC]|000[eEfF]|001[0-9a-fA-F])_")


def _runs(text: str) -> bool:
    return text.lstrip("'")[:1] in RUNS and text.lstrip("'") != ""


def csv_cell(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs."""
    return "'" + value if _runs(value) else value


def from_csv(cell: str) -> str:
    """The value a ``csv_cell`` stands for (other cells as they are)."""
    return cell[1:] if cell.startswith("'") and _runs(cell[1:]) else cell


def xlsx_text(value: str) -> str:
    """``value`` as text a workbook can hold."""
    return _UNHOLDABLE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def from_xlsx(text: str) -> str:
    """The value an ``xlsx_text`` stands for."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)

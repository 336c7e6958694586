"""Long lists written as they are read: ``customer list``, ``deal list``, ``payment list``.

- On a pipe each record is one line of tab-separated values, header first, written as soon as it
  is read: nothing cut or wrapped, and the first lines reach ``head`` or ``grep`` before the last
  row is out of the dossier. A tab or line break inside a value becomes a space, so a record is
  always one line with one cell per column.
- On a terminal narrower than the columns with every value in full, each record is a paragraph
  of its values, wrapped between them (nothing cut). Otherwise a short list (up to ``BATCH``
  rows) is a Rich table, as every other view. A
  longer one is laid out in batches of ``BATCH`` rows that share the column widths of the first
  batch, fitted to the screen; a later text wider than its column is cut with "…" (as any
  value too wide for the screen is), while a number (a total) is never cut: its line is pushed
  wider instead. Only one batch is held at a time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

BATCH = 200  # rows measured together: Rich measures each cell, about 1.5 ms a row

NUMBER_SLACK = 3  # cells: one more group of thousands ("¥1,234" -> "¥1,234,000")

Row = tuple[Sequence[Any], str]  # the cells of one line, and its style ("" for none)


def write(headers: Sequence[str], rows: Iterable[Row], *, right: frozenset[int] = frozenset(),
          summed: frozenset[int] = frozenset()) -> int:
    """Print ``rows`` under ``headers`` on stdout; ``right`` are the columns aligned right
    (money, counts), ``summed`` those of them with totals among the rows (wider than the rest).
    Returns how many rows were printed."""
    from kacli.render import is_terminal

    if not is_terminal(sys.stdout):
        return _tab_separated(headers, rows)
    return _on_terminal(headers, iter(rows), right, summed)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.replace("\t", " ").splitlines())
    return text


def _tab_separated(headers: Sequence[str], rows: Iterable[Row]) -> int:
    out = sys.stdout
    out.write("\t".join(map(_cell, headers)) + "\n")
    count = 0
    for cells, _ in rows:
        out.write("\t".join(map(_cell, cells)) + "\n")
        count += 1
    return count


def _on_terminal(headers: Sequence[str], rows: Iterator[Row], right: frozenset[int],
                 summed: frozenset[int]) -> int:
    from kacli.render import out

    console = out()
    first = list(islice(rows, BATCH + 1))
    if _natural_width(headers, first) > console.width:
        return _blocks(console, headers, first, rows)
    if len(first) <= BATCH:
        console.print(_rich_table(headers, first, right))
        return len(first)
    widths = _widths(headers, first, console.width, summed)
    # Rich joins printed Texts into a new one that would wrap: the options say "one line each".
    console.print(_grid([(headers, "bold")], widths, right), no_wrap=True, overflow="crop")
    count = 0
    batch: list[Row] = first
    while batch:
        console.print(_grid(batch, widths, right), no_wrap=True, overflow="crop")
        count += len(batch)
        batch = list(islice(rows, BATCH))
    return count


def _natural_width(headers: Sequence[str], rows: list[Row]) -> int:
    """How wide the columns would be with every value in full, two cells apart."""
    from rich.cells import cell_len

    widths = [cell_len(h) for h in headers]
    for cells, _ in rows:
        for i, value in enumerate(cells[:len(widths)]):
            widths[i] = max(widths[i], cell_len(_cell(value)))
    return sum(widths) + 2 * (len(widths) - 1)


def _blocks(console, headers: Sequence[str], first: list[Row], rest: Iterator[Row]) -> int:
    """A screen too narrow for the columns: each record as one paragraph, its first two values
    (the record's number and name) bare and the others after their column's name, " · " between
    them; it wraps between values, so nothing is cut."""
    from rich.cells import cell_len
    from rich.text import Text

    count = 0
    for cells, style in (*first, *rest):
        parts = [value if i < 2 else f"{headers[i]} {value}"
                 for i, value in enumerate(map(_cell, cells)) if value and i < len(headers)]
        lines = [""]
        for part in parts:  # a value and its column's name stay on one line
            joined = f"{lines[-1]} · {part}" if lines[-1] else part
            if lines[-1] and cell_len(joined) + 2 > console.width:  # room for a " ·" after it
                lines[-1] += " ·"
                lines.append("  " + part)
            else:
                lines[-1] = joined
        for line in lines:
            console.print(Text(line, style=style or ""), overflow="fold")
        count += 1
    return count


def _rich_table(headers: Sequence[str], rows: list[Row], right: frozenset[int]):
    from rich.table import Table

    from kacli.render import text

    # Only used when every value fits in full (``_natural_width``): nothing here is ever cut.
    table = Table(box=None, pad_edge=False, header_style="bold")
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in right else "left")
    for cells, style in rows:
        table.add_row(*(text(_cell(c)) for c in cells), style=style or None)
    return table


def _widths(headers: Sequence[str], rows: list[Row], room: int, summed: frozenset[int]) -> list[int]:
    """Each column as wide as its widest cell in ``rows``, narrowed (widest first) to fit ``room``."""
    from rich.cells import cell_len

    widths = [cell_len(h) for h in headers]
    for cells, _ in rows:
        for i, value in enumerate(cells):
            widths[i] = max(widths[i], cell_len(_cell(value)))
    for i in summed:  # room for a total a thousand times the widest number of the first rows
        widths[i] += NUMBER_SLACK
    room -= 2 * (len(headers) - 1)
    while sum(widths) > room and max(widths) > 6:
        widths[widths.index(max(widths))] -= 1
    return widths


def _grid(rows: list[Row] | list[tuple[Sequence[str], str]], widths: list[int], right: frozenset[int]):
    from rich.text import Text

    lefts = [sum(widths[:i]) + 2 * i for i in range(len(widths))]
    grid = Text()
    for n, (cells, style) in enumerate(rows):
        grid.append(("\n" if n else "") + _line(cells, widths, lefts, right), style=style)
    return grid


def _line(cells: Sequence[Any], widths: list[int], lefts: list[int], right: frozenset[int]) -> str:
    """One row laid out on the columns. A text too wide for its column is cut with "…"; a
    number is never cut: it takes the blank room to its left first (a total under a blank
    column), and pushes the rest of its line right only when there is none."""
    from rich.cells import cell_len, set_cell_size

    line: list[str] = []
    end = -2  # where the last value written ends (two cells apart from the next one)
    for i, width in enumerate(widths):
        value = _cell(cells[i]) if i < len(cells) else ""
        if not value:
            continue
        size = cell_len(value)
        if i in right:
            start = max(end + 2, lefts[i] + width - size)
        else:
            if size > width:
                value, size = set_cell_size(value, width - 1) + "…", width
            start = max(end + 2, lefts[i])
        line.append(" " * (start - max(end, 0)) + value)
        end = start + size
    return "".join(line)

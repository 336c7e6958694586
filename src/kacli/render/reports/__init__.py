"""The reports drawn: tables and bar charts with Rich, JSON, CSV for Excel and SVG pictures.

Each report module gives ``json_of(report)`` (the documented shape: money in fen),
``csv_of(report)`` (one or more tables of plain values: money in yuan as plain numbers) and
``view(report)`` (a Rich renderable: money in ¥ with grouping, in 万/亿 where the language is
Chinese). The same view goes to the terminal and, recorded, into an SVG file.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import Any

from kacli import i18n

# Rich is imported where a picture is drawn, never for --json or --csv.

_EIGHTHS = " ▏▎▍▌▋▊▉"


def money(fen: int | None) -> str:
    """Whole yuan with grouping: ``¥1,234,568``; in Chinese from ten thousand yuan on ``¥12.5万``
    (to a tenth of 万 under 100万), ``¥1,235万``, ``¥1.23亿`` (rounded half up; JSON and CSV keep
    every fen)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    yuan = (fen + 50) // 100
    lang = i18n.current()
    if lang == "en" or yuan < 10_000:
        return f"{sign}¥{yuan:,}"
    wan, yi = ("万", "亿") if lang == "zh-Hans" else ("萬", "億")
    if yuan < 1_000_000:  # under 100万: to a tenth of 万
        tenths = (fen + 50_000) // 100_000
        whole, rest = divmod(tenths, 10)
        return f"{sign}¥{whole:,}" + (f".{rest}" if rest else "") + wan
    if yuan < 100_000_000:  # 100万 and more: whole 万
        return f"{sign}¥{(fen + 500_000) // 1_000_000:,}{wan}"
    hundredths = (fen + 50_000_000) // 100_000_000  # hundredths of 亿
    whole, rest = divmod(hundredths, 100)
    return f"{sign}¥{whole:,}" + (f".{rest:02d}".rstrip("0") if rest else "") + yi


def yuan(fen: int | None) -> str:
    """Fen as yuan for a spreadsheet: ``1234567.8`` → ``12345.68``; empty when unknown."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def percent(value: float | None, places: int = 1) -> str:
    return "" if value is None else f"{value:.{places}%}"


def days(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class Bar:
    """A horizontal bar filling ``fraction`` of the width it is given, to an eighth of a cell;
    centred (whole cells only) for a funnel."""

    def __init__(self, fraction: float, style: str = "cyan", *, centred: bool = False, fill: str = "█") -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        self.style = style
        self.centred = centred
        self.fill = fill  # another character than the full block: whole cells only

    def __rich_console__(self, console, options):
        from rich.segment import Segment

        width = options.max_width
        if self.centred or self.fill != "█":
            cells = round(self.fraction * width)
            if self.fraction > 0:
                cells = max(cells, 1)
            if self.centred:
                yield Segment(" " * ((width - cells) // 2))
            yield Segment(self.fill * cells, console.get_style(self.style))
            yield Segment.line()
            return
        whole, part = divmod(round(self.fraction * width * 8), 8)
        body = "█" * whole + (_EIGHTHS[part] if part else "")
        if self.fraction > 0 and not body:
            body = "▏"  # something, however small, is never drawn as nothing
        yield Segment(body, console.get_style(self.style))
        yield Segment.line()  # one bar a line: two bars in a cell are drawn one above the other

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement(1, options.max_width)


def share_of(value: int, largest: int) -> float:
    return value / largest if largest > 0 else 0.0


def table(*headers: str, bar: str | None = None, right: Sequence[int] = (), name_column: int | None = None,
          bars: bool = True):
    """A borderless table filling the width; with ``bars`` a last column holds the bars (``bar``
    its header). A name column is cut with an ellipsis past 24 cells; numbers never are."""
    from rich.table import Table

    grid = Table(box=None, pad_edge=False, header_style="bold", expand=bars, show_edge=False)
    for i, header in enumerate(headers):
        if i == name_column:
            grid.add_column(header, no_wrap=True, overflow="ellipsis", max_width=24, min_width=6)
        else:
            grid.add_column(header, no_wrap=True, justify="right" if i in right else "left")
    if bars:
        grid.add_column(bar or "", ratio=1, min_width=8, no_wrap=True)
    return grid


def width() -> int:
    """The columns the view is drawn in: the terminal's (80 on a pipe, or ``COLUMNS``)."""
    from kacli.render import out

    return out().width


def fits(columns: Sequence[Sequence[str]], room: int) -> bool:
    """Whether columns of these cells (header first), two cells apart, fit in ``room``."""
    from rich.cells import cell_len

    return sum(max(cell_len(c) for c in column) for column in columns) + 2 * len(columns) <= room


def cell(value: Any, style: str = ""):
    """User data as plain text, never read as markup."""
    from rich.text import Text

    return Text("" if value is None else str(value), style=style, no_wrap=True)


def heading(line: str):
    from rich.text import Text

    return Text(line, style="bold")


def note(line: str, style: str = ""):
    """A sentence under a chart: wrapped to the width, never cut."""
    from rich.text import Text

    return Text(line, style=style)


def group(*parts):
    from rich.console import Group

    return Group(*parts)


def stage_label(code: str) -> str:
    """A deal stage in the user's language."""
    from kacli.domain import vocab

    return vocab.DEAL_STAGE.label(code, i18n.current())


def show(view) -> None:
    from kacli.render import out

    out().print(view)


def write_csv(sections: list[tuple[list[str], list[list[Any]]]]) -> None:
    """Tables on stdout as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the
    Chinese), CRLF line ends; several tables are separated by an empty line."""
    import csv

    from kacli.domain.sheet_cells import csv_cell

    def cells(row):  # a name a spreadsheet would run is written as text
        return [csv_cell(v) if isinstance(v, str) else v for v in row]

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for i, (headers, rows) in enumerate(sections):
        if i:
            writer.writerow([])
        writer.writerow(cells(headers))
        writer.writerows(cells(row) for row in rows)
    data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        out.write(data)
        out.flush()
    else:  # a test's captured stream
        sys.stdout.write(data.decode("utf-8"))


def svg_of(view, title: str) -> str:
    """The view as an SVG picture (Rich records what it draws)."""
    from rich.console import Console

    from kacli.render import out

    picture = Console(record=True, file=io.StringIO(), width=out().width, force_terminal=True,
                      color_system="truecolor", highlight=False)
    picture.print(view)
    return picture.export_svg(title=title)


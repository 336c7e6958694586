"""The only place that styles output: Rich for a terminal, JSON for scripts, stderr for messages.

Data goes to stdout; messages, warnings and errors to stderr, so a script reading stdout never
sees them. Colour only on a terminal; Rich honours ``NO_COLOR`` and pipes by itself.
"""

from __future__ import annotations

import sys
from typing import Any

_out = None
_err = None


def silence_stdout() -> None:
    """Send whatever is still buffered for stdout to /dev/null, so nothing (Python's flush at
    exit included) complains on stderr about a reader that went away (``kacli week | head``)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's capture): nothing to guard
        pass


def out():
    """The Rich console for data (stdout)."""
    global _out
    from rich.console import Console

    class DataConsole(Console):
        def on_broken_pipe(self) -> None:  # Rich exits 1; a closed pipe is not our failure
            self.quiet = True
            silence_stdout()
            from kacli.errors import ExitCode

            raise SystemExit(int(ExitCode.READER_GONE))

    if _out is None or _out.file is not sys.stdout:
        _out = DataConsole(file=sys.stdout, highlight=False, soft_wrap=False)
    return _out


def err():
    """The Rich console for messages (stderr)."""
    global _err
    from rich.console import Console

    if _err is None or _err.file is not sys.stderr:
        _err = Console(file=sys.stderr, highlight=False, soft_wrap=True)
    return _err


def records(table) -> None:
    """Print a table of records on stdout. On a terminal it fits the screen, folding long values
    onto more lines; on a pipe nothing is ever cut or wrapped: every value in full, one record per
    line, however wide the lines get."""
    console = out()
    if console.is_terminal:
        for column in getattr(table, "columns", ()):  # a value too long for its column folds onto the next line
            if not column.no_wrap:    # (Chinese has no spaces to wrap at): never cut off with "…"
                column.overflow = "fold"
        console.print(table)
        return
    from rich.console import Console
    from rich.measure import Measurement

    natural = Measurement.get(console, console.options.update(max_width=1_000_000), table).maximum
    wide = Console(file=sys.stdout, highlight=False, soft_wrap=False, color_system=None,
                   width=max(natural, console.width))
    with wide.capture() as captured:
        wide.print(table)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def emit_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout: UTF-8 text, not escapes; stable key order as given."""
    from kacli.render.json_text import dumps

    sys.stdout.write(dumps(data) + "\n")


def stream_json(data: Any) -> None:
    """Print ``data`` as ``emit_json`` does, written while its iterators are read (see
    ``kacli.render.json_text.write``): a list of a hundred thousand rows is never held whole."""
    from kacli.render.json_text import write

    write(data, sys.stdout)
    sys.stdout.write("\n")


def text(value: Any, style: str = ""):
    """A Rich Text for user data: never interpreted as markup (a name may contain '[b]'). Too
    long for its place on a narrow screen, it folds onto the next line rather than being cut with
    "…" (Chinese has no spaces to wrap at; a phone number must stay whole)."""
    from rich.text import Text

    return Text("" if value is None else str(value), style=style, overflow="fold")


def facts_grid(rows: list[tuple[str, Any]]):
    """Label and value rows (a panel's body); empty values are left out."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in rows:
        if value not in (None, "", [], {}):
            grid.add_row(text(label), text(", ".join(value) if isinstance(value, list) else value))
    return grid


def panel(title: str, body):
    """A titled box around ``body``, as every record view draws one."""
    from rich.panel import Panel

    return Panel(body, title=text(title, style="bold cyan"), title_align="left", expand=True)


def is_terminal(stream) -> bool:
    """Whether ``stream`` is shown on a terminal, as Rich decides it (``TTY_COMPATIBLE=1`` or
    ``FORCE_COLOR`` make any output a terminal, ``TTY_COMPATIBLE=0`` none) — asked without
    loading Rich, so a script's run never pays for it."""
    import os

    flag = os.environ.get("TTY_COMPATIBLE", "")
    if flag in ("0", "1"):
        return flag == "1"
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _say(line: str, style: str = "") -> None:
    """One line on stderr: through Rich (coloured) on a terminal, as it is elsewhere."""
    if is_terminal(sys.stderr):
        err().print(text(line, style=style))
    else:
        sys.stderr.write(line + "\n")


def message(line: str) -> None:
    """A plain informational line on stderr (e.g. "Added customer #3 华信地产")."""
    _say(line)


def warn(line: str) -> None:
    _say(line, "yellow")


def error(line: str) -> None:
    from kacli.i18n import t

    _say(t("label.error") + line, "bold red")


def field_name(code: str) -> str:
    """A field code as the user reads it: ``grade_manual`` -> "Grade"; ``fact:年会`` -> 年会."""
    from kacli.i18n import label_or_code

    if code.startswith("fact:"):
        return code[5:]
    aliases = {"grade_manual": "grade", "ownership_country": "ownership"}
    return label_or_code(f"field.{aliases.get(code, code)}", code)


def field_names(codes: list[str]) -> str:
    from kacli.i18n import join_words

    return join_words(field_name(c) for c in codes)


# Rich measures every cell of a Table, about 1.5 ms a row: fine for a screenful, slow for a list
# of thousands. Longer lists are laid out here, one line per row, measured with Rich's cell_len
# (Chinese characters are two cells wide) and cropped with an ellipsis to fit the terminal.
ROWS_FOR_RICH_TABLE = 200


def rows_table(headers: list[str], rows: list[list[Any]], styles: list[str] | None = None):
    """A renderable table of plain cells: a Rich Table when short, a fast grid when long."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if len(cells) <= ROWS_FOR_RICH_TABLE:
        from rich.table import Table

        table = Table(box=None, pad_edge=False, header_style="bold")
        for header in headers:
            table.add_column(header)
        for i, row in enumerate(cells):
            table.add_row(*(text(c) for c in row), style=styles[i] if styles else None)
        return table
    return _line_grid(headers, cells, styles)


def _line_grid(headers: list[str], cells: list[list[str]], styles: list[str] | None):
    from rich.cells import cell_len, set_cell_size
    from rich.text import Text

    widths = [max([cell_len(h)] + [cell_len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    # On a pipe nothing is cut (see ``records``): only a terminal's width crops the cells.
    room = out().width - 2 * (len(headers) - 1) if out().is_terminal else sum(widths)
    while sum(widths) > room and max(widths) > 6:
        widths[widths.index(max(widths))] -= 1

    def line(row: list[str]) -> str:
        parts = []
        for value, width in zip(row, widths, strict=True):
            if cell_len(value) > width:
                value = set_cell_size(value, width - 1) + "…"
            parts.append(set_cell_size(value, width))
        return "  ".join(parts).rstrip()

    grid = Text(line(headers), style="bold", no_wrap=True, overflow="crop")
    for i, row in enumerate(cells):
        grid.append("\n")
        grid.append(line(row), style=styles[i] if styles else "")
    return grid

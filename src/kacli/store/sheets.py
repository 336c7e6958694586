"""Reading the files a salesperson exchanges (CSV, XLSX, JSON) and making the bytes of new ones.

CSV is read as UTF-8 (with or without the byte-order mark Excel writes) or, when that fails, as
GB18030 — a superset of GBK, what Chinese Excel uses for "CSV". XLSX is read with openpyxl; a
merged cell counts as its value in every cell it covers (a group heading over several columns).
Putting bytes on disk is ``kacli.store.outputs``' job (0600, never the dossier, a device written into).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kacli.domain.sheet_cells import csv_cell, from_csv, from_xlsx, xlsx_text
from kacli.errors import BadInput


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".json":
        return "json"
    return "csv"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput("error.import_encoding")


def read_csv(data: bytes) -> list[list[str]]:
    content = _decode(data)
    first = content.split("\n", 1)[0]
    # Excel's "Unicode text" is tab-separated; everything else it saves uses commas.
    dialect = csv.excel_tab if "\t" in first and "," not in first else csv.excel
    reader = csv.reader(io.StringIO(content, newline=""), dialect)
    try:
        return [[from_csv(cell) for cell in row] for row in reader]
    except csv.Error as exc:  # a field longer than csv's limit (131,072 characters), a stray NUL
        raise BadInput("error.import_csv_line", line=reader.line_num, detail=str(exc)) from None


def read_xlsx(path: Path, sheet: str | None) -> list[list[Any]]:
    from openpyxl import load_workbook  # heavy: only when importing a workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged or foreign file
        raise BadInput("error.import_unreadable", path=path, detail=str(exc)[:200]) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise BadInput("error.import_no_sheet", sheet=sheet, sheets=", ".join(book.sheetnames))
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = [[from_xlsx(v) if isinstance(v, str) else v for v in r] for r in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = ws.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                    rows[r - 1][c - 1] = value
    return rows


def read_json(data: bytes, table: str) -> list[dict[str, Any]]:
    """kacli's own JSON export: ``{"customers": [...], ...}`` or one table's list."""
    try:
        doc = json.loads(_decode(data))
    except ValueError as exc:
        raise BadInput("error.import_unreadable", path="JSON", detail=str(exc)[:200]) from None
    rows = doc.get(table, []) if isinstance(doc, dict) else doc
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise BadInput("error.import_unreadable", path="JSON", detail=f"no list of {table}")
    return rows


def read_bytes(path: Path) -> bytes:
    try:
        return path.expanduser().read_bytes()
    except OSError as exc:
        raise BadInput("error.import_unreadable", path=path, detail=exc.strerror or str(exc)) from None


def _append_text(ws, values: Sequence[Any]) -> None:
    """A row whose text cells are strings, never formulas (see ``domain.sheet_cells``)."""
    ws.append([xlsx_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[str]], encoding: str) -> bytes:
    """A CSV Excel opens correctly: UTF-8 with a byte-order mark, or GB18030 if asked."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(v) if isinstance(v, str) else v for v in row] for row in rows)
    text = buffer.getvalue()
    if encoding == "gb18030":
        return text.encode("gb18030")
    return text.encode("utf-8-sig")


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[str]]]]) -> bytes:
    """A workbook with one sheet per (title, headers, rows); the header row bold and frozen."""
    from openpyxl import Workbook  # heavy: only when writing a workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, headers, rows in sheets:
        ws = book.create_sheet(title)
        _append_text(ws, headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for row in rows:
            _append_text(ws, row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

"""``kacli export``: the dossier's tables as CSV, XLSX or JSON that ``import`` reads back.

Headers are bilingual (``客户名称/name``) so a Chinese sheet reads naturally and the columns are
still the field codes ``--json`` uses; values are written as the command line reads them (amounts
in yuan, dates ISO, enum values as codes, lists comma-separated, facts and competitors as JSON).
JSON follows ``--json``'s conventions: money in fen under ``*_fen``, lists as arrays.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kacli.domain import sheet_fields, sheet_rows
from kacli.domain.rules import Rules
from kacli.store import export_rows, sheets
from kacli.store.db import Db


def headers(table: str) -> list[str]:
    from kacli.i18n import messages

    return sheet_fields.template_headers(table, messages())


def records(db: Db, table: str, today: dt.date, rules: Rules) -> list[dict[str, Any]]:
    """The table's rows; a deal's with its ``risks`` as of ``today`` (``deal list``'s codes)."""
    rows = export_rows.READERS[table](db)
    if table == "deals":
        from kacli.services.deals import risk_codes

        risks = risk_codes(db, today, rules)
        for row in rows:
            row["risks"] = risks.get(row["id"], [])
    return rows


def table_rows(db: Db, table: str, today: dt.date, rules: Rules) -> list[list[str]]:
    return [sheet_rows.sheet_row(table, r) for r in records(db, table, today, rules)]


def as_bytes(db: Db, tables: list[str], fmt: str, today: dt.date, rules: Rules, *,
             encoding: str = "utf-8") -> bytes:
    """One table (or, for XLSX and JSON, several) in ``fmt``, as of ``today``."""
    if fmt == "json":
        doc = {t: [sheet_rows.json_row(t, r) for r in records(db, t, today, rules)] for t in tables}
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "xlsx":
        return sheets.xlsx_bytes([(t, headers(t), table_rows(db, t, today, rules)) for t in tables])
    (table,) = tables
    return sheets.csv_bytes(headers(table), table_rows(db, table, today, rules), encoding)


def template(table: str, fmt: str) -> bytes:
    """An empty sheet with ``table``'s headers, for a user to fill in."""
    if fmt == "xlsx":
        return sheets.xlsx_bytes([(table, headers(table), [])])
    return sheets.csv_bytes(headers(table), [], "utf-8")


def write_bad_rows(out, sheets_bad: list, reason_header: str) -> None:
    """The rows ``import --skip-bad`` left out, as they were, with a reason column, to the checked
    output ``out``: an XLSX by its name (a sheet per table), else CSV."""
    from pathlib import Path

    from kacli.services.importing import bad_sheet
    from kacli.store import outputs

    tables = [(sheet.table, *bad_sheet(sheet, bad, reason_header)) for sheet, bad in sheets_bad]
    if sheets.kind_of(Path(out.given)) == "xlsx":  # as the user named it, even through a link
        data = sheets.xlsx_bytes(tables)
    else:
        data = b"".join(sheets.csv_bytes(head, rows, "utf-8") for _, head, rows in tables[:1])
    outputs.write(out, data)

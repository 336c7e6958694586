"""``kacli import``: a sheet's rows into the dossier, in one transaction, all or nothing.

``read_sheet`` turns a file into numbered rows of values (pure conversion in
``kacli.domain.sheet_rows``); ``apply`` writes them on a ``UnitOfWork``: links by REF, duplicates
skipped or updated, bad rows collected with their row number, column and reason. The caller
decides what a bad row means (refuse everything, or write the good rows and list the bad ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kacli.domain import sheet_fields, sheet_rows
from kacli.domain.names import lookup_key
from kacli.errors import BadInput
from kacli.store import sheets


def duplicate_key(name: str) -> str:
    """When two names are the same customer (or contact, or deal): the dossier's own lookup key
    (case, width, invisible characters and Traditional/Simplified script ignored)."""
    return lookup_key(name)


@dataclass
class Row:
    number: int  # as the user sees it: the sheet's row number, or the JSON item's place
    cells: list[str]  # the raw cells, for ``--skip-bad``
    values: dict[str, Any]
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)


@dataclass
class Sheet:
    table: str
    headers: list[str]
    rows: list[Row]
    ignored: list[str]  # headers no field claims
    names: dict[str, str] = field(default_factory=dict)  # field code -> the file's header


@dataclass
class Report:
    table: str
    added: int = 0
    updated: int = 0
    skipped: int = 0
    bad: list[Row] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)  # the new records, in the sheet's order
    first_calls: int = 0  # new leads whose first call was scheduled (--first-call-within)


def schedule_first_calls(uow, report: Report, *, today: dt.date, within: int, rules) -> None:
    """Give each customer the import added a first call, spread over ``within`` days from today
    (:func:`kacli.domain.week_reasons.first_call_days`), so a list of leads does not bury the
    customers due the day it arrives."""
    from kacli.domain.week_reasons import FIRST_CALL, first_call_days
    from kacli.i18n import t
    from kacli.store import next_actions

    if not report.added_ids:
        return
    days = first_call_days(len(report.added_ids), today, within, rules)
    for customer_id, day in zip(report.added_ids, days, strict=True):
        next_actions.add(uow, customer_id=customer_id, text=t("import.first_call"), due=day.isoformat(),
                         kind=FIRST_CALL)
    report.first_calls = len(days)


def _labels() -> dict[str, tuple[str, str, str]]:
    from kacli.i18n import messages

    return messages()


def read_sheet(table: str, path: Path, *, sheet: str | None, map_data: dict[str, Any] | None,
               today: dt.date) -> Sheet:
    rules = sheet_rows.import_map(map_data or {}, table)
    kind = sheets.kind_of(path)
    if kind == "json":
        return _from_records(table, sheets.read_json(sheets.read_bytes(path), table), rules, today)
    grid = sheets.read_xlsx(path, sheet) if kind == "xlsx" else sheets.read_csv(sheets.read_bytes(path))
    index = sheet_fields.header_index(table, _labels(), dict(rules.columns))
    top = sheet_fields.header_row(grid, index)
    headers = [sheet_rows.cell_text(h).strip() for h in (grid[top] if grid else [])]
    columns = sheet_fields.resolve(headers, index)
    ignored = [h for i, h in enumerate(headers) if i not in columns and h]
    names = {code: headers[i] for i, code in columns.items()}
    rows = []
    for offset, raw in enumerate(grid[top + 1:], start=top + 2):
        cells = [sheet_rows.cell_text(c) for c in raw]
        if not any(c.strip() for c in cells):
            continue
        by_code = {code: cells[i] for i, code in columns.items() if i < len(cells)}
        values, errors = sheet_rows.read_row(table, by_code, today, rules)
        rows.append(Row(offset, cells, values,
                        [(names.get(e.column, e.column), e.error.message()) for e in errors]))
    return Sheet(table, headers, rows, ignored, names)


def _from_records(table: str, records: list[dict[str, Any]], rules, today: dt.date) -> Sheet:
    headers = list(dict.fromkeys(k for r in records for k in r))
    rows = []
    for number, record in enumerate(records, start=1):
        values, errors = sheet_rows.read_row(table, record, today, rules)
        rows.append(Row(number, [sheet_rows.cell_text(record.get(h)) for h in headers], values,
                        [(e.column, e.error.message()) for e in errors]))
    known = {f.code for f in sheet_fields.fields(table)}
    ignored = [h for h in headers if h not in known and h.removesuffix("_fen") not in known and h != "id"]
    return Sheet(table, headers, rows, ignored)


def apply(uow, sheet: Sheet, *, on_duplicate: str, today: dt.date, after_sale=None,
          tick: Callable[[int], None] | None = None) -> Report:
    """Write the sheet's good rows; the rows that fail here join the bad ones."""
    from kacli.services import import_tables

    report = Report(sheet.table, ignored=sheet.ignored)
    good = [r for r in sheet.rows if not r.errors]
    report.bad = [r for r in sheet.rows if r.errors]
    writer = import_tables.WRITERS[sheet.table]
    writer(uow, good, report, update=on_duplicate == "update", today=today, after_sale=after_sale,
           tick=tick or (lambda n: None))
    for row in report.bad:
        row.errors = [(sheet.names.get(column, column), reason) for column, reason in row.errors]
    report.bad.sort(key=lambda r: r.number)
    report.preview = [dict(r.values) for r in good if not r.errors][:5]
    return report


def bad_sheet(sheet: Sheet, bad: Sequence[Row], reason_header: str) -> tuple[list[str], list[list[str]]]:
    """The bad rows as they were, with the reason in a last column (``--skip-bad FILE``)."""
    headers = [*sheet.headers, reason_header]
    width = len(sheet.headers)
    rows = [[*(r.cells + [""] * width)[:width], "; ".join(f"{c}: {m}" for c, m in r.errors)] for r in bad]
    return headers, rows


class ImportRefused(BadInput):
    """Some rows are bad: nothing was written. The message lists every one of them."""

    def __init__(self, bad: Sequence[Row]) -> None:
        super().__init__("error.import_bad_rows", count=len(bad))
        self.bad = list(bad)

    def message(self) -> str:
        from kacli.i18n import t

        lines = [super().message()]
        lines += [t("import.bad_line", row=r.number, column=c, reason=m) for r in self.bad for c, m in r.errors]
        return "\n".join(lines)

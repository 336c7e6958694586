"""How an import reports: a progress bar on a terminal, a summary on stderr, ``--json`` on stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kacli.i18n import t
from kacli.render import emit_json, err, message, out, rows_table

PROGRESS_FROM = 300  # rows: a smaller file imports before a bar would be read


@contextmanager
def progress(total: int) -> Iterator[Any]:
    """A ``tick(n)`` callback: a Rich progress bar on a terminal for a big file, else nothing."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(t("import.progress")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err(), transient=True) as bar:
        task = bar.add_task("import", total=total)
        yield lambda n: bar.advance(task, n)


def report_json(report, *, file: Path, dry_run: bool, written: bool) -> dict[str, Any]:
    return {
        "table": report.table, "file": str(file), "dry_run": dry_run, "written": written,
        "added": report.added, "updated": report.updated, "skipped": report.skipped,
        "bad": [{"row": r.number, "column": c, "reason": m} for r in report.bad for c, m in r.errors],
        "ignored_columns": report.ignored,
        "preview": [_plain(v) for v in report.preview],
    }


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    out_ = {}
    for key, value in values.items():
        out_[key] = value.as_json() if hasattr(value, "as_json") else value
    return out_


def summaries(reports: list, *, file: Path, dry_run: bool, json: bool, written: bool) -> None:
    if json:
        shaped = [report_json(r, file=file, dry_run=dry_run, written=written) for r in reports]
        emit_json(shaped[0] if len(shaped) == 1 else shaped)
    for report in reports:
        if report.ignored:
            message(t("import.ignored_columns", columns=", ".join(report.ignored)))
        key = "import.dry_run_summary" if dry_run else ("import.summary" if written else "import.refused_summary")
        message(t(key, table=t(f"import.table.{report.table}"), added=report.added, updated=report.updated,
                  skipped=report.skipped, bad=sum(len(r.errors) and 1 for r in report.bad)))
        if dry_run and report.preview and not json:
            _preview(report.preview)


def _preview(rows: list[dict[str, Any]]) -> None:
    headers = list(dict.fromkeys(k for r in rows for k in r))
    cells = [[_cell(r.get(h)) for h in headers] for r in rows]
    out().print(rows_table(headers, cells))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "as_text"):
        return value.as_text()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)

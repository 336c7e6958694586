"""``kacli import``: customers, contacts, deals, visits and payments from CSV, XLSX or JSON; a
template to fill in; contacts from vCards."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import ForceOpt, JsonOpt, today, writing
from kacli.errors import BadInput
from kacli.i18n import t

app = typer.Typer(help=t("help.import"), no_args_is_help=True)

FileArg = Annotated[Path, typer.Argument(help=t("help.import.file"), metavar="FILE")]
MapOpt = Annotated[Path | None, typer.Option("--map", help=t("help.import.map"), metavar="MAP.toml")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help=t("help.import.dry_run"))]
DuplicateOpt = Annotated[str, typer.Option("--on-duplicate", help=t("help.import.on_duplicate"),
                                           metavar="skip|update")]
SkipBadOpt = Annotated[Path | None, typer.Option("--skip-bad", help=t("help.import.skip_bad"), metavar="FILE")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help=t("help.import.sheet"), metavar="NAME")]
FirstCallOpt = Annotated[str | None, typer.Option("--first-call-within", help=t("help.import.first_call_within"),
                                                  metavar="N")]


class _DryRun(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""


def _map(path: Path | None) -> dict | None:
    if path is None:
        return None
    import tomllib

    from kacli.domain.rules_toml import loads
    from kacli.store.sheets import read_bytes

    try:
        return loads(read_bytes(path).decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput("error.import_map_syntax", path=path, detail=str(exc)) from None


def run_import(table: str, file: Path, *, map_path: Path | None, dry_run: bool, on_duplicate: str,
               skip_bad: Path | None, sheet: str | None, json: bool, force: bool = False,
               first_call_within: str | None = None) -> None:
    from kacli.services import importing
    from kacli.store import outputs

    within = _within_days(first_call_within)
    # The bad rows' file is checked before anything is read or written.
    bad_rows = outputs.target(skip_bad, force=force) if skip_bad is not None else None
    data = importing.read_sheet(table, file, sheet=sheet, map_data=_map(map_path), today=today())
    _run([data], file=file, dry_run=dry_run, on_duplicate=on_duplicate, skip_bad=bad_rows, json=json,
         first_call_within=within)


def _within_days(text: str | None) -> int | None:
    """``10d``, ``10`` or ``10天``: the days new leads' first calls are spread over."""
    import re

    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{1,3})\s*(d|days?|天|日)?\s*", text, re.IGNORECASE)
    if not m or not 1 <= int(m[1]) <= 366:
        raise BadInput("error.first_call_within", value=text)
    return int(m[1])


def _run(data: list, *, file: Path, dry_run: bool, on_duplicate: str, skip_bad, json: bool,
         first_call_within: int | None = None) -> None:
    """Write the sheets in one transaction: all of them, or (a bad row, a dry run) nothing.

    With ``--skip-bad`` the bad rows are written to their file before the good ones are
    committed: if that file cannot be written, nothing is imported and no row is lost."""
    from kacli.render import imports as view
    from kacli.services import importing
    from kacli.store.rules_file import load_rules

    if on_duplicate not in ("skip", "update"):
        raise BadInput("error.import_on_duplicate", value=on_duplicate)
    rules = load_rules()
    after_sale = _after_sale(rules.after_sale_days)
    reports: list = []
    try:
        with writing() as uow, view.progress(sum(len(d.rows) for d in data)) as tick:
            for sheet in data:
                reports.append(importing.apply(uow, sheet, on_duplicate=on_duplicate, today=today(),
                                               after_sale=after_sale, tick=tick))
                if first_call_within is not None and sheet.table == "customers":
                    importing.schedule_first_calls(uow, reports[-1], today=today(), within=first_call_within,
                                                   rules=rules)
            bad = [r for report in reports for r in report.bad]
            if bad and skip_bad is None:
                raise importing.ImportRefused(bad)
            if dry_run:
                raise _DryRun
            if bad:
                from kacli.services.exporting import write_bad_rows

                write_bad_rows(skip_bad, [(sheet, report.bad) for sheet, report in zip(data, reports, strict=True)
                                          if report.bad], t("import.reason_column"))
    except _DryRun:
        pass
    except importing.ImportRefused:
        view.summaries(reports, file=file, dry_run=dry_run, json=json, written=False)
        raise
    view.summaries(reports, file=file, dry_run=dry_run, json=json, written=not dry_run)
    scheduled = sum(report.first_calls for report in reports)
    if scheduled and not dry_run:
        render.message(t("import.first_calls", count=scheduled, days=first_call_within))


def _after_sale(days: int):
    from kacli.store.deals import FollowUp

    return lambda title: FollowUp(days)


def _table_command(table: str):
    def command(file: FileArg, map_: MapOpt = None, dry_run: DryRunOpt = False,
                on_duplicate: DuplicateOpt = "skip", skip_bad: SkipBadOpt = None,
                sheet: SheetOpt = None, json: JsonOpt = False, force: ForceOpt = False) -> None:
        run_import(table, file, map_path=map_, dry_run=dry_run, on_duplicate=on_duplicate,
                   skip_bad=skip_bad, sheet=sheet, json=json, force=force)

    command.__name__ = f"import_{table}"
    return command


def import_customers(file: FileArg, map_: MapOpt = None, dry_run: DryRunOpt = False,
                     on_duplicate: DuplicateOpt = "skip", skip_bad: SkipBadOpt = None,
                     sheet: SheetOpt = None, first_call_within: FirstCallOpt = None, json: JsonOpt = False,
                     force: ForceOpt = False) -> None:
    run_import("customers", file, map_path=map_, dry_run=dry_run, on_duplicate=on_duplicate,
               skip_bad=skip_bad, sheet=sheet, json=json, force=force, first_call_within=first_call_within)


app.command("customers", help=t("help.cmd.import.customers"))(import_customers)
for _table in ("contacts", "deals", "visits", "payments"):
    app.command(_table, help=t(f"help.cmd.import.{_table}"))(_table_command(_table))


@app.command("template", help=t("help.cmd.import.template"))
def template(
    table: Annotated[str, typer.Argument(help=t("help.import.table"),
                                         metavar="customers|contacts|deals|visits|payments")],
    format_: Annotated[str, typer.Option("--format", help=t("help.import.template_format"),
                                         metavar="xlsx|csv")] = "xlsx",
    output: Annotated[Path | None, typer.Option("-o", "--output", help=t("help.export.output"))] = None,
    force: ForceOpt = False,
) -> None:
    from kacli.services import exporting
    from kacli.store import outputs

    table = _table_name(table)
    if format_ not in ("xlsx", "csv"):
        raise BadInput("error.export_format", value=format_, choices="xlsx, csv")
    target = outputs.target(output or Path(f"{table}-template.{format_}"), force=force)
    outputs.write(target, exporting.template(table, format_))
    if target.kind != "stdout":
        render.message(t("import.template_written", path=target))


def _table_name(text: str) -> str:
    from kacli.domain.sheet_fields import TABLES

    word = text.strip().lower()
    if word not in TABLES:
        raise BadInput("error.export_table", value=text, choices=", ".join(TABLES))
    return word


@app.command("vcard", help=t("help.cmd.import.vcard"))
def vcard(
    file: FileArg,
    customer: Annotated[str | None, typer.Option("--customer", help=t("help.import.vcard_customer"),
                                                 metavar="REF")] = None,
    dry_run: DryRunOpt = False,
    on_duplicate: DuplicateOpt = "skip",
    json: JsonOpt = False,
) -> None:
    from kacli.services import vcards
    from kacli.store.sheets import read_bytes

    data = vcards.import_sheets(read_bytes(file), customer, today=today())
    _run(data, file=file, dry_run=dry_run, on_duplicate=on_duplicate, skip_bad=None, json=json)

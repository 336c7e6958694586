"""``kacli import``: customers, contacts, deals, visits and payments from CSV, XLSX or JSON; a
template to fill in; contacts from vCards."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import JsonOpt, today, writing
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
               skip_bad: Path | None, sheet: str | None, json: bool) -> None:
    from kacli.services import importing

    data = importing.read_sheet(table, file, sheet=sheet, map_data=_map(map_path), today=today())
    _run([data], file=file, dry_run=dry_run, on_duplicate=on_duplicate, skip_bad=skip_bad, json=json)


def _run(data: list, *, file: Path, dry_run: bool, on_duplicate: str, skip_bad: Path | None,
         json: bool) -> None:
    """Write the sheets in one transaction: all of them, or (a bad row, a dry run) nothing."""
    from kacli.render import imports as view
    from kacli.services import importing
    from kacli.store.rules_file import load_rules

    if on_duplicate not in ("skip", "update"):
        raise BadInput("error.import_on_duplicate", value=on_duplicate)
    after_sale = _after_sale(load_rules().after_sale_days)
    reports: list = []
    try:
        with writing() as uow, view.progress(sum(len(d.rows) for d in data)) as tick:
            for sheet in data:
                reports.append(importing.apply(uow, sheet, on_duplicate=on_duplicate, today=today(),
                                               after_sale=after_sale, tick=tick))
            bad = [r for report in reports for r in report.bad]
            if bad and skip_bad is None:
                raise importing.ImportRefused(bad)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except importing.ImportRefused:
        view.summaries(reports, file=file, dry_run=dry_run, json=json, written=False)
        raise
    if skip_bad is not None and not dry_run:
        from kacli.services.exporting import write_bad_rows

        for sheet, report in zip(data, reports, strict=True):
            if report.bad:
                write_bad_rows(skip_bad, sheet, report.bad, t("import.reason_column"))
    view.summaries(reports, file=file, dry_run=dry_run, json=json, written=not dry_run)


def _after_sale(days: int):
    from kacli.store.deals import FollowUp

    return lambda title: FollowUp(days)


def _table_command(table: str):
    def command(file: FileArg, map_: MapOpt = None, dry_run: DryRunOpt = False,
                on_duplicate: DuplicateOpt = "skip", skip_bad: SkipBadOpt = None,
                sheet: SheetOpt = None, json: JsonOpt = False) -> None:
        run_import(table, file, map_path=map_, dry_run=dry_run, on_duplicate=on_duplicate,
                   skip_bad=skip_bad, sheet=sheet, json=json)

    command.__name__ = f"import_{table}"
    return command


for _table in ("customers", "contacts", "deals", "visits", "payments"):
    app.command(_table, help=t(f"help.cmd.import.{_table}"))(_table_command(_table))


@app.command("template", help=t("help.cmd.import.template"))
def template(
    table: Annotated[str, typer.Argument(help=t("help.import.table"),
                                         metavar="customers|contacts|deals|visits|payments")],
    format_: Annotated[str, typer.Option("--format", help=t("help.import.template_format"),
                                         metavar="xlsx|csv")] = "xlsx",
    output: Annotated[Path | None, typer.Option("-o", "--output", help=t("help.export.output"))] = None,
) -> None:
    from kacli.services import exporting
    from kacli.store import sheets

    table = _table_name(table)
    if format_ not in ("xlsx", "csv"):
        raise BadInput("error.export_format", value=format_, choices="xlsx, csv")
    target = output or Path(f"{table}-template.{format_}")
    sheets.write(target, exporting.template(table, format_))
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

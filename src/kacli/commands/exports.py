"""``kacli export``: tables as CSV, XLSX or JSON; contacts as vCards; dates as an iCalendar file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import MAX_DAYS, ForceOpt, reading, today
from kacli.errors import BadInput
from kacli.i18n import t

app = typer.Typer(help=t("help.export"), no_args_is_help=True)

TABLES = ("customers", "contacts", "deals", "visits", "payments")
FORMATS = ("csv", "xlsx", "json")

OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help=t("help.export.output"), metavar="FILE")]
FormatOpt = Annotated[str | None, typer.Option("--format", help=t("help.export.format"), metavar="csv|xlsx|json")]
EncodingOpt = Annotated[str, typer.Option("--encoding", help=t("help.export.encoding"), metavar="utf-8|gb18030")]


def _format(format_: str | None, output: Path | None) -> str:
    if format_ is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        return suffix if suffix in FORMATS else "csv"
    word = format_.strip().lower()
    if word not in FORMATS:
        raise BadInput("error.export_format", value=format_, choices=", ".join(FORMATS))
    return word


def _encoding(value: str) -> str:
    word = value.strip().lower().replace("_", "-")
    if word in ("utf-8", "utf8", "utf-8-sig"):
        return "utf-8"
    if word in ("gb18030", "gbk", "gb2312"):
        return "gb18030"
    raise BadInput("error.export_encoding", value=value)


def _target(output: Path | None, default_name: str, force: bool):
    """Where the data goes, checked: ``-o`` (``-`` is stdout); without it, stdout on a pipe and a
    dated file here on a terminal."""
    from kacli.store import outputs

    if output is None and sys.stdout.isatty():
        output = Path(default_name)
    return outputs.target(output, force=force)


def _written(out) -> None:
    if out.kind != "stdout":
        render.message(t("export.written", path=out))


def run_export(table: str, format_: str | None, output: Path | None, encoding: str, force: bool) -> None:
    from kacli.services import exporting
    from kacli.store import outputs
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    fmt = _format(format_, output)
    enc = _encoding(encoding)
    stamp = today().isoformat()
    tables = list(TABLES) if table == "all" else [table]
    if table == "all" and fmt == "csv":
        folder = outputs.folder(output or Path(f"kacli-export-{stamp}"), force=force)
        # Every file is checked before any is written: a refusal leaves the folder as it was.
        targets = {name: outputs.target(folder / f"{name}.csv", force=force) for name in tables}
        with reading() as db:
            for name in tables:
                outputs.write(targets[name], exporting.as_bytes(db, [name], fmt, today(), rules, encoding=enc))
        render.message(t("export.written", path=folder))
        return
    target = _target(output, f"kacli-{table}-{stamp}.{fmt}", force)
    with reading() as db:
        data = exporting.as_bytes(db, tables, fmt, today(), rules, encoding=enc)
    outputs.write(target, data)
    _written(target)


def _table_command(table: str):
    def command(format_: FormatOpt = None, output: OutputOpt = None, encoding: EncodingOpt = "utf-8",
                force: ForceOpt = False) -> None:
        run_export(table, format_, output, encoding, force)

    command.__name__ = f"export_{table}"
    return command


for _table in (*TABLES, "all"):
    app.command(_table, help=t(f"help.cmd.export.{_table}"))(_table_command(_table))


@app.command("vcard", help=t("help.cmd.export.vcard"))
def vcard(
    customer: Annotated[str | None, typer.Argument(help=t("help.export.vcard_customer"), metavar="CUSTOMER")] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    from kacli.services import vcards
    from kacli.store import outputs, refs

    target = _target(output, f"kacli-contacts-{today().isoformat()}.vcf", force)
    with reading() as db:
        customer_id = refs.customer(db, customer).id if customer else None
        data = vcards.export(db, customer_id)
    outputs.write(target, data)
    _written(target)


@app.command("ics", help=t("help.cmd.export.ics"))
def ics(
    output: OutputOpt = None,
    days: Annotated[int, typer.Option("--days", help=t("help.export.days"), min=1, max=MAX_DAYS)] = 365,
    force: ForceOpt = False,
) -> None:
    from kacli.services import ics as calendar
    from kacli.store import outputs

    target = _target(output, f"kacli-{today().isoformat()}.ics", force)
    with reading() as db:
        data = calendar.export(db, today(), days)
    outputs.write(target, data)
    _written(target)

"""``kacli report``: pareto, pipeline, forecast, receivables, winloss, activity."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kacli.commands._common import JsonOpt, reading, today
from kacli.i18n import t

app = typer.Typer(help=t("help.report"), no_args_is_help=True)

SinceOpt = Annotated[str | None, typer.Option("--since", help=t("help.report.since"), metavar="DATE")]
UntilOpt = Annotated[str | None, typer.Option("--until", help=t("help.report.until"), metavar="DATE")]
CsvOpt = Annotated[bool, typer.Option("--csv", help=t("help.report.csv"))]
SvgOpt = Annotated[Path | None, typer.Option("--svg", help=t("help.report.svg"), metavar="FILE",
                                             dir_okay=False)]


def _dates(since: str | None, until: str | None):
    from kacli.domain.dates import parse_optional

    return parse_optional(since, today(), prefer="past"), parse_optional(until, today(), prefer="past")


def _emit(name: str, report, json: bool, csv: bool, svg: Path | None) -> None:
    """One report out: JSON or CSV on stdout, else the picture (on the terminal, or into --svg)."""
    import importlib

    from kacli import render
    from kacli.errors import BadInput
    from kacli.render import reports as drawn

    if json and csv:
        raise BadInput("error.report_json_csv")
    view = importlib.import_module(f"kacli.render.reports.{name}")
    if svg is not None:
        drawn.write_svg(view.view(report), svg, t(f"help.cmd.report.{name}").split("\n", 1)[0])
        render.message(t("report.svg_written", path=svg))
    if json:
        render.emit_json(view.json_of(report))
    elif csv:
        drawn.write_csv(view.csv_of(report))
    elif svg is None:
        drawn.show(view.view(report))


def _rules():
    from kacli.store.rules_file import load_rules

    return load_rules()


@app.command("pareto", help=t("help.cmd.report.pareto"))
def pareto(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
           svg: SvgOpt = None) -> None:
    from kacli.services import reports

    rules = _rules()
    with reading() as db:
        report = reports.pareto_report(db, today(), rules, *_dates(since, until))
    _emit("pareto", report, json, csv, svg)


@app.command("pipeline", help=t("help.cmd.report.pipeline"))
def pipeline(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
             svg: SvgOpt = None) -> None:
    from kacli.services import reports

    rules = _rules()
    with reading() as db:
        report = reports.pipeline_report(db, today(), rules, *_dates(since, until))
    _emit("pipeline", report, json, csv, svg)


@app.command("forecast", help=t("help.cmd.report.forecast"))
def forecast(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
             svg: SvgOpt = None) -> None:
    from kacli.services import reports

    with reading() as db:
        report = reports.forecast_report(db, today(), *_dates(since, until))
    _emit("forecast", report, json, csv, svg)


@app.command("receivables", help=t("help.cmd.report.receivables"))
def receivables(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
                svg: SvgOpt = None) -> None:
    from kacli.services import reports

    with reading() as db:
        report = reports.receivables_report(db, today(), *_dates(since, until))
    _emit("receivables", report, json, csv, svg)


@app.command("winloss", help=t("help.cmd.report.winloss"))
def winloss(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
            svg: SvgOpt = None) -> None:
    from kacli.services import reports

    rules = _rules()
    with reading() as db:
        report = reports.winloss_report(db, today(), rules, *_dates(since, until))
    _emit("winloss", report, json, csv, svg)


@app.command("activity", help=t("help.cmd.report.activity"))
def activity(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
             svg: SvgOpt = None) -> None:
    from kacli.services import reports

    rules = _rules()
    with reading() as db:
        report = reports.activity_report(db, today(), rules, *_dates(since, until))
    _emit("activity", report, json, csv, svg)

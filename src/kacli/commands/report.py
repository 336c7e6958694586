"""``kacli report``: pareto, pipeline, forecast, receivables, winloss, activity."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kacli.commands._common import ForceOpt, JsonOpt, reading, today
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


def _emit(name: str, report, json: bool, csv: bool, svg) -> None:
    """One report out: JSON or CSV on stdout, else the picture (on the terminal, or into --svg)."""
    import importlib

    from kacli import render
    from kacli.errors import BadInput
    from kacli.render import reports as drawn

    if json and csv:
        raise BadInput("error.report_json_csv")
    view = importlib.import_module(f"kacli.render.reports.{name}")
    if svg is not None:
        from kacli.store import outputs

        outputs.write(svg, drawn.svg_of(view.view(report), t(f"help.cmd.report.{name}").split("\n", 1)[0]))
        if svg.kind != "stdout":
            render.message(t("report.svg_written", path=svg))
    if json:
        render.emit_json(view.json_of(report))
    elif csv:
        drawn.write_csv(view.csv_of(report))
    elif svg is None:
        drawn.show(view.view(report))


# Each report and whether its numbers need the rules file (the key tier, stage limits, grades).
REPORTS = {"pareto": True, "pipeline": True, "forecast": False, "receivables": False, "winloss": True,
           "activity": True}


def _command(name: str, needs_rules: bool):
    """The command for one report: read it (``services.reports.NAME_report``), then draw it."""

    def run(since: SinceOpt = None, until: UntilOpt = None, json: JsonOpt = False, csv: CsvOpt = False,
            svg: SvgOpt = None, force: ForceOpt = False) -> None:
        from kacli.services import reports

        picture = None
        if svg is not None:
            from kacli.store import outputs

            picture = outputs.target(svg, force=force)

        rules = ()
        if needs_rules:
            from kacli.store.rules_file import load_rules

            rules = (load_rules(),)
        with reading() as db:
            report = getattr(reports, f"{name}_report")(db, today(), *rules, *_dates(since, until))
        _emit(name, report, json, csv, picture)

    run.__name__ = name
    return run


for _name, _needs_rules in REPORTS.items():
    app.command(_name, help=t(f"help.cmd.report.{_name}"))(_command(_name, _needs_rules))

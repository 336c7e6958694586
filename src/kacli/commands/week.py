"""``kacli week``: whom to call or visit this week, most urgent first, every row with its reasons."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli.commands._common import MAX_DAYS, JsonOpt, reading, today
from kacli.i18n import t

app = typer.Typer(help=t("help.week"))

# None rather than the number as the default: typer runs every non-None value through pydantic,
# whose import alone costs more than the whole list on a small dossier.
DaysOpt = Annotated[int | None, typer.Option("--days", "-n", help=t("help.week.days"), metavar="N",
                                             min=1, max=MAX_DAYS)]
ExplainOpt = Annotated[bool, typer.Option("--explain", help=t("help.week.explain"))]


@app.command(short_help=t("help.week"), help=t("help.cmd.week"))
def week(
    days: DaysOpt = None,
    all_: Annotated[bool, typer.Option("--all", help=t("help.week.all"))] = False,
    explain: ExplainOpt = False,
    limit: Annotated[int | None, typer.Option("--limit", help=t("help.week.limit"), metavar="N",
                                              min=0)] = None,
    json: JsonOpt = False,
) -> None:
    from kacli.render import week as view
    from kacli.services import week as service
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    shape = view.json_row(explain) if json else (lambda item: item)
    with reading() as db:
        data = service.week(db, today(), 7 if days is None else days, rules, everyone=all_, shape=shape)
    if json:
        view.week_json(data)
    else:
        view.week(data, explain=explain, limit=limit)

"""``kacli remind``: the nightly reminder — plain lines, and nothing at all when nothing is due."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli.commands._common import MAX_DAYS, JsonOpt, reading, today
from kacli.i18n import t

app = typer.Typer(help=t("help.remind"))


@app.command(short_help=t("help.remind"), help=t("help.cmd.remind"))
def remind(
    days: Annotated[int | None, typer.Option("--days", "-n", help=t("help.remind.days"), metavar="N", min=1,
                                              max=MAX_DAYS)] = None,
    subject: Annotated[bool, typer.Option("--subject", help=t("help.remind.subject"))] = False,
    json: JsonOpt = False,
) -> None:
    from kacli.render import week as view
    from kacli.services import week as service
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    shape = view.json_row() if json else view.remind_row(today())
    with reading() as db:  # a plain read: WAL lets it run while the salesperson writes
        data = service.week(db, today(), 2 if days is None else days, rules, only_due=True, shape=shape)
    if json:
        view.week_json(data)
    else:
        view.remind(data, subject=subject)

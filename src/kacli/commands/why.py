"""``kacli why``: how a customer's priority score in the week list is made, term by term."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import JsonOpt, reading, today
from kacli.commands.week import DaysOpt
from kacli.i18n import t

app = typer.Typer(help=t("help.why"))


@app.command(short_help=t("help.why"), help=t("help.cmd.why"))
def why(
    ref: Annotated[str, typer.Argument(help=t("help.arg.customer_ref"), metavar="REF")],
    days: DaysOpt = None,
    json: JsonOpt = False,
) -> None:
    from kacli.render import week as view
    from kacli.services import week as service
    from kacli.store import refs
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    with reading() as db:
        found = refs.customer(db, ref)
        look = service.outlook(db, found.id, today(), 7 if days is None else days, rules)
    if json:
        render.emit_json(view.why_json(look.item, look.in_window, found.id, found.name))
    else:
        view.why(look.item, look.in_window, found.name, look.until, today())

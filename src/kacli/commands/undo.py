"""``kacli undo``: take back the last command that changed the dossier, all of it, as one unit."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import JsonOpt, YesOpt, confirm, reading, writing
from kacli.errors import BadInput
from kacli.i18n import t

app = typer.Typer(help=t("help.undo"))


@app.command(short_help=t("help.undo"), help=t("help.cmd.undo"))
def undo(
    list_: Annotated[bool, typer.Option("--list", help=t("help.undo.list"))] = False,
    json: JsonOpt = False,
    yes: YesOpt = False,
) -> None:
    from kacli.render import undo as view
    from kacli.store import journal

    if json and not list_:
        raise BadInput("error.undo_json_needs_list")
    with reading() as db:
        commands, stop = journal.recent(db, limit=journal.KEEP if list_ else 2)
    if list_:
        render.emit_json(view.listing_json(commands, stop)) if json else view.listing(commands, stop)
        return
    if not commands:
        raise BadInput("error.undo_stopped", reason=view.stop_reason(stop)) if stop else \
            BadInput("error.undo_nothing")
    latest = commands[0]
    render.message(t("undo.what", command=latest.command, at=view.local_time(latest.at),
                     summary=view.summary(latest)))
    confirm(t("undo.confirm"), yes)
    try:
        with writing(journaled=False) as uow:  # the undo itself is not journaled: no redo
            journal.undo_latest(uow.db, latest.id)
    except Exception as exc:  # a foreign key broken by the replay shows only at commit
        if journal.broke_a_link(exc):
            raise BadInput("error.undo_conflict", table="?") from exc
        raise
    render.message(t("undo.done", command=latest.command))
    if len(commands) > 1:
        render.message(t("undo.next", command=commands[1].command))
    elif stop is not None:
        render.message(view.stop_reason(stop))

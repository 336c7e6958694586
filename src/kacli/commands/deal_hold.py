"""``kacli deal hold`` and ``kacli deal resume``: a known postponement of a deal."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import today, writing
from kacli.commands.deals import Ref, app
from kacli.domain import text
from kacli.domain.dates import parse_date
from kacli.i18n import t


@app.command("hold", help=t("help.cmd.deal.hold"))
def hold(
    ref: Ref,
    until: Annotated[str, typer.Option("--until", help=t("help.deal.hold_until"), metavar="DATE")],
    reason: Annotated[str | None, typer.Option("--reason", help=t("help.deal.hold_reason"))] = None,
) -> None:
    from kacli.store import holds, refs

    day = today()
    end = parse_date(until, day, prefer="future")
    why = text.free_text(reason, field="hold_reason")
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        before = holds.hold(uow, found.id, end, why, day)
    if before == holds.Hold(end.isoformat(), why):
        render.message(t("deal.unchanged", id=found.id, title=found.name))
        return
    key = "deal.hold_moved" if before else "deal.held"
    render.message(t(key, id=found.id, title=found.name, until=end.isoformat(),
                     before=before.until if before else ""))


@app.command("resume", help=t("help.cmd.deal.resume"))
def resume(ref: Ref) -> None:
    from kacli.store import holds, refs

    with writing() as uow:
        found = refs.deal(uow.db, ref)
        before = holds.resume(uow, found.id)
    if before is None:
        render.message(t("deal.not_held", id=found.id, title=found.name))
    else:
        render.message(t("deal.resumed", id=found.id, title=found.name, until=before.until))

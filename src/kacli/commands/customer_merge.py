"""``kacli customer dupes`` and ``kacli customer merge``: finding and joining customers entered twice."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import JsonOpt, YesOpt, confirm, reading, writing
from kacli.errors import BadInput
from kacli.i18n import t

Ref = Annotated[str, typer.Argument(help=t("help.arg.merge_source"), metavar="REF")]
Into = Annotated[str, typer.Option("--into", help=t("help.merge.into"), metavar="REF")]


def dupes(json: JsonOpt = False) -> None:
    from kacli.render import dupes as view
    from kacli.store import dupes as found

    with reading() as db:
        customers, contacts = found.customer_pairs(db), found.contact_pairs(db)
    if json:
        render.emit_json(view.dupes_json(customers, contacts))
    else:
        view.dupes(customers, contacts)


def merge(ref: Ref, into: Into, yes: YesOpt = False) -> None:
    from kacli.render import dupes as view
    from kacli.store import merge as merging
    from kacli.store import refs

    with reading() as db:
        source, target = refs.customer(db, ref), refs.customer(db, into)
        if source.id == target.id:
            raise BadInput("error.merge_itself")
        counts, same = merging.plan(db, source.id, target.id)
    render.message(view.plan(source.name, target.name, counts, same))
    confirm(t("merge.customer_confirm", merged=source.name, kept=target.name), yes)
    with writing() as uow:
        done = merging.customer(uow, refs.customer(uow.db, str(source.id)).id,
                                refs.customer(uow.db, str(target.id)).id)
    view.merged(done, "customer")

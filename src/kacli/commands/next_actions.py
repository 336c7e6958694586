"""``kacli next``: list, add, done, update, remove — the next actions (下一步), open until done."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import MAX_ID, JsonOpt, YesOpt, confirm, reading, today, writing
from kacli.commands.visit_options import next_action
from kacli.domain import text
from kacli.i18n import t
from kacli.render.notes import action_text

app = typer.Typer(help=t("help.next"), no_args_is_help=True)


@app.command("list", help=t("help.cmd.next.list"))
def list_(
    customer: Annotated[str | None, typer.Argument(help=t("help.arg.customer_ref_optional"),
                                                   metavar="[CUSTOMER]")] = None,
    all_: Annotated[bool, typer.Option("--all", help=t("help.next.all"))] = False,
    json: JsonOpt = False,
) -> None:
    from kacli.render import visits as view
    from kacli.services.visits import mark_overdue
    from kacli.store import next_actions, refs

    with reading() as db:
        customer_id = refs.customer(db, customer).id if customer else None
        rows = next_actions.listing(db, customer_id=customer_id, include_done=all_)
    rows = mark_overdue(rows, today())
    if json:
        render.emit_json([view.next_json(a) for a in rows])
    else:
        view.next_listing(rows)


@app.command("add", help=t("help.cmd.next.add"))
def add(
    customer: Annotated[str, typer.Argument(help=t("help.arg.customer_ref"), metavar="CUSTOMER")],
    what: Annotated[str, typer.Argument(help=t("help.next.text"), metavar="TEXT")],
    date: Annotated[str | None, typer.Option("--date", "-d", help=t("help.next.date"),
                                             metavar="DATE")] = None,
    contact: Annotated[str | None, typer.Option("--contact", "-c", help=t("help.next.contact"),
                                                metavar="REF")] = None,
) -> None:
    from kacli.store import next_actions, refs

    clean, due = next_action(what, date, today())
    with writing() as uow:
        found = refs.customer(uow.db, customer)
        person = refs.contact(uow.db, contact, customer_id=found.id) if contact else None
        action_id = next_actions.add(uow, customer_id=found.id, text=clean, due=due,
                                     contact_id=person.id if person else None)
    render.message(t("next.added", id=action_id, text=clean, due=due))


ActionId = Annotated[int, typer.Argument(help=t("help.arg.next_id"), metavar="ID", min=1, max=MAX_ID)]


@app.command("done", help=t("help.cmd.next.done"))
def done(
    action_id: ActionId,
    note: Annotated[str | None, typer.Option("--note", "-n", help=t("help.next.note"))] = None,
) -> None:
    from kacli.store import next_actions

    clean = text.free_text(note, field="visit_note")
    with writing() as uow:
        action = next_actions.close(uow, action_id, on=today().isoformat(), note=clean)
    render.message(t("next.closed", id=action_id, text=action_text(action)))


@app.command("update", help=t("help.cmd.next.update"))
def update(
    action_id: ActionId,
    date: Annotated[str | None, typer.Option("--date", "-d", help=t("help.next.new_date"),
                                             metavar="DATE")] = None,
    what: Annotated[str | None, typer.Option("--text", help=t("help.next.new_text"),
                                             metavar="TEXT")] = None,
    contact: Annotated[str | None, typer.Option("--contact", "-c", help=t("help.next.new_contact"),
                                                metavar="REF")] = None,
) -> None:
    from kacli.domain.dates import parse_date
    from kacli.store import next_actions, refs

    clean = text.name(what, field="next_action") if what is not None else None
    due = parse_date(date, today(), prefer="future").isoformat() if date is not None else None
    with writing() as uow:
        action = next_actions.get(uow.db, action_id)
        person = refs.contact(uow.db, contact, customer_id=action["customer_id"]) if contact else None
        changed = next_actions.update(uow, action_id, text=clean, due=due,
                                      contact_id=person.id if person else None)
    if changed:
        render.message(t("next.updated", id=action_id,
                         fields=", ".join(t(f"next.field.{f}") for f in changed)))
    else:
        render.message(t("next.unchanged", id=action_id))


@app.command("remove", help=t("help.cmd.next.remove"))
def remove(action_id: ActionId, yes: YesOpt = False) -> None:
    from kacli.store import next_actions

    with reading() as db:
        action = next_actions.get(db, action_id)
    confirm(t("next.remove_confirm", id=action_id, text=action_text(action), customer=action["customer"]), yes)
    with writing() as uow:
        next_actions.remove(uow, action_id)
    render.message(t("next.removed", id=action_id, text=action_text(action)))

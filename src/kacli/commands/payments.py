"""``kacli payment``: plan instalments, record money received, list what is owed (应收账款), and
correct one instalment or receipt by its number (I12, R7)."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands import deal_options as o
from kacli.commands._common import JsonOpt, YesOpt, confirm, reading, today, writing
from kacli.domain import text
from kacli.domain.dates import parse_date
from kacli.domain.money import format_amount, parse_amount
from kacli.i18n import t

app = typer.Typer(help=t("help.payment"), no_args_is_help=True)

DealRef = Annotated[str, typer.Argument(help=t("help.arg.deal_ref"), metavar="DEAL")]
Amount = Annotated[str, typer.Argument(help=t("help.arg.payment_amount"), metavar="AMOUNT")]
Number = Annotated[str, typer.Argument(help=t("help.arg.payment_number"), metavar="NUMBER")]
Force = Annotated[bool, typer.Option("--force", help=t("help.payment.force"))]


@app.command("plan", help=t("help.cmd.payment.plan"))
def plan(
    deal: DealRef,
    amount: Amount,
    due: Annotated[str, typer.Option("--due", help=t("help.payment.due"), metavar="DATE")],
    force: Force = False,
) -> None:
    from kacli.store import payments, refs

    fen = parse_amount(amount)
    day = parse_date(due, today())
    with writing() as uow:
        found = refs.deal(uow.db, deal)
        owed, worth = payments.plan(uow, found.id, fen, day, today(), force=force)
    render.message(t("payment.planned", amount=format_amount(fen), due=day.isoformat(), title=found.name,
                     planned=format_amount(owed.planned)))
    if worth is not None and owed.planned > worth:
        render.warn(t("payment.plan_exceeds", planned=format_amount(owed.planned), value=format_amount(worth)))


@app.command("received", help=t("help.cmd.payment.received"))
def received(
    deal: DealRef,
    amount: Amount,
    date: Annotated[str | None, typer.Option("--date", help=t("help.payment.date"), metavar="DATE")] = None,
    note: Annotated[str | None, typer.Option("--note", help=t("help.payment.note"))] = None,
) -> None:
    from kacli.domain.receivables import complete
    from kacli.store import deals, payments, refs

    fen = parse_amount(amount)
    day = o.outcome_date(date, today())
    clean_note = text.free_text(note, field="payment_note")
    with writing() as uow:
        found = refs.deal(uow.db, deal)
        after = payments.receive(uow, found.id, fen, day, clean_note, today())
        outcome = deals.get(uow.db, found.id)["outcome"]
    render.message(t("payment.received", amount=format_amount(fen), title=found.name,
                     outstanding=format_amount(after.outstanding)))
    if complete(outcome, after.outstanding):
        render.message(t("payment.deal_complete", title=found.name))


@app.command("list", help=t("help.cmd.payment.list"))
def list_(
    overdue: Annotated[bool, typer.Option("--overdue", help=t("help.payment.overdue"))] = False,
    customer: Annotated[str | None, typer.Option("--customer", help=t("help.payment.customer"),
                                                 metavar="REF")] = None,
    all_: Annotated[bool, typer.Option("--all", help=t("help.payment.all"))] = False,
    json: JsonOpt = False,
) -> None:
    from kacli.render import payments as view
    from kacli.services.money_owed import money_owed
    from kacli.store import refs

    with reading() as db:  # written while the deals are read: a long list is never held whole
        customer_id = refs.customer(db, customer).id if customer is not None else None
        data = money_owed(db, today(), customer_id=customer_id, overdue_only=overdue, include_paid=all_)
        render.stream_json(view.listing_json(data)) if json else view.listing(data)


@app.command("show", help=t("help.cmd.payment.show"))
def show(deal: DealRef, json: JsonOpt = False) -> None:
    from kacli.render import corrections as view
    from kacli.store import payments, refs

    with reading() as db:
        found = refs.deal(db, deal)
        data = payments.schedule(db, found.id, today())
    render.emit_json(data) if json else view.schedule(data)


@app.command("update", help=t("help.cmd.payment.update"))
def update(
    number: Number,
    amount: Annotated[str | None, typer.Option("--amount", help=t("help.payment.new_amount"),
                                               metavar="AMOUNT")] = None,
    date: Annotated[str | None, typer.Option("--date", help=t("help.payment.new_date"),
                                             metavar="DATE")] = None,
    note: Annotated[str | None, typer.Option("--note", help=t("help.payment.note"))] = None,
    force: Force = False,
) -> None:
    from kacli.domain.receivables import INSTALMENT, parse_number
    from kacli.store import payments

    letter, _ = parse_number(number)
    fen = parse_amount(amount) if amount is not None else None
    if date is None:
        day = None
    else:
        day = parse_date(date, today()) if letter == INSTALMENT else o.outcome_date(date, today())
    clean_note = text.free_text(note, field="payment_note") if note is not None else None
    with writing() as uow:
        changed = payments.update(uow, number, amount=fen, day=day, note=clean_note, today=today(),
                                  force=force)
    key = "payment.updated" if changed else "payment.unchanged"
    render.message(t(key, number=number.strip().upper().lstrip("#"),
                     fields=", ".join(t(f"payment.field.{f}") for f in changed)))


@app.command("promise", help=t("help.cmd.payment.promise"))
def promise(
    what: Annotated[str, typer.Argument(help=t("help.arg.promise_what"), metavar="DEAL|NUMBER")],
    date: Annotated[str, typer.Argument(help=t("help.arg.promise_date"), metavar="DATE")],
) -> None:
    from kacli.domain.receivables import INSTALMENT, looks_like_number, parse_number
    from kacli.errors import BadInput
    from kacli.store import payments, refs

    day = parse_date(date, today())
    with writing() as uow:
        if looks_like_number(what):
            letter, row_id = parse_number(what)
            if letter != INSTALMENT:
                raise BadInput("error.promise_receipt", number=what.strip().upper())
            found = payments.find(uow.db, what)
            deal_id, title, instalment_id = found["deal_id"], found["title"], row_id
        else:
            deal = refs.deal(uow.db, what)
            deal_id, title, instalment_id = deal.id, deal.name, None
        promised = payments.promise(uow, deal_id, instalment_id, day, today())
    render.message(t("payment.promised", title=title, date=day.isoformat(),
                     amount=format_amount(sum(s.outstanding for s in promised)),
                     numbers=", ".join(f"{INSTALMENT}{s.id}" for s in promised)))


@app.command("remove", help=t("help.cmd.payment.remove"))
def remove(number: Number, yes: YesOpt = False) -> None:
    from kacli.store import payments

    with reading() as db:
        found = payments.find(db, number)
    what = t(f"payment.one.{found['letter']}", number=found["number"],
             amount=format_amount(found["amount_fen"]), date=found["date"], title=found["title"])
    confirm(t("payment.remove_confirm", what=what), yes)
    with writing() as uow:
        payments.remove(uow, found["number"], today())
    render.message(t("payment.removed", what=what))

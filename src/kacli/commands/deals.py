"""``kacli deal``: add, update, show, list, advance, won, lost, role, remove."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands import deal_options as o
from kacli.commands._common import JsonOpt, YesOpt, confirm, reading, today, writing
from kacli.domain import text, vocab
from kacli.i18n import t

app = typer.Typer(help=t("help.deal"), no_args_is_help=True)

Ref = Annotated[str, typer.Argument(help=t("help.arg.deal_ref"), metavar="REF")]
DateOpt = Annotated[str | None, typer.Option("--date", help=t("help.deal.date"), metavar="DATE")]
ForceClose = Annotated[bool, typer.Option("--force", help=t("help.deal.force_close"))]


def _values(**options):
    return o.values(options, today())


def _after_sale():
    """The follow-up call a delivery schedules, due as the rules file says."""
    from kacli.store.deals import FollowUp
    from kacli.store.rules_file import load_rules

    return FollowUp(load_rules().after_sale_days)


def _report_move(title: str, move, *, announce: bool = True) -> None:
    from kacli.render import deals as view

    if announce:
        render.message(t("deal.moved", title=title, stage=view.stage_label(move.to_stage)))
    if move.missing:
        render.warn(t("deal.gate_warning", stage=view.stage_label(move.to_stage),
                      missing=view.missing_text(move.missing)))
    if move.after_sale is not None:
        render.message(t("deal.after_sale_scheduled", **move.after_sale))


@app.command("add", help=t("help.cmd.deal.add"))
def add(
    customer: Annotated[str, typer.Argument(help=t("help.arg.customer_ref"), metavar="CUSTOMER")],
    title: Annotated[str, typer.Argument(help=t("help.arg.deal_title"))],
    amount: o.Amount = None, close: o.Close = None, stage: o.Stage = None, chance: o.Chance = None,
    plan: o.Plan = None, problem: o.Problem = None, timetable: o.Timetable = None,
    budget: o.Budget = None, process: o.Process = None, competitor: o.Competitors = None,
    no_competitor: o.NoCompetitor = False, price: o.Price = None, delivery: o.Delivery = None,
    warranty: o.Warranty = None, payment_terms: o.PaymentTerms = None, service: o.Service = None,
    contract_date: o.ContractDate = None,
) -> None:
    from kacli.store import deals, refs

    clean = text.name(title, field="deal_title")
    values = _values(
        amount=amount, expected_close=close, stage=stage, chance=chance, purchase_plan=plan,
        problem=problem, timetable=timetable, budget=budget, process=process, price=price,
        delivery_date=delivery, warranty=warranty, payment_terms=payment_terms, service=service,
        contract_date=contract_date,
    )
    rivals = o.competitors(competitor)
    with writing() as uow:
        found = refs.customer(uow.db, customer)
        deal_id, start = deals.add(uow, found.id, clean, values, rivals, no_competitor, today(),
                                   _after_sale())
    render.message(t("deal.added", id=deal_id, title=clean, customer=found.name))
    _report_move(clean, start, announce=False)


@app.command("update", help=t("help.cmd.deal.update"))
def update(
    ref: Ref,
    title: Annotated[str | None, typer.Option("--title", help=t("help.deal.title"))] = None,
    amount: o.Amount = None, close: o.Close = None, stage: o.Stage = None, chance: o.Chance = None,
    plan: o.Plan = None, problem: o.Problem = None, timetable: o.Timetable = None,
    budget: o.Budget = None, process: o.Process = None, competitor: o.Competitors = None,
    no_competitor: o.NoCompetitor = False,
    remove_competitor: Annotated[list[str] | None, typer.Option(
        "--remove-competitor", help=t("help.deal.remove_competitor"), metavar="NAME")] = None,
    price: o.Price = None, delivery: o.Delivery = None, warranty: o.Warranty = None,
    payment_terms: o.PaymentTerms = None, service: o.Service = None,
    contract_date: o.ContractDate = None, note: o.Note = None,
) -> None:
    from kacli.store import deals, refs

    note = o.note(note)
    values = _values(
        amount=amount, expected_close=close, chance=chance, purchase_plan=plan, problem=problem,
        timetable=timetable, budget=budget, process=process, price=price, delivery_date=delivery,
        warranty=warranty, payment_terms=payment_terms, service=service, contract_date=contract_date,
    )
    if title is not None:
        values["title"] = text.name(title, field="deal_title")
    to_stage = o.stage(stage) if stage is not None else None
    rivals, gone = o.competitors(competitor), o.removed_competitors(remove_competitor)
    move = None
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        changed = deals.update(uow, found.id, values)
        changed += deals.save_competitors(uow, found.id, rivals, gone, no_competitor)
        if note is not None:
            changed += deals.add_note(uow, found.id, today(), note)
        if to_stage is not None and to_stage != deals.get(uow.db, found.id)["stage"]:
            move = deals.move(uow, found.id, to_stage, today(), None, strict=False,
                              after_sale=_after_sale())
    if changed:
        from kacli.render import deals as view

        render.message(t("deal.updated", id=found.id, title=found.name, fields=view.changed_text(changed)))
    elif move is None:
        render.message(t("deal.unchanged", id=found.id, title=found.name))
    if move is not None:
        _report_move(found.name, move)


@app.command("show", help=t("help.cmd.deal.show"))
def show(ref: Ref, json: JsonOpt = False) -> None:
    from kacli.render import deals as view
    from kacli.services.deals import detail
    from kacli.store import refs
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    with reading() as db:
        found = refs.deal(db, ref)
        data = detail(db, found.id, today(), rules)
    if json:
        render.emit_json(data)
    else:
        view.show(data)


@app.command("list", help=t("help.cmd.deal.list"))
def list_(
    all_: Annotated[bool, typer.Option("--all", help=t("help.deal.all"))] = False,
    json: JsonOpt = False,
) -> None:
    from kacli.render import deals as view
    from kacli.services.deals import pipeline
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    with reading() as db:  # written while the deals are read: a long list is never held whole
        data = pipeline(db, today(), rules, include_closed=all_)
        render.stream_json(view.listing_json(data)) if json else view.listing(data)


@app.command("advance", help=t("help.cmd.deal.advance"))
def advance(
    ref: Ref,
    to: Annotated[str | None, typer.Option("--to", help=t("help.deal.to"), metavar="STAGE")] = None,
    note: Annotated[str | None, typer.Option("--note", help=t("help.deal.note"))] = None,
    date: DateOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=t("help.deal.strict"))] = False,
) -> None:
    from kacli.store import deals, refs

    on_date = o.outcome_date(date, today())
    clean_note = text.free_text(note, field="deal_note")
    target = o.stage(to) if to is not None else None
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        move = deals.move(uow, found.id, target, on_date, clean_note, strict=strict,
                          after_sale=_after_sale())
    _report_move(found.name, move)


@app.command("won", help=t("help.cmd.deal.won"))
def won(ref: Ref, date: DateOpt = None, force: ForceClose = False) -> None:
    from kacli.store import deals, refs

    on_date = o.outcome_date(date, today())
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        deals.close(uow, found.id, "won", on_date, None, force=force)
    render.message(t("deal.won", id=found.id, title=found.name))


@app.command("lost", help=t("help.cmd.deal.lost"))
def lost(
    ref: Ref,
    reason: Annotated[str, typer.Option("--reason", help=t("help.deal.reason"))],
    date: DateOpt = None, force: ForceClose = False,
) -> None:
    from kacli.store import deals, refs

    on_date = o.outcome_date(date, today())
    why = text.name(reason, field="lost_reason")
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        deals.close(uow, found.id, "lost", on_date, why, force=force)
    render.message(t("deal.lost", id=found.id, title=found.name))


@app.command("role", help=t("help.cmd.deal.role"))
def role(
    ref: Ref,
    contact: Annotated[str, typer.Argument(help=t("help.arg.deal_contact"), metavar="CONTACT")],
    as_: Annotated[str | None, typer.Option("--as", help=t("help.deal.as"), metavar="ROLE")] = None,
    attitude: Annotated[str | None, typer.Option("--attitude", help=t("help.deal.attitude"))] = None,
    remove: Annotated[bool, typer.Option("--remove", help=t("help.deal.remove_role"))] = False,
) -> None:
    from kacli.errors import BadInput
    from kacli.store import deals, refs

    code = vocab.ROLE.parse(as_) if as_ is not None else None
    feeling = vocab.ATTITUDE.parse(attitude) if attitude is not None else None
    if code is None and not remove:
        raise BadInput("error.role_needs_as")
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        person = refs.contact(uow.db, contact, customer_id=deals.get(uow.db, found.id)["customer_id"])
        if remove:
            deals.unlink_role(uow, found.id, person.id, code)
            key = "deal.role_removed"
        else:
            key = "deal.role_added" if deals.link_role(uow, found.id, person.id, code, feeling) \
                else "deal.role_updated"
    from kacli.render import deals as view

    render.message(t(key, contact=person.name, title=found.name, role=view.role_label(code)))


@app.command("remove", help=t("help.cmd.deal.remove"))
def remove(ref: Ref, yes: YesOpt = False) -> None:
    from kacli.render import corrections as view
    from kacli.store import deal_removal, refs

    with reading() as db:
        found = refs.deal(db, ref)
        counts = deal_removal.dependents(db, found.id)
    render.message(view.deal_what_goes(found.name, counts))
    confirm(t("deal.remove_confirm", title=found.name), yes)
    with writing() as uow:
        again = refs.deal(uow.db, str(found.id))
        deal_removal.remove(uow, again.id)
    render.message(t("deal.removed", id=found.id, title=found.name))


from kacli.commands import deal_hold  # noqa: E402,F401  (registers deal hold / deal resume)

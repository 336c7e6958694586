"""``kacli deal``: add, update, show, list, advance, won, lost, role."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands import deal_options as o
from kacli.commands._common import JsonOpt, reading, today, writing
from kacli.domain import text, vocab
from kacli.i18n import t

app = typer.Typer(help=t("help.deal"), no_args_is_help=True)

Ref = Annotated[str, typer.Argument(help=t("help.arg.deal_ref"), metavar="REF")]
DateOpt = Annotated[str | None, typer.Option("--date", help=t("help.deal.date"), metavar="DATE")]


def _values(**options):
    return o.values(options, today())


def _after_sale(title: str):
    """The follow-up call a delivery schedules, due as the rules file says."""
    from kacli.store.deals import FollowUp
    from kacli.store.rules_file import load_rules

    return FollowUp(t("deal.after_sale_text", title=title), load_rules().after_sale_days)


def _report_move(title: str, move, *, announce: bool = True) -> None:
    from kacli.render import deals as view

    if announce:
        render.message(t("deal.moved", title=title, stage=view.stage_label(move.to_stage)))
    if move.missing:
        render.warn(t("deal.gate_warning", stage=view.stage_label(move.to_stage),
                      missing=view.missing_text(move.missing)))
    if move.after_sale is not None:
        render.message(t("deal.after_sale_scheduled", **move.after_sale))


@app.command("add")
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
    """Add a deal (项目) at a customer, in discover unless --stage says otherwise.

    Example: kacli deal add 机床厂 自动化改造 --amount 300万 --close 2027-03-31 --competitor 西门子=一样
    """
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
                                   _after_sale(clean))
    render.message(t("deal.added", id=deal_id, title=clean, customer=found.name))
    _report_move(clean, start, announce=False)


@app.command("update")
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
    contract_date: o.ContractDate = None,
) -> None:
    """Change a deal's facts, terms or competitors; --stage moves it as advance --to does.

    Example: kacli deal update 自动化改造 --price 280万 --warranty 两年 --payment-terms 3-6-1
    """
    from kacli.store import deals, refs

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
        if to_stage is not None and to_stage != deals.get(uow.db, found.id)["stage"]:
            move = deals.move(uow, found.id, to_stage, today(), None, strict=False,
                              after_sale=_after_sale(found.name))
    if changed:
        from kacli.render import deals as view

        render.message(t("deal.updated", id=found.id, title=found.name, fields=view.changed_text(changed)))
    elif move is None:
        render.message(t("deal.unchanged", id=found.id, title=found.name))
    if move is not None:
        _report_move(found.name, move)


@app.command("show")
def show(ref: Ref, json: JsonOpt = False) -> None:
    """Show a deal: facts, terms, competitors, chance, stage history, buying centre, money owed.

    Example: kacli deal show 自动化改造
    """
    from kacli.render import deals as view
    from kacli.services.deals import detail
    from kacli.store import refs

    with reading() as db:
        found = refs.deal(db, ref)
        data = detail(db, found.id, today())
    if json:
        render.emit_json(data)
    else:
        view.show(data)


@app.command("list")
def list_(
    all_: Annotated[bool, typer.Option("--all", help=t("help.deal.all"))] = False,
    json: JsonOpt = False,
) -> None:
    """List open deals by stage with amount, chance, weighted amount and days in stage.

    Example: kacli deal list --json
    """
    from kacli.render import deals as view
    from kacli.services.deals import pipeline

    with reading() as db:
        data = pipeline(db, today(), include_closed=all_)
    if json:
        render.emit_json(data)
    else:
        view.listing(data)


@app.command("advance")
def advance(
    ref: Ref,
    to: Annotated[str | None, typer.Option("--to", help=t("help.deal.to"), metavar="STAGE")] = None,
    note: Annotated[str | None, typer.Option("--note", help=t("help.deal.note"))] = None,
    date: DateOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=t("help.deal.strict"))] = False,
) -> None:
    """Move a deal one stage forward, or --to any stage (back too); warns at an unmet gate.

    Example: kacli deal advance 自动化改造 --to 商务谈判 --note 技术交流通过
    """
    from kacli.store import deals, refs

    on_date = o.outcome_date(date, today())
    clean_note = text.free_text(note, field="deal_note")
    target = o.stage(to) if to is not None else None
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        move = deals.move(uow, found.id, target, on_date, clean_note, strict=strict,
                          after_sale=_after_sale(found.name))
    _report_move(found.name, move)


@app.command("won")
def won(ref: Ref, date: DateOpt = None) -> None:
    """Close a deal as won (赢单); it can still move on to delivery and its payments.

    Example: kacli deal won 自动化改造 --date 2026-11-20
    """
    from kacli.store import deals, refs

    on_date = o.outcome_date(date, today())
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        deals.close(uow, found.id, "won", on_date, None)
    render.message(t("deal.won", id=found.id, title=found.name))


@app.command("lost")
def lost(
    ref: Ref,
    reason: Annotated[str, typer.Option("--reason", help=t("help.deal.reason"))],
    date: DateOpt = None,
) -> None:
    """Close a deal as lost (丢单), with the reason.

    Example: kacli deal lost 年度采购 --reason "决策者没见过，订单给了对手"
    """
    from kacli.store import deals, refs

    on_date = o.outcome_date(date, today())
    why = text.name(reason, field="lost_reason")
    with writing() as uow:
        found = refs.deal(uow.db, ref)
        deals.close(uow, found.id, "lost", on_date, why)
    render.message(t("deal.lost", id=found.id, title=found.name))


@app.command("role")
def role(
    ref: Ref,
    contact: Annotated[str, typer.Argument(help=t("help.arg.deal_contact"), metavar="CONTACT")],
    as_: Annotated[str | None, typer.Option("--as", help=t("help.deal.as"), metavar="ROLE")] = None,
    attitude: Annotated[str | None, typer.Option("--attitude", help=t("help.deal.attitude"))] = None,
    remove: Annotated[bool, typer.Option("--remove", help=t("help.deal.remove_role"))] = False,
) -> None:
    """Put a contact of the deal's customer in its buying centre, or take them out with --remove.

    Example: kacli deal role 自动化改造 王总 --as 决策者 --attitude 支持
    """
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

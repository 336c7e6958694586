"""``kacli visit``: log, list, show, update, remove — visits and calls (拜访登记)."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands import visit_options as o
from kacli.commands._common import MAX_ID, JsonOpt, YesOpt, confirm, reading, today, writing
from kacli.domain.dates import parse_date
from kacli.errors import BadInput
from kacli.i18n import t

app = typer.Typer(help=t("help.visit"), no_args_is_help=True)

CustomerRef = Annotated[str, typer.Argument(help=t("help.arg.customer_ref"), metavar="CUSTOMER")]
VisitId = Annotated[int, typer.Argument(help=t("help.arg.visit_id"), metavar="ID", min=1, max=MAX_ID)]


@app.command("log", help=t("help.cmd.visit.log"))
def log(
    customer: CustomerRef,
    contact: o.Contacts = None, kind: o.Kind = None, date: o.Date = None, note: o.Note = None,
    planned: Annotated[bool, typer.Option("--planned", help=t("help.visit.planned"))] = False,
    purpose: o.Purpose = None, gift_value: o.GiftValue = None, satisfaction: o.Satisfaction = None,
    next_: Annotated[str | None, typer.Option("--next", help=t("help.visit.next"),
                                              metavar="TEXT")] = None,
    next_date: Annotated[str | None, typer.Option("--next-date", help=t("help.visit.next_date"),
                                                  metavar="DATE")] = None,
    done: o.Done = None, advance: o.Advance = False, introduced_by: o.IntroducedBy = None,
    deal: o.AboutDeal = None,
) -> None:
    from kacli.render import visits as view
    from kacli.services.visits import log_visit

    day = today()
    if introduced_by is not None and kind is None:
        kind = "introduction"  # naming who introduced says what the visit was
    values = o.logged(kind_text=kind, date=date, note=note, planned=planned, purpose=purpose,
                      gift=gift_value, score=satisfaction, today=day)
    next_text, next_due = o.next_action(next_, next_date, day)
    if planned and advance:
        raise BadInput("error.visit_advance_planned")
    if planned and done:
        raise BadInput("error.visit_done_planned")
    with writing() as uow:
        outcome = log_visit(uow, customer, contact or [], values, next_text=next_text,
                            next_due=next_due, done_ids=done, advance=advance,
                            introduced_by=introduced_by, deal_ref=deal, today=day)
    view.report_logged(outcome, next_text, next_due)


@app.command("list", help=t("help.cmd.visit.list"))
def list_(
    customer: Annotated[str | None, typer.Argument(help=t("help.arg.customer_ref_optional"),
                                                   metavar="[CUSTOMER]")] = None,
    contact: Annotated[str | None, typer.Option("--contact", "-c", help=t("help.visit.list_contact"),
                                                metavar="REF")] = None,
    kind: o.Kind = None,
    since: Annotated[str | None, typer.Option("--since", help=t("help.visit.since"),
                                              metavar="DATE")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help=t("help.visit.limit"), min=1,
                                              metavar="N")] = None,
    planned: Annotated[bool, typer.Option("--planned", help=t("help.visit.list_planned"))] = False,
    json: JsonOpt = False,
) -> None:
    from kacli.render import visits as view
    from kacli.store import refs, visits

    kind_code = o.kind(kind) if kind else None
    since_day = parse_date(since, today(), prefer="past").isoformat() if since else None
    with reading() as db:
        customer_id = refs.customer(db, customer).id if customer else None
        contact_id = refs.contact(db, contact, customer_id=customer_id).id if contact else None
        rows = visits.listing(db, customer_id=customer_id, contact_id=contact_id, kind=kind_code,
                              since=since_day, planned=planned, limit=limit)
    if json:
        render.emit_json([view.visit_json(v) for v in rows])
    else:
        view.table(rows, planned=planned)


@app.command("show", help=t("help.cmd.visit.show"))
def show(visit_id: VisitId, json: JsonOpt = False) -> None:
    from kacli.render import visits as view
    from kacli.services.visits import mark_overdue
    from kacli.store import next_actions, visits

    with reading() as db:
        visit = visits.get(db, visit_id)
        actions = mark_overdue(next_actions.from_visit(db, visit_id), today())
    if json:
        render.emit_json(view.show_json(visit, actions))
    else:
        view.show(visit, actions)


@app.command("update", help=t("help.cmd.visit.update"))
def update(
    visit_id: VisitId,
    date: o.Date = None, kind: o.Kind = None, note: o.Note = None, contact: o.Contacts = None,
    gift_value: o.GiftValue = None, satisfaction: o.Satisfaction = None, purpose: o.Purpose = None,
    done: Annotated[bool, typer.Option("--done", help=t("help.visit.done"))] = False,
    advance: o.Advance = False,
) -> None:
    from kacli.render import visits as view
    from kacli.services.visits import update_visit

    changes = o.changes(kind_text=kind, note=note, purpose=purpose, gift=gift_value,
                        score=satisfaction)
    with writing() as uow:
        outcome = update_visit(uow, visit_id, changes, date_text=date, contact_refs=contact,
                               mark_done=done, advance=advance, today=today())
    view.report_updated(outcome)


@app.command("remove", help=t("help.cmd.visit.remove"))
def remove(visit_id: VisitId, yes: YesOpt = False) -> None:
    from kacli.render import visits as view
    from kacli.store import visits

    with reading() as db:
        visit = visits.get(db, visit_id)
    confirm(t("visit.remove_confirm", what=view.one_line(visit)), yes)
    with writing() as uow:
        visits.get(uow.db, visit_id)
        visits.remove(uow, visit_id)
    render.message(t("visit.removed", id=visit_id, customer=visit["customer"]))

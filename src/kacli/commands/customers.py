"""``kacli customer``: add, update, show, list, remove, history, competitor, dupes, merge."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands import customer_merge
from kacli.commands import customer_options as o
from kacli.commands._common import JsonOpt, YesOpt, confirm, reading, today, writing
from kacli.domain import text, vocab
from kacli.i18n import t

app = typer.Typer(help=t("help.customer"), no_args_is_help=True)

Ref = Annotated[str, typer.Argument(help=t("help.arg.customer_ref"), metavar="REF")]

app.command("dupes", help=t("help.cmd.customer.dupes"))(customer_merge.dupes)
app.command("merge", help=t("help.cmd.customer.merge"))(customer_merge.merge)


def _values(**options):
    return o.values(options, today())


@app.command("add", help=t("help.cmd.customer.add"))
def add(
    name: Annotated[str, typer.Argument(help=t("help.arg.customer_name"))],
    kind: o.Kind = None, scope: o.Scope = None, industry: o.Industry = None,
    ownership: o.Ownership = None, country: o.Country = None, employees: o.Employees = None,
    revenue: o.Revenue = None, credit: o.Credit = None, address: o.Address = None,
    phone: o.Phones = None, source: o.Source = None, product: o.Products = None,
    tech: o.Tech = None, buying_dept: o.BuyingDept = None, support_depts: o.SupportDepts = None,
    org_notes: o.OrgNotes = None, business: o.Business = None, tag: o.Tags = None,
    status: o.Status = None, buy_within: o.BuyWithin = None,
    expect_purchase: o.ExpectPurchase = None, cycle: o.Cycle = None, batch: o.Batch = None,
    grade: o.Grade = None, grade_reason: o.GradeReason = None,
    need: o.Need = None, can_pay: o.CanPay = None, authority: o.Authority = None,
    industry_fit: o.IndustryFit = None, project_info: o.ProjectInfo = None,
    tech_fit: o.TechFit = None, good_credit: o.GoodCredit = None, sound: o.SoundSize = None,
    reach_dept: o.ReachDept = None, reach_dm: o.ReachDm = None,
    set_: o.SetFacts = None,
) -> None:
    options = locals()
    from kacli.store import customers

    clean_name = text.name(name)
    values = _values(**o.columns(options))
    new_facts = o.facts(set_)
    with writing() as uow:
        from kacli.render.dupes import twins
        from kacli.store.dupes import twins_of

        likely = twins_of(uow.db, clean_name, values.get("phones") or [])
        customer = customers.add(uow, clean_name, values, new_facts)  # refuses the very same name
        twins(likely)
        customer_id = customer.id
    render.message(t("customer.added", id=customer_id, name=clean_name))


@app.command("update", help=t("help.cmd.customer.update"))
def update(
    ref: Ref,
    name: Annotated[str | None, typer.Option("--name", help=t("help.customer.rename"))] = None,
    kind: o.KindUpdate = None, scope: o.Scope = None, industry: o.Industry = None,
    ownership: o.Ownership = None, country: o.Country = None, employees: o.Employees = None,
    revenue: o.Revenue = None, credit: o.Credit = None, address: o.Address = None,
    phone: o.Phones = None, source: o.Source = None, product: o.Products = None,
    tech: o.Tech = None, buying_dept: o.BuyingDept = None, support_depts: o.SupportDepts = None,
    org_notes: o.OrgNotes = None, business: o.Business = None, tag: o.Tags = None,
    status: o.Status = None, buy_within: o.BuyWithin = None,
    expect_purchase: o.ExpectPurchase = None, cycle: o.Cycle = None, batch: o.Batch = None,
    grade: o.Grade = None, grade_reason: o.GradeReason = None,
    need: o.Need = None, can_pay: o.CanPay = None, authority: o.Authority = None,
    industry_fit: o.IndustryFit = None, project_info: o.ProjectInfo = None,
    tech_fit: o.TechFit = None, good_credit: o.GoodCredit = None, sound: o.SoundSize = None,
    reach_dept: o.ReachDept = None, reach_dm: o.ReachDm = None,
    set_: o.SetFacts = None,
    unset: Annotated[list[str] | None, typer.Option("--unset", help=t("help.opt.unset"),
                                                   metavar="KEY")] = None,
) -> None:
    options = locals()
    from kacli.store import customers, refs

    values = _values(name=text.name(name) if name is not None else None, **o.columns(options))
    if "name" in values and values["name"] is None:
        values.pop("name")
    set_facts = o.facts(set_)
    unset_keys = [text.name(k, field="key") for k in unset or []]
    with writing() as uow:
        found = refs.customer(uow.db, ref)
        changed = customers.update(uow, found.id, values, set_facts, unset_keys)
    if changed:
        render.message(t("customer.updated", id=found.id, name=found.name,
                         fields=render.field_names(changed)))
    else:
        render.message(t("customer.unchanged", id=found.id, name=found.name))


@app.command("show", help=t("help.cmd.customer.show"))
def show(ref: Ref, json: JsonOpt = False) -> None:
    from kacli.render import customers as view
    from kacli.services.profile import customer_profile
    from kacli.store import refs

    with reading() as db:
        found = refs.customer(db, ref)
        profile = customer_profile(db, found.id, today())
    if json:
        render.emit_json(view.profile_json(profile))
    else:
        view.profile(profile)


@app.command("list", help=t("help.cmd.customer.list"))
def list_(
    kind: Annotated[str | None, typer.Option("--kind", help=t("help.list.kind"))] = None,
    status: Annotated[str | None, typer.Option("--status", help=t("help.list.status"))] = None,
    tag: Annotated[str | None, typer.Option("--tag", help=t("help.list.tag"))] = None,
    key: Annotated[bool, typer.Option("--key", help=t("help.list.key"))] = False,
    json: JsonOpt = False,
) -> None:
    from kacli.render import customers as view
    from kacli.services import grades, key_tier
    from kacli.store import customers
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    filters = {"kind": vocab.KIND.parse(kind) if kind else None,
               "status": vocab.STATUS.parse(status) if status else None,
               "tag": tag.strip() if tag else None}
    with reading() as db:
        if key:
            from kacli.render import week as key_view

            listed = {r["id"] for r in customers.each_listed(db, **filters)}  # the filters apply to the tier too
            tier = [place for place in key_tier.key_tier_listing(db, today(), rules) if place[0] in listed]
            render.emit_json(key_view.key_tier_json(tier)) if json else key_view.key_tier(tier, rules.key_months)
            return
        # Written while the rows are read from the dossier: a long list is never held whole.
        rows = grades.grading(db, customers.each_listed(db, **filters), today(), rules)
        render.stream_json(view.listing_json(rows)) if json else view.listing(rows)


@app.command("remove", help=t("help.cmd.customer.remove"))
def remove(ref: Ref, yes: YesOpt = False) -> None:
    from kacli.render import customers as view
    from kacli.store import customers, refs

    with reading() as db:
        found = refs.customer(db, ref)
        counts = customers.dependents(db, found.id)
    render.message(view.what_goes(found.name, counts))
    confirm(t("customer.remove_confirm", name=found.name), yes)
    with writing() as uow:
        again = refs.customer(uow.db, str(found.id))
        customers.remove(uow, again.id)
    render.message(t("customer.removed", id=found.id, name=found.name))


@app.command("history", help=t("help.cmd.customer.history"))
def history_(ref: Ref, json: JsonOpt = False) -> None:
    from kacli.render import customers as view
    from kacli.services.customer_history import customer_history
    from kacli.store import refs
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    with reading() as db:
        found = refs.customer(db, ref)
        rows = customer_history(db, found.id, today(), rules)
    if json:
        render.emit_json(view.history_json(found, rows))
    else:
        view.history(found, rows)


@app.command("competitor", help=t("help.cmd.customer.competitor"))
def competitor(
    ref: Ref,
    name: Annotated[str, typer.Argument(help=t("help.arg.competitor"))],
    product: Annotated[str | None, typer.Option("--product", help=t("help.comp.product"))] = None,
    satisfaction: Annotated[str | None, typer.Option(
        "--satisfaction", help=t("help.comp.satisfaction"), metavar="1-5")] = None,
    salesperson: Annotated[str | None, typer.Option(
        "--salesperson", help=t("help.comp.salesperson"))] = None,
    style: Annotated[str | None, typer.Option("--style", help=t("help.comp.style"))] = None,
    relationship: Annotated[str | None, typer.Option(
        "--relationship", help=t("help.comp.relationship"))] = None,
    remove_: Annotated[bool, typer.Option("--remove", help=t("help.comp.remove"))] = False,
) -> None:
    from kacli.store import customers, refs

    clean = text.name(name, field="competitor")
    values = {
        "product": text.free_text(product, field="product"),
        "satisfaction": text.integer(satisfaction, field="satisfaction", low=1, high=5),
        "salesperson": text.free_text(salesperson, field="salesperson"),
        "style": text.free_text(style, field="style"),
        "relationship": text.free_text(relationship, field="relationship"),
    }
    with writing() as uow:
        found = refs.customer(uow.db, ref)
        if remove_:
            customers.remove_competitor(uow, found.id, clean)
            key = "competitor.removed"
        else:
            _, new = customers.save_competitor(uow, found.id, clean, values)
            key = "competitor.added" if new else "competitor.updated"
    render.message(t(key, name=clean, customer=found.name))

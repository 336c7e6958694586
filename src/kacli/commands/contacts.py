"""``kacli contact``: add, update, show, list, remove, forget, stage, merge."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands import contact_options as o
from kacli.commands._common import JsonOpt, YesOpt, confirm, reading, writing
from kacli.domain import text, vocab
from kacli.errors import BadInput
from kacli.i18n import t

app = typer.Typer(help=t("help.contact"), no_args_is_help=True)

Ref = Annotated[str, typer.Argument(help=t("help.arg.contact_ref"), metavar="REF")]
At = Annotated[str | None, typer.Option("--customer", help=t("help.contact.at"), metavar="CUSTOMER")]


def _find(db, ref: str, at: str | None):
    """The contact ``ref`` means, only among ``at``'s contacts when a customer is given."""
    from kacli.store import refs

    customer_id = refs.customer(db, at).id if at else None
    return refs.contact(db, ref, customer_id=customer_id)


@app.command("add", help=t("help.cmd.contact.add"))
def add(
    customer: Annotated[str, typer.Argument(help=t("help.arg.customer_ref"), metavar="CUSTOMER")],
    name: Annotated[str, typer.Argument(help=t("help.arg.contact_name"))],
    title: o.Title = None, department: o.Department = None, role: o.Roles = None,
    attitude: o.Attitude = None, stage: o.Stage = None, primary: o.Primary = None,
    phone: o.Phones = None, email: o.Email = None, wechat: o.Wechat = None,
    birthday: o.BirthdayOpt = None, lunar: o.Lunar = False, leap: o.Leap = False,
    family: o.Family = None, hometown: o.Hometown = None, university: o.University = None,
    sports: o.Sports = None, food: o.Food = None, pets: o.Pets = None, books: o.Books = None,
    last_holiday: o.LastHoliday = None, next_holiday: o.NextHoliday = None,
    travel: o.Travel = None, org_role: o.OrgRole = None, colleagues: o.Colleagues = None,
    goals: o.Goals = None, career: o.Career = None,
    set_: o.SetFacts = None,
) -> None:
    from kacli.store import contacts, refs

    clean_name = text.name(name)
    values = o.values(
        dict(title=title, department=department, roles=role, attitude=attitude, stage=stage,
             is_primary=primary, phones=phone, email=email, wechat=wechat, family=family,
             hometown=hometown, university=university, sports=sports, food=food, pets=pets,
             books=books, last_holiday=last_holiday, next_holiday=next_holiday, travel=travel,
             org_role=org_role, colleagues=colleagues, goals=goals, career=career),
        birthday, lunar, leap)
    new_facts = o.facts(set_)
    with writing() as uow:
        found = refs.customer(uow.db, customer)
        contact = contacts.add(uow, found.id, clean_name, values, new_facts)
        contact_id = contact.id
    render.message(t("contact.added", id=contact_id, name=clean_name, customer=found.name))


@app.command("update", help=t("help.cmd.contact.update"))
def update(
    ref: Ref,
    at: At = None,
    name: Annotated[str | None, typer.Option("--name", help=t("help.contact.rename"))] = None,
    title: o.Title = None, department: o.Department = None, role: o.Roles = None,
    attitude: o.Attitude = None, stage: o.StageUpdate = None, primary: o.Primary = None,
    phone: o.Phones = None, email: o.Email = None, wechat: o.Wechat = None,
    birthday: o.BirthdayOpt = None, lunar: o.Lunar = False, leap: o.Leap = False,
    family: o.Family = None, hometown: o.Hometown = None, university: o.University = None,
    sports: o.Sports = None, food: o.Food = None, pets: o.Pets = None, books: o.Books = None,
    last_holiday: o.LastHoliday = None, next_holiday: o.NextHoliday = None,
    travel: o.Travel = None, org_role: o.OrgRole = None, colleagues: o.Colleagues = None,
    goals: o.Goals = None, career: o.Career = None,
    set_: o.SetFacts = None, unset: o.Unset = None,
) -> None:
    from kacli.store import contacts

    values = o.values(
        dict(title=title, department=department, roles=role, attitude=attitude, stage=stage,
             is_primary=primary, phones=phone, email=email, wechat=wechat, family=family,
             hometown=hometown, university=university, sports=sports, food=food, pets=pets,
             books=books, last_holiday=last_holiday, next_holiday=next_holiday, travel=travel,
             org_role=org_role, colleagues=colleagues, goals=goals, career=career),
        birthday, lunar, leap)
    if name is not None:
        values["name"] = text.name(name)
    set_facts, unset_keys = o.facts(set_), o.unset_keys(unset)
    with writing() as uow:
        found = _find(uow.db, ref, at)
        changed = contacts.update(uow, found.id, values, set_facts, unset_keys)
    shown = values.get("name", found.name)
    if changed:
        render.message(t("contact.updated", id=found.id, name=shown,
                         fields=render.field_names(changed)))
    else:
        render.message(t("contact.unchanged", id=found.id, name=shown))


@app.command("show", help=t("help.cmd.contact.show"))
def show(ref: Ref, at: At = None, json: JsonOpt = False) -> None:
    from kacli.render import contacts as view
    from kacli.render.visits import add_to_contact
    from kacli.store import contacts, visits

    with reading() as db:
        found = _find(db, ref, at)
        profile = contacts.profile(db, found.id)
        # Other nouns join the profile here: JSON keys ("visits", "gift_total_fen") and Rich
        # panels in profile["extra_groups"] (left out of the JSON).
        add_to_contact(profile, visits.gift_total(db, found.id),
                       visits.visits_for_contact(db, found.id, 5))
    if json:
        render.emit_json(view.profile_json(profile))
    else:
        view.profile(profile)


@app.command("list", help=t("help.cmd.contact.list"))
def list_(
    customer: Annotated[str | None, typer.Argument(help=t("help.contact.list_customer"),
                                                   metavar="[CUSTOMER]")] = None,
    role: Annotated[str | None, typer.Option("--role", help=t("help.contact.list_role"))] = None,
    stage: Annotated[str | None, typer.Option("--stage", help=t("help.contact.list_stage"))] = None,
    json: JsonOpt = False,
) -> None:
    from kacli.render import contacts as view
    from kacli.store import contacts, refs

    role_code = vocab.ROLE.parse(role) if role else None
    stage_code = vocab.STAGE.parse(stage) if stage else None
    with reading() as db:
        customer_id = refs.customer(db, customer).id if customer else None
        rows = contacts.listing(db, customer_id=customer_id, role=role_code, stage=stage_code)
    if json:
        render.emit_json(view.listing_json(rows))
    else:
        view.listing(rows)


@app.command("stage", help=t("help.cmd.contact.stage"))
def stage_(
    ref: Ref,
    stage: Annotated[str, typer.Argument(help=t("help.contact.stage_arg"),
                                         metavar="acquainted|dating|trust|alliance")],
    note: Annotated[str | None, typer.Option("--note", help=t("help.contact.stage_note"))] = None,
    at: At = None,
) -> None:
    from kacli.render import contacts as view
    from kacli.store import contacts

    code = vocab.STAGE.parse(stage)
    clean_note = text.free_text(note, field="stage_note")
    with writing() as uow:
        found = _find(uow.db, ref, at)
        old = contacts.set_stage(uow, found.id, code, clean_note)
    render.message(view.stage_moved(found.name, old, code))


@app.command("remove", help=t("help.cmd.contact.remove"))
def remove(ref: Ref, at: At = None, yes: YesOpt = False) -> None:
    from kacli.render import contacts as view
    from kacli.store import contacts

    with reading() as db:
        found = _find(db, ref, at)
        counts = contacts.dependents(db, found.id)
    render.message(view.what_goes(found.name, counts))
    confirm(t("contact.remove_confirm", name=found.name), yes)
    with writing() as uow:
        again = _find(uow.db, str(found.id), None)
        contacts.remove(uow, again.id)
    render.message(t("contact.removed", id=found.id, name=found.name))


@app.command("forget", help=t("help.cmd.contact.forget"))
def forget(
    ref: Ref,
    at: At = None,
    yes: YesOpt = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.contact.forget_dry_run"))] = False,
) -> None:
    from kacli.errors import DossierLocked, NotFound
    from kacli.render import contacts as view
    from kacli.store import contacts, dossier, erasure, maintenance

    removed = []
    with reading() as db:
        try:
            found = _find(db, ref, at)
        except NotFound:
            removed = erasure.removed_matching(db, ref)
            if not removed:
                raise
        preview = erasure.preview(db, None if removed else found.id, removed)
    name = found.name if not removed else removed[0]["name"]
    # Looked for before the names are gone: exports, vCards, calendars and backups kacli wrote
    # beside the dossier or here.
    from pathlib import Path

    from kacli import settings

    # A server dossier has no folder of its own here: only this folder is looked at.
    on_server = dossier.server_uri(settings.get().db) is not None
    path = None if on_server else dossier.resolve_path(settings.get().db)
    written = erasure.files_holding(preview.who, [*([path.parent] if path else []), Path.cwd()],
                                    [path, *dossier.copies_beside(path)] if path else [])
    if dry_run:
        view.forget_plan(preview, to_stdout=True)
        if written:
            render.warn(t("contact.forget_files", paths=_rm_lines(written)))
        return
    render.message(t("contact.forget_what", name=name))
    if not yes:
        view.forget_plan(preview, to_stdout=False)
    confirm(t("contact.forget_confirm", name=name), yes)
    with writing() as uow:
        if removed:
            done = erasure.forget_removed(uow, erasure.removed_matching(uow.db, ref))
        else:
            done = contacts.forget(uow, _find(uow.db, str(found.id), None).id)
        path = uow.path
    if not removed:
        again = str(found.id)
    elif removed[0]["former_id"] is not None:
        again = f"'#{removed[0]['former_id']}'"
    else:
        again = "'(forgotten)'"
    if path is not None:
        try:
            maintenance.scrub(path)
        except DossierLocked as exc:
            raise DossierLocked("error.forget_scrub_locked", path=path, ref=again) from exc
    suffix = "_on_server" if on_server else ""
    if removed:
        render.message(t(f"contact.forgotten_removed{suffix}", name=name))
    else:
        render.message(t(f"contact.forgotten{suffix}", id=found.id))
    view.forget_kept(done.kept)
    copies = dossier.copies_beside(path) if path is not None else []
    if copies:
        render.warn(t("contact.forget_backups", paths=_rm_lines(copies)))
    if on_server:
        render.warn(t("contact.forget_server_keeps"))
    if written:
        render.warn(t("contact.forget_files", paths=_rm_lines(written)))


def _rm_lines(paths) -> str:
    import shlex

    return "\n".join(f"  rm -- {shlex.quote(str(p))}" for p in paths)


@app.command("merge", help=t("help.cmd.contact.merge"))
def merge(
    ref: Annotated[str, typer.Argument(help=t("help.arg.merge_source"), metavar="REF")],
    into: Annotated[str, typer.Option("--into", help=t("help.merge.into_contact"), metavar="REF")],
    at: At = None,
    yes: YesOpt = False,
) -> None:
    from kacli.render import dupes as view
    from kacli.store import contacts, refs
    from kacli.store import merge as merging

    with reading() as db:
        source = _find(db, ref, at)
        customer_id = contacts.get(db, source.id)["customer_id"]
        target = refs.contact(db, into, customer_id=customer_id)
        if source.id == target.id:
            raise BadInput("error.merge_itself")
        counts = contacts.dependents(db, source.id)
    render.message(view.plan(source.name, target.name, counts))
    confirm(t("merge.contact_confirm", merged=source.name, kept=target.name), yes)
    with writing() as uow:
        done = merging.contact(uow, _find(uow.db, str(source.id), None).id,
                               _find(uow.db, str(target.id), None).id)
    view.merged(done, "contact")

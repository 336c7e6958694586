"""How each table's rows are written by ``import``: links, duplicates, then the store's own adds.

Customers and contacts go in with ``store.bulk`` (one statement per table, for speed); deals,
visits and payments through the same store functions as ``deal add``, ``visit log`` and
``payment plan|receive``, each row in a savepoint so a row the store refuses is reported as bad
and leaves nothing behind. Updating (``--on-duplicate update``) always goes through the store's
``update`` functions, which keep the history.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Any

from kacli.domain import text, vocab
from kacli.errors import BadInput
from kacli.services.importing import duplicate_key
from kacli.store import bulk, refs

_CUSTOMER_EXTRA = ("name", "facts", "competitors")
_CONTACT_EXTRA = ("customer", "name", "facts")
_DEAL_COLUMNS = ("amount", "expected_close", "stage", "chance", "purchase_plan", "problem", "timetable",
                 "budget", "process", "price", "delivery_date", "warranty", "payment_terms", "service",
                 "contract_date")
_COMPETITOR = ("product", "satisfaction", "salesperson", "style", "relationship")


def _fail(report, row, column: str, exc: BadInput) -> None:
    row.errors.append((column, exc.message()))
    report.bad.append(row)


class Customers:
    """Customers by REF, exact names first (tier 2 of the REF rules, without a scan per row)."""

    def __init__(self, uow):
        self.uow = uow
        self.by_name = {duplicate_key(n): i for i, n, _ in bulk.names(uow, "customer")}
        self.cache: dict[str, int] = {}

    def find(self, ref: str) -> int:
        key = duplicate_key(ref)
        if not ref.isdigit() and key in self.by_name:
            return self.by_name[key]
        if ref not in self.cache:
            self.cache[ref] = refs.customer(self.uow.db, ref).id
        return self.cache[ref]


@contextmanager
def _savepoint(uow):
    with uow.session.begin_nested():
        yield


def _competitor(item: Any) -> tuple[str, dict[str, Any]]:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        raise BadInput("error.import_not_json", field="competitors", value=str(item)[:40])
    values = {k: text.free_text(str(item[k]), field=k) if item.get(k) is not None else None for k in _COMPETITOR}
    values["satisfaction"] = text.integer(item.get("satisfaction"), field="satisfaction", low=1, high=5)
    return text.name(str(item.get("name", "")), field="competitor"), values


def customers(uow, rows, report, *, update: bool, today, after_sale, tick) -> None:
    from kacli.store import customers as store

    found = Customers(uow)
    new: dict[str, tuple[Any, dict[str, Any], dict[str, str], list]] = {}
    for row in rows:
        v = row.values
        key = duplicate_key(v["name"])
        columns = {k: x for k, x in v.items() if k not in _CUSTOMER_EXTRA}
        try:
            rivals = [_competitor(c) for c in v.get("competitors") or []]
        except BadInput as exc:
            _fail(report, row, "competitors", exc)
            continue
        if key in found.by_name:
            if not update:
                report.skipped += 1
                continue
            columns.pop("created_at", None)  # when it was first recorded does not change
            with _savepoint(uow):
                changed = store.update(uow, found.by_name[key], columns, v.get("facts", {}), [])
                for name, values in rivals:
                    changed += [name] if store.save_competitor(uow, found.by_name[key], name, values)[1] else []
            report.updated += bool(changed)
            report.skipped += not changed
        elif key in new:
            report.skipped += not update
            if update:
                new[key][1].update(columns)
                new[key][2].update(v.get("facts", {}))
        else:
            new[key] = (v["name"], columns, dict(v.get("facts", {})), rivals)
        tick(1)
    ids = bulk.add_customers(uow, [(n, c, f) for n, c, f, _ in new.values()])
    for customer_id, (_, _, _, rivals) in zip(ids, new.values(), strict=True):
        for name, values in rivals:
            store.save_competitor(uow, customer_id, name, values)
    report.added += len(ids)
    report.added_ids += ids


def contacts(uow, rows, report, *, update: bool, today, after_sale, tick) -> None:
    from kacli.store import contacts as store

    found = Customers(uow)
    existing = {(c, duplicate_key(n)): i for i, n, c in bulk.names(uow, "contact", "customer_id")}
    new: dict[tuple[int, str], tuple[int, str, dict[str, Any], dict[str, str]]] = {}
    for row in rows:
        v = row.values
        try:
            customer_id = found.find(v["customer"])
        except BadInput as exc:
            _fail(report, row, "customer", exc)
            continue
        key = (customer_id, duplicate_key(v["name"]))
        columns = {k: x for k, x in v.items() if k not in _CONTACT_EXTRA}
        if key in existing:
            if not update:
                report.skipped += 1
                continue
            with _savepoint(uow):
                changed = store.update(uow, existing[key], columns, v.get("facts", {}), [])
            report.updated += bool(changed)
            report.skipped += not changed
        elif key in new:
            report.skipped += not update
            if update:
                new[key][2].update(columns)
        else:
            new[key] = (customer_id, v["name"], columns, dict(v.get("facts", {})))
        tick(1)
    report.added += len(bulk.add_contacts(uow, list(new.values())))


def _date(value: str | None, default: dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if value else default


def _deal(uow, customer_id: int, v: dict[str, Any], today, after_sale) -> None:
    from kacli.store import deals, next_actions

    values = {k: v[k] for k in _DEAL_COLUMNS if k in v}
    # A delivered deal is added one stage short and moved on once its buying centre is linked,
    # so the after-sale call goes to its buyer, as ``deal advance`` would do.
    delivered = values.get("stage") == "deliver"
    if delivered:
        values["stage"] = "contract"
    rivals = {}
    for item in v.get("competitors") or []:
        name, _ = _competitor(item)
        position = item.get("position") if isinstance(item, dict) else None
        rivals[name] = vocab.POSITION.parse(position) if position else None
    entered = _date(v.get("stage_entered"), today)
    follow_up = after_sale(v["title"])
    deal_id, _ = deals.add(uow, customer_id, v["title"], values, rivals, bool(v.get("no_competitor")),
                           entered, follow_up)
    for item in v.get("roles") or []:
        if not isinstance(item, dict):
            raise BadInput("error.import_not_json", field="roles", value=str(item)[:40])
        person = refs.contact(uow.db, str(item.get("contact") or item.get("name") or ""), customer_id=customer_id)
        attitude = item.get("attitude")
        deals.link_role(uow, deal_id, person.id, vocab.ROLE.parse(str(item.get("role", ""))),
                        vocab.ATTITUDE.parse(attitude) if attitude else None)
    if delivered:
        move = deals.move(uow, deal_id, "deliver", _date(v.get("delivered_on"), entered), None, strict=False,
                          after_sale=follow_up)
        if move.after_sale and v.get("after_sale_done"):
            next_actions.close(uow, move.after_sale["id"], on=v["after_sale_done"])
    if v.get("outcome") in ("won", "lost"):
        # A book of business brought in holds deals closed before they were entered here.
        deals.close(uow, deal_id, v["outcome"], _date(v.get("closed_on"), today), v.get("lost_reason"),
                    force=True)
    if v.get("delivered_on") and not delivered:
        deals.update(uow, deal_id, {"delivered_on": v["delivered_on"]})


def deals(uow, rows, report, *, update: bool, today, after_sale, tick) -> None:
    from kacli.store import deals as store

    found = Customers(uow)
    existing = {(c, duplicate_key(n)): i for i, n, c in bulk.names(uow, "deal", "customer_id")}
    for row in rows:
        v = row.values
        column = "customer"
        try:
            customer_id = found.find(v["customer"])
            key = (customer_id, duplicate_key(v["title"]))
            column = "title"
            with _savepoint(uow):
                if key not in existing:
                    _deal(uow, customer_id, v, today, after_sale)
                    existing[key] = -1
                    report.added += 1
                elif update and existing[key] > 0:
                    fields = {k: v[k] for k in _DEAL_COLUMNS if k in v and k != "stage"}
                    changed = store.update(uow, existing[key], fields)
                    report.updated += bool(changed)
                    report.skipped += not changed
                else:
                    report.skipped += 1
        except BadInput as exc:
            _fail(report, row, column, exc)
        tick(1)


def _next_action(uow, customer_id: int, v: dict[str, Any], people: list[int], visit_id: int | None) -> None:
    from kacli.store import next_actions

    # Whom it is with: the column, else the first person met (as ``visit log --next`` does).
    contact = (refs.contact(uow.db, v["next_contact"], customer_id=customer_id).id if v.get("next_contact")
               else (people[0] if people else None))
    action = next_actions.add(uow, customer_id=customer_id, text=v["next"], due=v.get("next_due"),
                              contact_id=contact, visit_id=visit_id)
    if v.get("next_done"):
        next_actions.close(uow, action, on=v["next_done"])


def visits(uow, rows, report, *, update: bool, today, after_sale, tick) -> None:
    """Visits, with the next action each one set; a row with a next action and neither a date
    nor a kind is a next action on its own (``kacli next add``)."""
    from kacli.store import visits as store

    found = Customers(uow)
    seen = {(r[0], r[1], r[2], r[3] or "") for r in uow.db.rows("SELECT customer_id, date, kind, note FROM visit")}
    seen |= {(r[0], "next", r[1], r[2] or "") for r in uow.db.rows(
        "SELECT customer_id, text, due FROM next_action WHERE visit_id IS NULL AND kind = 'next'")}
    for row in rows:
        v = row.values
        column = "customer"
        try:
            customer_id = found.find(v["customer"])
            alone = v.get("next") and not v.get("date") and not v.get("kind")
            values = {"date": v.get("date") or today.isoformat(), "kind": v.get("kind", "visit"),
                      "note": v.get("note"), "planned": bool(v.get("planned")), "purpose": v.get("purpose"),
                      "gift_value": v.get("gift_value"), "satisfaction": v.get("satisfaction")}
            key = ((customer_id, "next", v["next"], v.get("next_due") or "") if alone
                   else (customer_id, values["date"], values["kind"], values["note"] or ""))
            if key in seen:
                report.skipped += 1
                continue
            column = "contacts"
            with _savepoint(uow):
                people = [refs.contact(uow.db, ref, customer_id=customer_id).id for ref in v.get("contacts", [])]
                visit_id = None if alone else store.add(uow, customer_id, values, people)
                if v.get("next"):
                    _next_action(uow, customer_id, v, people, visit_id)
            seen.add(key)
            report.added += 1
        except BadInput as exc:
            _fail(report, row, column, exc)
        finally:
            tick(1)


def _deal_of(uow, found: Customers, v: dict[str, Any]) -> int:
    if v.get("customer"):
        customer_id = found.find(v["customer"])
        exact = uow.db.scalar("SELECT id FROM deal WHERE customer_id = :c AND title = :t",
                              c=customer_id, t=v["deal"])
        if exact is not None:
            return exact
    return refs.deal(uow.db, v["deal"]).id


def payments(uow, rows, report, *, update: bool, today, after_sale, tick) -> None:
    from kacli.store import payments as store

    found = Customers(uow)
    seen = {("instalment", r[0], r[1], r[2]) for r in uow.db.rows("SELECT deal_id, due, amount FROM instalment")}
    seen |= {("payment", r[0], r[1], r[2]) for r in uow.db.rows("SELECT deal_id, date, amount FROM payment")}
    for row in rows:
        v = row.values
        try:
            deal_id = _deal_of(uow, found, v)
            kind, day = v.get("kind", "payment"), _date(v.get("date"), today)
            key = (kind, deal_id, day.isoformat(), v["amount"])
            if key in seen:
                report.skipped += 1
                continue
            with _savepoint(uow):
                if kind == "instalment":
                    store.plan(uow, deal_id, v["amount"], day, today)
                else:
                    store.receive(uow, deal_id, v["amount"], day, v.get("note"), today)
            seen.add(key)
            report.added += 1
        except BadInput as exc:
            _fail(report, row, "deal", exc)
        finally:
            tick(1)


WRITERS = {"customers": customers, "contacts": contacts, "deals": deals, "visits": visits,
           "payments": payments}

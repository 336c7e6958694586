"""Merging a customer into another, or a contact into another at the same customer.

Everything linked to the merged record moves to the one kept, in the caller's transaction: for a
customer its contacts, visits, next actions, deals (with their payments, instalments, roles and
stage history), competitors, named facts and history; for a contact its visits, buying roles, next
actions, named facts and history. Then the merged record is removed. Which values win is
``kacli.domain.merge``. Rows in tables this module does not name are moved too: every column with
a foreign key to the merged record is pointed at the kept one (a row the kept record already has
an equal of is dropped with the merged record).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kacli.domain import merge
from kacli.domain.text import fold
from kacli.errors import BadInput
from kacli.store import contacts, customers, engines, history
from kacli.store.db import Db

_OWN = ("id", "name", "name_pinyin", "name_initials", "name_key", "created_at", "updated_at")
CUSTOMER_FIELDS_SKIPPED = _OWN
CONTACT_FIELDS_SKIPPED = (*_OWN, "customer_id", "customer", "forgotten_at")
COMPETITOR_FIELDS = ("product", "satisfaction", "salesperson", "style", "relationship")


@dataclass
class Merged:
    """What a merge did, for the message after it."""

    kept: str
    merged: str
    contacts_joined: list[tuple[str, str]] = field(default_factory=list)  # (merged, kept) names
    facts_renamed: list[str] = field(default_factory=list)  # facts kept under "KEY (NAME)"
    fields: list[str] = field(default_factory=list)  # the kept record's fields that were filled


def plan(db: Db, source_id: int, target_id: int) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Before a customer merge: what moves (counts), and which contacts are the same person."""
    counts = customers.dependents(db, source_id)
    return counts, _same_people(db, source_id, target_id)


def _same_people(db: Db, source_id: int, target_id: int) -> list[tuple[str, str]]:
    rows = db.rows("""SELECT s.name, t.name FROM contact s JOIN contact t ON t.name_key = s.name_key
                      WHERE s.customer_id = :s AND t.customer_id = :t ORDER BY s.id""",
                   s=source_id, t=target_id)
    return [(r[0], r[1]) for r in rows]


def customer(uow, source_id: int, target_id: int) -> Merged:
    """Merge customer ``source_id`` into ``target_id`` and remove it."""
    if source_id == target_id:
        raise BadInput("error.merge_itself")
    source, target = customers.get(uow.db, source_id), customers.get(uow.db, target_id)
    done = Merged(kept=target["name"], merged=source["name"])
    _contacts_into(uow, source_id, target_id, done)
    _competitors_into(uow, source_id, target_id)
    fields = [f for f in source if f not in CUSTOMER_FIELDS_SKIPPED]
    values = merge.filled(target, source, fields, lists=customers.LIST_FIELDS)
    new_facts = merge.facts(customers.facts(uow.db, target_id), customers.facts(uow.db, source_id),
                            source["name"])
    done.facts_renamed = [k for k in new_facts if k not in customers.facts(uow.db, source_id)]
    done.fields = customers.update(uow, target_id, values, new_facts, [])
    _repoint(uow.db, "customer", source_id, target_id)
    history.record(uow, customer_id=target_id, field="merged", old=source["name"], new=target["name"])
    customers.remove(uow, source_id)
    return done


def _contacts_into(uow, source_id: int, target_id: int, done: Merged) -> None:
    """Move the source customer's people; one with the same name as a person there joins them."""
    if uow.db.scalar("SELECT count(*) FROM contact WHERE customer_id = :t AND is_primary = 1",
                     t=target_id):
        for (moved_id,) in uow.db.rows("SELECT id FROM contact WHERE customer_id = :s AND is_primary = 1",
                                       s=source_id):
            uow.db.execute("UPDATE contact SET is_primary = 0 WHERE id = :id", id=moved_id)
            history.record(uow, customer_id=source_id, contact_id=moved_id, field="is_primary",
                           old=True, new=False)
    kept = {r["name_key"]: r["id"] for r in uow.db.rows(
        "SELECT id, name_key FROM contact WHERE customer_id = :t", t=target_id)}
    for person in uow.db.rows("SELECT id, name, name_key FROM contact WHERE customer_id = :s ORDER BY id",
                              s=source_id):
        same = kept.get(person["name_key"])
        if same is None:
            uow.db.execute("UPDATE contact SET customer_id = :t WHERE id = :id", t=target_id,
                           id=person["id"])
        else:
            joined = contact(uow, person["id"], same, across=True)
            done.contacts_joined.append((joined.merged, joined.kept))


def _competitors_into(uow, source_id: int, target_id: int) -> None:
    """A competitor recorded at both (same name) keeps the kept customer's details, filled in."""
    theirs = {fold(r["name"]): r for r in customers.competitors(uow.db, target_id)}
    for rival in customers.competitors(uow.db, source_id):
        same = theirs.get(fold(rival["name"]))
        if same is None:
            uow.db.execute("UPDATE competitor SET customer_id = :t WHERE id = :id", t=target_id,
                           id=rival["id"])
            continue
        values = merge.filled(same, rival, COMPETITOR_FIELDS)
        if values:
            customers.save_competitor(uow, target_id, same["name"], values)
        uow.db.execute("DELETE FROM competitor WHERE id = :id", id=rival["id"])


def contact(uow, source_id: int, target_id: int, *, across: bool = False) -> Merged:
    """Merge contact ``source_id`` into ``target_id`` (same customer, unless ``across``: during a
    customer merge) and remove it."""
    if source_id == target_id:
        raise BadInput("error.merge_itself")
    source, target = contacts.get(uow.db, source_id), contacts.get(uow.db, target_id)
    if source["customer_id"] != target["customer_id"] and not across:
        raise BadInput("error.merge_other_customer", name=source["name"], customer=source["customer"],
                       other=target["name"], other_customer=target["customer"])
    if target["forgotten_at"]:
        raise BadInput("error.merge_into_forgotten", name=target["name"])
    done = Merged(kept=target["name"], merged=source["name"])
    fields = [f for f in source if f not in CONTACT_FIELDS_SKIPPED]
    values = merge.contact_filled(target, source, fields, lists=contacts.CONTACT_LISTS)
    mine, theirs = contacts.facts(uow.db, target_id), contacts.facts(uow.db, source_id)
    new_facts = merge.facts(mine, theirs, source["name"])
    done.facts_renamed = [k for k in new_facts if k not in theirs]
    done.fields = contacts.update(uow, target_id, values, new_facts, [])
    # A role both hold in one deal keeps the kept contact's row, with the attitude filled in.
    uow.db.execute(
        """UPDATE deal_role SET attitude = (
               SELECT s.attitude FROM deal_role s WHERE s.contact_id = :s
                 AND s.deal_id = deal_role.deal_id AND s.role = deal_role.role)
           WHERE contact_id = :t AND attitude IS NULL""", s=source_id, t=target_id)
    _repoint(uow.db, "contact", source_id, target_id)
    history.record(uow, customer_id=target["customer_id"], contact_id=target_id, field="merged",
                   old=source["name"], new=target["name"])
    uow.db.execute("DELETE FROM contact WHERE id = :id", id=source_id)
    return done


def _repoint(db: Db, table: str, source_id: int, target_id: int) -> None:
    """Point every foreign key to ``table``'s row ``source_id`` at ``target_id``; a row that would
    then equal one already there is left to go with the source row."""
    links = engines.part(db, "links")  # the schema is read in each engine's own words
    for name, column in links.references_to(db, table):
        links.repoint(db, name, column, source_id, target_id)

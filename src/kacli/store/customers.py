"""Customers: reads (on a ``Db``) and writes (on a ``UnitOfWork``), one function per question."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kacli.errors import BadInput
from kacli.store import history
from kacli.store.db import Db

LIST_FIELDS = ("phones", "product_lines", "tags")
SEARCH_COLUMNS = ("name_pinyin", "name_initials", "name_key")  # derived from the name: no history
FLAG_FIELDS = (
    "need", "can_pay", "has_authority", "industry_fit", "has_project_info", "tech_fit",
    "credit_good", "size_sound", "reach_department", "reach_decision_maker",
)


def decode(row, list_fields=LIST_FIELDS, flag_fields=FLAG_FIELDS) -> dict[str, Any]:
    """A row as a plain dict, with JSON lists decoded and 0/1 flags as booleans."""
    out = dict(zip(row.keys(), tuple(row), strict=True))
    for field in list_fields:
        if field in out:
            out[field] = json.loads(out[field] or "[]")
    for field in flag_fields:
        if field in out and out[field] is not None:
            out[field] = bool(out[field])
    return out


def encode(values: dict[str, Any]) -> dict[str, Any]:
    """Column values for a write: lists as JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
            for k, v in values.items()}


# ---- reads ----------------------------------------------------------------------------------

def get(db: Db, customer_id: int) -> dict[str, Any]:
    return decode(db.row("SELECT * FROM customer WHERE id = :id", id=customer_id))


def facts(db: Db, customer_id: int) -> dict[str, str]:
    rows = db.rows("SELECT key, value FROM customer_fact WHERE customer_id = :id ORDER BY key",
                   id=customer_id)
    return {r[0]: r[1] for r in rows}


def competitors(db: Db, customer_id: int) -> list[dict[str, Any]]:
    rows = db.rows("SELECT * FROM competitor WHERE customer_id = :id ORDER BY id", id=customer_id)
    return [decode(r, (), ()) for r in rows]


def listing(db: Db, *, kind: str | None = None, status: str | None = None,
            tag: str | None = None) -> list[dict[str, Any]]:
    """Customers with their contact count, filtered; by name."""
    return list(each_listed(db, kind=kind, status=status, tag=tag))


def each_listed(db: Db, *, kind: str | None = None, status: str | None = None,
                tag: str | None = None) -> Iterator[dict[str, Any]]:
    """``listing`` one customer at a time, as the dossier gives them (for ``customer list``).

    ``tag`` is one whole tag, its case ignored: the tags are a JSON list, read here in Python, so
    the match is the same on both engines (a server's LIKE minds case) and a tag is never a
    pattern."""
    rows = db.each(
        """SELECT c.id, c.name, c.kind, c.status, c.industry, c.grade_manual, c.tags,
                  c.buy_within, c.expected_purchase, c.purchase_cycle, c.batch, c.created_at,
                  (SELECT count(*) FROM contact WHERE contact.customer_id = c.id) AS contacts
           FROM customer c
           WHERE (:kind IS NULL OR c.kind = :kind) AND (:status IS NULL OR c.status = :status)
           ORDER BY c.name_pinyin, c.name""",
        kind=kind, status=status,
    )
    listed = (decode(r, ("tags",), ()) for r in rows)
    if not tag:
        return listed
    wanted = tag.casefold()
    return (c for c in listed if any(t.casefold() == wanted for t in c["tags"]))


def dependents(db: Db, customer_id: int) -> dict[str, int]:
    """What goes with a customer when it is removed."""
    counts = {}
    for label, sql in (
        ("contacts", "SELECT count(*) FROM contact WHERE customer_id = :id"),
        ("competitors", "SELECT count(*) FROM competitor WHERE customer_id = :id"),
        ("visits", "SELECT count(*) FROM visit WHERE customer_id = :id"),
        ("deals", "SELECT count(*) FROM deal WHERE customer_id = :id"),
        ("next_actions", "SELECT count(*) FROM next_action WHERE customer_id = :id"),
        ("changes", "SELECT count(*) FROM change WHERE customer_id = :id"),
    ):
        counts[label] = db.scalar(sql, id=customer_id)
    return counts


def count(db: Db) -> int:
    return db.scalar("SELECT count(*) FROM customer")


# ---- writes ---------------------------------------------------------------------------------

def _check_unique(uow, name: str, except_id: int | None = None) -> str:
    """``name``'s lookup key; BadInput when another customer's name has the same key (the same
    name but for case, width, invisible characters or script)."""
    from kacli.domain.names import lookup_key

    key = lookup_key(name)
    found = uow.db.row("SELECT id, name FROM customer WHERE name_key = :key AND id != :me LIMIT 1",
                       key=key, me=-1 if except_id is None else except_id)
    if found is not None:
        raise BadInput("error.duplicate_customer", name=found["name"], id=found["id"])
    return key


def add(uow, name: str, values: dict[str, Any], new_facts: dict[str, str]):
    from kacli.domain.names import search_keys
    from kacli.store.models import Customer, CustomerFact

    key = _check_unique(uow, name)
    pinyin, initials = search_keys(name)
    customer = uow.add(Customer(name=name, name_pinyin=pinyin, name_initials=initials, name_key=key,
                                created_at=uow.now, updated_at=uow.now, **encode(values)))
    uow.flush()
    history.record(uow, customer_id=customer.id, field="created", old=None, new=name)
    for key, value in new_facts.items():
        uow.add(CustomerFact(customer_id=customer.id, key=key, value=value))
    return customer


def update(uow, customer_id: int, values: dict[str, Any], set_facts: dict[str, str],
           unset_facts: list[str]) -> list[str]:
    """Apply the changes; the fields that actually changed (facts as ``fact:key``)."""
    from kacli.domain.names import search_keys
    from kacli.store.models import Customer

    customer = uow.session.get(Customer, customer_id)
    values = encode(values)
    if "name" in values and values["name"] != customer.name:
        values["name_key"] = _check_unique(uow, values["name"], customer_id)
        values["name_pinyin"], values["name_initials"] = search_keys(values["name"])
    changed = history.apply(uow, customer, values, customer_id=customer_id)
    changed = [f for f in changed if f not in SEARCH_COLUMNS]
    if set_facts or unset_facts:  # the facts' table is only built for a command that has some
        from kacli.store.models import CustomerFact

        changed += set_fact_values(uow, CustomerFact, "customer_id", customer_id, set_facts,
                                   unset_facts, customer_id=customer_id)
    if changed:
        customer.updated_at = uow.now
    return changed


def set_fact_values(uow, model, owner_field: str, owner_id: int, set_facts: dict[str, str],
                    unset_facts: list[str], *, customer_id: int, contact_id: int | None = None
                    ) -> list[str]:
    """Set and unset named facts on a customer or contact, recording each change."""
    changed = []
    for key, value in set_facts.items():
        fact = uow.session.get(model, (owner_id, key))
        old = fact.value if fact else None
        if old == value:
            continue
        if fact:
            fact.value = value
        else:
            uow.add(model(**{owner_field: owner_id, "key": key, "value": value}))
        history.record(uow, customer_id=customer_id, contact_id=contact_id,
                       field=f"fact:{key}", old=old, new=value)
        changed.append(f"fact:{key}")
    for key in unset_facts:
        fact = uow.session.get(model, (owner_id, key))
        if fact is None:
            raise BadInput("error.unknown_fact", name=key)
        history.record(uow, customer_id=customer_id, contact_id=contact_id,
                       field=f"fact:{key}", old=fact.value, new=None)
        uow.session.delete(fact)
        changed.append(f"fact:{key}")
    return changed


def remove(uow, customer_id: int) -> None:
    # Foreign keys cascade: contacts, competitors, facts, history, visits, deals go with it.
    uow.db.execute("DELETE FROM customer WHERE id = :id", id=customer_id)


def save_competitor(uow, customer_id: int, name: str, values: dict[str, Any]) -> tuple[int, bool]:
    """Add or update the competitor ``name`` at a customer; (its id, whether it is new)."""
    from kacli.store.models import Competitor

    found = uow.db.scalar("SELECT id FROM competitor WHERE customer_id = :c AND name = :n",
                          c=customer_id, n=name)
    if found is None:
        row = uow.add(Competitor(customer_id=customer_id, name=name, **values))
        uow.flush()
        history.record(uow, customer_id=customer_id, field="competitor", old=None, new=name)
        return row.id, True
    row = uow.session.get(Competitor, found)
    history.apply(uow, row, {k: v for k, v in values.items() if v is not None},
                  customer_id=customer_id, prefix=f"competitor:{name}:")
    return found, False


def remove_competitor(uow, customer_id: int, name: str) -> None:
    gone = uow.db.execute("DELETE FROM competitor WHERE customer_id = :c AND name = :n",
                          c=customer_id, n=name)
    if not gone:
        raise BadInput("error.unknown_competitor", name=name)
    history.record(uow, customer_id=customer_id, field="competitor", old=name, new=None)
